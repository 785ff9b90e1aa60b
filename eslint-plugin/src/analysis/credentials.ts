/**
 * Library models for tokens and credentials: which calls verify a JWT and how strictly, which secrets
 * sign or verify tokens, which code authenticates with an API key or HTTP Basic, and where secrets are
 * compared in non-constant time. Computed once per SourceCode from the file's one shared walk (walk.ts); the
 * rules and the maturity grade read these facts and never re-derive them.
 */
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { analyzeSourceCode, type FileAnalysis } from './index';
import { branchOutcome } from './deny';
import { classFieldValue, envVariableText, propertyOf, staticValueOf, stringsOf, withImportedConstants, type ImportedConstants } from './static-values';
import type { ObjectValue, StaticValue } from './static-values';
import { decoratorsOf, dottedPath, enclosingClass, isFunctionNode, memberName, operandName, propertyKeyName, staticString, unwrap } from './syntax';
import { headerProblems, type HeaderProblem } from './token-header';
import { issuanceProblems, type IssuanceProblem } from './issuance';
import type { CheckName, KeyLocation, KeyUseModel, LibraryModel, OptionSwitch, SchemeKind, VerifierModel, VerifyOptions } from '../models/library-model';
import {
  isModelCall,
  methodName,
  BUILT_IN_MODELS,
  modelSetFor,
  type ModelSet,
  normaliseModule,
  requiredModule,
  resolveCallee,
  type CallContext,
  type Invocation,
  type ModuleBinding,
  type ResolvedCallee,
} from './library-models';
import type { FunctionNode } from './types';
import { fileNodes } from './walk';
import { isSecretName, NON_SECRET_WORDS, wordsOf } from './names';
import { readSettings } from './settings';

/** The library a fact comes from, as its model names it (`jsonwebtoken`, `@fastify/jwt`). */
export type JwtLibrary = string;

export type { CheckName, SchemeKind } from '../models/library-model';
export type { HeaderProblem } from './token-header';

/** `placeholder`: the option holds an unfinished value (`'TODO: expected issuer'`), which pins nothing. */
/** `unsupported`: a check the library cannot make at all (see VerifyOptions `unchecked`). */
export type ProblemKind = 'missing' | 'unsupported' | 'disabled' | 'none-algorithm' | 'mixed-algorithms' | 'public-key-as-hmac' | 'placeholder' | 'unknown';

/** Where a suggestion can add a missing option: inside an object literal, or as a new argument. */
export type OptionInsertion =
  | { at: 'object'; object: TSESTree.ObjectExpression; path: readonly string[] }
  | { at: 'argument'; call: TSESTree.CallExpression | TSESTree.NewExpression; index: number; path: readonly string[] };

export interface VerificationProblem {
  check: CheckName;
  kind: ProblemKind;
  /** The option as the library spells it (`algorithms`, `verify.allowedAud`, `validators.iss`). */
  option: string;
  /** The weak property when one is written; otherwise the verification call. */
  node: TSESTree.Node;
  /** For algorithm problems: the offending algorithms. */
  algorithms?: readonly string[];
  /** For placeholders: the placeholder text. */
  value?: string;
  /** For missing options: where to add them. */
  insertion?: OptionInsertion;
}

export interface Verification {
  library: JwtLibrary;
  /** The verifying call: `jwt.verify(…)`, `expressjwt({…})`, `new JwtStrategy({…})`, `super({…})`, `register(plugin, {…})`. */
  node: TSESTree.CallExpression | TSESTree.NewExpression;
  /** The innermost function around the call; null at module level. */
  fn: FunctionNode | null;
  /** For middleware factories (`expressjwt`, `auth`, koa-jwt, hono `jwt`): the call that guards routes. */
  middleware: TSESTree.CallExpression | undefined;
  /** A strategy or plugin that authenticates a framework's routes (passport-jwt, @fastify/jwt), not one call. */
  strategy: boolean;
  /** The name a passport strategy is selected by (`AuthGuard('jwt-refresh')`). */
  strategyName?: string;
  /** The member of the call's result that holds the claims (`payload` of jose's `jwtVerify`). */
  claimsMember?: string;
  /** A session established elsewhere (a login), not a token verified here: see VerifierModel `session`. */
  session: boolean;
  /**
   * Middleware that lets anonymous requests through and leaves what it verified at this path: a login session's user
   * it restores (VerifierModel `restores`), or the claims of a token it makes optional (`credentialsRequired: false`).
   */
  restores?: string;
  /** Every check that is absent, switched off, weak or unresolved. */
  problems: readonly VerificationProblem[];
  /** Checks that are certainly not enforced (absent, switched off or weak). */
  missing: readonly CheckName[];
  /** Checks whose options could not be resolved statically. */
  unknown: readonly CheckName[];
  /** Clock tolerance in seconds, when set to a known value. */
  clockTolerance: { seconds: number; node: TSESTree.Node } | undefined;
  /** True when algorithms, issuer, audience and expiry are all enforced (Level 3 verification). */
  pinned: boolean;
  /**
   * Where code after this verification reads the claims: the request property a middleware fills (`req.auth`,
   * `ctx.state.user`) or the request member a call's result is assigned to (`req.user = jwt.verify(…)`).
   */
  claimsPath?: string;
  /** Values for missing checks that the file itself determines (see `Determined`). */
  determined: Determined;
  /** The real values it pins, as written (placeholders and unresolved options left out). */
  pinnedValues: { algorithms?: readonly string[]; issuer?: string; audience?: string };
}

/**
 * Option values the file determines for a verification, so a fix can write real values instead of placeholders:
 * algorithms from the kind of key it verifies with (an HMAC secret, an RSA key) or signs with, and the issuer
 * and audience the file signs tokens with or pins in another verification.
 */
export interface Determined {
  algorithms?: readonly string[];
  /** What the algorithms were determined from, as a fix's message says it: "the key is an HMAC secret". */
  algorithmsFrom?: string;
  issuer?: string;
  audience?: string;
}

export type SecretKind = 'hardcoded' | 'env-fallback' | 'public-key' | 'runtime';

export interface SecretUse {
  library: JwtLibrary;
  role: 'sign' | 'verify' | 'sign and verify';
  /** The secret expression as written at the call or in the options. */
  node: TSESTree.Node;
  call: TSESTree.CallExpression | TSESTree.NewExpression;
  fn: FunctionNode | null;
  kind: SecretKind;
  /** The literal (or fallback literal) for hardcoded and env-fallback secrets, and where it is written. */
  literal?: { text: string; node: TSESTree.Node };
  /** Env variable name for env-fallback secrets. */
  envName?: string;
  /** How the code reads that variable: `process.env.JWT_SECRET`, a Worker's `env.JWT_SECRET`. */
  envVariable?: string;
  /** Why a literal is also guessable: a well-known placeholder, or its length when short. */
  weakness?: { reason: 'placeholder' } | { reason: 'short'; length: number };
  /** For signing calls: where their options set the algorithm, issuer and audience. */
  signOptions?: KeyUseModel['options'];
}

export type { IssuanceProblem } from './issuance';

export interface ApiKeyScheme {
  kind: SchemeKind;
  /** How it was recognised: a library name, `key comparison` or `Authorization: Basic parsing`. */
  via: string;
  /** The node reports point at. */
  node: TSESTree.Node;
  /** What guards routes: the middleware call expression, the strategy, or the enclosing function. */
  guard: FunctionNode | TSESTree.CallExpression | TSESTree.NewExpression | null;
  /** The request value checked against the key, e.g. "header 'x-api-key'". */
  origin?: { description: string; node: TSESTree.Node };
  /** Paths of the routes in this file that the guard protects ('*' for app-wide middleware); empty when unknown. */
  routes: readonly string[];
}

export interface UnsafeComparison {
  /** The `===`-style comparison or the `localeCompare` call. */
  node: TSESTree.BinaryExpression | TSESTree.CallExpression;
  /** The operand that holds the secret, and how to name it in a message. */
  secret: TSESTree.Node;
  description: string;
  left: TSESTree.Node;
  right: TSESTree.Node;
  negated: boolean;
  fn: FunctionNode | null;
}

export interface CredentialFacts {
  verifications: readonly Verification[];
  secrets: readonly SecretUse[];
  apiKeySchemes: readonly ApiKeyScheme[];
  unsafeComparisons: readonly UnsafeComparison[];
  /** Hand-written verification that lets the token's header choose the algorithm or the key (see token-header.ts). */
  headerProblems: readonly HeaderProblem[];
  /** Tokens signed without an expiry, and secrets put in claims. */
  issuance: readonly IssuanceProblem[];
  /** Local names bound to a module (`jwt` → jsonwebtoken), for fixes that need an existing import. */
  moduleBindings: ReadonlyMap<string, ModuleBinding>;
  /** What matching a call against the models needs of this file (its bindings, imports and models). */
  callContext: CallContext;
  /** The algorithm allow-list a key of this file implies, when the file determines one (see `Determined`). */
  algorithmsFor(use: SecretUse): Pick<Determined, 'algorithms' | 'algorithmsFrom'>;
  /** The issuer and audience the file signs tokens with or pins, when it determines them. */
  readonly determinedClaims: Pick<Determined, 'issuer' | 'audience'>;
}

export type { ModuleBinding } from './library-models';

/** Level 3 allows some clock skew; more than this defeats expiry for the grade (the rule has its own option). */
export const DEFAULT_MAX_CLOCK_TOLERANCE_SECONDS = 300;

const factsBySource = new WeakMap<TSESLint.SourceCode, { settings: object | undefined; facts: CredentialFacts; filename: string | undefined }>();

/**
 * The credential facts of a file, built on first use. `settings` are ESLint's shared settings (rules pass
 * `context.settings`), handed on unchanged so the shared analysis built for the rules is the one reused.
 * `filename` lets verification options set in other project files be read (every caller that knows the file
 * passes it, so the facts are built once). A caller without settings reads whatever facts the rules already built.
 */
export function getCredentialFacts(sourceCode: TSESLint.SourceCode, settings?: Readonly<Record<string, unknown>>, filename?: string): CredentialFacts {
  const raw = settings?.claimguard as object | undefined;
  const cached = factsBySource.get(sourceCode);
  if (cached && (settings === undefined || cached.settings === raw) && !(filename !== undefined && cached.filename === undefined && readsOptionsElsewhere(cached.facts))) return cached.facts;
  const facts = buildFacts(sourceCode, settings, filename);
  factsBySource.set(sourceCode, { settings: raw, facts, filename });
  return facts;
}

/** Facts built without the file's name could not look up options other project files set: built again with it. */
function readsOptionsElsewhere(facts: CredentialFacts): boolean {
  return facts.verifications.some((verification) => verification.unknown.length > 0);
}

// The walk

interface Collected {
  bindings: Map<string, ModuleBinding>;
  /** Every module the file imports or requires, bound to a name or not (`server.register(require('hapi-auth-jwt2'))`). */
  modules: Set<string>;
  invocations: { node: Invocation; fn: FunctionNode | null }[];
  comparisons: { node: TSESTree.BinaryExpression; fn: FunctionNode | null }[];
  routes: RouteRegistration[];
  /** Functions passed to a route or middleware registration, and the names of functions passed by name. */
  handlers: Set<FunctionNode>;
  handlerNames: Set<string>;
  /** Reads that may be of a token header's fields (`header.alg`, `const { jku } = header`), and identifiers that may name an embedded-key helper. */
  headerReads: { node: TSESTree.Node; fn: FunctionNode | null }[];
}

interface RouteRegistration {
  path: string;
  handlers: readonly TSESTree.Node[];
}

const EQUALITY = new Set(['===', '!==', '==', '!=']);
const ROUTE_METHODS = new Set(['get', 'post', 'put', 'patch', 'delete', 'del', 'all', 'head', 'options', 'use', 'route']);
/** Registrations whose function arguments receive requests (routes, middleware, hooks). */
const HANDLER_REGISTRATIONS = new Set([...ROUTE_METHODS, 'addHook', 'handle', 'handler', 'middleware', 'on', 'before', 'createServer']);

/**
 * The file's nodes from its one shared walk (walk.ts), leaving out those where no code runs: TypeScript type
 * positions, and what hangs below identifiers and literals.
 */
function walk(sourceCode: TSESLint.SourceCode): Collected {
  const collected: Collected = { bindings: new Map(), modules: new Set(), invocations: [], comparisons: [], routes: [], handlers: new Set(), handlerNames: new Set(), headerReads: [] };
  const { nodes, functions, hidden } = fileNodes(sourceCode);
  for (let i = 0; i < nodes.length; i++) if (hidden[i] === 0) visit(nodes[i]!, functions[i]!, collected);
  return collected;
}

function visit(node: TSESTree.Node, fn: FunctionNode | null, collected: Collected): void {
  switch (node.type) {
    case AST_NODE_TYPES.ImportDeclaration:
      addImportBindings(node, collected.bindings);
      collected.modules.add(normaliseModule(node.source.value));
      break;
    case AST_NODE_TYPES.VariableDeclarator:
      if (node.init) addRequireBindings(node, collected.bindings);
      break;
    case AST_NODE_TYPES.CallExpression:
      collected.invocations.push({ node, fn });
      addRequiredModule(node, collected.modules);
      addRoute(node, collected.routes);
      addHandlers(node, collected);
      addEmbeddedKeys(node, fn, collected);
      break;
    case AST_NODE_TYPES.NewExpression:
      collected.invocations.push({ node, fn });
      break;
    case AST_NODE_TYPES.BinaryExpression:
      if (EQUALITY.has(node.operator)) collected.comparisons.push({ node, fn });
      break;
    case AST_NODE_TYPES.MemberExpression:
      if (mayReadHeaderField(memberName(node))) collected.headerReads.push({ node, fn });
      break;
    case AST_NODE_TYPES.Property:
      if (node.parent?.type === AST_NODE_TYPES.ObjectPattern && mayReadHeaderField(propertyKeyName(node))) collected.headerReads.push({ node, fn });
      break;
    default:
      break;
  }
}

const HEADER_FIELD_NAMES = new Set(['alg', 'kid', 'jku', 'x5u', 'jwk', 'x5c']);
/** Embedded-key helpers of the built-in models, which the walk collects arguments for. */
const EMBEDDED_KEY_NAMES = new Set(BUILT_IN_MODELS.embeddedKeys.map((key) => key.name));

/** `jwtVerify(token, EmbeddedJWK)`: an embedded-key helper handed to a call. */
function addEmbeddedKeys(node: TSESTree.CallExpression, fn: FunctionNode | null, collected: Collected): void {
  for (const argument of node.arguments) {
    if (argument.type === AST_NODE_TYPES.Identifier && EMBEDDED_KEY_NAMES.has(argument.name)) collected.headerReads.push({ node: argument, fn });
  }
}

function mayReadHeaderField(name: string | undefined): boolean {
  return name !== undefined && HEADER_FIELD_NAMES.has(name);
}

/** `EmbeddedJWK` imported from the library that exports it (`import { EmbeddedJWK } from 'jose'`). */
function isEmbeddedKey(node: TSESTree.Identifier, bindings: ReadonlyMap<string, ModuleBinding>, models: ModelSet): boolean {
  const binding = bindings.get(node.name);
  return models.embeddedKeys.some((key) => !!binding && key.modules.includes(binding.module) && binding.imported === key.name);
}

/** Functions handed to `app.get(…)`, `router.use(…)`, `fastify.addHook(…)`: written inline or by name. */
function addHandlers(node: TSESTree.CallExpression, collected: Collected): void {
  const callee = node.callee;
  if (callee.type !== AST_NODE_TYPES.MemberExpression || node.arguments.length === 0) return;
  const method = memberName(callee);
  if (!method || !HANDLER_REGISTRATIONS.has(method)) return;
  for (const argument of node.arguments) {
    const bare = unwrap(argument);
    if (isFunctionNode(bare)) collected.handlers.add(bare);
    else if (bare.type === AST_NODE_TYPES.Identifier) collected.handlerNames.add(bare.name);
  }
}

function addRequiredModule(node: TSESTree.CallExpression, modules: Set<string>): void {
  const required = requiredModule(node);
  if (required) modules.add(required.module);
}

function addImportBindings(node: TSESTree.ImportDeclaration, bindings: Map<string, ModuleBinding>): void {
  const module = normaliseModule(node.source.value);
  for (const specifier of node.specifiers) {
    if (specifier.type === AST_NODE_TYPES.ImportDefaultSpecifier) bindings.set(specifier.local.name, { module, imported: 'default' });
    else if (specifier.type === AST_NODE_TYPES.ImportNamespaceSpecifier) bindings.set(specifier.local.name, { module, imported: '*' });
    else {
      const imported = specifier.imported.type === AST_NODE_TYPES.Identifier ? specifier.imported.name : specifier.imported.value;
      bindings.set(specifier.local.name, { module, imported });
    }
  }
}

function addRequireBindings(node: TSESTree.VariableDeclarator, bindings: Map<string, ModuleBinding>): void {
  const required = requiredModule(node.init);
  if (!required) return;
  if (node.id.type === AST_NODE_TYPES.Identifier) {
    bindings.set(node.id.name, { module: required.module, imported: required.member ?? 'default' });
    return;
  }
  if (node.id.type !== AST_NODE_TYPES.ObjectPattern || required.member) return;
  for (const property of node.id.properties) {
    if (property.type !== AST_NODE_TYPES.Property || property.value.type !== AST_NODE_TYPES.Identifier) continue;
    const key = property.key.type === AST_NODE_TYPES.Identifier ? property.key.name : staticString(property.key);
    if (key) bindings.set(property.value.name, { module: required.module, imported: key });
  }
}

/** `app.get('/path', …handlers)` and `app.use(…middleware)`; the path of `use` without one is '*'. */
function addRoute(node: TSESTree.CallExpression, routes: RouteRegistration[]): void {
  const callee = unwrap(node.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return;
  const method = memberName(callee);
  if (!method || !ROUTE_METHODS.has(method) || node.arguments.length === 0) return;
  const path = staticString(node.arguments[0]);
  if (path === undefined && method !== 'use') return;
  if (path !== undefined && !path.startsWith('/') && path !== '*') return;
  routes.push({ path: path ?? '*', handlers: path === undefined ? node.arguments : node.arguments.slice(1) });
}

// JWT verification models

/** A verification call and the model it is a call of. */
interface VerifySite {
  library: LibraryModel;
  verifier: VerifierModel;
}

/** The verification model of one call, if it is a verification this file's imports make certain. */
function verifySite(node: Invocation, context: CallContext, callee: ResolvedCallee | undefined): VerifySite | undefined {
  for (const library of context.models.models) {
    for (const verifier of library.verifies ?? []) {
      if (verifier.call.some((shape) => isModelCall(node, callee, shape, library, context))) return { library, verifier };
    }
  }
  return undefined;
}

function verificationOf(
  node: Invocation,
  fn: FunctionNode | null,
  site: VerifySite,
  sourceCode: TSESLint.SourceCode,
  absentIsUnknown: boolean,
  imported: ImportedConstants | undefined,
): Verification {
  const args = node.arguments;
  const model = site.verifier.options;
  let optionsArg: TSESTree.Node | undefined = model.index === undefined ? undefined : args[model.index];
  if (optionsArg && isFunctionNode(unwrap(optionsArg))) optionsArg = undefined; // `verify(token, key, callback)`
  // `verify(...args)`: where the options land cannot be known.
  const spread = args.some((arg) => arg.type === AST_NODE_TYPES.SpreadElement);
  let options: StaticValue = spread
    ? { kind: 'unknown', node }
    : optionsArg
      ? readOptions(sourceCode, optionsArg, imported)
      : { kind: 'object', properties: new Map(), open: false, node };
  const problems: VerificationProblem[] = [];
  if (model.minimumArguments !== undefined && !spread && args.length < model.minimumArguments) {
    // jws `verify(signature, key)`: the algorithm comes from the token's header, so any algorithm passes.
    problems.push({ check: 'algorithms', kind: 'missing', option: 'algorithm', node });
  } else if (model.algorithmArgument && options.kind !== 'object') {
    // The argument names the algorithm (hono `verify(token, key, 'HS256')`): that pins it, and leaves no place for iss/aud.
    if (optionsArg && isAlgorithmLiteral(options)) judgeAlgorithms(stringsOf(options), 'algorithm', optionsArg, problems);
    options = { kind: 'object', properties: new Map(), open: options.kind === 'unknown' && !!optionsArg && !isAlgorithmLiteral(options), node };
  }
  const insertionFor = (path: string): OptionInsertion | undefined =>
    optionsArg ? objectInsertion(options, path) : model.index === undefined ? undefined : { at: 'argument', call: node, index: model.index, path: path.split('.') };
  if (model.algorithms) checkAlgorithms(options, model.algorithms, node, problems, insertionFor, absentIsUnknown);
  if (model.issuer) checkPresent(options, 'issuer', model.issuer, node, problems, insertionFor, absentIsUnknown);
  if (model.audience) checkPresent(options, 'audience', model.audience, node, problems, insertionFor, absentIsUnknown);
  for (const entry of model.switches ?? []) checkSwitch(options, entry, problems);
  for (const check of model.unchecked ?? []) problems.push({ check, kind: 'unsupported', option: check, node });
  if (options.kind === 'object' && model.singleAlgorithm) checkSingleAlgorithm(options, model.singleAlgorithm, problems);
  const clockTolerance = model.clockTolerance ? toleranceOf(options, model.clockTolerance) : undefined;
  const missing = unique(problems.filter((p) => p.kind !== 'unknown').map((p) => p.check));
  const unknown = unique(problems.filter((p) => p.kind === 'unknown').map((p) => p.check));
  const toleranceOk = !clockTolerance || clockTolerance.seconds <= DEFAULT_MAX_CLOCK_TOLERANCE_SECONDS;
  const middleware = site.verifier.middleware && node.type === AST_NODE_TYPES.CallExpression ? node : undefined;
  const claimsPath = site.verifier.restores ?? (middleware ? middlewareClaimsPath(site.library, options) : assignedClaimsPath(node));
  // Middleware told to let requests without a token through (`credentialsRequired: false`) leaves the verified claims
  // for whoever sent a token, as a restored session leaves its user: it authenticates only code that requires them.
  const optional = middleware !== undefined && problems.some((problem) => problem.check === 'credentials' && problem.kind === 'disabled');
  const restores = site.verifier.restores ?? (optional ? claimsPath : undefined);
  return {
    library: site.library.id,
    node,
    fn,
    middleware,
    strategy: !!site.verifier.strategy,
    ...strategyNameOf(node, site.verifier.strategyName),
    session: !!site.verifier.session,
    ...(restores ? { restores } : {}),
    ...(site.verifier.resultMember ? { claimsMember: site.verifier.resultMember } : {}),
    problems,
    missing,
    unknown,
    clockTolerance,
    pinned: problems.length === 0 && toleranceOk,
    ...(claimsPath ? { claimsPath } : {}),
    determined: {},
    pinnedValues: {
      algorithms: model.algorithms ? pinnedStrings(options, model.algorithms) : undefined,
      issuer: model.issuer ? pinnedStrings(options, model.issuer)?.[0] : undefined,
      audience: model.audience ? pinnedStrings(options, model.audience)?.[0] : undefined,
    },
  };
}

/** The real strings an option holds (no placeholders), or undefined when it holds none or cannot be read. */
function pinnedStrings(options: StaticValue, paths: readonly string[]): string[] | undefined {
  const found = lookupAny(options, paths);
  if (found.state !== 'present') return undefined;
  const strings = stringsOf(found.value);
  return strings && strings.length > 0 && !strings.some(isPlaceholderValue) ? strings : undefined;
}

/** The request property a verified-token middleware fills, with the option that renames it (express-jwt's `requestProperty`). */
function middlewareClaimsPath(library: LibraryModel, options: StaticValue): string | undefined {
  const renamedBy = library.claims?.renamedBy;
  const found = renamedBy ? lookup(options, renamedBy.option) : undefined;
  if (found?.state === 'unknown') return undefined;
  const property = found?.state === 'present' ? stringsOf(found.value)?.[0] : undefined;
  if (found?.state === 'present' && (!property || !/^[A-Za-z_$][\w$]*$/.test(property))) return undefined;
  if (property && renamedBy) return `${renamedBy.base}.${property}`;
  return library.claims?.path;
}

/** `req.user = jwt.verify(…)`, `req.auth = (await jwtVerify(…)).payload`: the request member the claims are left on. */
function assignedClaimsPath(call: Invocation): string | undefined {
  let current: TSESTree.Node = call;
  for (let parent: TSESTree.Node | undefined = current.parent; parent; parent = current.parent) {
    const passesValue =
      parent.type === AST_NODE_TYPES.AwaitExpression ||
      parent.type === AST_NODE_TYPES.TSAsExpression ||
      parent.type === AST_NODE_TYPES.TSNonNullExpression ||
      (parent.type === AST_NODE_TYPES.MemberExpression && parent.object === current && memberName(parent) === 'payload');
    if (!passesValue) break;
    current = parent;
  }
  const assignment = current.parent;
  if (assignment?.type !== AST_NODE_TYPES.AssignmentExpression || assignment.right !== current || assignment.left.type !== AST_NODE_TYPES.MemberExpression) return undefined;
  const path = dottedPath(assignment.left);
  return path && !path.startsWith('this.') ? path : undefined;
}

/** `'HS256'` or `['RS256']`: algorithms written where the call takes them as an argument. */
function isAlgorithmLiteral(value: StaticValue): boolean {
  if (value.kind === 'literal') return typeof value.value === 'string';
  return value.kind === 'array' && !value.open && value.elements.length > 0 && stringsOf(value) !== undefined;
}

function unique<T>(items: readonly T[]): T[] {
  return [...new Set(items)];
}

/** The options argument's value, with what a config module elsewhere in the project sets (`config.jwt.options`) read there. */
function readOptions(sourceCode: TSESLint.SourceCode, optionsArg: TSESTree.Node, imported: ImportedConstants | undefined): StaticValue {
  const value = staticValueOf(sourceCode, optionsArg);
  return imported ? withImportedConstants(value, imported) : value;
}

/** An option by dotted path: the property, absent (with where to add it), or unknown. */
type Lookup =
  | { state: 'present'; value: StaticValue; property: TSESTree.Node }
  | { state: 'absent'; insertion: OptionInsertion | undefined }
  | { state: 'unknown' };

function lookup(options: StaticValue, path: string): Lookup {
  const keys = path.split('.');
  let current: StaticValue = options;
  for (let i = 0; i < keys.length; i++) {
    if (current.kind !== 'object') return { state: 'unknown' };
    const property = propertyOf(current, keys[i]);
    if (!property) {
      if (current.open) return { state: 'unknown' };
      return { state: 'absent', insertion: insertionInto(current, keys.slice(i)) };
    }
    if (i === keys.length - 1) return { state: 'present', value: property.value, property: property.property };
    current = property.value;
  }
  return { state: 'unknown' };
}

function insertionInto(object: ObjectValue, path: readonly string[]): OptionInsertion | undefined {
  return object.node.type === AST_NODE_TYPES.ObjectExpression ? { at: 'object', object: object.node, path } : undefined;
}

function objectInsertion(options: StaticValue, path: string): OptionInsertion | undefined {
  const found = lookup(options, path);
  return found.state === 'absent' ? found.insertion : undefined;
}

/** The first alternative that is present wins; otherwise absent (or unknown when any lookup is). */
function lookupAny(options: StaticValue, paths: readonly string[]): Lookup {
  let absent: Lookup | undefined;
  for (const path of paths) {
    const found = lookup(options, path);
    if (found.state !== 'absent') return found;
    absent ??= found;
  }
  return absent ?? { state: 'unknown' };
}

function isEmptyValue(value: StaticValue): boolean {
  if (value.kind === 'literal') return value.value === undefined || value.value === null || value.value === '' || value.value === false;
  return value.kind === 'array' && !value.open && value.elements.length === 0;
}

function checkPresent(
  options: StaticValue,
  check: CheckName,
  paths: readonly string[],
  call: Invocation,
  problems: VerificationProblem[],
  insertionFor: (path: string) => OptionInsertion | undefined,
  absentIsUnknown = false,
): Lookup {
  const found = lookupAny(options, paths);
  if (found.state === 'unknown' || (found.state === 'absent' && absentIsUnknown)) {
    problems.push({ check, kind: 'unknown', option: paths[0], node: call });
  } else if (found.state === 'absent') {
    problems.push({ check, kind: 'missing', option: paths[0], node: call, insertion: insertionFor(paths[0]) });
  } else if (isEmptyValue(found.value)) {
    problems.push({ check, kind: 'missing', option: presentPath(options, paths), node: found.property });
  } else {
    const placeholder = placeholderIn(found.value);
    if (placeholder !== undefined) problems.push({ check, kind: 'placeholder', option: presentPath(options, paths), node: found.property, value: placeholder });
  }
  return found;
}

/** The alternative that is written (`clientId: null` is Cognito's audience), so a message names what the code wrote. */
function presentPath(options: StaticValue, paths: readonly string[]): string {
  return paths.find((path) => lookup(options, path).state === 'present') ?? paths[0]!;
}

/** Unfinished values (`'TODO: expected issuer'`, `'<audience>'`, `'your-issuer'`): they pin nothing. */
const PLACEHOLDER_VALUE = /^\s*(todo|fixme|tbd|xxx)(\s|:|$)|^\s*(change|replace|fill)[-_ ]?(me|in)\s*$|^\s*<[^>]*>\s*$|^\s*\{\{.*\}\}\s*$|^\s*\$\{[^}]*\}\s*$|^\s*your[-_ ]/i;

export function isPlaceholderValue(text: string): boolean {
  return PLACEHOLDER_VALUE.test(text);
}

/** The first placeholder among an option's strings (`'TODO…'`, or one in `['RS256', 'TODO…']`). */
function placeholderIn(value: StaticValue): string | undefined {
  return (stringsOf(value) ?? []).find(isPlaceholderValue);
}

const HMAC_ALGORITHM = /^HS\d+$/i;

function checkAlgorithms(
  options: StaticValue,
  paths: readonly string[],
  call: Invocation,
  problems: VerificationProblem[],
  insertionFor: (path: string) => OptionInsertion | undefined,
  absentIsUnknown = false,
): void {
  const found = checkPresent(options, 'algorithms', paths, call, problems, insertionFor, absentIsUnknown);
  if (found.state !== 'present' || isEmptyValue(found.value) || placeholderIn(found.value) !== undefined) return;
  judgeAlgorithms(stringsOf(found.value), paths[0], found.property, problems);
}

/** `'none'` lets unsigned tokens through; HMAC next to public-key algorithms lets a public key act as an HMAC secret. */
function judgeAlgorithms(algorithms: string[] | undefined, option: string, node: TSESTree.Node, problems: VerificationProblem[]): void {
  if (!algorithms) {
    problems.push({ check: 'algorithms', kind: 'unknown', option, node });
    return;
  }
  const none = algorithms.filter((alg) => alg.toLowerCase() === 'none');
  if (none.length > 0) {
    problems.push({ check: 'algorithms', kind: 'none-algorithm', option, node, algorithms: none });
    return;
  }
  const hmac = algorithms.filter((alg) => HMAC_ALGORITHM.test(alg));
  if (hmac.length > 0 && hmac.length < algorithms.length) {
    problems.push({ check: 'algorithms', kind: 'mixed-algorithms', option, node, algorithms });
  }
}

/** Libraries that take one algorithm (hono `alg`, express-oauth2-jwt-bearer `tokenSigningAlg`). */
function checkSingleAlgorithm(options: StaticValue, paths: readonly string[], problems: VerificationProblem[]): void {
  for (const path of paths) {
    const found = lookup(options, path);
    if (found.state !== 'present') continue;
    const placeholder = placeholderIn(found.value);
    if (placeholder !== undefined) problems.push({ check: 'algorithms', kind: 'placeholder', option: path, node: found.property, value: placeholder });
    else judgeAlgorithms(stringsOf(found.value), path, found.property, problems);
  }
}

function checkSwitch(options: StaticValue, entry: OptionSwitch, problems: VerificationProblem[]): void {
  const found = lookup(options, entry.path);
  if (found.state === 'unknown') {
    problems.push({ check: entry.check, kind: 'unknown', option: entry.path, node: options.node });
    return;
  }
  if (found.state !== 'present') return;
  if (found.value.kind === 'literal' && found.value.value === entry.value) {
    problems.push({ check: entry.check, kind: 'disabled', option: entry.path, node: found.property });
  } else if (found.value.kind !== 'literal' && found.value.kind !== 'object') {
    // An object where a switch may sit (`verify: { aud, iss }` beside `verify: false`) holds options, not the switch.
    problems.push({ check: entry.check, kind: 'unknown', option: entry.path, node: found.property });
  }
}

const TIMESPAN = /^(\d+(?:\.\d+)?)\s*(s|secs?|seconds?|m|mins?|minutes?|h|hrs?|hours?|d|days?|w|weeks?|y|yrs?|years?)$/i;
const TIMESPAN_SECONDS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86400, w: 604800, y: 31557600 };

function toleranceOf(
  options: StaticValue,
  spec: NonNullable<VerifyOptions['clockTolerance']>,
): { seconds: number; node: TSESTree.Node } | undefined {
  const found = lookupAny(options, spec.paths);
  if (found.state !== 'present' || found.value.kind !== 'literal') return undefined;
  const raw = found.value.value;
  if (typeof raw === 'number') {
    return { seconds: spec.unit === 'milliseconds' ? raw / 1000 : raw, node: found.property };
  }
  if (typeof raw === 'string' && spec.unit === 'timespan') {
    const match = TIMESPAN.exec(raw.trim());
    if (!match) return undefined;
    return { seconds: Number(match[1]) * TIMESPAN_SECONDS[match[2][0].toLowerCase()], node: found.property };
  }
  return undefined;
}

// Secrets

interface SecretSite {
  library: string;
  role: SecretUse['role'];
  key: KeyLocation;
  /** The options argument a key inside options is read from. */
  optionsIndex: number;
  signOptions?: KeyUseModel['options'];
  use?: KeyUseModel;
}

function secretSite(node: Invocation, context: CallContext, verify: VerifySite | undefined, callee: ResolvedCallee | undefined): SecretSite | undefined {
  if (verify) {
    const key = verify.verifier.key;
    if (!key) return undefined;
    const role = 'options' in key && verify.verifier.keySigns ? 'sign and verify' : 'verify';
    return { library: verify.library.id, role, key, optionsIndex: optionsIndexOf(key, verify.verifier.options.index ?? 0) };
  }
  for (const library of context.models.models) {
    for (const use of library.keys ?? []) {
      if (!use.call.some((shape) => isModelCall(node, callee, shape, library, context))) continue;
      return { library: library.id, role: use.role, key: use.key, optionsIndex: optionsIndexOf(use.key, 0), use, ...(use.options ? { signOptions: use.options } : {}) };
    }
  }
  return undefined;
}

function optionsIndexOf(key: KeyLocation, fallback: number): number {
  return 'options' in key ? (key.optionsArgument ?? fallback) : fallback;
}

/** Wrappers that carry a secret unchanged: `Buffer.from(s)`, `new TextEncoder().encode(s)`, `createSecretKey(s)`. */
function unwrapSecret(sourceCode: TSESLint.SourceCode, node: TSESTree.Node): TSESTree.Node {
  let current = unwrap(node);
  for (let depth = 0; depth < 8; depth++) {
    if (current.type === AST_NODE_TYPES.Identifier) {
      const init = constInitializer(sourceCode, current);
      if (!init) return current;
      current = unwrap(init);
      continue;
    }
    const field = current.type === AST_NODE_TYPES.MemberExpression ? classFieldValue(sourceCode, current) : undefined;
    if (field) {
      current = unwrap(field);
      continue;
    }
    if (current.type !== AST_NODE_TYPES.CallExpression || current.arguments.length === 0) return current;
    const name = methodName(current) ?? (current.callee.type === AST_NODE_TYPES.Identifier ? current.callee.name : undefined);
    if (!name || !['from', 'encode', 'createSecretKey', 'String'].includes(name)) return current;
    current = unwrap(current.arguments[0]);
  }
  return current;
}

/** The initializer of a `const` binding written once, or undefined. */
function constInitializer(sourceCode: TSESLint.SourceCode, node: TSESTree.Identifier): TSESTree.Expression | undefined {
  let scope: TSESLint.Scope.Scope | null = sourceCode.getScope(node);
  while (scope) {
    const variable = scope.set.get(node.name);
    if (variable) {
      const def = variable.defs.length === 1 ? variable.defs[0] : undefined;
      if (!def || def.type !== 'Variable' || def.parent.kind !== 'const' || def.node.id.type !== AST_NODE_TYPES.Identifier) return undefined;
      return def.node.init ?? undefined;
    }
    scope = scope.upper;
  }
  return undefined;
}

const PLACEHOLDER_SECRETS = new Set([
  'secret', 'changeme', 'changeit', 'password', 'jwtsecret', 'secretkey', 'mysecret', 'mysecretkey', 'supersecret',
  'topsecret', 'keyboardcat', 'shhhhh', 'yoursecret', 'yoursecretkey', 'yourjwtsecret', 'jwtsecretkey', 'test', 'dev',
  'default', 'qwerty', '123456', 'privatekey', 'itisverysecret', 'secret123', 'mysupersecretkey', 'supersecretkey',
]);

/** Below this length an HMAC secret can be guessed offline from one token (RFC 7518 §3.2 asks for ≥ 256 bits). */
export const DEFAULT_MINIMUM_SECRET_LENGTH = 32;

/** Secrets copied from tutorials and templates; attackers try these first. */
export function isPlaceholderSecret(text: string): boolean {
  return PLACEHOLDER_SECRETS.has(text.toLowerCase().replace(/[^a-z0-9]/g, ''));
}

function weaknessOf(text: string): SecretUse['weakness'] {
  if (isPlaceholderSecret(text)) return { reason: 'placeholder' };
  return text.length < DEFAULT_MINIMUM_SECRET_LENGTH ? { reason: 'short', length: text.length } : undefined;
}

const PUBLIC_PEM = /-----BEGIN (PUBLIC KEY|RSA PUBLIC KEY|CERTIFICATE)-----/;

function classifySecret(sourceCode: TSESLint.SourceCode, node: TSESTree.Node): Pick<SecretUse, 'kind' | 'literal' | 'envName' | 'envVariable' | 'weakness'> {
  const value = staticValueOf(sourceCode, unwrapSecret(sourceCode, node));
  if (value.kind === 'literal' && typeof value.value === 'string') {
    if (PUBLIC_PEM.test(value.value)) return { kind: 'public-key' };
    return { kind: 'hardcoded', literal: { text: value.value, node: value.node }, weakness: weaknessOf(value.value) };
  }
  if (value.kind === 'env-fallback' && typeof value.fallback === 'string' && value.fallback !== '') {
    const envVariable = envVariableText(value);
    return { kind: 'env-fallback', envName: value.name, envVariable, literal: { text: value.fallback, node: value.node }, weakness: weaknessOf(value.fallback) };
  }
  return { kind: 'runtime' };
}

function secretUsesOf(node: Invocation, fn: FunctionNode | null, site: SecretSite, sourceCode: TSESLint.SourceCode): SecretUse[] {
  const base = { library: site.library, role: site.role, call: node, fn, ...(site.signOptions ? { signOptions: site.signOptions } : {}) };
  if ('argument' in site.key) {
    const argument = node.arguments[site.key.argument];
    if (!argument || argument.type === AST_NODE_TYPES.SpreadElement) return [];
    return [{ ...base, node: argument, ...classifySecret(sourceCode, argument) }];
  }
  const optionsArg = node.arguments[site.optionsIndex];
  if (!optionsArg) return [];
  const options = staticValueOf(sourceCode, optionsArg);
  const uses: SecretUse[] = [];
  for (const name of site.key.options) {
    const found = lookup(options, name);
    if (found.state !== 'present') continue;
    const property = found.property;
    const valueNode = property.type === AST_NODE_TYPES.Property ? property.value : property;
    uses.push({ ...base, node: valueNode, ...classifySecret(sourceCode, valueNode) });
  }
  return uses;
}

// API-key and Basic schemes

/** A request value, as far as this module needs one: where it comes from and its name. */
export interface RequestRead {
  source: 'header' | 'query' | 'cookie' | 'body';
  name: string | undefined;
  node: TSESTree.Node;
}

const CONTAINERS: Record<string, RequestRead['source']> = {
  headers: 'header',
  query: 'query',
  cookies: 'cookie',
  signedCookies: 'cookie',
  searchParams: 'query',
  body: 'body',
};
const RESPONSE_NAMES = /^(res|response|reply|resp)$/;
const HEADER_GETTERS = new Set(['get', 'header', 'getHeader']);

type RequestReader = (node: TSESTree.Node) => RequestRead | undefined;

/** Request reads by shape: `req.headers[…]`, `req.get(…)`, `c.req.header(…)`, `headers().get(…)`, and `const` hops. */
export function syntacticRead(sourceCode: TSESLint.SourceCode, node: TSESTree.Node, depth = 0): RequestRead | undefined {
  if (depth > 4) return undefined;
  const bare = unwrap(node);
  if (bare.type === AST_NODE_TYPES.Identifier) return identifierRead(sourceCode, bare, depth);
  if (bare.type === AST_NODE_TYPES.MemberExpression) {
    const source = containerSource(sourceCode, bare.object, depth);
    return source ? { source, name: memberName(bare), node: bare } : undefined;
  }
  if (bare.type === AST_NODE_TYPES.CallExpression && bare.callee.type === AST_NODE_TYPES.MemberExpression) {
    const method = memberName(bare.callee);
    const name = staticString(bare.arguments[0]);
    if (!method || name === undefined) return undefined;
    const receiver = unwrap(bare.callee.object);
    const container = containerSource(sourceCode, receiver, depth);
    if (container && method === 'get') return { source: container, name, node: bare };
    if (HEADER_GETTERS.has(method) && isRequestLike(receiver)) return { source: 'header', name, node: bare };
    if (method === 'query' && isRequestLike(receiver)) return { source: 'query', name, node: bare };
    if (method === 'get' && isHeadersCall(receiver)) return { source: 'header', name, node: bare };
  }
  return undefined;
}

function identifierRead(sourceCode: TSESLint.SourceCode, node: TSESTree.Identifier, depth: number): RequestRead | undefined {
  let scope: TSESLint.Scope.Scope | null = sourceCode.getScope(node);
  while (scope && !scope.set.has(node.name)) scope = scope.upper;
  const def = scope?.set.get(node.name)?.defs[0];
  if (!def || def.type !== 'Variable' || !def.node.init) return undefined;
  if (def.node.id.type === AST_NODE_TYPES.Identifier) {
    const read = syntacticRead(sourceCode, def.node.init, depth + 1);
    return read ? { ...read, node: read.node } : undefined;
  }
  if (def.node.id.type !== AST_NODE_TYPES.ObjectPattern) return undefined;
  const source = containerSource(sourceCode, def.node.init, depth + 1);
  if (!source) return undefined;
  const property = patternProperty(def.node.id, node.name);
  return property ? { source, name: property.key, node: property.node } : undefined;
}

/** The key that `const { key: local } = …` binds to `local`. */
function patternProperty(pattern: TSESTree.ObjectPattern, local: string): { key: string | undefined; node: TSESTree.Node } | undefined {
  for (const property of pattern.properties) {
    if (property.type !== AST_NODE_TYPES.Property || property.value.type !== AST_NODE_TYPES.Identifier || property.value.name !== local) continue;
    const key = property.key.type === AST_NODE_TYPES.Identifier && !property.computed ? property.key.name : staticString(property.key);
    return { key, node: property };
  }
  return undefined;
}

function containerSource(sourceCode: TSESLint.SourceCode, node: TSESTree.Node, depth: number): RequestRead['source'] | undefined {
  const bare = unwrap(node);
  if (bare.type === AST_NODE_TYPES.MemberExpression) {
    const name = memberName(bare);
    // Own keys only, here and below: `req.constructor` must not find Object.prototype.constructor.
    const source = name && Object.hasOwn(CONTAINERS, name) ? CONTAINERS[name] : undefined;
    if (source && isRequestLike(unwrap(bare.object))) return source;
    return undefined;
  }
  if (bare.type === AST_NODE_TYPES.Identifier && depth < 4) {
    let scope: TSESLint.Scope.Scope | null = sourceCode.getScope(bare);
    while (scope && !scope.set.has(bare.name)) scope = scope.upper;
    const def = scope?.set.get(bare.name)?.defs[0];
    if (!def || def.type !== 'Variable' || !def.node.init) return undefined;
    if (def.node.id.type === AST_NODE_TYPES.Identifier) return containerSource(sourceCode, def.node.init, depth + 1);
    if (def.node.id.type === AST_NODE_TYPES.ObjectPattern && isRequestLike(unwrap(def.node.init))) {
      const key = patternProperty(def.node.id, bare.name)?.key;
      return key && Object.hasOwn(CONTAINERS, key) ? CONTAINERS[key] : undefined;
    }
  }
  return undefined;
}

/** `req`, `request`, `ctx`, `ctx.request`, `c.req`, `event` — anything but a response. */
function isRequestLike(node: TSESTree.Node): boolean {
  if (node.type === AST_NODE_TYPES.Identifier) return /^(req|request|_req|ctx|context|c|event|incoming)$/.test(node.name);
  if (node.type === AST_NODE_TYPES.MemberExpression) {
    const name = memberName(node);
    return !!name && /^(req|request|raw)$/.test(name) && !RESPONSE_NAMES.test(name);
  }
  return false;
}

/** Next.js `headers()` from `next/headers` (also awaited). */
function isHeadersCall(node: TSESTree.Node): boolean {
  const bare = node.type === AST_NODE_TYPES.AwaitExpression ? unwrap(node.argument) : node;
  return bare.type === AST_NODE_TYPES.CallExpression && bare.callee.type === AST_NODE_TYPES.Identifier && bare.callee.name === 'headers';
}

const API_KEY_NAME = /^(x-)?(api|access|client|service)[-_]?(key|token|secret)$|^apikey$|^x-(auth-)?key$/i;

function describeRead(read: RequestRead): string {
  return read.name === undefined ? `a request ${read.source}` : `${read.source} '${read.name}'`;
}

/** Values that only test presence or type, never a key: `null`, `undefined`, `''`, booleans, numbers, `typeof`. */
function isTrivialOperand(node: TSESTree.Node): boolean {
  const bare = unwrap(node);
  if (bare.type === AST_NODE_TYPES.Literal) return bare.value === null || bare.value === '' || typeof bare.value !== 'string';
  if (bare.type === AST_NODE_TYPES.Identifier) return bare.name === 'undefined';
  if (bare.type === AST_NODE_TYPES.UnaryExpression) return bare.operator === 'typeof' || bare.operator === 'void';
  if (bare.type === AST_NODE_TYPES.MemberExpression) return memberName(bare) === 'length';
  return false;
}

/** A key the server holds: a literal, a same-file constant, an env lookup, or a template built from them. */
function isStaticKey(sourceCode: TSESLint.SourceCode, node: TSESTree.Node): boolean {
  const bare = unwrap(node);
  if (bare.type === AST_NODE_TYPES.TemplateLiteral) return bare.expressions.some((part) => isStaticKey(sourceCode, part));
  const value = staticValueOf(sourceCode, bare);
  if (value.kind === 'env' || value.kind === 'env-fallback') return true;
  if (value.kind !== 'literal' || typeof value.value !== 'string' || value.value === '') return false;
  // An authentication scheme name (`scheme !== 'Bearer'`) is not a key.
  if (AUTH_SCHEME.test(value.value)) return false;
  // A plain word (`'admin'`, `'accounting'`) is a role or a user name, unless a secret-named constant holds it.
  return !PLAIN_WORD.test(value.value) || (bare !== value.node && isSecretName(operandName(bare) ?? ''));
}

const PLAIN_WORD = /^[A-Za-z]*$/;

const AUTH_SCHEME = /^(bearer|basic|digest|token|dpop|negotiate)\s*$/i;

function envKeyName(sourceCode: TSESLint.SourceCode, node: TSESTree.Node): string | undefined {
  const value = staticValueOf(sourceCode, unwrap(node));
  return (value.kind === 'env' || value.kind === 'env-fallback') && value.name && API_KEY_NAME.test(value.name.replace(/_/g, '-'))
    ? value.name
    : undefined;
}

/** The words a key read needs somewhere in the file: a request value is always named in the source. */
const API_KEY_MENTION = /(api|access|client|service)[-_]?(key|token|secret)|apikey|x-(auth-)?key/i;
const AUTHORIZATION_MENTION = /authorization/i;

/**
 * What the scheme and comparison checks ask about the file, each answered at most once. Asking the data-flow
 * analysis is the expensive part, so every check first rules a candidate out with the cheap facts here.
 */
interface SchemeContext {
  sourceCode: TSESLint.SourceCode;
  readRequest: RequestReader;
  /** Does the file's text name an API key / the Authorization header anywhere (one regex test per file)? */
  mentionsApiKey(): boolean;
  mentionsAuthorization(): boolean;
  /** Whether the analysis sees a caller-controlled value in `node` (any source, path and arguments included). */
  isUntrusted(node: TSESTree.Node): boolean;
  isRequestHandler(fn: FunctionNode): boolean;
  /** True when the file verifies JWTs, so a Bearer token in `authorization` is a token, not a key. */
  verifiesJwt: boolean;
}

function keyScheme(node: TSESTree.Node, fn: FunctionNode | null, origin: ApiKeyScheme['origin']): Omit<ApiKeyScheme, 'routes'> {
  return { kind: 'api-key', via: 'key comparison', node, guard: fn, origin };
}

function readOrigin(read: RequestRead): ApiKeyScheme['origin'] {
  return { description: describeRead(read), node: read.node };
}

/**
 * `req.headers['x-api-key'] === KEY`, `authorization === process.env.TOKEN`, `key === process.env.API_KEY`, and any
 * header compared with a configured secret where the comparison decides a 401/403.
 */
function comparisonScheme(file: SchemeContext, node: TSESTree.BinaryExpression, fn: FunctionNode | null): Omit<ApiKeyScheme, 'routes'> | undefined {
  if (node.left.type === AST_NODE_TYPES.PrivateIdentifier) return undefined;
  if (isTrivialOperand(node.left) || isTrivialOperand(node.right)) return undefined;
  const sides: [TSESTree.Node, TSESTree.Node][] = [[node.left, node.right], [node.right, node.left]];
  let denies: boolean | undefined;
  for (const [mine, other] of sides) {
    const staticKey = file.mentionsAuthorization() && isStaticKey(file.sourceCode, other);
    const configured = isConfiguredSecret(file.sourceCode, other) && (denies ??= decidesDenial(node));
    if (file.mentionsApiKey() || staticKey || configured) {
      const read = file.readRequest(mine);
      const keyRead = read && read.source !== 'body' && read.name !== undefined && API_KEY_NAME.test(read.name);
      const bearerKey = staticKey && read?.source === 'header' && isAuthorizationRead(read);
      // A header checked against a configured secret before a 401/403 is a static token, whatever it is called.
      const configuredKey = configured && read?.source === 'header' && !file.isUntrusted(other);
      if (read && (keyRead || bearerKey || configuredKey)) return keyScheme(node, fn, readOrigin(read));
    }
    const envName = envKeyName(file.sourceCode, other);
    if (envName) return keyScheme(node, fn, { description: `process.env.${envName}`, node: other });
  }
  return undefined;
}

function isAuthorizationRead(read: RequestRead): boolean {
  return read.name?.toLowerCase() === 'authorization';
}

/** `VALID_KEYS.includes(req.headers['x-api-key'])`, `keys.has(apiKey)`. */
function keyLookupScheme(file: SchemeContext, node: TSESTree.CallExpression, fn: FunctionNode | null): Omit<ApiKeyScheme, 'routes'> | undefined {
  const method = methodName(node);
  const argument = node.arguments[0];
  if ((method !== 'includes' && method !== 'has') || !argument || argument.type === AST_NODE_TYPES.SpreadElement) return undefined;
  if (!file.mentionsApiKey()) return undefined;
  const read = file.readRequest(argument);
  if (!read || read.source === 'body' || read.name === undefined || !API_KEY_NAME.test(read.name)) return undefined;
  return keyScheme(node, fn, readOrigin(read));
}

/** `f(…)` and `x.f(…)` are both calls of `f`. */
function calledName(node: TSESTree.CallExpression): string | undefined {
  return methodName(node) ?? (node.callee.type === AST_NODE_TYPES.Identifier ? node.callee.name : undefined);
}

/** `verifyBootstrapToken(env.TOKEN, header)`, `safeEqual(a, b)`: helpers that compare what they are given. */
const KEY_CHECK_FUNCTION = /^(verify|check|compare|validate)([A-Z_0-9]|$)|safeEqual$/i;

/**
 * `if (!verifyBootstrapToken(c.env.BOOTSTRAP_TOKEN, c.req.header('x-bootstrap-token'))) return c.json({}, 403)`:
 * a request header handed, with a configured secret, to a comparing helper whose answer denies the request.
 */
function keyCheckCallScheme(file: SchemeContext, node: TSESTree.CallExpression, fn: FunctionNode | null): Omit<ApiKeyScheme, 'routes'> | undefined {
  if (!KEY_CHECK_FUNCTION.test(calledName(node) ?? '') || node.arguments.length < 2) return undefined;
  const args = node.arguments.filter((argument) => argument.type !== AST_NODE_TYPES.SpreadElement).map((argument) => unwrapSecret(file.sourceCode, argument));
  // A secret is the server's: a token the caller sent (a CSRF cookie, whatever it is named) is no key.
  const secret = args.find((argument) => isConfiguredSecret(file.sourceCode, argument) && !file.isUntrusted(argument));
  if (!secret || !decidesDenial(node)) return undefined;
  for (const argument of args) {
    if (argument === secret) continue;
    const read = file.readRequest(argument);
    if (!read || read.source !== 'header') continue;
    // A Bearer token in `authorization` that the file verifies as a JWT is the remedy, not a key.
    if (isAuthorizationRead(read) && file.verifiesJwt) return undefined;
    return keyScheme(node, fn, readOrigin(read));
  }
  return undefined;
}

/**
 * A secret the server is configured with: `process.env.X` (also through constants), Hono/Workers bindings
 * (`c.env.X`, `env.X`, `import.meta.env.X`), or a secret-named setting (`config.apiToken`, `this.masterKey`).
 * Literals are left out on purpose: `header !== 'admin'` is an authorization decision, not a key.
 */
function isConfiguredSecret(sourceCode: TSESLint.SourceCode, node: TSESTree.Node): boolean {
  const bare = unwrap(node);
  if (bare.type !== AST_NODE_TYPES.Identifier && bare.type !== AST_NODE_TYPES.MemberExpression) return false;
  if (bare.type === AST_NODE_TYPES.MemberExpression && readsEnvBinding(bare)) return true;
  const value = staticValueOf(sourceCode, bare);
  if (value.kind === 'env' || value.kind === 'env-fallback') return true;
  if (value.kind === 'literal') return false;
  const name = operandName(bare);
  return name !== undefined && isSecretName(name);
}

/** `c.env.X`, `ctx.env.X`, `env.X`, `import.meta.env.X`: a member read from an object called `env`. */
function readsEnvBinding(node: TSESTree.MemberExpression): boolean {
  const object = unwrap(node.object);
  if (object.type === AST_NODE_TYPES.Identifier) return object.name === 'env';
  return object.type === AST_NODE_TYPES.MemberExpression && memberName(object) === 'env';
}

/** Wrappers a condition may put around the test itself: `!x`, `a && x`, `await x`, `(x)!`. */
function conditionAround(node: TSESTree.Node): TSESTree.Node {
  let current = node;
  for (let parent = current.parent; parent; parent = current.parent) {
    const wraps =
      parent.type === AST_NODE_TYPES.LogicalExpression ||
      (parent.type === AST_NODE_TYPES.UnaryExpression && parent.operator === '!') ||
      parent.type === AST_NODE_TYPES.AwaitExpression ||
      parent.type === AST_NODE_TYPES.ChainExpression ||
      parent.type === AST_NODE_TYPES.TSNonNullExpression ||
      parent.type === AST_NODE_TYPES.TSAsExpression;
    if (!wraps) break;
    current = parent;
  }
  return current;
}

/** Guard methods whose boolean answer admits or rejects the request (NestJS guards). */
const GUARD_METHODS = new Set(['canActivate']);

/** Does the condition this comparison belongs to answer 401/403 (or throw an unauthorized/forbidden error) on a branch? */
function decidesDenial(node: TSESTree.Node): boolean {
  const test = conditionAround(node);
  const parent = test.parent;
  if (!parent) return false;
  if ((parent.type === AST_NODE_TYPES.IfStatement || parent.type === AST_NODE_TYPES.ConditionalExpression) && parent.test === test) {
    return branchOutcome([parent.consequent, parent.alternate], false).denies;
  }
  if (parent.type === AST_NODE_TYPES.ReturnStatement) {
    const method = enclosingMethodName(parent);
    return method !== undefined && GUARD_METHODS.has(method);
  }
  return false;
}

function enclosingMethodName(node: TSESTree.Node): string | undefined {
  let current = node.parent;
  while (current && !isFunctionNode(current)) current = current.parent;
  const definition = current?.parent;
  if (definition?.type !== AST_NODE_TYPES.MethodDefinition || definition.key.type !== AST_NODE_TYPES.Identifier) return undefined;
  return definition.key.name;
}

const BASIC_LITERAL = /^basic ?$/i;

/** `auth.startsWith('Basic ')`, `scheme === 'Basic'`, `/^Basic /i.test(header)`. */
function isBasicParsing(node: TSESTree.Node): boolean {
  if (node.type === AST_NODE_TYPES.BinaryExpression) {
    return [node.left, node.right].some((side) => BASIC_LITERAL.test(staticString(side) ?? ''));
  }
  if (node.type !== AST_NODE_TYPES.CallExpression || node.callee.type !== AST_NODE_TYPES.MemberExpression) return false;
  const method = memberName(node.callee);
  if (method === 'startsWith' || method === 'indexOf' || method === 'includes') {
    return BASIC_LITERAL.test(staticString(node.arguments[0]) ?? '');
  }
  if (method === 'test' || method === 'exec' || method === 'match') {
    const regex = [node.callee.object, node.arguments[0]].find(
      (part): part is TSESTree.RegExpLiteral => !!part && part.type === AST_NODE_TYPES.Literal && 'regex' in part && !!part.regex,
    );
    return !!regex && /^\^?basic\b/i.test(regex.regex.pattern.replace(/\\s.*$/, ''));
  }
  return false;
}

/**
 * The name a passport strategy is registered under: the first argument of `passport.use('name', new Strategy(…))`,
 * the second of the mixin a Nest strategy extends (`PassportStrategy(Strategy, 'name')`), else the library's own.
 */
function strategyNameOf(node: TSESTree.CallExpression | TSESTree.NewExpression, libraryDefault: string | undefined): { strategyName?: string } {
  if (libraryDefault === undefined) return {};
  const registration = node.parent;
  if (registration?.type === AST_NODE_TYPES.CallExpression && registration.arguments[1] === node) {
    const named = staticString(registration.arguments[0]);
    if (named !== undefined) return { strategyName: named };
  }
  if (node.type === AST_NODE_TYPES.CallExpression && node.callee.type === AST_NODE_TYPES.Super) {
    const owner = enclosingClass(node);
    const mixin = owner?.superClass ? unwrap(owner.superClass) : undefined;
    const named = mixin?.type === AST_NODE_TYPES.CallExpression ? staticString(mixin.arguments[1]) : undefined;
    if (named !== undefined) return { strategyName: named };
  }
  return { strategyName: libraryDefault };
}

/** Library schemes: middleware factories, plugins, strategies, and guards that choose a strategy by name (`authenticate('basic')`). */
function libraryScheme(node: Invocation, context: CallContext, callee: ResolvedCallee | undefined): { kind: SchemeKind; via: string } | undefined {
  for (const library of context.models.models) {
    for (const scheme of library.schemes ?? []) {
      if (scheme.call.some((shape) => isModelCall(node, callee, shape, library, context))) return { kind: scheme.kind, via: library.id };
    }
  }
  const strategyName = node.type === AST_NODE_TYPES.CallExpression ? (staticString(node.arguments[0]) ?? '').toLowerCase() : '';
  const scheme = strategyName ? context.models.strategyScheme(strategyName) : undefined;
  if (!scheme) return undefined;
  const selects = context.models.models.some((library) => library.strategySelectors?.some((shape) => isModelCall(node, callee, shape, library, context)));
  return selects ? { kind: scheme, via: `passport '${strategyName}'` } : undefined;
}

/** Route paths that use `guard`: as a direct argument, or by the name it is declared under. */
function routesOf(guard: ApiKeyScheme['guard'], routes: readonly RouteRegistration[]): string[] {
  if (!guard) return [];
  const names = new Set<string>();
  if (guard.type === AST_NODE_TYPES.FunctionDeclaration && guard.id) names.add(guard.id.name);
  const parent = guard.parent;
  if (parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.id.type === AST_NODE_TYPES.Identifier) names.add(parent.id.name);
  const paths: string[] = [];
  for (const route of routes) {
    const uses = route.handlers.some((handler) => {
      const bare = unwrap(handler);
      if (bare === guard || containsNode(bare, guard)) return true;
      return bare.type === AST_NODE_TYPES.Identifier && names.has(bare.name);
    });
    if (uses) paths.push(route.path);
  }
  return paths;
}

/** A guard written inside an argument (`app.get('/x', express.json(), basicAuth({…}))` is direct; arrays too). */
function containsNode(container: TSESTree.Node, node: TSESTree.Node): boolean {
  if (container.type !== AST_NODE_TYPES.ArrayExpression) return false;
  return container.elements.some((element) => element === node);
}

// Timing-unsafe comparisons

const ORDINARY_LITERAL = /^(undefined|null|true|false|bearer|basic|string|object|function|number|none)$/i;

/** A literal on the other side is worth a report only when it looks like a credential, not a keyword or a symbol. */
function isOrdinaryLiteral(node: TSESTree.Node): boolean {
  const text = staticString(node);
  if (text === undefined) return false;
  return text.length < 6 || ORDINARY_LITERAL.test(text) || !/[A-Za-z0-9]/.test(text);
}

function unsafeComparisonOf(
  left: TSESTree.Node,
  right: TSESTree.Node,
  node: UnsafeComparison['node'],
  negated: boolean,
  fn: FunctionNode | null,
): UnsafeComparison | undefined {
  if (isTrivialOperand(left) || isTrivialOperand(right) || isOrdinaryLiteral(left) || isOrdinaryLiteral(right)) return undefined;
  const leftName = operandName(left);
  const rightName = operandName(right);
  if ([leftName, rightName].some((name) => name && wordsOf(name).some((word) => NON_SECRET_WORDS.has(word)))) return undefined;
  const secretSide = leftName && isSecretName(leftName) ? left : rightName && isSecretName(rightName) ? right : undefined;
  if (!secretSide) return undefined;
  const name = secretSide === left ? leftName! : rightName!;
  return { node, secret: secretSide, description: describeSecret(secretSide, name), left, right, negated, fn };
}

function describeSecret(node: TSESTree.Node, name: string): string {
  const bare = unwrap(node);
  if (bare.type === AST_NODE_TYPES.MemberExpression && isProcessEnvMember(bare)) return `process.env.${name}`;
  if (bare.type === AST_NODE_TYPES.CallExpression && name === 'digest') return 'an HMAC digest';
  return `'${name}'`;
}

function isProcessEnvMember(node: TSESTree.MemberExpression): boolean {
  const object = unwrap(node.object);
  return object.type === AST_NODE_TYPES.MemberExpression && memberName(object) === 'env' && unwrap(object.object).type === AST_NODE_TYPES.Identifier;
}

/** `a.localeCompare(b) === 0` and friends. */
function localeCompareOf(node: TSESTree.CallExpression, fn: FunctionNode | null): UnsafeComparison | undefined {
  if (node.callee.type !== AST_NODE_TYPES.MemberExpression || memberName(node.callee) !== 'localeCompare') return undefined;
  const other = node.arguments[0];
  if (!other || other.type === AST_NODE_TYPES.SpreadElement) return undefined;
  return unsafeComparisonOf(node.callee.object, other, node, false, fn);
}

/**
 * A secret comparison is a timing oracle only when a caller can probe it: one side is a request value (or a
 * parameter of a request handler), the comparison runs inside a request handler, or its answer is a 401/403.
 * Offline scripts comparing digests of server-side data (integrity checks, caches, re-hash decisions) are not.
 */
function facesCaller(file: SchemeContext, comparison: UnsafeComparison): boolean {
  if (bothFromRequest(file, comparison)) return false;
  if (comparison.fn && enclosingHandler(file, comparison.fn)) return true;
  for (const side of [comparison.left, comparison.right]) {
    if (syntacticRead(file.sourceCode, side) || isHandlerParameter(file, side) || file.isUntrusted(side)) return true;
  }
  return decidesDenial(comparison.node);
}

/**
 * A CSRF double-submit check (`req.get('x-csrf-token') !== req.cookies.csrf`) compares two values the same request
 * carries: the caller knows both, so the time the comparison takes tells them nothing about a secret of the server.
 */
function bothFromRequest(file: SchemeContext, comparison: UnsafeComparison): boolean {
  return [comparison.left, comparison.right].every((side) => syntacticRead(file.sourceCode, side) !== undefined || file.isUntrusted(side));
}

/** The function itself or any function around it receives requests. */
function enclosingHandler(file: SchemeContext, fn: FunctionNode): boolean {
  for (let current: TSESTree.Node | undefined = fn; current; current = current.parent) {
    if (isFunctionNode(current) && file.isRequestHandler(current)) return true;
  }
  return false;
}

/** `dto.password` where `dto` is a parameter of a request handler (a controller method's body, a route's `req`). */
function isHandlerParameter(file: SchemeContext, node: TSESTree.Node): boolean {
  let root = unwrap(node);
  while (root.type === AST_NODE_TYPES.MemberExpression) root = unwrap(root.object);
  if (root.type !== AST_NODE_TYPES.Identifier) return false;
  let scope: TSESLint.Scope.Scope | null = file.sourceCode.getScope(root);
  while (scope && !scope.set.has(root.name)) scope = scope.upper;
  const def = scope?.set.get(root.name)?.defs[0];
  return def?.type === 'Parameter' && isFunctionNode(def.node) && file.isRequestHandler(def.node);
}

const HTTP_METHOD_EXPORT = /^(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)$/;
const REQUEST_PARAM = /^(req|request|_req|ctx)$/;
const HANDLER_METHODS = new Set(['canActivate', 'use', 'intercept']);
const ROUTE_DECORATORS = /^(Get|Post|Put|Patch|Delete|All|Head|Options)$/;
const HANDLER_CLASS_DECORATORS = /^(Controller|Resolver)$/;

/**
 * Functions that receive requests: registered as routes, middleware or hooks (inline or by name), Next.js
 * route exports, NestJS controller methods, guards and middleware, and functions shaped like handlers
 * (`(req, res)`, `(ctx, next)`, `(c, next)`).
 */
function isRequestHandler(fn: FunctionNode, collected: Collected): boolean {
  if (collected.handlers.has(fn)) return true;
  const name = functionName(fn);
  if (name !== undefined && (collected.handlerNames.has(name) || (HTTP_METHOD_EXPORT.test(name) && isExported(fn)))) return true;
  const [first, second] = fn.params;
  if (first?.type === AST_NODE_TYPES.Identifier && REQUEST_PARAM.test(first.name)) return true;
  if (first?.type === AST_NODE_TYPES.Identifier && first.name === 'c' && second?.type === AST_NODE_TYPES.Identifier && second.name === 'next') return true;
  return isControllerMethod(fn);
}

function functionName(fn: FunctionNode): string | undefined {
  if (fn.id) return fn.id.name;
  const parent = fn.parent;
  return parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.id.type === AST_NODE_TYPES.Identifier ? parent.id.name : undefined;
}

function isExported(fn: FunctionNode): boolean {
  const declaration = fn.type === AST_NODE_TYPES.FunctionDeclaration ? fn : fn.parent?.parent;
  return declaration?.parent?.type === AST_NODE_TYPES.ExportNamedDeclaration;
}

function isControllerMethod(fn: FunctionNode): boolean {
  const method = fn.parent;
  if (method?.type !== AST_NODE_TYPES.MethodDefinition) return false;
  if (method.key.type === AST_NODE_TYPES.Identifier && HANDLER_METHODS.has(method.key.name)) return true;
  if (decoratorsOf(method).some((decorator) => ROUTE_DECORATORS.test(decoratorName(decorator) ?? ''))) return true;
  const owner = method.parent.parent;
  return (
    (owner.type === AST_NODE_TYPES.ClassDeclaration || owner.type === AST_NODE_TYPES.ClassExpression) &&
    decoratorsOf(owner).some((decorator) => HANDLER_CLASS_DECORATORS.test(decoratorName(decorator) ?? ''))
  );
}

function decoratorName(decorator: TSESTree.Decorator): string | undefined {
  const expression = decorator.expression.type === AST_NODE_TYPES.CallExpression ? decorator.expression.callee : decorator.expression;
  return expression.type === AST_NODE_TYPES.Identifier ? expression.name : undefined;
}

// Putting it together

/** Most calls (`res.json`, `db.users.findMany`) are none of the library models: skip them before any lookup. */
function mayBeLibraryCall(node: Invocation, callee: ResolvedCallee | undefined, models: ModelSet): boolean {
  if (callee || node.callee.type === AST_NODE_TYPES.Super) return true;
  const method = methodName(node);
  if (method !== undefined) return models.callNames.has(method);
  return node.callee.type === AST_NODE_TYPES.Identifier && models.callNames.has(node.callee.name);
}

function schemeContext(sourceCode: TSESLint.SourceCode, settings: Readonly<Record<string, unknown>> | undefined, collected: Collected): SchemeContext {
  // Built on first need: most files have no comparison worth asking the data-flow analysis about.
  let analysis: FileAnalysis | undefined;
  const analysed = () => (analysis ??= analyzeSourceCode(sourceCode, settings));
  let apiKey: boolean | undefined;
  let authorization: boolean | undefined;
  const handlers = new Map<FunctionNode, boolean>();
  return {
    sourceCode,
    readRequest: (node) => requestRead(analysed(), node) ?? syntacticRead(sourceCode, node),
    mentionsApiKey: () => (apiKey ??= API_KEY_MENTION.test(sourceCode.text)),
    mentionsAuthorization: () => (authorization ??= AUTHORIZATION_MENTION.test(sourceCode.text)),
    isUntrusted: (node) => analysed().valuesOf(node).some((value) => value.trust === 'untrusted'),
    isRequestHandler: (fn) => {
      let known = handlers.get(fn);
      if (known === undefined) handlers.set(fn, (known = isRequestHandler(fn, collected)));
      return known;
    },
    verifiesJwt: false,
  };
}

interface PendingVerification {
  node: Invocation;
  fn: FunctionNode | null;
  site: VerifySite;
}

function buildFacts(sourceCode: TSESLint.SourceCode, settings: Readonly<Record<string, unknown>> | undefined, filename: string | undefined): CredentialFacts {
  // Asked only for options this file cannot read, so most files never build their analysis here.
  const imported: ImportedConstants | undefined = filename === undefined ? undefined : (node) => analyzeSourceCode(sourceCode, settings, filename).importedConstant(node)?.constant;
  return new FileCredentials(sourceCode, settings, walk(sourceCode), imported);
}

type SchemeFact = Omit<ApiKeyScheme, 'routes'>;

/**
 * The facts of one file. Library models (verification, secrets, library schemes) come from the walk alone and
 * are classified up front; hand-written schemes and unsafe comparisons may ask the data-flow analysis, so they
 * are worked out when a rule first reads them: a file linted without those rules never pays for them.
 */
class FileCredentials implements CredentialFacts {
  readonly verifications: readonly Verification[];
  readonly secrets: readonly SecretUse[] = [];
  readonly issuance: IssuanceProblem[] = [];
  readonly moduleBindings: ReadonlyMap<string, ModuleBinding>;
  readonly callContext: CallContext;
  private readonly librarySchemes: SchemeFact[] = [];
  /** Calls that are no library model: Basic parsing, key look-ups, key-check helpers, `localeCompare`. */
  private readonly plainCalls: { node: TSESTree.CallExpression; fn: FunctionNode | null }[] = [];
  private readonly file: SchemeContext;
  private schemes: readonly ApiKeyScheme[] | undefined;
  private comparisons: readonly UnsafeComparison[] | undefined;
  private header: readonly HeaderProblem[] | undefined;
  /** The built-in library models and the user's `settings.claimguard.models`. */
  private readonly models: ModelSet;

  constructor(
    private readonly sourceCode: TSESLint.SourceCode,
    settings: Readonly<Record<string, unknown>> | undefined,
    private readonly collected: Collected,
    private readonly imported: ImportedConstants | undefined,
  ) {
    this.moduleBindings = collected.bindings;
    this.models = modelSetFor(readSettings(settings).models);
    const modules = collected.modules;
    this.callContext = {
      bindings: collected.bindings,
      importsModule: (module) => modules.has(module),
      initializerOf: (node) => constInitializer(sourceCode, node),
      models: this.models,
    };
    this.file = schemeContext(sourceCode, settings, collected);
    this.verifications = this.classifyCalls();
    this.file.verifiesJwt = this.verifications.length > 0;
  }

  private classifyCalls(): Verification[] {
    const context = this.callContext;
    const pending: PendingVerification[] = [];
    const secrets = this.secrets as SecretUse[];
    for (const { node, fn } of this.collected.invocations) {
      const callee = resolveCallee(node.callee, this.collected.bindings);
      let verify: VerifySite | undefined;
      let library: ReturnType<typeof libraryScheme>;
      if (mayBeLibraryCall(node, callee, this.models)) {
        verify = verifySite(node, context, callee);
        if (verify) pending.push({ node, fn, site: verify });
        const secret = secretSite(node, context, verify, callee);
        if (secret) secrets.push(...secretUsesOf(node, fn, secret, this.sourceCode));
        if (secret?.use?.role === 'sign') this.issuance.push(...issuanceProblems(node, secret.library, secret.use, this.sourceCode));
        library = libraryScheme(node, context, callee);
        if (library) this.librarySchemes.push({ ...library, node, guard: node });
      }
      if (node.type === AST_NODE_TYPES.CallExpression && !library && !verify) this.plainCalls.push({ node, fn });
    }
    const verifications = judgeVerifications(pending, this.sourceCode, this.imported);
    const signed = signedValues(this.secrets, this.sourceCode);
    return verifications.map((verification) => ({ ...this.withKeyFamily(verification), determined: this.determine(verification, verifications, signed) }));
  }

  /**
   * `verify(token, publicKey, { algorithms: ['HS256'] })`: a public key used as an HMAC secret lets anyone who
   * has it sign tokens (the key-confusion attack), so the pinned algorithms do not pin anything.
   */
  private withKeyFamily(verification: Verification): Verification {
    const algorithms = verification.pinnedValues.algorithms;
    if (!algorithms || !algorithms.every((algorithm) => HMAC_ALGORITHM.test(algorithm))) return verification;
    const key = this.secrets.find((use) => use.call === verification.node && use.role !== 'sign');
    const kind = key ? keyKindOf(this.sourceCode, key, this.models) : undefined;
    if (kind !== 'public-key' && kind !== 'rsa') return verification;
    const problem: VerificationProblem = { check: 'algorithms', kind: 'public-key-as-hmac', option: 'algorithms', node: key!.node, algorithms };
    return { ...verification, problems: [...verification.problems, problem], missing: unique([...verification.missing, 'algorithms']), pinned: false };
  }

  /** What the file determines for a verification's missing options: see `Determined`. */
  private determine(verification: Verification, all: readonly Verification[], signed: SignedValues): Determined {
    const key = this.secrets.find((use) => use.call === verification.node && use.role !== 'sign');
    const kind = key ? keyKindOf(this.sourceCode, key, this.models) : undefined;
    const others = all.filter((other) => other !== verification).map((other) => other.pinnedValues);
    const issuer = onlyValue([...signed.issuers, ...others.map((values) => values.issuer)]);
    const audience = onlyValue([...signed.audiences, ...others.map((values) => values.audience)]);
    return { ...algorithmsForKey(kind, signed.algorithms), ...(issuer ? { issuer } : {}), ...(audience ? { audience } : {}) };
  }

  /** The algorithms a key of this file implies, for a fix that replaces `decode` with `verify`. */
  algorithmsFor(use: SecretUse): Pick<Determined, 'algorithms' | 'algorithmsFrom'> {
    return algorithmsForKey(keyKindOf(this.sourceCode, use, this.models), signedValues(this.secrets, this.sourceCode).algorithms);
  }

  /** The issuer and audience the file determines for every verification (see `Determined`). */
  get determinedClaims(): Pick<Determined, 'issuer' | 'audience'> {
    const signed = signedValues(this.secrets, this.sourceCode);
    const issuer = onlyValue([...signed.issuers, ...this.verifications.map((verification) => verification.pinnedValues.issuer)]);
    const audience = onlyValue([...signed.audiences, ...this.verifications.map((verification) => verification.pinnedValues.audience)]);
    return { ...(issuer ? { issuer } : {}), ...(audience ? { audience } : {}) };
  }

  get apiKeySchemes(): readonly ApiKeyScheme[] {
    this.schemes ??= this.findSchemes();
    return this.schemes;
  }

  get unsafeComparisons(): readonly UnsafeComparison[] {
    this.comparisons ??= this.findUnsafeComparisons();
    return this.comparisons;
  }

  get headerProblems(): readonly HeaderProblem[] {
    this.header ??= headerProblems(this.sourceCode, this.collected.headerReads, (node) => isEmbeddedKey(node, this.collected.bindings, this.models));
    return this.header;
  }

  private findSchemes(): ApiKeyScheme[] {
    const file = this.file;
    const schemes: SchemeFact[] = [...this.librarySchemes];
    for (const { node, fn } of this.plainCalls) {
      const scheme = isBasicParsing(node)
        ? { kind: 'basic' as const, via: 'Authorization: Basic parsing', node, guard: fn }
        : (keyLookupScheme(file, node, fn) ?? keyCheckCallScheme(file, node, fn));
      if (scheme) schemes.push(scheme);
    }
    for (const { node, fn } of this.collected.comparisons) {
      const scheme = isBasicParsing(node) ? { kind: 'basic' as const, via: 'Authorization: Basic parsing', node, guard: fn } : comparisonScheme(file, node, fn);
      if (scheme) schemes.push(scheme);
    }
    return oneSchemePerGuard(schemes).map((scheme) => ({ ...scheme, routes: routesOf(scheme.guard, this.collected.routes) }));
  }

  private findUnsafeComparisons(): UnsafeComparison[] {
    const found: UnsafeComparison[] = [];
    for (const { node, fn } of this.plainCalls) {
      const unsafe = localeCompareOf(node, fn);
      if (unsafe && facesCaller(this.file, unsafe)) found.push(unsafe);
    }
    for (const { node, fn } of this.collected.comparisons) {
      if (node.left.type === AST_NODE_TYPES.PrivateIdentifier) continue;
      const unsafe = unsafeComparisonOf(node.left, node.right, node, node.operator.startsWith('!'), fn);
      if (unsafe && facesCaller(this.file, unsafe)) found.push(unsafe);
    }
    return found;
  }
}

/**
 * Whether an expression reads a request header, query value, cookie or body field, as the shared data-flow
 * analysis sees it (through variables, helpers and arguments); `syntacticRead` covers shapes it does not model.
 */
function requestRead(analysis: FileAnalysis, node: TSESTree.Node): RequestRead | undefined {
  for (const value of analysis.valuesOf(node)) {
    if (value.trust !== 'untrusted' || value.container) continue;
    if (value.source === 'header' || value.source === 'query' || value.source === 'cookie' || value.source === 'body') {
      return { source: value.source, name: value.name, node: value.node };
    }
  }
  return undefined;
}

/**
 * Hand-parsed Basic credentials read the `authorization` header, so comparing the username that came out of it
 * is the same Basic scheme, not a second, key-based one: keep one report per guard.
 */
function oneSchemePerGuard(schemes: readonly Omit<ApiKeyScheme, 'routes'>[]): Omit<ApiKeyScheme, 'routes'>[] {
  const basicGuards = new Set(schemes.filter((scheme) => scheme.kind === 'basic' && scheme.guard).map((scheme) => scheme.guard));
  return schemes.filter(
    (scheme) => !(scheme.via === 'key comparison' && basicGuards.has(scheme.guard) && scheme.origin?.description.toLowerCase() === "header 'authorization'"),
  );
}

/**
 * A registration of module-wide defaults that sets none (`JwtModule.register({})`) leaves each per-call
 * verification (`jwtService.verify(token, options)`) on its own options: judge the calls (absent options are
 * missing there) instead of the empty registration. A registration whose options weaken validation is still reported.
 */
function judgeVerifications(pending: readonly PendingVerification[], sourceCode: TSESLint.SourceCode, imported: ImportedConstants | undefined): Verification[] {
  const modules = pending.filter(({ site }) => site.verifier.defaultsFor !== undefined);
  const callsJudged =
    modules.length > 0 &&
    pending.some(({ site }) => site.verifier.inheritsDefaults) &&
    modules.every(({ node, site }) => setsNoVerifyOptions(node, site.verifier, sourceCode));
  return pending.map(({ node, fn, site }) => {
    const verification = verificationOf(node, fn, site, sourceCode, !!site.verifier.inheritsDefaults && !callsJudged, imported);
    return callsJudged && site.verifier.defaultsFor !== undefined ? withoutAbsentOptions(verification) : verification;
  });
}

/** `register({})`, `register({ secret })`, `register({ verifyOptions: {} })`: nothing that verification inherits. */
function setsNoVerifyOptions(node: Invocation, verifier: VerifierModel, sourceCode: TSESLint.SourceCode): boolean {
  const argument = node.arguments[verifier.options.index ?? 0];
  if (!argument) return true;
  if (argument.type === AST_NODE_TYPES.SpreadElement) return false;
  const options = staticValueOf(sourceCode, argument);
  if (options.kind !== 'object' || options.open) return false;
  const verify = propertyOf(options, verifier.defaultsFor!);
  return !verify || (verify.value.kind === 'object' && !verify.value.open && verify.value.properties.size === 0);
}

function withoutAbsentOptions(verification: Verification): Verification {
  // The module has no verification options at all, so every missing check is an absent one.
  const problems = verification.problems.filter((problem) => problem.kind !== 'missing');
  const missing = unique(problems.filter((p) => p.kind !== 'unknown').map((p) => p.check));
  const unknown = unique(problems.filter((p) => p.kind === 'unknown').map((p) => p.check));
  const toleranceOk = !verification.clockTolerance || verification.clockTolerance.seconds <= DEFAULT_MAX_CLOCK_TOLERANCE_SECONDS;
  return { ...verification, problems, missing, unknown, pinned: problems.length === 0 && toleranceOk };
}

// What the file determines for fixes

/** The kind of key a verification uses: an HMAC secret, an RSA public key or key set, or another public key. */
type KeyKind = 'hmac' | 'rsa' | 'public-key';

const PUBLIC_KEY_NAME = /public|cert|pem|jwks?|spki/i;
/** Paths and names of public key files: `public.pem`, `jwtRS256.key.pub`, `server.crt`. */
const PUBLIC_KEY_FILE = /public|\.pub$|cert|\.crt$|spki/i;
const FILE_READS: ReadonlySet<string> = new Set(['readFileSync', 'readFile']);

/** The literal text of a file read's path argument (`__dirname + '/key.pub'`, `path.join('keys', 'public.pem')`). */
function fileReadPath(call: TSESTree.CallExpression): string | undefined {
  const parts: string[] = [];
  const stack: TSESTree.Node[] = call.arguments.length > 0 ? [call.arguments[0]!] : [];
  for (let seen = 0; stack.length > 0 && seen < 16; seen++) {
    const node = unwrap(stack.pop()!);
    const text = staticString(node);
    if (text !== undefined) parts.push(text);
    else if (node.type === AST_NODE_TYPES.BinaryExpression && node.operator === '+') stack.push(node.right, node.left);
    else if (node.type === AST_NODE_TYPES.CallExpression) stack.push(...[...node.arguments].reverse());
    else if (node.type === AST_NODE_TYPES.TemplateLiteral) parts.push(node.quasis.map((quasi) => quasi.value.cooked ?? '').join(''));
  }
  return parts.join('/');
}

function keyKindOf(sourceCode: TSESLint.SourceCode, use: SecretUse, models: ModelSet): KeyKind | undefined {
  if (use.kind === 'hardcoded' || use.kind === 'env-fallback') return 'hmac';
  const key = unwrapSecret(sourceCode, use.node);
  if (use.kind === 'public-key') {
    const value = staticValueOf(sourceCode, key);
    return value.kind === 'literal' && typeof value.value === 'string' && value.value.includes('-----BEGIN RSA PUBLIC KEY-----') ? 'rsa' : 'public-key';
  }
  // Key-set helpers (jwks-rsa's) hand out the issuer's RSA keys.
  if (key.type === AST_NODE_TYPES.CallExpression && models.rsaKeySets.has(calledName(key) ?? '')) return 'rsa';
  // A key read from a file (`fs.readFileSync('./keys/public.pem')`) is what its path or the name holding it says.
  const file = key.type === AST_NODE_TYPES.CallExpression && FILE_READS.has(calledName(key) ?? '') ? fileReadPath(key) : undefined;
  const declared = operandName(unwrap(use.node));
  if (file !== undefined) return [file, declared ?? ''].some((name) => PUBLIC_KEY_FILE.test(name) && !/private/i.test(name)) ? 'public-key' : undefined;
  const value = staticValueOf(sourceCode, key);
  const name = value.kind === 'env' || value.kind === 'env-fallback' ? value.name : operandName(key);
  if (!name) return undefined;
  if (PUBLIC_KEY_NAME.test(name)) return 'public-key';
  return isSecretName(name) && !/private/i.test(name) ? 'hmac' : undefined;
}

const ASYMMETRIC_ALGORITHM = /^(RS|PS|ES)\d+$|^ES256K$|^EdDSA$/;

/**
 * The allow-list a key implies: the algorithms the file signs with when they fit the key, else HS256 for an HMAC
 * secret (what jsonwebtoken signs with by default) and RS256 for an RSA key; nothing for other public keys.
 */
function algorithmsForKey(kind: KeyKind | undefined, signed: readonly string[]): Pick<Determined, 'algorithms' | 'algorithmsFrom'> {
  if (!kind) return {};
  const fitting = signed.filter((algorithm) => (kind === 'hmac' ? HMAC_ALGORITHM.test(algorithm) : ASYMMETRIC_ALGORITHM.test(algorithm)));
  if (fitting.length > 0) return { algorithms: [...new Set(fitting)], algorithmsFrom: 'the algorithm this file signs tokens with' };
  if (kind === 'hmac') return { algorithms: ['HS256'], algorithmsFrom: 'the key is an HMAC secret' };
  if (kind === 'rsa') return { algorithms: ['RS256'], algorithmsFrom: 'the key is an RSA public key' };
  return {};
}

interface SignedValues {
  algorithms: string[];
  issuers: string[];
  audiences: string[];
}

/** The algorithm, issuer and audience the file's signing calls (`jwt.sign(payload, key, options)`) write into tokens. */
function signedValues(secrets: readonly SecretUse[], sourceCode: TSESLint.SourceCode): SignedValues {
  const signed: SignedValues = { algorithms: [], issuers: [], audiences: [] };
  for (const use of secrets) {
    const spelling = use.signOptions;
    if (use.role !== 'sign' || !spelling) continue;
    const options = use.call.arguments[spelling.index];
    if (!options || options.type === AST_NODE_TYPES.SpreadElement) continue;
    const value = staticValueOf(sourceCode, options);
    signed.algorithms.push(...(pinnedStrings(value, [spelling.algorithm]) ?? []));
    signed.issuers.push(...(pinnedStrings(value, [spelling.issuer]) ?? []).slice(0, 1));
    signed.audiences.push(...(pinnedStrings(value, [spelling.audience]) ?? []).slice(0, 1));
  }
  return signed;
}

/** The one value several places agree on; undefined when there is none or they disagree. */
function onlyValue(values: readonly (string | undefined)[]): string | undefined {
  const distinct = new Set(values.filter((value): value is string => value !== undefined));
  return distinct.size === 1 ? [...distinct][0] : undefined;
}
