import { isStrategyMarker, selectedStrategy } from './strategy-markers';
import { AST_NODE_TYPES as NODE_TYPES } from '@typescript-eslint/types';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { analyzeSourceCode, type FileAnalysis, type ResolvedAccess } from './index';
import { isPrivilegeName } from './names';
import { OwnershipChecks, uncheckedDescription, type CallerCheck, type CheckIfSet } from './ownership';
import type { RouteLevel, Span } from './findings';
import { spanOf } from './findings';
import { getRouteModel, type ChainLink, type Framework, type ImportRef, type Range, type Route, type RouteModel } from './routes';
import { calleeName, dottedPath, isFunctionNode, memberName, staticString, unwrap } from './syntax';
import { describeValue } from './describe';
import { trimTrailingSlashes } from '../util/slashes';
import { declaredValue } from '../util/find-variable';
import type { Decision, TrustValue } from './types';
import { getCredentialFacts, type CheckName, type SecretUse, type Verification } from './credentials';
import { importRefOf } from './imports';
import { conventionalClaimProp, requestPropOfValue, returnedWrites, type RequestWrite, type WrittenOrigin } from './request-writes';
import { toPortable, type PortableValue } from './portable';
import { cachedPattern, matches } from '../util/wildcard';
import { VOCABULARY } from './framework-models';
import { skipsRoute, underPrefix, type ListReader, type PathTest } from './path-skips';

// The package re-exports the enum through two getters; hot loops read it once per module instead.
const AST_NODE_TYPES = NODE_TYPES;

/**
 * The API Security Maturity grade of each route (DESIGN.md, "Maturity grade"), computed from the facts
 * the rules report on: decisions and privilege writes from the analysis, token verification and
 * API-key/Basic schemes from the credential facts. Facts are plain data with spans, so the CLI can join
 * a router's facts with those of the file that mounts it.
 */

/**
 * The ClaimGuard rule that reports a fact in the file where the fact is written, with what decides whether it
 * does under its options: so `maturity-level` does not report the same reason again (util/enabled-rules.ts).
 */
export interface ReportedBy {
  rule: 'no-api-key-auth' | 'no-hardcoded-jwt-secret' | 'no-untrusted-authorization' | 'no-unverified-claims' | 'no-privilege-from-request' | 'require-jwt-validation' | 'require-ownership-check';
  /** require-jwt-validation: the checks the verification certainly leaves out, and those it cannot resolve. */
  checks?: readonly CheckName[];
  unresolved?: readonly CheckName[];
  /** no-api-key-auth: the route paths the scheme guards in its file (its `allowRoutes` option may allow them). */
  routes?: readonly string[];
}

export interface Fact {
  /** What the reason line says, without the line number: "role from header 'x-role'". */
  description: string;
  span: Span;
  /** Set when the fact is in another file than the route (a mounting app, imported middleware). */
  file?: string;
  /** The rule that reports this fact itself; absent for what only the grade says (code this file cannot see). */
  reportedBy?: ReportedBy;
  /**
   * A scheme that is a server-side session, with the expression that holds its subject (`req.session.userId`): a
   * verified subject for object-level checks, and for the grade an authenticated caller with nothing to pin (see
   * withSessionsVerified).
   */
  session?: string;
  /** The code that establishes the fact lets these paths through without running (see path-skips.ts). */
  skippedOn?: readonly PathTest[];
}

/** One reason a grade gives. */
export interface GradeReason {
  text: string;
  span?: Span;
  /** Set when the fact is in another file than the route, as `Fact.file` names it. */
  file?: string;
  reportedBy?: ReportedBy;
  /** True for a reason that follows from the others and goes away with them ("no decision uses its claims"). */
  consequence?: boolean;
}

export interface VerificationFact extends Fact {
  /** What the verification leaves unpinned: `algorithms`, `issuer`, `audience`, `expiry`. */
  unpinned: readonly string[];
  /** A strategy marker (`passport.authenticate('jwt')`) whose strategy is configured in another file. */
  strategyElsewhere?: boolean;
  /** For a marker: the name of the strategy it selects (`jwt-refresh` in `AuthGuard('jwt-refresh')`). */
  selects?: string;
  /** For a configured strategy: the name passport registers it under. */
  strategyName?: string;
  /** Where the chain's later code reads the claims it verified (`req.auth.payload`), when the facts say so. */
  claimsPath?: string;
  /**
   * Made by a context builder that runs for every request (`createContext`): it authenticates a route only where the
   * chain requires or decides on what the builder put on the context; a public procedure beside it stays public.
   */
  contextual?: boolean;
  /** A verifier imported from this project file stands in for its code: the project index judges that code instead. */
  hiddenIn?: ImportRef;
  /** Why anyone who reads the source can sign tokens it accepts: its secret is a literal, or falls back to one. */
  forgeableKey?: string;
  /** The verifier's secret is a constant another project file exports: the project index looks for a literal there. */
  secretFrom?: ImportRef;
  /** A login session rather than a verified token (see VerifierModel `session`): there is nothing to pin. */
  sessionBased?: true;
  /** Where middleware restores the session's user for later code (`req.user` after `passport.session()`). */
  restores?: string;
  /**
   * A stand-in for the authentication code the framework is configured with (routing-controllers'
   * `authorizationChecker`, tsoa's `expressAuthentication`): linking puts that code's facts in its place. A marker
   * that names no token strategy (`@Security('api_key')`) stands for nothing when no such code is found. `optional`:
   * the framework does not deny when the code finds no one (`@CurrentUser()` without `required`), so the code counts
   * as it is written, not as required.
   */
  configuredBy?: { channel: string; tokenless?: true; optional?: true };
}

export interface DecisionFact extends Fact {
  /** `pending`: the value is a request property the project's middleware sets; the project index settles it per route. */
  trust: 'verified' | 'untrusted' | 'unverified' | 'pending';
  /** For a value read from the request: its path below it (`body.userId`, `claims.role`), which middleware may set. */
  prop?: string;
  /**
   * A decision on a property that holds verified identity by convention unless the chain sets it: `pending` for a
   * resolver context's `user`, `verified` for `req.user`, which a middleware that decodes the token overrides.
   */
  verifiedUnlessWritten?: boolean;
  /** A sign-in gate (`if (!ctx.user) throw …`) on a property the chain sets: no decision, but it requires the identity. */
  presence?: boolean;
  /** Decided only on routes that carry the metadata its guard reads (see Decision `whereMarked`). */
  whereMarked?: true;
  /** Privilege writes (a role from the body) hold a route below Level 3 but do not make a sign-up route protected. */
  privilegeWrite?: boolean;
  /** The claim a decision on verified claims reads (`roles`, `sub`): a role gate or an identity check. */
  claim?: string;
  /** Data scoping (a filter by the owner), which keeps the caller to their records but is no gate on the route. */
  scope?: true;
  /**
   * Request values (as `prop`s) a verified data scope looked up together with the caller: a guard that found the
   * caller's membership of `params.workspaceId` has checked that id for the rest of the chain.
   */
  anchors?: readonly string[];
  /** A record picked by a client id that nothing checks is the caller's: untrusted unless the chain settles it. */
  unchecked?: UncheckedFact;
}

/** What can still make an unchecked record access checked once the route is linked. */
export interface UncheckedFact {
  /** Request properties that check the caller if the chain sets them from verified claims. */
  ifSet?: readonly CheckIfSet[];
  /** The access is a call of this import: when the function reads records itself, its own facts stand instead. */
  via?: ImportRef;
}

/**
 * Claims that name who the caller is or which tenant they act for; a user record's own key (`user.id` after
 * passport restored it) names the caller as `sub` does a token's.
 */
const IDENTITY_CLAIM = /(^|\.)(_?id|sub|oid|uid|user_?id|email|tenant(_?id)?|org(_?id)?|account(_?id)?|owner)$/i;

/**
 * A decision of the chain on the verified roles (`requireRole('admin')`, `@Auth(Role.Admin)`), or a comparison of
 * the caller's identity claim with the requested one (`requireSelf`): the route authorizes access to the record
 * already. Data scoping elsewhere on the chain is no such gate.
 */
export function isGatedOnCaller(decisions: readonly DecisionFact[]): boolean {
  return decisions.some((decision) => decision.trust === 'verified' && !decision.scope && decision.claim !== undefined && (isPrivilegeName(decision.claim) || IDENTITY_CLAIM.test(decision.claim)));
}

/** A call into another file of the project, with what it passes (what the callee does with it is in its summary). */
export interface CallFact extends ImportRef {
  args?: readonly (readonly PortableValue[])[];
  /** The call runs in code that lets these paths through first. */
  skippedOn?: readonly PathTest[];
  /** The function making the call checks the caller itself, or would once the chain sets these request properties. */
  callerCheck?: CallerCheck;
}

export interface UnknownFact extends Fact {
  /** The relative import to look into; absent when no file of the project can say more (a package, a global). */
  ref?: ImportRef;
  /** Set once the whole project was searched: why the import could not be followed. */
  why?: string;
  /** An imported `use` argument: when it turns out to be a router, it is a mount rather than middleware. */
  mayBeRouter?: boolean;
  /** The route's handler: what it writes on the request is its answer, not input for later code. */
  handler?: boolean;
  /** A server decorator (`fastify.authenticate`) the project registers in another file. */
  decoration?: string;
  /**
   * An imported call whose result the chain tests and answers 401 on (`if (!session) return 401` after `auth()`): the
   * authentication it brings is required, even where it would count only where required (`contextual`).
   */
  checked?: true;
  /** A context builder in another file: what its function returns is what the resolvers after it read from their context. */
  context?: boolean;
  /**
   * The strategy's name is a constant another project file exports (`jwtAuth.name`): the project index reads it
   * there. `where` is the code that sets the strategy, as reasons name it (`server.auth.default(jwtAuth.name)`).
   */
  namedBy?: { ref: ImportRef; where: string };
  /** Imported middleware used under this prefix (`app.use('/api', auth)`): the paths its code lets through are below it. */
  usePrefix?: string;
  /** Middleware from a package no model describes, which may authenticate (a model in `settings.claimguard.models` says). */
  unmodelled?: true;
}

/** Everything on one route's chain that decides its level. */
export interface ChainFacts {
  schemes: readonly Fact[];
  verifications: readonly VerificationFact[];
  decisions: readonly DecisionFact[];
  unknown: readonly UnknownFact[];
  /** The chain reads the verified caller (`req.user`, `@User()`), so its data is already scoped to them. */
  readsCaller?: boolean;
  /** Functions of the project's other files that the chain's code calls (services, helpers), still to be followed. */
  calls?: readonly CallFact[];
  /**
   * Methods the chain's code calls on a request or reply parameter (`request.isAdmin(reply)`), by name: where another
   * file of the project decorates the requests with one (`decorateRequest('isAdmin', …)`), its code runs there; most
   * (`reply.send()`) are the framework's own and stand for nothing.
   */
  requestMethods?: readonly string[];
  /** What the chain's code puts on the request for later links (`req.claims = payload`), in the order it runs. */
  writes?: readonly ChainWrite[];
  /** Verifications on the chain that let this route's path through (an allow-list), so they do not hold on it. */
  letThrough?: readonly VerificationFact[];
}

/** A request property written on the chain, as plain data (see request-writes.ts). */
export interface ChainWrite {
  prop: string;
  trust: RequestWrite['trust'];
  from?: string;
  /** For caller input: where it came from (`header 'x-role'`). */
  origin?: WrittenOrigin;
  /** Returned by a context builder rather than written on the request by middleware. */
  context?: boolean;
  /** Written by code that lets these paths through without running. */
  skippedOn?: readonly PathTest[];
}

export interface Grade {
  level: RouteLevel;
  reasons: GradeReason[];
  nextStep: string;
  /** False for routes with no authentication and no authorization decision: public by design or by mistake. */
  protectedRoute: boolean;
}

/** A route with the facts of its chain in this file, before the grade. */
export interface RouteFacts {
  route: Route;
  facts: ChainFacts;
}

/** One file's routes and what other files need to join with them. */
export interface FileFacts {
  routes: readonly RouteFacts[];
  model: RouteModel;
  /** The facts of each exported declaration, for imports from other files. */
  exportFacts(name: string): ChainFacts | undefined;
  /** The facts of a chain of this file that ends before any handler (a mount's middleware, an export). */
  chainFacts(chain: readonly ChainLink[]): ChainFacts;
}

/** Library middleware that checks scopes or claims of the verified token. */
const CLAIM_CHECKS = /^(requiredScopes|scopeIncludesAny|claimCheck|claimIncludes|claimEquals|jwtAuthz|checkScopes|requireScopes|requirePermissions)$/;

export const EMPTY_FACTS: ChainFacts = { schemes: [], verifications: [], decisions: [], unknown: [] };

export function mergeFacts(...parts: readonly ChainFacts[]): ChainFacts {
  // One fact reached twice (a helper both called and named as the route's authentication) is still one fact.
  const once = <T>(list: readonly T[]): T[] => [...new Set(list)];
  return {
    schemes: once(parts.flatMap((part) => part.schemes)),
    verifications: once(parts.flatMap((part) => part.verifications)),
    decisions: once(parts.flatMap((part) => part.decisions)),
    unknown: once(parts.flatMap((part) => part.unknown)),
    ...(parts.some((part) => part.readsCaller) ? { readsCaller: true } : {}),
    ...withWrites(parts.flatMap((part) => part.writes ?? [])),
  };
}

/** Facts as established by code that lets the paths `tests` name through: on those routes they do not hold. */
export function skippedOn(facts: ChainFacts, tests: readonly PathTest[] | undefined): ChainFacts {
  if (!tests || tests.length === 0) return facts;
  return eachSkippable(facts, (list) => list.map((item) => skippedFor(item, tests)));
}

/** The item as established by code that lets the paths `tests` name through, on top of what already did. */
function skippedFor<T extends Skippable>(item: T, tests: readonly PathTest[]): T {
  return { ...item, skippedOn: [...(item.skippedOn ?? []), ...tests] };
}

/** Facts of middleware used under a prefix: the paths its code reads relative to the mount are below the prefix. */
export function usedUnderPrefix(facts: ChainFacts, prefix: string | undefined): ChainFacts {
  if (prefix === undefined) return facts;
  return eachSkippable(facts, (list) => list.map((item) => (item.skippedOn ? { ...item, skippedOn: underPrefix(item.skippedOn, prefix) } : item)));
}

/** The facts that hold on a route: those whose code does not let its path (full, or inside its own router) through. */
export function onRoute(facts: ChainFacts, method: string, fullPath: string, localPath: string, readList?: ListReader): ChainFacts {
  const skips = (item: Skippable) => item.skippedOn !== undefined && skipsRoute(item.skippedOn, method, fullPath, localPath, readList);
  const letThrough = facts.verifications.filter(skips);
  return { ...eachSkippable(facts, (list) => list.filter((item) => !skips(item))), ...(letThrough.length > 0 ? { letThrough } : {}) };
}

type Skippable = { skippedOn?: readonly PathTest[] };

/** The facts with `map` applied to each list whose entries code can skip: facts, calls and writes. */
function eachSkippable(facts: ChainFacts, map: <T extends Skippable>(list: readonly T[]) => T[]): ChainFacts {
  const { writes, calls, ...rest } = facts;
  const mapped = map(writes ?? []);
  return {
    ...rest,
    schemes: map(facts.schemes),
    verifications: map(facts.verifications),
    decisions: map(facts.decisions),
    unknown: map(facts.unknown),
    ...(calls ? { calls: map(calls) } : {}),
    ...withWrites(mapped),
  };
}

function withWrites(writes: readonly ChainWrite[]): Pick<ChainFacts, 'writes'> {
  return writes.length > 0 ? { writes } : {};
}

type AnalysisFacts = Pick<FileAnalysis, 'decisions' | 'privilegeWrites' | 'requestWrites' | 'sessionChecks' | 'portableArguments' | 'returnsOf' | 'recordAccesses' | 'valuesOf' | 'functionContaining' | 'comparingCalls' | 'argumentValues'>;
type EslintSettings = Readonly<Record<string, unknown>>;

const fileFactsCache = new WeakMap<TSESLint.SourceCode, { settings: object | undefined; filename: string; facts: FileFacts }>();

/**
 * The facts of every route of a file; memoized per SourceCode, `claimguard` settings object and file name, so
 * the rules, the CLI and editors share one computation. A caller without settings (an editor asking after a
 * lint) reads what the rules built. The shared analysis is only asked for its decisions when a chain is
 * graded: a file without routes never pays for them here.
 */
export function getFileFacts(sourceCode: TSESLint.SourceCode, eslintSettings?: EslintSettings, filename = ''): FileFacts {
  const raw = eslintSettings?.claimguard as object | undefined;
  const cached = fileFactsCache.get(sourceCode);
  if (cached && cached.filename === filename && (eslintSettings === undefined || cached.settings === raw)) return cached.facts;
  const model = getRouteModel(sourceCode, filename);
  let located: LocatedFacts | undefined;
  let routes: RouteFacts[] | undefined;
  const factsOf = (chain: readonly ChainLink[], endsInHandler: boolean): ChainFacts => {
    located ??= locateFacts(sourceCode, analyzeSourceCode(sourceCode, eslintSettings, filename || undefined), model, eslintSettings, filename);
    return factsOfChain(sourceCode, chain, located, model, endsInHandler);
  };
  const chainFacts = (chain: readonly ChainLink[]): ChainFacts => factsOf(chain, false);
  const facts: FileFacts = {
    model,
    get routes() {
      routes ??= model.routes.map((route) => ({ route, facts: factsOf(route.chain, true) }));
      return routes;
    },
    chainFacts,
    exportFacts: (name) => {
      const link = model.exports.get(name);
      return link ? chainFacts([link]) : undefined;
    },
  };
  fileFactsCache.set(sourceCode, { settings: raw, filename, facts });
  return facts;
}

// ---- the grade ----------------------------------------------------------------------------------------

/**
 * The level of a chain. `upstreamHidden` says that middleware may run before this chain where the
 * router is mounted, in a file not seen here.
 */
export function gradeChain(chain: ChainFacts, upstreamHidden = false, framework?: Framework): Grade {
  const facts = withSessionsVerified(chain);
  const bad = facts.decisions.filter((decision) => decision.trust === 'untrusted' || decision.trust === 'unverified');
  const good = facts.decisions.filter((decision) => decision.trust === 'verified');
  if (facts.schemes.length > 0) {
    return {
      level: 0,
      reasons: facts.schemes.map(reason),
      nextStep: 'authenticate with a verified JWT access token instead of a shared credential to reach Level 1',
      protectedRoute: true,
    };
  }
  if (facts.unknown.length > 0) {
    return {
      level: 'unknown',
      reasons: facts.unknown.map(reason),
      nextStep: facts.unknown.some((fact) => fact.why !== undefined)
        ? 'make the imports above resolve to files of the project that parse, so the whole chain can be checked'
        : facts.unknown.every((fact) => fact.unmodelled)
          ? 'describe the package in settings.claimguard.models (its verification call and options), so the route can be graded'
          : 'lint the whole project so imported middleware is resolved',
      protectedRoute: true,
    };
  }
  // Whose record it is matters once someone is signed in: a public route is graded by its authentication alone.
  if (facts.verifications.length === 0) return gradeWithoutVerification(bad.filter((decision) => !decision.unchecked), good, upstreamHidden, framework, facts.letThrough?.[0]);
  const forgeable = facts.verifications.filter((verification) => verification.forgeableKey !== undefined);
  if (forgeable.length > 0 && good.length > 0) {
    // Claims are only as good as the key: with a literal one, anyone who reads the source mints any claim.
    return {
      level: 1,
      reasons: [
        ...bad.map(reason),
        ...forgeable.map((verification) => ({
          text: `${verification.description} ${at(verification)} checks tokens anyone can sign: ${verification.forgeableKey!}`,
          span: verification.span,
          reportedBy: { rule: 'no-hardcoded-jwt-secret' as const },
        })),
      ],
      nextStep: 'take the verification secret from the environment or a key store with no literal fallback, failing at startup when it is unset, to reach Level 2',
      protectedRoute: true,
    };
  }
  if (good.length === 0) {
    const verifier = facts.verifications[0]!;
    // A value the caller chose that decides leaves no decision on claims; a record they pick is a separate gap.
    const [unchecked, chosen] = partition(bad, (decision) => decision.unchecked !== undefined);
    return {
      level: 1,
      reasons: [
        ...chosen.map(reason),
        {
          text: verifier.sessionBased
            ? `signed in by ${verifier.description} ${at(verifier)}, but no decision uses the session's subject or roles`
            : `token verified by ${verifier.description} ${at(verifier)}, but no decision uses its scopes or claims`,
          span: verifier.span,
          ...(chosen.length > 0 ? { consequence: true } : {}),
        },
        ...unchecked.map(reason),
      ],
      nextStep: bad.length > 0
        ? `${untrustedStep(bad, 'check scopes or claims')}to reach Level 2`
        : levelTwoStep(facts, framework),
      protectedRoute: true,
    };
  }
  if (bad.length > 0) {
    return { level: 2, reasons: bad.map(reason), nextStep: `${untrustedStep(bad)}to reach Level 3`, protectedRoute: true };
  }
  const weak = facts.verifications.filter((verification) => verification.unpinned.length > 0);
  if (weak.length > 0) {
    // The next step names the checks to pin; where their options could not be read, the reasons say so.
    const missing = [...new Set(weak.flatMap((verification) => verification.unpinned.map((check) => check.replace(UNREAD_OPTIONS, ''))))];
    return {
      level: 2,
      reasons: weak.map((verification) => ({
        text: verification.sessionBased
          ? `${verification.description} ${at(verification)} is a login session, with no token whose ${listWords(verification.unpinned)} could be pinned`
          : `${verification.description} ${at(verification)} does not pin ${listWords(verification.unpinned)}`,
        span: verification.span,
        ...(verification.reportedBy ? { reportedBy: verification.reportedBy } : {}),
      })),
      nextStep: weak.every((verification) => verification.sessionBased)
        ? `authenticate with a verified JWT access token that pins ${listWords(missing)} to reach Level 3`
        : `pin ${listWords(missing)} in the token verification to reach Level 3`,
      protectedRoute: true,
    };
  }
  const verifier = facts.verifications[0]!;
  return {
    level: 3,
    reasons: [{ text: `decisions use verified claims only; ${verifier.description} ${at(verifier)} pins algorithms, issuer, audience and expiry`, span: verifier.span }],
    nextStep: '',
    protectedRoute: true,
  };
}

/**
 * A verification that counts only where the code requires what it left (`contextual`), on a route that does: the
 * route itself requires the token, so the middleware's letting anonymous requests through leaves nothing open here.
 */
export function requiredHere(verification: VerificationFact): VerificationFact {
  if (!verification.contextual) return verification;
  const required: VerificationFact = { ...verification, unpinned: verification.unpinned.filter((check) => check !== CHECK_WORDS.credentials) };
  delete required.contextual;
  return required;
}

/** Facts of code a chain requires to authenticate (see UnknownFact `checked`): what they verify counts. */
export function required(facts: ChainFacts): ChainFacts {
  if (!facts.verifications.some((verification) => verification.contextual)) return facts;
  return { ...facts, verifications: facts.verifications.map(({ contextual: _contextual, ...verification }) => verification) };
}

/**
 * A server-side session (`req.session.userId`, a passport login session, Auth.js `auth()`) identifies the caller the
 * way a verified token does: the route is authenticated, its decisions on the session's subject and roles are
 * decisions on verified claims, and, with no token to pin, it stops at Level 2. It is no shared credential, so it is
 * not graded with API keys and Basic credentials at Level 0.
 */
function withSessionsVerified(facts: ChainFacts): ChainFacts {
  const sessions = facts.schemes.filter((scheme) => scheme.session !== undefined);
  if (sessions.length === 0) return facts;
  // A test of what a verification on the chain returned (`if (!session?.user)` after `auth()`) is that verification.
  const added = facts.verifications.length > 0 ? [] : sessions.map((session): VerificationFact => ({ ...session, unpinned: SESSION_UNPINNED, sessionBased: true }));
  return { ...facts, schemes: facts.schemes.filter((scheme) => scheme.session === undefined), verifications: [...facts.verifications, ...added] };
}

/**
 * A route that already reads the verified caller (`request.user`) is scoped to them; what it lacks is a decision.
 * `requiredScopes()` is only offered where it exists: Express with express-oauth2-jwt-bearer.
 */
function levelTwoStep(facts: ChainFacts, framework: Framework | undefined): string {
  if (facts.verifications.every((verification) => verification.sessionBased)) return "decide on the session's subject or roles (an owner check, a role gate) to reach Level 2";
  if (!facts.readsCaller && (framework === undefined || framework === 'express')) {
    return "check the verified token's scopes or claims (e.g. requiredScopes('read:items')) to reach Level 2";
  }
  return 'decide on the verified claims (scopes, roles, the subject) to reach Level 2';
}

/** The verifier each framework's users reach for, named in the "unauthenticated" remedy (from the framework models). */
function verifierOf(framework: Framework | undefined): string {
  return VOCABULARY.routing.verifierHints.get(framework ?? 'express') ?? VOCABULARY.routing.verifierHints.get('express') ?? "jose's jwtVerify()";
}

function gradeWithoutVerification(bad: readonly DecisionFact[], good: readonly DecisionFact[], upstreamHidden: boolean, framework: Framework | undefined, letThrough: VerificationFact | undefined): Grade {
  const outsideCode = VOCABULARY.routing.fileRoutes.find((files) => files.framework === framework)?.outsideCode;
  if (upstreamHidden && outsideCode) {
    return {
      level: 'unknown',
      reasons: [...bad.map(reason), { text: outsideCode }],
      nextStep: 'read the claims the platform verified, or verify the token in the handler, so the code shows who the caller is',
      protectedRoute: true,
    };
  }
  if (upstreamHidden || good.length > 0) {
    const text = upstreamHidden
      ? framework === 'nest'
        ? "the controller's module middleware or a global guard, in other files, may authenticate it"
        : 'the router is mounted in another file, whose middleware is not visible here'
      : `${good[0]!.description} ${at(good[0]!)} reads verified claims, but no token verification is on the route's chain`;
    return {
      level: 'unknown',
      reasons: [...bad.map(reason), { text, ...(good[0] && !upstreamHidden ? { span: good[0].span } : {}) }],
      nextStep: 'run the claimguard command on the whole project so the mounting file is seen',
      protectedRoute: true,
    };
  }
  return {
    level: 'unauthenticated',
    reasons: [
      ...bad.map(reason),
      ...(letThrough ? [{ text: `${letThrough.description} ${at(letThrough)} lets this path through without a token`, span: letThrough.span }] : bad.length > 0 ? [] : [{ text: 'no authentication on the route' }]),
    ],
    nextStep: `verify a JWT access token on the route (e.g. ${verifierOf(framework)}) to reach Level 1`,
    // A route that makes access decisions meant to be protected; one that makes none may be public.
    protectedRoute: bad.some((decision) => !decision.privilegeWrite),
  };
}

function reason(fact: Fact): GradeReason & { span: Span } {
  return { text: `${fact.description} ${at(fact)}`, span: fact.span, ...(fact.file ? { file: fact.file } : {}), ...(fact.reportedBy ? { reportedBy: fact.reportedBy } : {}) };
}

/** "at line 12", or "at src/auth.js:12" for a fact in another file. */
function at(fact: Fact): string {
  return fact.file ? `at ${fact.file}:${fact.span.start.line}` : `at line ${fact.span.start.line}`;
}

/** The same facts, marked as written in `file`. */
export function inFile(facts: ChainFacts, file: string): ChainFacts {
  const mark = <T extends Fact>(list: readonly T[]): T[] => list.map((fact) => ({ ...fact, file: fact.file ?? file }));
  return {
    schemes: mark(facts.schemes),
    verifications: mark(facts.verifications),
    decisions: mark(facts.decisions),
    unknown: mark(facts.unknown),
    ...(facts.readsCaller ? { readsCaller: true } : {}),
    ...withWrites(facts.writes ?? []),
  };
}

function partition<T>(list: readonly T[], test: (item: T) => boolean): [T[], T[]] {
  return [list.filter(test), list.filter((item) => !test(item))];
}

/** What to do about the untrusted decisions: take the value from the token, and check whose record the client picked. */
function untrustedStep(bad: readonly DecisionFact[], also?: string): string {
  const value = bad.find((decision) => !decision.unchecked);
  const steps = [
    ...(value ? [`take ${subjectOf(value)} from the verified token`] : []),
    ...(also ? [also] : []),
    ...(bad.some((decision) => decision.unchecked) ? ['check that each record the client picks belongs to the caller (filter it by the verified subject, or compare its owner with it)'] : []),
  ];
  return `${steps.join(' and ')} `;
}

/** "role" of "role from header 'x-role'"; the whole origin when there is no separate subject. */
function subjectOf(fact: DecisionFact): string {
  const [subject] = fact.description.split(' from ');
  return fact.description.includes(' from ') ? `the ${subject}` : 'that value';
}

function listWords(words: readonly string[]): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}

/** `req.session.userId` of `!req.session.userId`. */
function unwrapNegation(node: TSESTree.Node): TSESTree.Node {
  let current = unwrap(node);
  while (current.type === AST_NODE_TYPES.UnaryExpression && current.operator === '!') current = unwrap(current.argument);
  return current;
}

/** Orders levels for "lowest": unauthenticated below 0; unknown is never the lowest. */
export function levelRank(level: RouteLevel): number {
  if (level === 'unauthenticated') return -1;
  if (level === 'unknown') return 99;
  return level;
}

/** The lowest level among protected routes, or null when there are none. */
export function lowestLevel(grades: readonly { level: RouteLevel; protectedRoute: boolean; publicRoute?: boolean }[]): RouteLevel | null {
  let lowest: RouteLevel | null = null;
  for (const grade of grades) {
    if (!grade.protectedRoute || grade.publicRoute || grade.level === 'unknown') continue;
    if (lowest === null || levelRank(grade.level) < levelRank(lowest)) lowest = grade.level;
  }
  return lowest;
}

// ---- public-route allow-list --------------------------------------------------------------------------

/** Whether a route path matches an allow-list entry: an exact path, or a glob with `*` (one segment) and `**`. */
export function matchesPublicRoute(path: string, patterns: readonly string[]): boolean {
  return patterns.some((pattern) => matches(cachedPattern('path-glob', pattern), path));
}

// ---- locating facts -------------------------------------------------------------------------------------

interface Located<T> {
  start: number;
  fact: T;
}

interface LocatedFacts {
  schemes: Located<Fact>[];
  verifications: Located<VerificationFact>[];
  decisions: Located<DecisionFact>[];
  /** Authentication in calls this file cannot see into; it counts on a chain that answers 401. */
  hiddenVerifications: Located<VerificationFact>[];
  hiddenAuthentication: Located<UnknownFact>[];
  /** Authentication by a strategy whose name the code does not spell: what it verifies is unknown. */
  unreadAuthentication: Located<UnknownFact>[];
  writes: Located<ChainWrite>[];
  /** Records picked by a client id with no check that they are the caller's (kept apart: they share starts with decisions). */
  unchecked: Located<DecisionFact>[];
  /** What a call into another file passes, as plain values. */
  argumentsOf(call: TSESTree.CallExpression): PortableValue[][];
  /** Whether the function around a call checks the caller itself (a service it calls need not). */
  callerCheckAt(call: TSESTree.CallExpression): CallerCheck;
  /** What a context builder's returns put on the context; `member`: the member of what it returns that is the context. */
  contextWrites(fn: TSESTree.FunctionLike, member?: string): ChainWrite[];
}

/** What a verifier this file cannot see leaves open, as a reason line says it. */
const HIDDEN_UNPINNED = ['algorithms', 'issuer', 'audience and expiry (the verification is in code this file cannot see)'];

function locateFacts(sourceCode: TSESLint.SourceCode, analysis: AnalysisFacts, model: RouteModel, eslintSettings: EslintSettings | undefined, filename: string): LocatedFacts {
  const credentials = credentialFactsOf(sourceCode, model, eslintSettings, filename);
  const decisions: Located<DecisionFact>[] = [];
  for (const decision of analysis.decisions) {
    const fact = decisionFact(sourceCode, decision);
    if (fact) decisions.push({ start: decision.node.range[0], fact: withReporter(decision.whereMarked ? { ...fact, whereMarked: true } : fact) });
  }
  for (const write of analysis.privilegeWrites) {
    const field = write.fields[0] ?? 'privilege';
    decisions.push({
      start: write.node.range[0],
      fact: {
        trust: 'untrusted',
        privilegeWrite: true,
        description: `${field} written from ${describeValue(write.value)}`,
        span: spanOf(write.node),
        reportedBy: { rule: 'no-privilege-from-request' },
      },
    });
  }
  const verifications = credentials.verifications.map((verification) => ({
    start: verification.node.range[0],
    fact: {
      description: verification.description,
      unpinned: verification.unpinned,
      span: spanOf(verification.node),
      ...(verification.reportedBy ? { reportedBy: verification.reportedBy } : {}),
      ...(verification.strategyElsewhere ? { strategyElsewhere: true } : {}),
      ...(verification.selects !== undefined ? { selects: verification.selects } : {}),
      ...(verification.claimsPath ? { claimsPath: verification.claimsPath } : {}),
      ...(verification.forgeableKey ? { forgeableKey: verification.forgeableKey } : {}),
      ...(verification.secretFrom ? { secretFrom: verification.secretFrom } : {}),
      ...(verification.sessionBased ? { sessionBased: true as const } : {}),
      // Middleware that restores a session for whoever has one authenticates only where the code requires it.
      ...(verification.restores ? { contextual: true, restores: verification.restores } : {}),
      ...(verification.configuredBy ? { configuredBy: verification.configuredBy } : {}),
    },
  }));
  // Before any route is linked, values are seen as read: request properties stay such, for the index to settle.
  const ownership = new OwnershipChecks(analysis, (values) => values, model.calls);
  // A server-side session the code tests for (`if (!req.session.userId) return res.sendStatus(401)`).
  const sessions = analysis.sessionChecks.map((check): Located<Fact> => ({
    start: check.range[0],
    fact: { description: `a server-side session (${sourceCode.getText(unwrapNegation(check))})`, span: spanOf(check), session: sourceCode.getText(unwrapNegation(check)) },
  }));
  return {
    schemes: bySource<Fact>([
      ...credentials.schemes.map((scheme): Located<Fact> => ({
        start: scheme.node.range[0],
        fact: { description: scheme.description, span: spanOf(scheme.node), reportedBy: { rule: 'no-api-key-auth' as const, routes: scheme.routes } },
      })),
      ...sessions,
    ]),
    unchecked: bySource(uncheckedFacts(analysis.recordAccesses, ownership, model)),
    argumentsOf: (call) => analysis.portableArguments(call),
    callerCheckAt: (call) => ownership.inFunction(call),
    contextWrites: (fn, member) => (isFunctionNode(fn) ? memberWrites(returnedWrites(toPortable(analysis.returnsOf(fn), fn)), member) : []),
    verifications: bySource(verifications),
    decisions: bySource(decisions),
    writes: bySource(analysis.requestWrites.map((write) => ({ start: write.node.range[0], fact: { prop: write.prop, trust: write.trust, ...(write.from ? { from: write.from } : {}), ...(write.origin ? { origin: write.origin } : {}) } }))),
    ...locateHiddenAuthentication(model, new Set(verifications.map((verification) => verification.start))),
    unreadAuthentication: bySource(
      model.unreadStrategies.map(({ node, nameRef }) => ({
        start: node.range[0],
        fact: {
          description: `authentication by the strategy of ${strategyText(sourceCode, node)}, whose name the code does not spell`,
          span: spanOf(node),
          ...(nameRef ? { namedBy: { ref: nameRef, where: strategyText(sourceCode, node) } } : {}),
        },
      })),
    ),
  };
}

/**
 * Records the client picks by id with nothing around them checking the caller, as untrusted decisions of the
 * route (require-ownership-check reports them). One made through a call of another file's function keeps its
 * import: where that function reads the record itself, the grade judges the function instead.
 */
function uncheckedFacts(accesses: readonly ResolvedAccess[], ownership: OwnershipChecks, model: RouteModel): Located<DecisionFact>[] {
  const imported = new Map(model.importedCalls.map(({ call, ref }) => [call, ref]));
  return accesses.flatMap((resolved): Located<DecisionFact>[] => {
    const found = ownership.unchecked(resolved);
    if (!found) return [];
    const { access, model: record, origin, ifSet } = found;
    const prop = requestPropOfValue(origin);
    const via = imported.get(access.call);
    const unchecked: UncheckedFact = { ...(ifSet.length > 0 ? { ifSet } : {}), ...(via ? { via } : {}) };
    return [{
      start: access.node.range[0],
      fact: {
        trust: 'untrusted',
        description: uncheckedDescription(record?.name || undefined, access.operation, describeValue(origin)),
        span: spanOf(access.node),
        unchecked,
        reportedBy: { rule: 'require-ownership-check' },
        ...(prop ? { prop } : {}),
      },
    }];
  });
}

/** The writes below `member` (`context.user` → `user`), or all of them with no member. */
function memberWrites(writes: readonly ChainWrite[], member: string | undefined): ChainWrite[] {
  if (member === undefined) return [...writes];
  const prefix = `${member}.`;
  return writes.filter((write) => write.prop.startsWith(prefix)).map((write) => ({ ...write, prop: write.prop.slice(prefix.length) }));
}

/** Calls into code this file cannot see that authenticate; those the credential facts already model are skipped. */
function locateHiddenAuthentication(model: RouteModel, known: ReadonlySet<number>): Pick<LocatedFacts, 'hiddenVerifications' | 'hiddenAuthentication'> {
  const hiddenVerifications: Located<VerificationFact>[] = [];
  const hiddenAuthentication: Located<UnknownFact>[] = [];
  for (const call of model.authCalls) {
    const start = call.node.range[0];
    if (known.has(start)) continue;
    const origin = call.ref ? ` (imported from '${call.ref.source}')` : '';
    const span = spanOf(call.node);
    if (call.verifiesToken) hiddenVerifications.push({ start, fact: { description: `${call.name}()${origin}`, unpinned: HIDDEN_UNPINNED, span, ...(call.ref ? { hiddenIn: call.ref } : {}) } });
    else hiddenAuthentication.push({ start, fact: { description: `authentication in ${call.name}()${origin}`, span, ...(call.ref ? { ref: call.ref, checked: true as const } : {}) } });
  }
  return { hiddenVerifications, hiddenAuthentication };
}

function bySource<T>(list: Located<T>[]): Located<T>[] {
  return list.sort((a, b) => a.start - b.start);
}

/**
 * The facts inside the code a chain runs, each once, in chain order. Only a route's own chain ends in its
 * handler; a mount's or an app's middleware runs before the handlers of the routes below it.
 */
function factsOfChain(sourceCode: TSESLint.SourceCode, chain: readonly ChainLink[], located: LocatedFacts, model: RouteModel, endsInHandler: boolean): ChainFacts {
  // Each kind of fact is taken once, wherever links overlap; kinds apart, as a session test and the decision in the
  // same condition (`!req.isAuthenticated() || req.user.role !== 'admin'`) start at the same offset.
  const seen = { schemes: new Set<number>(), verifications: new Set<number>(), unknown: new Set<number>(), decisions: new Set<number>(), unchecked: new Set<number>(), writes: new Set<number>() };
  const schemes: Fact[] = [];
  const verifications: VerificationFact[] = [];
  const decisions: DecisionFact[] = [];
  const unknown: UnknownFact[] = [];
  const writes: ChainWrite[] = [];
  const visible: Range[] = [];
  // Links that let some paths through: what their code establishes is tagged with those paths (see skippedOn).
  const skipping: { ranges: readonly Range[]; tests: readonly PathTest[] }[] = [];
  const tagFrom = (lengths: readonly number[], tests: readonly PathTest[]) => {
    [schemes, verifications, decisions, unknown, writes].forEach((list: { skippedOn?: readonly PathTest[] }[], i) => {
      for (let at = lengths[i]!; at < list.length; at++) list[at] = skippedFor(list[at]!, tests);
    });
  };
  chain.forEach((link, position) => {
    const lengths = [schemes.length, verifications.length, decisions.length, unknown.length, writes.length];
    addLink(link, position);
    if (link.skips) tagFrom(lengths, link.skips);
  });
  function addLink(link: ChainLink, position: number): void {
    // What the handler (the last link) writes on the request is its answer, not input for a later link.
    // A context builder runs before the resolvers of the mount it ends: it is never the handler.
    const handler = endsInHandler && !link.context && chain.length > 1 && position === chain.length - 1;
    // A scope check is one by its call, whoever provides it: `check.requiredScopes('read:x')` of a module that
    // re-exports the library's, or `const checkScopes = requiredScopes('read:x')` named on the chain.
    const check = claimCheckOf(linkValue(sourceCode, link.node));
    if (check) decisions.push(check);
    if (link.requiredScopes) {
      decisions.push({ trust: 'verified', description: `scope check ${link.requiredScopes.map((scope) => `'${scope}'`).join(', ')} in the route's auth`, span: spanOf(link.node) });
      return;
    }
    if (link.imported && check) return;
    if (link.imported) {
      unknown.push({
        description: `${link.context ? 'context builder' : 'middleware'} '${linkName(link)}' is imported from '${link.imported.source}'`,
        span: spanOf(link.node),
        ref: link.imported,
        ...(link.mayBeRouter ? { mayBeRouter: true } : {}),
        ...(handler ? { handler: true } : {}),
        ...(link.context ? { context: true } : {}),
        ...(link.usePrefix !== undefined ? { usePrefix: link.usePrefix } : {}),
      });
      return;
    }
    if (link.skips) skipping.push({ ranges: link.ranges, tests: link.skips });
    const before = schemes.length + verifications.length + decisions.length + unknown.length;
    if (link.context?.fn) writes.push(...located.contextWrites(link.context.fn, link.context.member).map((write) => ({ ...write, context: true })));
    const contextual = link.context !== undefined;
    if (link.decoration !== undefined) {
      unknown.push({ description: `decorator '${link.decoration}' is registered in another file`, span: spanOf(link.node), decoration: link.decoration });
      return;
    }
    if (!link.skips) visible.push(...link.ranges);
    schemes.push(...pickWithin(located.schemes, link.ranges, seen.schemes));
    const picked = pickWithin(located.verifications, link.ranges, seen.verifications);
    verifications.push(...picked.map((verification) => (contextual ? { ...verification, contextual: true } : verification)));
    // What a restoring middleware puts on the request, as a context builder's fields: the code after it may require it.
    for (const { restores } of picked) if (restores?.includes('.')) writes.push({ prop: restores.slice(restores.indexOf('.') + 1), trust: 'verified', context: true });
    // Verifying middleware leaves its claims on the request (express-jwt's `req.auth`): they replace what was there.
    for (const { claimsPath, restores } of picked) if (!restores && claimsPath?.includes('.')) writes.push({ prop: claimsPath.slice(claimsPath.indexOf('.') + 1), trust: 'verified' });
    unknown.push(...pickWithin(located.unreadAuthentication, link.ranges, seen.unknown));
    // Building a context decides nothing; the resolvers' decisions on it are the route's.
    if (!contextual) decisions.push(...pickWithin(located.decisions, link.ranges, seen.decisions), ...pickWithin(located.unchecked, link.ranges, seen.unchecked));
    const written = pickWithin(located.writes, link.ranges, seen.writes);
    if (!handler) writes.push(...written);
    if (!check) decisions.push(...returnedClaimChecks(model.calls, link.ranges));
    // Middleware named as authentication, from a package no model describes: whether it authenticates is unknown.
    if (link.unmodelled && schemes.length + verifications.length + decisions.length + unknown.length === before) {
      unknown.push({
        description: `middleware '${link.unmodelled.name}' comes from the package '${link.unmodelled.module}', which no model describes`,
        span: spanOf(link.node),
        unmodelled: true,
      });
    }
  }
  // `const auth = await authenticate(c); if (!auth.ok) return auth.response;` around an imported verifier:
  // authentication this file cannot see, which a 401 on the same chain confirms, as does a decision on verified
  // claims that only such a call can have provided (`if (session?.user?.role !== 'admin') return 403`).
  const decidesOnClaims = decisions.some((decision) => decision.trust === 'verified' && !decision.presence);
  const requestMethods = new Set<string>();
  const calls: CallFact[] = [];
  const called = new Set<number>();
  let readsCaller = false;
  // What the chain's code does beyond its links' own facts: first in the code every path runs, then in each link
  // that lets some paths through, tagged with them.
  for (const part of [{ ranges: visible, tests: undefined }, ...skipping]) {
    const lengths = [schemes.length, verifications.length, decisions.length, unknown.length, writes.length];
    if (verifications.length === 0 && (anyWithin(model.unauthorizedMarks, part.ranges) || decidesOnClaims)) {
      verifications.push(...pickWithin(located.hiddenVerifications, part.ranges, seen.verifications));
      if (verifications.length === 0) unknown.push(...pickWithin(located.hiddenAuthentication, part.ranges, seen.unknown));
    }
    // `request.isAdmin(reply)` in a hook: a request method another file may decorate runs there.
    for (const call of itemsWithin(model.parameterMethodCalls, part.ranges)) requestMethods.add(call.name);
    // A composite decorator's `UseGuards(RolesGuard)`: the guard, in another file, runs where the composite is applied.
    for (const guard of itemsWithin(model.composedGuards, part.ranges)) {
      unknown.push({ description: `guard '${guard.ref.name}' is imported from '${guard.ref.source}'`, span: spanOf(guard.node), ref: guard.ref });
    }
    for (const call of itemsWithin(model.importedCalls, part.ranges)) {
      if (called.has(call.start)) continue;
      called.add(call.start);
      const args = located.argumentsOf(call.call);
      const check = located.callerCheckAt(call.call);
      const fact: CallFact = {
        ...call.ref,
        ...(args.some((values) => values.length > 0) ? { args } : {}),
        ...(check.checked || check.ifSet.length > 0 ? { callerCheck: check } : {}),
      };
      calls.push(part.tests ? skippedFor(fact, part.tests) : fact);
    }
    readsCaller ||= anyWithin(model.callerReads, part.ranges);
    if (part.tests) tagFrom(lengths, part.tests);
  }
  return {
    schemes,
    verifications,
    decisions,
    unknown,
    ...(readsCaller ? { readsCaller: true } : {}),
    ...(calls.length > 0 ? { calls } : {}),
    ...(requestMethods.size > 0 ? { requestMethods: [...requestMethods] } : {}),
    ...withWrites(writes),
  };
}

/** Items of a list sorted by start that lie in any of the ranges, not seen before, in source order. */
function pickWithin<T>(list: readonly Located<T>[], ranges: readonly Range[], seen: Set<number>): T[] {
  const found: Located<T>[] = [];
  for (const [start, end] of ranges) {
    for (let i = firstAtOrAfter(list, start, (item) => item.start); i < list.length && list[i]!.start < end; i++) {
      const item = list[i]!;
      if (seen.has(item.start)) continue;
      seen.add(item.start);
      found.push(item);
    }
  }
  return found.sort((a, b) => a.start - b.start).map((item) => item.fact);
}

/** Items sorted by `start` that lie in any of the ranges, each once. */
function itemsWithin<T extends { start: number }>(items: readonly T[], ranges: readonly Range[]): T[] {
  const found = new Set<T>();
  for (const [start, end] of ranges) {
    for (let i = firstAtOrAfter(items, start, (item) => item.start); i < items.length && items[i]!.start < end; i++) found.add(items[i]!);
  }
  return [...found];
}

function anyWithin(offsets: readonly number[], ranges: readonly Range[]): boolean {
  return ranges.some(([start, end]) => {
    const i = firstAtOrAfter(offsets, start, (offset) => offset);
    return i < offsets.length && offsets[i]! < end;
  });
}

/** Binary search in a list sorted by `key`. */
function firstAtOrAfter<T>(list: readonly T[], start: number, key: (item: T) => number): number {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (key(list[mid]!) < start) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** What a link names: the value a `const` holds for a name, else the link itself. */
function linkValue(sourceCode: TSESLint.SourceCode, node: TSESTree.Node): TSESTree.Node {
  const bare = unwrap(node);
  return (bare.type === AST_NODE_TYPES.Identifier ? declaredValue(sourceCode, bare) : undefined) ?? bare;
}

/** `requiredScopes('read:x')` and its kin decide on the verified token's claims by construction. */
function claimCheckOf(node: TSESTree.Node): DecisionFact | undefined {
  const bare = unwrap(node);
  if (bare.type !== AST_NODE_TYPES.CallExpression) return undefined;
  const name = calleeName(bare);
  if (!name || !CLAIM_CHECKS.test(name)) return undefined;
  const argument = staticString(bare.arguments[0]);
  return { trust: 'verified', description: `scope check ${name}(${argument !== undefined ? `'${argument}'` : '…'})`, span: spanOf(bare) };
}

/**
 * A middleware factory that returns a scope check (`function requireScope(s) { return requiredScopes(s); }`): the
 * check its code returns is the middleware the chain runs.
 */
function returnedClaimChecks(calls: RouteModel['calls'], ranges: readonly Range[]): DecisionFact[] {
  const checks: DecisionFact[] = [];
  for (const [start, end] of ranges) {
    for (let i = firstAtOrAfter(calls, start, (call) => call.range[0]); i < calls.length && calls[i]!.range[0] < end; i++) {
      const call = calls[i]!;
      const parent = call.parent;
      const returned = parent?.type === AST_NODE_TYPES.ReturnStatement || (parent?.type === AST_NODE_TYPES.ArrowFunctionExpression && parent.body === call);
      const check = returned ? claimCheckOf(call) : undefined;
      if (check) checks.push(check);
    }
  }
  return checks;
}

function linkName(link: ChainLink): string {
  const bare = unwrap(link.node);
  if (bare.type === AST_NODE_TYPES.Identifier) return bare.name;
  if (bare.type === AST_NODE_TYPES.CallExpression) return `${calleeName(bare) ?? 'middleware'}()`;
  // `ctrl.comments.get` in full: its last name alone (`get`) says nothing.
  if (bare.type === AST_NODE_TYPES.MemberExpression) return dottedPath(bare) ?? memberName(bare) ?? link.imported?.name ?? 'middleware';
  return link.imported?.name ?? 'middleware';
}

/** A decision as a fact: its least trusted operand value decides its trust. */
function decisionFact(sourceCode: TSESLint.SourceCode, decision: Decision): DecisionFact | undefined {
  let worst: { value: TrustValue; operand: TSESTree.Node } | undefined;
  const gate = decision.operands.find((operand) => operand.presence)?.values[0];
  for (const operand of decision.operands) {
    if (operand.presence) continue;
    for (const value of operand.values) {
      if (!worst || trustRank(value) < trustRank(worst.value)) worst = { value, operand: operand.node };
    }
  }
  if (!worst) {
    // A gate on claims a request property holds (`!req.user`) requires what the chain's middleware restored there.
    const prop = gate?.trust === 'pending' ? gate.prop : gate?.trust === 'verified' ? gate.claimsPath?.slice(gate.claimsPath.indexOf('.') + 1) : undefined;
    return gate && prop !== undefined ? { trust: 'pending', presence: true, prop, description: `requires ${describeValue(gate)}`, span: spanOf(decision.node) } : undefined;
  }
  const span = spanOf(decision.node);
  if (worst.value.trust === 'verified') {
    const claim = worst.value.name;
    const anchors = (decision.anchors ?? []).flatMap((value) => requestPropOfValue(value) ?? []);
    // Claims on the request (`req.auth.user.role`): a chain whose middleware restores them for whoever has them
    // (`auth(handler)`, `passport.session()`) requires them here.
    const { claimsPath } = worst.value;
    const onRequest = conventionalClaimProp(worst.value) ?? (claimsPath?.includes('.') ? `${claimsPath.slice(claimsPath.indexOf('.') + 1)}${claim ? `.${claim}` : ''}` : undefined);
    return {
      trust: 'verified',
      description: `decision on ${describeValue(worst.value)}`,
      span,
      ...(claim ? { claim } : {}),
      ...(onRequest ? { prop: onRequest } : {}),
      // Read where the convention keeps verified claims (`req.user`): what the chain writes there holds instead.
      ...(conventionalClaimProp(worst.value) !== undefined ? { verifiedUnlessWritten: true } : {}),
      ...(decision.kind === 'data-scope' ? { scope: true as const } : {}),
      ...(anchors.length > 0 ? { anchors } : {}),
    };
  }
  const subject = subjectName(sourceCode, worst.operand, worst.value);
  const origin = describeValue(worst.value);
  const prop = requestPropOfValue(worst.value);
  const conventional = worst.value.trust === 'pending' && worst.value.verifiedUnlessWritten;
  return {
    trust: worst.value.trust,
    description: subject ? `${subject} from ${origin}` : `${origin} decides access`,
    span,
    ...(prop ? { prop } : {}),
    ...(conventional && prop?.includes('.') ? { verifiedUnlessWritten: true, claim: prop.slice(prop.indexOf('.') + 1) } : conventional ? { verifiedUnlessWritten: true } : {}),
  };
}

/** Untrusted values in decisions are no-untrusted-authorization's findings; decoded, unverified claims no-unverified-claims'. */
function withReporter(fact: DecisionFact): DecisionFact {
  if (fact.trust === 'untrusted') return { ...fact, reportedBy: { rule: 'no-untrusted-authorization' } };
  if (fact.trust === 'unverified') return { ...fact, reportedBy: { rule: 'no-unverified-claims' } };
  return fact;
}

/** Least trusted first; a property middleware sets counts only when nothing else decides. */
function trustRank(value: TrustValue): number {
  return value.trust === 'untrusted' ? 0 : value.trust === 'unverified' ? 1 : value.trust === 'verified' ? 2 : 3;
}

/** The name the code gives the value (`role` for `const role = …`), when it differs from the origin's name. */
function subjectName(sourceCode: TSESLint.SourceCode, operand: TSESTree.Node, value: TrustValue): string | undefined {
  const bare = unwrap(operand);
  let name: string | undefined;
  if (bare.type === AST_NODE_TYPES.Identifier) name = bare.name;
  else if (bare.type === AST_NODE_TYPES.MemberExpression) name = memberName(bare);
  else if (bare.type === AST_NODE_TYPES.CallExpression) name = staticString(bare.arguments[0]) ?? undefined;
  void sourceCode;
  // `req.headers['x-role']` reads as "role from header 'x-role'".
  if (name && name === value.name && value.trust === 'untrusted' && /^x-./i.test(name)) return name.slice(2);
  if (!name || name === value.name || /^(req|request|ctx|c|headers|query|params|body|cookies|value|get)$/.test(name)) return undefined;
  return name;
}

// ---- paths ----------------------------------------------------------------------------------------------

/** A mount or router prefix joined with a route path below it. */
export function joinPrefix(prefix: string, path: string): string {
  if (!prefix || prefix === '/') return path;
  return `${trimTrailingSlashes(prefix)}${path === '/' ? '' : path}`;
}

// ---- credential facts ------------------------------------------------------------------------------------

interface ChainCredentialFacts {
  verifications: ({ node: TSESTree.Node; description: string; unpinned: readonly string[]; reportedBy?: ReportedBy } & Pick<VerificationFact, 'claimsPath' | 'strategyElsewhere' | 'selects' | 'sessionBased' | 'restores' | 'forgeableKey' | 'secretFrom' | 'configuredBy'>)[];
  schemes: { node: TSESTree.Node; description: string; routes: readonly string[] }[];
}

/** Check names as a reason line says them. */
const CHECK_WORDS: Record<CheckName, string> = {
  algorithms: 'algorithms',
  issuer: 'issuer',
  audience: 'audience',
  expiry: 'expiry',
  credentials: 'a required token',
};

/** A session identifies the caller, but no token verification on the route pins these. */
export const SESSION_UNPINNED = ['algorithms', 'issuer', 'audience'];
/** What a strategy configured in a file not seen leaves open, as a reason line says it. */
export const STRATEGY_ELSEWHERE_UNPINNED = ['algorithms', 'issuer', 'audience and expiry (the strategy is configured in another file)'];

/**
 * The strategies a file configures (passport-jwt, a Nest `PassportStrategy`, `@fastify/jwt`, `JwtModule`), which
 * strategy markers in other files (`passport.authenticate('jwt')`, `AuthGuard('jwt')`) run.
 */
export function strategyFacts(sourceCode: TSESLint.SourceCode, eslintSettings: EslintSettings | undefined, filename: string): VerificationFact[] {
  return getCredentialFacts(sourceCode, eslintSettings, filename)
    .verifications.filter((verification) => verification.strategy && !verification.middleware)
    .map((verification) => ({
      description: `the ${verification.library} strategy`,
      span: spanOf(verification.node),
      unpinned: unpinnedChecks([verification]),
      ...(verification.strategyName !== undefined ? { strategyName: verification.strategyName } : {}),
    }));
}

/**
 * The strategies a marker runs: those registered under the name it selects; every one where none is (the project
 * names its strategies in a way not modelled) or the marker names none (`@Authorized()`).
 */
export function strategiesSelected<T extends { strategyName?: string }>(selects: string | undefined, strategies: readonly T[]): readonly T[] {
  const named = selects === undefined ? [] : strategies.filter((strategy) => strategy.strategyName === selects);
  return named.length > 0 ? named : strategies;
}

/**
 * Token verification and API-key/Basic schemes as the grade sees them, located where they run on a chain.
 * The one place the grade reads credential facts.
 */
function credentialFactsOf(sourceCode: TSESLint.SourceCode, model: RouteModel, eslintSettings: EslintSettings | undefined, filename: string): ChainCredentialFacts {
  // The settings' own models (an in-house verifier) count only when the facts are built with them.
  const credentials = getCredentialFacts(sourceCode, eslintSettings, filename);
  const facts: ChainCredentialFacts = { verifications: [], schemes: [] };
  const strategies = credentials.verifications.filter((verification) => verification.strategy);
  for (const verification of credentials.verifications) {
    // A strategy's configuration (`JwtModule.register`, `new JwtStrategy`) verifies where a marker uses it; every
    // other verifying call the models name (`this.jwt.verifyAsync(token, …)` in a guard) verifies right there.
    if (verification.strategy && !verification.middleware) continue;
    const site = verification.middleware ?? verification.node;
    facts.verifications.push({
      node: site,
      description: callText(sourceCode, site),
      // A session pins nothing require-jwt-validation could report; the grade says so itself.
      ...(verification.session ? { unpinned: SESSION_UNPINNED, sessionBased: true } : { unpinned: unpinnedChecks([verification]), reportedBy: validationReport([verification]) }),
      ...(verification.claimsPath ? { claimsPath: verification.claimsPath } : {}),
      ...secretFacts(sourceCode, filename, credentials.secrets.filter((use) => use.call === verification.node && use.role !== 'sign')),
      ...(verification.restores ? { restores: verification.restores } : {}),
    });
  }
  // `passport.authenticate('jwt')`, `AuthGuard('jwt')`, `request.jwtVerify()`: the chain uses a strategy.
  for (const call of model.calls) {
    if (!isStrategyMarker(call)) continue;
    const claimsPath = strategyClaimsPath(call);
    const selects = selectedStrategy(call);
    const selected = strategiesSelected(selects, strategies);
    facts.verifications.push({
      node: call,
      description: callText(sourceCode, call),
      ...(selected.length > 0
        ? { unpinned: unpinnedChecks(selected), reportedBy: validationReport(selected) }
        : { unpinned: STRATEGY_ELSEWHERE_UNPINNED, strategyElsewhere: true }),
      ...(claimsPath ? { claimsPath } : {}),
      ...(selects !== undefined ? { selects } : {}),
    });
  }
  // `auth: 'jwt'` on a route, `server.auth.default('jwt')`: a token strategy registered with the server elsewhere.
  for (const { node, configuredBy, restores } of model.tokenStrategies) {
    facts.verifications.push({
      node,
      description: `the auth strategy of ${strategyText(sourceCode, node)}`,
      ...(strategies.length > 0
        ? { unpinned: unpinnedChecks(strategies), reportedBy: validationReport(strategies) }
        : { unpinned: STRATEGY_ELSEWHERE_UNPINNED, strategyElsewhere: true }),
      ...(configuredBy ? { configuredBy } : {}),
      ...(restores ? { restores } : {}),
    });
  }
  // `event.requestContext.authorizer.claims`: verified by the platform before the code ran, with options no code shows.
  // Located at the member's name: facts are told apart by where they start, and a decision may start where the read does.
  for (const read of model.platformClaims) {
    facts.verifications.push({ node: read.node.property, description: read.by, unpinned: [`algorithms, issuer and audience (${read.by} checks them, outside the code)`] });
  }
  for (const scheme of credentials.apiKeySchemes) {
    const label = scheme.kind === 'api-key' ? 'API key' : scheme.kind === 'basic' ? 'HTTP Basic credentials' : 'HTTP Digest credentials';
    const where = scheme.origin ? ` in ${scheme.origin.description}` : ` (${scheme.via})`;
    facts.schemes.push({ node: scheme.guard ?? scheme.node, description: `${label}${where}`, routes: scheme.routes });
  }
  return facts;
}

/** Why a verification's tokens can be forged, as the grade's reason says it: where its literal secret is written. */
export function forgeableKeyOf(kind: 'literal' | 'env-fallback', where: string, envName?: string): string {
  return kind === 'literal' ? `its secret is written in the source (${where})` : `its secret falls back to a literal (${where}) when ${envName ?? 'the variable'} is unset`;
}

/**
 * What a verification's secret says about who can sign tokens it accepts: a literal in this file (or its literal
 * fallback) lets anyone who reads the source; a constant imported from another project file is looked up there.
 */
function secretFacts(sourceCode: TSESLint.SourceCode, filename: string, uses: readonly SecretUse[]): Pick<VerificationFact, 'forgeableKey' | 'secretFrom'> {
  for (const use of uses) {
    const where = `line ${use.literal?.node.loc.start.line ?? use.node.loc.start.line}`;
    if (use.kind === 'hardcoded') return { forgeableKey: forgeableKeyOf('literal', where) };
    if (use.kind === 'env-fallback') return { forgeableKey: forgeableKeyOf('env-fallback', where, use.envName) };
  }
  for (const use of uses) {
    const ref = use.kind === 'runtime' && filename ? importRefOf(sourceCode, filename, use.node) : undefined;
    if (ref) return { secretFrom: ref };
  }
  return {};
}

/** require-jwt-validation reports, on the verification calls of this file, what they leave unpinned. */
function validationReport(verifications: readonly Verification[]): ReportedBy {
  const weak = verifications.filter((verification) => !verification.pinned);
  return {
    rule: 'require-jwt-validation',
    checks: [...new Set(weak.flatMap((verification) => verification.missing))],
    unresolved: [...new Set(weak.flatMap((verification) => verification.unknown))],
  };
}

function unpinnedChecks(verifications: readonly Verification[]): string[] {
  const missing = new Set<CheckName>();
  const unread = new Set<CheckName>();
  for (const verification of verifications) {
    if (verification.pinned) continue;
    for (const check of verification.missing) missing.add(check);
    for (const check of verification.unknown) unread.add(check);
  }
  const words = [...missing].map((check) => CHECK_WORDS[check]);
  // Options built from values the analysis cannot evaluate (a config module, a function's result) may pin the
  // checks, or not: the reason says which checks are unknown rather than missing.
  const unknown = [...unread].filter((check) => !missing.has(check)).map((check) => CHECK_WORDS[check]);
  if (unknown.length > 0) unknown[unknown.length - 1] += UNREAD_OPTIONS;
  return [...words, ...unknown];
}

/** Said after the checks whose options the analysis could not read. */
const UNREAD_OPTIONS = ' (set from values ClaimGuard cannot read)';

/** Strategies chosen by name (passport, Nest) leave the verified user on `req.user`; `request.jwtVerify()` on `request.user`. */
function strategyClaimsPath(call: TSESTree.CallExpression | TSESTree.NewExpression): string | undefined {
  if (selectedStrategy(call) !== undefined) return 'req.user';
  const callee = unwrap(call.callee);
  const request = callee.type === AST_NODE_TYPES.MemberExpression ? dottedPath(callee.object) : undefined;
  return request ? `${request}.user` : undefined;
}

// ---- where reports point ------------------------------------------------------------------------------

/** A short node at the start of a registration, so a report underlines `app.get`, not the whole handler. */
export function anchorOf(node: TSESTree.Node): TSESTree.Node {
  if (node.type === AST_NODE_TYPES.CallExpression || node.type === AST_NODE_TYPES.NewExpression) {
    const callee = node.callee;
    // In `app.route('/x').get(…).post(…)` and `new Hono().get(…)` each registration starts at its method name.
    const object = callee.type === AST_NODE_TYPES.MemberExpression ? unwrap(callee.object).type : undefined;
    const chained = object === AST_NODE_TYPES.CallExpression || object === AST_NODE_TYPES.NewExpression;
    return chained && callee.type === AST_NODE_TYPES.MemberExpression ? callee.property : callee;
  }
  if (node.type === AST_NODE_TYPES.MethodDefinition) return node.key;
  if (node.type === AST_NODE_TYPES.FunctionDeclaration && node.id) return node.id;
  return node;
}

// ---- options the rule was run with, for editors that ask after the lint ---------------------------------

export interface RouteOptions {
  filename: string;
  publicRoutes: readonly string[];
}

const routeOptions = new WeakMap<TSESLint.SourceCode, RouteOptions>();

export function rememberRouteOptions(sourceCode: TSESLint.SourceCode, options: RouteOptions): void {
  routeOptions.set(sourceCode, options);
}

export function routeOptionsOf(sourceCode: TSESLint.SourceCode): RouteOptions | undefined {
  return routeOptions.get(sourceCode);
}

/** `server.auth.default('jwt')`, `@Security('jwt')`, or a route's `auth: 'jwt'`, as a reason names it. */
function strategyText(sourceCode: TSESLint.SourceCode, node: TSESTree.Node): string {
  if (node.type === AST_NODE_TYPES.CallExpression) return callText(sourceCode, node);
  if (node.type === AST_NODE_TYPES.Decorator) return sourceCode.getText(node);
  return `auth: ${sourceCode.getText(node)}`;
}

/** `AuthGuard('jwt')` in full when short, `auth()` when its arguments are long. */
function callText(sourceCode: TSESLint.SourceCode, call: TSESTree.CallExpression | TSESTree.NewExpression): string {
  const text = sourceCode.getText(call);
  return text.length <= 40 && !text.includes('\n') ? text : `${sourceCode.getText(call.callee)}()`;
}
