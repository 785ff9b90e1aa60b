/**
 * The shape of an identity or token library model: which calls verify a token and what each of their options
 * means, which calls decode one without verifying it, which calls sign tokens and where their secret is, which
 * middleware or strategies authenticate with API keys or Basic credentials, and where verified claims are left
 * for the code that runs after. Models are plain data; the analysis reads them through
 * analysis/library-models.ts and never names a library itself.
 */

/** The checks Level 3 needs from a verification; `credentials` is "a request without a token is rejected". */
export type CheckName = 'algorithms' | 'issuer' | 'audience' | 'expiry' | 'credentials';

/**
 * How a call is reached, with `path` the members below the module's export (`['verify']` for `jwt.verify`,
 * `[]` for calling the default export, `['JwtModule', 'register']` for a static method):
 * - `export`: the export is called;
 * - `construct`: the export is constructed with `new`, or is the superclass whose constructor `super(…)` calls
 *   (also through a mixin such as `PassportStrategy(Strategy)`);
 * - `plugin`: the default export is registered as a plugin (`fastify.register(plugin, options)`);
 * - `service`: a method of an injected service (`this.jwtService.verify(…)`) in a file that imports the module,
 *   on a receiver whose name contains `receiverWord`; with `unimported`, also in a file that imports nothing of it;
 * - `chain`: the last call of a builder chain that starts with `new <export>(…)` (`new SignJWT(…)….sign(key)`);
 * - `method`: a method of that name on any receiver (`passport.authenticate('basic')`);
 * - `function`: a function or method of that name, wherever it comes from (a project's own `verifyAccess()`);
 * - `member`: a method of one of these names on an object the module made, traced through calls, members and
 *   constants (`admin.auth().verifyIdToken(…)`, `supabase.auth.getUser(…)` after `createClient(…)`); with
 *   `receivers`, also on a receiver of one of those names wherever it comes from (a client another file made:
 *   `supabase.auth.getUser(…)` is a call on a receiver named `auth`); with `receiverRoots`, only where the
 *   receiver's root variable, or the module it is imported from, has one of those words in its name (`supabase`).
 */
export type CallShape =
  | { export: readonly string[] }
  | { construct: readonly string[] }
  | { plugin: true }
  | { service: readonly string[]; receiverWord: string; unimported?: UnimportedCall }
  | { chain: readonly string[]; method: string }
  | { method: string }
  | { function: string }
  | { member: readonly string[]; receivers?: readonly string[]; receiverRoots?: readonly string[] };

/**
 * How a call of a library that one file registers and another configures is known where nothing imports the
 * library (a hapi auth plugin listed in a glue manifest, or registered in `server.js`): string arguments at given
 * positions (the scheme name `'jwt'`) and an option only this library reads (`key` for hapi-auth-jwt2, `keys` for
 * @hapi/jwt), which tells apart two libraries that register the same scheme name.
 */
export interface UnimportedCall {
  strings: readonly { index: number; value: string }[];
  option: { argument: number; key: string };
}

/**
 * Where a call's key or secret is: an argument, or options (`secretOrKey`, `secret.public`) of the argument at
 * `optionsArgument` (for verifications, their options argument unless given).
 */
export type KeyLocation = { argument: number } | { options: readonly string[]; optionsArgument?: number };

/** A check the library performs unless an option switches it off: `{ ignoreExpiration: true }`. */
export interface OptionSwitch {
  /** Dotted option path (`validators.exp`). */
  path: string;
  check: CheckName;
  /** The value that switches the check off. */
  value: boolean;
}

/** How a verification call spells each check. Option paths are dotted (`verify.allowedAud`); alternatives are listed. */
export interface VerifyOptions {
  /** The index of the options argument; an absent options argument is an empty object. Absent when the call
   * takes no options that weaken verification (the library checks everything itself). */
  index?: number;
  /** The allow-list of algorithms. Absent when the library pins them by itself. */
  algorithms?: readonly string[];
  /** Options that name one algorithm (hono `alg`, `tokenSigningAlg`), judged like an allow-list of one. */
  singleAlgorithm?: readonly string[];
  issuer?: readonly string[];
  audience?: readonly string[];
  switches?: readonly OptionSwitch[];
  clockTolerance?: { paths: readonly string[]; unit: 'seconds' | 'milliseconds' | 'timespan' };
  /**
   * The argument at `index` may instead be the algorithm itself, as a string or a list (hono `verify(token, key,
   * 'HS256')`, jws `verify(signature, 'RS256', key)`), judged like an allow-list.
   */
  algorithmArgument?: boolean;
  /** With fewer arguments the library takes the algorithm from the token's own header (jws `verify(signature, key)`). */
  minimumArguments?: number;
  /**
   * Checks the library never makes and has no option for (@tsndr/cloudflare-worker-jwt checks no issuer or
   * audience): its verifications never pin them. An absent option elsewhere means the library pins it by itself.
   */
  unchecked?: readonly CheckName[];
}

/** A call that verifies a token. */
export interface VerifierModel {
  call: readonly CallShape[];
  options: VerifyOptions;
  key?: KeyLocation;
  /** The key also signs (a module or plugin configured once with one secret). */
  keySigns?: boolean;
  /** Middleware that guards the routes it is handed to (`expressjwt({…})`, koa-jwt, hono `jwt()`). */
  middleware?: boolean;
  /** A strategy or plugin that authenticates the routes of a framework rather than one call. */
  strategy?: boolean;
  /**
   * The name passport registers the strategy under unless the code gives one (`passport.use('jwt-refresh', new
   * Strategy(…))`, Nest's `PassportStrategy(Strategy, 'jwt-refresh')`): what `AuthGuard('jwt')` selects it by.
   */
  strategyName?: string;
  /**
   * The call establishes a session rather than verifying a token the request carries (a login's session cookie):
   * it authenticates the caller, but pins no algorithms, issuer or audience, so its routes stop at Level 2.
   */
  session?: boolean;
  /**
   * With `session` and `middleware`: the middleware restores a login session's user onto the request at this path
   * (`req.user` after `passport.session()`) and lets anonymous requests through, so it authenticates only the routes
   * whose code requires or decides on what it restored.
   */
  restores?: string;
  /** The member of the call's result that holds the claims (`payload` of jose's `jwtVerify`). */
  resultMember?: string;
  /**
   * Module-wide defaults that per-call verifications inherit (`JwtModule.register({ verifyOptions })`); the value
   * is the option that holds them. A file whose registration sets none judges its calls on their own options.
   */
  defaultsFor?: string;
  /** Per-call options merged with such defaults: an absent option is unknown, not missing. */
  inheritsDefaults?: boolean;
}

/** A call other than a verification above that takes a key: signing, or checking a signature with no options. */
export interface KeyUseModel {
  call: readonly CallShape[];
  key: KeyLocation;
  role: 'sign' | 'verify';
  /** For signing: the options argument that sets algorithm, issuer, audience and expiry (`sign(payload, key, options)`). */
  options?: { index: number; algorithm: string; issuer: string; audience: string; expiry?: string };
  /** For signing: where the claims are (an argument, or the first argument of the chain's `new`). */
  claims?: { argument: number } | { chainArgument: number };
  /** For signing chains: the method that sets an expiry (`setExpirationTime`). */
  expiryMethod?: string;
}

/** What a token call returns, as the data-flow analysis reads it. */
export type TokenResult =
  /** Claims decoded without verification. */
  | { claims: 'unverified' }
  /**
   * Claims of a verified token; with `session`, a session the server established and checked (Auth.js `auth()`): testing
   * that it holds a user is the authentication itself, not a decision on claims.
   */
  | { claims: 'verified'; session?: true }
  /** An object whose members hold the claims (`{ payload }` from jose's `jwtVerify`, `{ data: { user } }` as `data.user`). */
  | { claims: 'unverified' | 'verified'; members: readonly string[] }
  /**
   * Verified when a key is passed at `keyArgument` (not an options object) and the argument at `skipArgument`
   * is not `true`; decoded without verification otherwise (jwt-simple's `decode(token, key, noVerify)`).
   */
  | { claims: 'verified-with-key'; keyArgument: number; skipArgument: number };

/**
 * A function or method name that returns claims. The data-flow analysis reads `<receiver>.<name>(…)` this way on
 * a receiver named like a token library (see `receiverWords`), and a bare `<name>(…)` when the file imports it
 * from one of the model's modules.
 */
export interface TokenCall {
  name: string;
  result: TokenResult;
  /**
   * How the call reads where its module is not certain (a receiver named `jwt`, a bare name from any token
   * library). At most one model claims a name this way.
   */
  byName?: boolean;
  /** A bare call of this name decodes a token whatever the file imports (`jwtDecode(token)`). */
  anyImport?: boolean;
  /**
   * The call is read wherever its callee traces back to one of the model's modules, through members, calls and
   * constants: a method of a client the module made (`supabase.auth.getUser(…)`), of `admin.auth()`, or a
   * function the module exports under another local name.
   */
  traced?: boolean;
  /** With `traced`: the call returns a function (`createDecoder()`), and calling that function returns `result`. */
  returnsFunction?: boolean;
  /**
   * With `traced`: receivers that mean the library wherever they come from, by their last name (`auth` in
   * `supabase.auth.getUser(…)`, `auth()` in `admin.auth().verifyIdToken(…)`), for clients made in another file.
   */
  receivers?: readonly string[];
  /** With `receivers`: words the receiver's root variable or its module must have in its name (see CallShape `member`). */
  receiverRoots?: readonly string[];
}

/**
 * A member of what calling one of the module's exports returns, which an app exports from a file of its own for the
 * rest of the project (`export const { auth } = NextAuth(config)`, `export const auth = nextAuth.auth`). The summary
 * records such exports as plain data; the model says what the member does.
 */
export interface ResultMemberModel {
  /** The export called, as in CallShape `export` (`[]` for the default export). */
  of: readonly string[];
  member: string;
  /** What calling the member returns (`auth()`: the verified session). */
  result: TokenResult;
  /** Calling the member authenticates the caller by a session (see VerifierModel `session`). */
  session?: boolean;
  /**
   * Calling the member with a function wraps it as a handler or middleware (`auth((req) => …)`): the request the
   * function gets carries the verified session at this property (`auth` for `req.auth`).
   */
  wrapsHandler?: { requestProperty: string };
}

export type SchemeKind = 'api-key' | 'basic' | 'digest';

/** Middleware, a plugin or a strategy that authenticates with a static key or Basic/Digest credentials. */
export interface SchemeModel {
  kind: SchemeKind;
  call: readonly CallShape[];
}

/** Where verified-token middleware or a strategy leaves the claims for the code after it. */
export interface ClaimsLocation {
  /** The claims object a handler reads (`req.auth`, `ctx.state.user`, `c.get('jwtPayload')`). */
  path: string;
  /** An option that renames it, and the object the renamed property lives on (`requestProperty` → `req.`). */
  renamedBy?: { option: string; base: string };
  /** The framework whose routes take the middleware as an argument, for fixes that add it to a route. */
  framework?: 'express' | 'koa' | 'hono';
  /** Importing one of these modules alone says the file's request handlers read claims at `path`. */
  impliedBy?: readonly string[];
}

export interface LibraryModel {
  /** The name reports use for the library (`jsonwebtoken`, `@fastify/jwt`). */
  id: string;
  /**
   * The modules it is imported from. A model with none (a project's own helpers, in settings) applies to every
   * file: its token calls are read by name and its verified paths everywhere.
   */
  modules: readonly string[];
  verifies?: readonly VerifierModel[];
  keys?: readonly KeyUseModel[];
  tokenCalls?: readonly TokenCall[];
  schemes?: readonly SchemeModel[];
  /** Strategy names this library registers, and the scheme each means (`basic`, `headerapikey`). */
  strategies?: Readonly<Record<string, SchemeKind>>;
  /** Calls that choose a strategy by name as their first argument (`passport.authenticate('basic')`, `AuthGuard('jwt')`). */
  strategySelectors?: readonly CallShape[];
  claims?: ClaimsLocation;
  /** The modules a remedy may name as this library's verifier, in the registry's order of preference. */
  remedyModules?: readonly string[];
  /** Words that, in a receiver's name, say the receiver is a token library (`jwt.decode`, `tokenService.verify`). */
  receiverWords?: readonly string[];
  /** Functions that return the issuer's RSA signing keys (jwks-rsa's `expressJwtSecret`), for the algorithms a fix pins. */
  rsaKeySets?: readonly string[];
  /** Exports that take the verification key from the token's own header (jose's `EmbeddedJWK`). */
  embeddedKeys?: readonly string[];
  /** Dotted paths that hold verified claims in a file that imports the library (`req.oidc.user`). */
  verifiedPaths?: readonly string[];
  /** Members of what a call of an export returns, as an app's own file re-exports them (see ResultMemberModel). */
  resultMembers?: readonly ResultMemberModel[];
  /** Calls that read, change or delete records (an in-house data layer's `loadInvoice(id)`). */
  records?: readonly RecordCallModel[];
}

/**
 * A call that reads, changes or deletes records, judged by the object-level checks as an ORM's `findById` is:
 * its `selector` argument (the first unless given) chooses the record, either as an id or as a filter object
 * whose id keys choose it and whose owner keys (`userId`, `tenantId`…) scope it.
 */
export interface RecordCallModel {
  call: readonly CallShape[];
  operation: 'read' | 'change' | 'delete';
  selector?: number;
}
