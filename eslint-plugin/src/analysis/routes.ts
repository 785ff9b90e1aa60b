import { AST_NODE_TYPES as NODE_TYPES } from '@typescript-eslint/types';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { declaredValue, findVariable, objectLiteralOf, optionValues } from '../util/find-variable';
import { trimSlashes, trimTrailingSlashes } from '../util/slashes';
import { isTokenStrategyName, isTokenVerifierName, readsAsAuthentication } from './names';
import { isStrategyMarker } from './strategy-markers';
import { annotatedTypeName, objectKeys, propertyValue, calleeName, decoratorsOf, dottedPath, enclosingClass, functionName, functionResult, isFunctionNode, memberName, propertyKeyName, rootIdentifier, staticString, typeScriptOnly, unwrap } from './syntax';
import * as path from 'node:path';
import { isProjectSpecifier } from '../project/modules';
import { findProjectRoot } from '../project/files';
import { requiredModule } from './library-models';
import { calleeIsRequire, importRefOf, isFunctionValue, type ImportRef } from './imports';
import { cachedPattern, compileRoutePattern, matches, type Wildcard } from '../util/wildcard';
import { Allowance, budgetOf, type AnalysisWork } from './budget';
import { fileNodes } from './walk';
import { parameterDecoratorCallback } from './file-index';
import { pathTextOf } from './static-values';
import { authenticatorChannel, VOCABULARY } from './framework-models';
import { rootValueServings, type RootValueServing } from './root-values';
import { fieldConfigsOf, mentionsObjectTypes, objectTypeOf, type ObjectTypeDefinition, type ObjectTypeField } from './object-types';
import { authenticatorServersOf, calleePackageOf, isFromPackages, isModelledPackage, packageOf } from './package-of';
import { combinedParts } from './combined-resolvers';
import { appliedLayers, gateKeysFor, gatesFor, isPermissionMap, layerGatesOf, type PermissionGates } from './permission-layers';
import type { RouteFramework, RouteObjectShape, SchemaBuilder } from '../models/framework-model';
import type { VerificationFact } from './maturity';
import { linkSkipsOf, skipWrapperOf, underPrefix, type PathTest } from './path-skips';

// The package re-exports the enum through two getters; hot loops read it once per module instead.
const AST_NODE_TYPES = NODE_TYPES;

/**
 * Route discovery: which HTTP routes a file registers, with the middleware chain each one runs.
 * Built once per SourceCode from the file's one shared walk (walk.ts); the maturity grade and the rules read it.
 */

export type Framework = RouteFramework;

/** A half-open source range `[start, end)` in the file's text. */
export type Range = readonly [number, number];

export type { ImportRef } from './imports';

/** One step of a route's chain: a middleware, a guard, a hook or the handler. */
export interface ChainLink {
  /** The expression as the registration spells it. */
  node: TSESTree.Node;
  /** The code this link runs: the expression, the declarations it names, and same-file functions they call. */
  ranges: readonly Range[];
  /** Set when the link comes from a relative import this file cannot see into. */
  imported?: ImportRef;
  /** An imported `use` argument that may be a router rather than middleware; the project index tells which. */
  mayBeRouter?: boolean;
  /** `fastify.name` with no `decorate('name', …)` in this file: a decorator another file of the project registers. */
  decoration?: string;
  /**
   * A builder of the per-request context a schema's resolvers read (Apollo's `context` option): what it returns is
   * what they find on their context. Set to the builder itself when it is in this file; `member` names the member of
   * what it returns that is the context, when the builder returns a server's options (`graphqlHTTP((req) => ({ context }))`).
   */
  context?: { fn?: TSESTree.FunctionLike; member?: string };
  /** Paths the link lets through without running its code (`jwt(…).unless({ path })`, an allow-list at its top). */
  skips?: readonly PathTest[];
  /** An imported middleware used under a prefix (`app.use('/api', auth)`): the paths it reads are below it. */
  usePrefix?: string;
  /** Middleware named as authentication from a package no model describes (`gatewayAuth()` of `@acme/gateway-auth`). */
  unmodelled?: { name: string; module: string };
  /** Scopes the framework requires of the verified credentials before the route runs (hapi `auth: { scope }`). */
  requiredScopes?: readonly string[];
  /** A decorator that sets metadata on the route (`@Roles('admin')`, `@SetMetadata(…)`, a composite of them), which guards read. */
  marksRoute?: true;
}

export interface Route {
  framework: Framework;
  /** Upper case, or `ALL`. */
  method: string;
  path: string;
  /** The registration: the call, the decorated method, or the exported handler. */
  node: TSESTree.Node;
  /** Middleware, guards and hooks in the order they run, the handler last. */
  chain: readonly ChainLink[];
  /** The router or plugin is exported or received as a parameter, so middleware may be added where it is mounted. */
  mountedElsewhere: boolean;
  /** The export name of the router or plugin holding the route, when it is exported. */
  exportedAs?: string;
  /** NestJS: the controller class, which a module's `forRoutes(ArticleController)` names. */
  controller?: string;
  /** NestJS: `@Public()` and its kin opt the route out of global guards. */
  skipsGlobalGuards?: boolean;
  /**
   * The route takes the application's default authentication (hapi's `server.auth.default()`) and this file sets
   * none before it on its server: the project index adds what another file sets.
   */
  usesDefaultAuth?: boolean;
  /** Authentication happens before the code runs, where the platform is configured (an API Gateway authorizer). */
  authOutsideCode?: boolean;
  /** Where one endpoint serves many operations (GraphQL): the operation, `Query.invoice`. */
  operation?: string;
  /** A root-value field whose type the schema imported from another file declares: that schema (`invoice` → `Query.invoice`). */
  operationSchema?: ImportRef;
}

/** A route object's own authentication setting: opted out, the server's default, or a strategy it names. */
type RouteAuth = 'off' | 'default' | 'strategy';

/**
 * A call in the file that authenticates in a way this file cannot see into: a function imported from
 * another module (`verifyAccessToken(secret, token)`) or one that is not declared anywhere here.
 */
export interface AuthCall {
  node: TSESTree.CallExpression;
  name: string;
  /** The relative import it comes from; undefined for packages and globals. */
  ref?: ImportRef;
  /** Its name says it verifies a token (`verifyAccessToken`), not only that it authenticates somehow. */
  verifiesToken: boolean;
}

/** Which routes a NestJS module's `consumer.apply(…).forRoutes(…)` selects. */
export interface NestRouteTarget {
  controller?: string;
  path?: string;
  method?: string;
}

/** Authentication a NestJS application applies outside the controllers: module middleware and global guards. */
export interface NestAuth {
  middleware: readonly { links: readonly ChainLink[]; targets: readonly NestRouteTarget[]; excludes: readonly NestRouteTarget[] }[];
  /** `{ provide: APP_GUARD, useClass: JwtAuthGuard }` and `app.useGlobalGuards(new JwtAuthGuard())`. */
  globalGuards: readonly ChainLink[];
  /** `app.setGlobalPrefix('api', { exclude: ['health'] })`: the prefix of every controller route but the excluded. */
  globalPrefix?: NestGlobalPrefix;
}

export interface NestGlobalPrefix {
  prefix: string;
  /** Controller paths the prefix skips, as written (`health`, `/health`). */
  excludes: readonly string[];
}

/** `fastify.register(autoload, { dir: path.join(__dirname, 'routes'), autoHooks: true })`: a folder of plugins. */
export interface AutoloadFolder {
  /** The folder, relative to the registering file's folder, with `/` separators. */
  dir: string;
  /** The base name of the hooks files that run before the plugins of their folder, when hooks are on. */
  hooksFile?: string;
  /** Hooks files also run before the plugins of subfolders. */
  cascade: boolean;
}

/** A router from another file mounted here: `app.use('/users', checkJwt, usersRouter)`. */
export interface ExternalMount {
  ref: ImportRef;
  prefix: string;
  /** Middleware that runs before the mounted router's own chain. */
  chain: readonly ChainLink[];
  /** Middleware registered for paths under the mount only; it applies to the mounted routes it covers. */
  scoped: readonly { prefix: string; links: readonly ChainLink[] }[];
  node: TSESTree.Node;
  /** The export name of the router the mount is made on, when that router is itself exported (nested mounts). */
  mountedOn?: string;
  /** The argument may be middleware rather than a router; only a router counts as mounted. */
  uncertain?: boolean;
  /** The operation type whose fields the mounted object holds (graphql-js `fields: { ...invoiceQueries }` of `Query`). */
  operation?: string;
}

export interface RouteModel {
  routes: readonly Route[];
  externalMounts: readonly ExternalMount[];
  /** Exported declarations, as links (what another file's import of that name runs). */
  exports: ReadonlyMap<string, ChainLink>;
  /** Modules whose exports this file re-exports whole (`export * from './x'`). */
  starExports: readonly string[];
  /** Members of exported classes and objects, by export name: a method another file calls runs only its own code. */
  exportMembers: ReadonlyMap<string, ReadonlyMap<string, ChainLink>>;
  /** What the file decorates its server instances with (`fastify.decorate('authenticate', fn)`), as links. */
  decorations: ReadonlyMap<string, ChainLink>;
  /** The functions the file exports, by export name (`name.member` for methods and object functions). */
  exportFunctions: ReadonlyMap<string, TSESTree.FunctionLike>;
  /** Calls of functions imported from the project's other files (services, helpers), sorted by where they start. */
  importedCalls: readonly { start: number; ref: ImportRef; call: TSESTree.CallExpression }[];
  /**
   * Guards named inside code rather than on a route (`applyDecorators(UseGuards(RolesGuard))` in a composite
   * decorator), imported from the project's other files, sorted by where they start: code that runs them runs the guard.
   */
  composedGuards: readonly { start: number; ref: ImportRef; node: TSESTree.Node }[];
  /** Folders whose files an autoloading plugin registers (`@fastify/autoload`). */
  autoloads: readonly AutoloadFolder[];
  /**
   * Hooks that return early for some paths (`if (request.url.startsWith('/api/auth/login')) return`), by where the
   * hook is registered: a plugin that adds one lets those paths through. Sorted by start.
   */
  hookSkips: readonly { start: number; tests: readonly PathTest[] }[];
  /** Every call and `new` in the file, in source order (for facts that are looked up by range). */
  calls: readonly (TSESTree.CallExpression | TSESTree.NewExpression)[];
  /** String literals that name an API-key or Basic credential (`'x-api-key'`, `'Basic '`), in source order. */
  schemeLiterals: readonly TSESTree.StringLiteral[];
  /** A Next.js `middleware.ts`: its function and the paths its `config.matcher` selects. */
  nextMiddleware?: { links: readonly ChainLink[]; matchers: readonly string[] };
  /** Calls that authenticate through code this file cannot see, in source order. */
  authCalls: readonly AuthCall[];
  /**
   * Methods called on a parameter that this file decorates nothing with (`request.isAdmin(reply)` in a hook): in a
   * framework that decorates its requests, another file of the project may register them. Sorted by start.
   */
  parameterMethodCalls: readonly { start: number; name: string; node: TSESTree.CallExpression }[];
  /** Where the file answers 401 (`status(401)`, `UnauthorizedException`), as sorted offsets. */
  unauthorizedMarks: readonly number[];
  /** Where the file reads the verified caller (`req.user`, `req.auth`, `@User()`), as sorted offsets. */
  callerReads: readonly number[];
  nestAuth: NestAuth;
  /** Default authentication the file sets on its servers (`server.auth.default('jwt')`), as links. */
  defaultAuth: readonly ChainLink[];
  /**
   * Where a route or a server names a token strategy configured elsewhere (`auth: 'jwt'`, `auth.default('jwt')`), and
   * decorators that run the authentication code the framework is configured with (`@Authorized()`, `@Security('api_key')`).
   */
  /** `restores`: the setting lets requests without credentials through, leaving the others' credentials there. */
  tokenStrategies: readonly { node: TSESTree.Node; configuredBy?: NonNullable<VerificationFact['configuredBy']>; restores?: string }[];
  /** The authentication code the file configures a framework with (`useExpressServer(app, { authorizationChecker })`), as links. */
  configuredAuthenticators: readonly { channel: string; link: ChainLink }[];
  /**
   * Where a route or a server sets authentication by a strategy whose name the code does not spell
   * (`auth.default(config.name)`); `nameRef` when the name is another project file's constant, for the index to read.
   */
  unreadStrategies: readonly { node: TSESTree.Node; nameRef?: ImportRef }[];
  /** Reads of claims a platform verified before the code ran (`event.requestContext.authorizer.claims`). */
  platformClaims: readonly { node: TSESTree.MemberExpression; by: string }[];
}

/** Route registration vocabulary, from the framework models. */
const ROUTING = VOCABULARY.routing;
const HTTP_METHODS = ROUTING.routeMethods;
const ROUTE_OBJECTS = ROUTING.routeObjects.filter((shape) => shape.call !== undefined);
const ROUTE_OBJECT_CALLS = new Set(ROUTE_OBJECTS.map((shape) => shape.call!));
/** Keys of a route options object that hold the handler (`{ onRequest, handler }`). */
const ROUTE_OBJECT_HANDLERS = [...new Set(ROUTING.routeObjects.flatMap((shape) => shape.handlerKeys.filter((key) => !key.includes('.'))))];
/** Route object shapes whose arrays, exported, are route tables another file registers (hapi's `server.route(routes)`). */
const EXPORTED_TABLE_SHAPES = ROUTING.routeObjects.filter((shape) => shape.exportedTables);
/** Member paths of the calls that set a server's default authentication and register strategies (`auth.default`). */
const DEFAULT_AUTH_CALLS = ROUTING.defaultAuth.map((auth) => auth.call.split('.'));
const STRATEGY_CALLS = ROUTING.defaultAuth.flatMap((auth) => (auth.strategyCall ? [auth.strategyCall.split('.')] : []));
/** Claims a platform verified before the code ran (API Gateway authorizers), as member paths below the event. */
const PLATFORM_CLAIMS = VOCABULARY.request.platformClaims;
const RESOLVER_OPERATIONS = VOCABULARY.request.resolverOperations;
const RESOLVER_ROUTES = ROUTING.resolverRoutes;
const PROCEDURE_ROUTES = ROUTING.procedureRoutes;
/** How many variables, spreads and imports deep a resolver map is followed to the maps it is made of. */
const MAX_RESOLVER_DEPTH = 8;
/** Options of schema builders that hold resolver maps, wherever an object carries them (`{ typeDefs, resolvers }`). */
const RESOLVER_MAP_OPTIONS = new Set([...RESOLVER_ROUTES.builders.values()].flatMap((builder) => builder.mapOptions));
const DECORATOR_MODELS = ROUTING.decoratedControllers;
type DecoratorModel = (typeof DECORATOR_MODELS)[number];

const NEST_MODULES = DECORATOR_MODELS.flatMap((model) => (model.modules ? [model.modules] : []));
const FILE_ROUTE_MODELS = ROUTING.fileRoutes;
/** The framework of a receiver nothing else identifies. */
const DEFAULT_FRAMEWORK: Framework = 'express';

function isGlobalGuardToken(name: string): boolean {
  return NEST_MODULES.some((wiring) => wiring.globalGuardToken === name);
}

const MAX_CALL_DEPTH = 4;

/** Prefix checks every file may make whatever its size; beyond, one per character of the file (see `prefixChecks`). */
const MIN_PREFIX_CHECKS = 10_000;
/** Functions the chains of a file may take in whatever its size; beyond, one per character (see `expansions`). */
const MIN_EXPANSIONS = 100_000;

/** `UnauthorizedException`, `createError.Unauthorized`, `HttpStatus.UNAUTHORIZED`: names that answer 401. */
const UNAUTHORIZED_NAME = /^unauthori[sz]ed/i;

/** Objects whose `user`/`auth` property is the caller verified middleware attached: requests and the holders on them. */
function isRequestHolder(name: string): boolean {
  return VOCABULARY.request.requestNames.has(name) || name === 'state' || name === 'locals';
}

/** Parameter decorators that hand the handler the verified caller (`@User()`). */
function isCallerDecorator(name: string): boolean {
  return VOCABULARY.request.parameterDecorators.get(name) === 'verified';
}

/** Session getters read the request's cookies themselves (next-auth's `auth()`, `getServerSession()`). */
const SESSION_GETTER = /^(auth|getSession|getServerSession|getCurrentUser|currentUser)$/;
/** Authenticators count when handed the request, so `authenticateUser(email, password)` on a login route does not. */
const REQUEST_AUTHENTICATOR = /^(authenticate\w*|(require|check|ensure)(Auth|Session|User)\w*|validateSession|isAuthenticated|withAuth)$/;
const REQUEST_ARGUMENT = /^(req|request|_req|c|ctx|context|event|headers)$/;
const REQUEST_PARTS = /^(req|raw|request|headers|authorization|cookies)$/;

/** Files that start a server (`server.ts`, `worker.js`): an app exported from one is served, not mounted. */
function isEntryFile(filename: string): boolean {
  const base = filename.slice(filename.lastIndexOf('/') + 1);
  const match = /^([^.]+)\.[cm]?[jt]sx?$/.exec(base);
  return !!match && ROUTING.entryFiles.has(match[1]!);
}

/** Calls that name a passport or Nest strategy are graded as strategies (`passport.authenticate('jwt')`). */
const STRATEGY_OWNERS = /^(passport|Passport)$/;


/** Literals that mark an API-key or HTTP Basic credential. */
const SCHEME_LITERAL = /^(x-api-key|api-key|apikey|api_key|x-apikey|basic|basic )$/i;

interface Use {
  order: number;
  prefix: string | undefined;
  links: ChainLink[];
}

/**
 * A router's `use` registrations, indexed so that the ones covering a path are found without testing every one:
 * prefix-less uses apply to every later route, a literal prefix is looked up by the path's own segment prefixes,
 * and only prefixes with wildcards or parameters are matched one by one.
 */
class UseIndex {
  /** Every use, in registration order. */
  readonly all: Use[] = [];
  private readonly everywhere: Use[] = [];
  private readonly literal = new Map<string, Use[]>();
  /** Uses under wildcard or parameter prefixes, each with its prefix compiled once. */
  private readonly patterns: { use: Use; pattern: Wildcard }[] = [];

  constructor(
    private readonly checks: Allowance,
    private readonly work: AnalysisWork,
  ) {}

  add(use: Use): void {
    this.all.push(use);
    const key = literalPrefix(use.prefix);
    if (key === '') this.everywhere.push(use);
    else if (key === undefined) this.patterns.push({ use, pattern: compileRoutePattern(use.prefix!, 'prefix') });
    else {
      const list = this.literal.get(key);
      if (list) list.push(use);
      else this.literal.set(key, [use]);
    }
  }

  /** The uses registered before `order` whose prefix covers `path`, in the order they run. */
  covering(path: string, order: number, at: TSESTree.Node): Use[] {
    const found = registeredBefore(this.everywhere, order);
    if (this.literal.size > 0) {
      // A look-up per segment of the path: the path is the project's text, but so is its length.
      for (const candidate of segmentPrefixes(path)) {
        this.work.prefixLookups++;
        const list = this.literal.get(candidate);
        if (list) found.push(...registeredBefore(list, order));
      }
    }
    for (const { use, pattern } of this.patterns) {
      if (use.order >= order || !this.checks.allow('route prefixes', at)) break;
      if (matches(pattern, path)) found.push(use);
    }
    return found.length > 1 ? found.sort((a, b) => a.order - b.order) : found;
  }
}

/** How a budget stop names a function, or the factory call that made one. */
function functionNameOf(fn: CalledCode): string {
  if (fn.type === AST_NODE_TYPES.CallExpression) return `the function ${calleeName(fn) ?? 'a call'}() returned`;
  return (isFunctionNode(fn) ? functionName(fn) : undefined) ?? 'an anonymous function';
}

/**
 * What a call by name runs in this file: a function, or the call that made the function (`const verify =
 * createVerifier({…})`, `const { auth } = NextAuth({…})`), whose arguments configure what the function does.
 */
type CalledCode = TSESTree.FunctionLike | TSESTree.CallExpression;

/** Whether `name` is a plain parameter of a function around `node` (`request` in `(request, reply) => …`). */
function isParameterOfEnclosing(node: TSESTree.Node, name: string): boolean {
  for (let current = node.parent; current; current = current.parent) {
    if (isFunctionNode(current) && current.params.some((param) => param.type === AST_NODE_TYPES.Identifier && param.name === name)) return true;
  }
  return false;
}

/** The path a literal `use` prefix covers (itself and below), `''` for one that covers every path, undefined for a pattern. */
function literalPrefix(prefix: string | undefined): string | undefined {
  if (prefix === undefined || prefix === '*') return '';
  const path = trimTrailingSlashes(prefix.endsWith('/*') ? prefix.slice(0, -2) : prefix);
  return ROUTE_PATTERN_SYNTAX.test(path) ? undefined : path;
}

/** Characters that give a route prefix wildcards or parameters (see `compileRoutePattern`). */
const ROUTE_PATTERN_SYNTAX = /[*(){}?+\\:]/;

/** `/a/b/c` → `/a`, `/a/b`, `/a/b/c`: the literal prefixes that can cover a path (each covers itself and below). */
function segmentPrefixes(path: string): string[] {
  const prefixes: string[] = [];
  for (let i = 1; i < path.length; i++) if (path[i] === '/') prefixes.push(path.slice(0, i));
  let whole = path;
  while (whole.endsWith('/')) whole = whole.slice(0, -1);
  if (whole !== '' && prefixes[prefixes.length - 1] !== whole) prefixes.push(whole);
  return prefixes;
}

/** The leading part of a list in registration order that was registered before `order`. */
function registeredBefore(list: readonly Use[], order: number): Use[] {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (list[mid]!.order < order) low = mid + 1;
    else high = mid;
  }
  return list.slice(0, low);
}

interface Mount {
  order: number;
  prefix: string;
  chain: ChainLink[];
  /** Rules a permission layer runs before the child's resolvers, by operation (`applyMiddleware(schema, shield(…))`). */
  gates?: LayerGates;
  child: Receiver;
  /** The registration that mounts the child. */
  node: TSESTree.Node;
}

/** The rules permission layers give a schema's fields: those made in this file, and layers imported from others. */
interface LayerGates {
  rules: PermissionGates;
  imported: readonly { ref: ImportRef; node: TSESTree.Node }[];
}

interface Receiver {
  key: string;
  framework: Framework;
  prefix: string;
  /** True for routers and plugins (their parent chain lives where they are mounted). */
  mountable: boolean;
  fromParameter: boolean;
  exportedAs?: string;
  uses: UseIndex;
  mounts: Mount[];
  routes: { order: number; method: string; path: string; node: TSESTree.Node; links: ChainLink[]; auth?: RouteAuth; operation?: string; operationSchema?: ImportRef }[];
  /** Default authentication set on this instance, in registration order. */
  defaultAuth: { order: number; link: ChainLink }[];
  /** `router.param('id', load)`: what runs before the handlers of this instance's routes whose path has `:id`. */
  paramLoaders: { name: string; links: ChainLink[] }[];
  mountedInFile: boolean;
  /** Handed to a runtime in this file (`serve(app)`, `{ fetch: app.fetch }`), so nothing mounts it elsewhere. */
  served: boolean;
}

/** What the walk collects; interpreted after the walk, when every declaration is known. */
interface Collected {
  allCalls: (TSESTree.CallExpression | TSESTree.NewExpression)[];
  schemeLiterals: TSESTree.StringLiteral[];
  memberCalls: TSESTree.CallExpression[];
  plainCalls: TSESTree.CallExpression[];
  classes: (TSESTree.ClassDeclaration | TSESTree.ClassExpression)[];
  exportNodes: (TSESTree.ExportNamedDeclaration | TSESTree.ExportDefaultDeclaration | TSESTree.ExportAllDeclaration | TSESTree.TSExportAssignment | TSESTree.AssignmentExpression)[];
  unauthorizedMarks: number[];
  callerReads: number[];
  /** `app` in `app.fetch`: a Hono app handed to a runtime, so served by this file rather than mounted. */
  fetchedApps: TSESTree.Identifier[];
  /** `{ provide: APP_GUARD, useClass: … }` provider objects. */
  appGuards: TSESTree.ObjectExpression[];
  platformClaims: { node: TSESTree.MemberExpression; by: string }[];
  /** `Query: { … }` and its kin: the operation properties of resolver maps. */
  resolverOperations: TSESTree.Property[];
  /** Names of the file's class methods, as `this.name` or (static) `Class.name` calls them: `this:verify`, `static:extract`. */
  methodKeys: Set<string>;
  /** `return removeReport`, `() => removeReport`: names a function gives back, in source order. */
  returnedNames: TSESTree.Identifier[];
}

const cache = new WeakMap<TSESLint.SourceCode, Map<string, RouteModel>>();

/** The routes of a file; memoized per SourceCode and file name. */
export function getRouteModel(sourceCode: TSESLint.SourceCode, filename = ''): RouteModel {
  let byName = cache.get(sourceCode);
  if (!byName) {
    byName = new Map();
    cache.set(sourceCode, byName);
  }
  let model = byName.get(filename);
  if (!model) {
    model = new RouteDiscovery(sourceCode, filename).run();
    byName.set(filename, model);
  }
  return model;
}

/** Sorts the file's nodes (from its one shared walk) into what route discovery interprets. */
function collect(sourceCode: TSESLint.SourceCode): Collected {
  const collected: Collected = {
    allCalls: [],
    schemeLiterals: [],
    memberCalls: [],
    plainCalls: [],
    classes: [],
    exportNodes: [],
    unauthorizedMarks: [],
    callerReads: [],
    fetchedApps: [],
    appGuards: [],
    platformClaims: [],
    resolverOperations: [],
    methodKeys: new Set(),
    returnedNames: [],
  };
  const walked = fileNodes(sourceCode);
  for (const node of walked.nodes) classify(node, collected);
  // `UnauthorizedException`, `createError.Unauthorized`, in code or in a type.
  const names: number[] = [];
  for (const name of walked.identifiers) {
    if ((name.name.charCodeAt(0) | 32) === 117 && UNAUTHORIZED_NAME.test(name.name)) names.push(name.range[0]);
  }
  if (names.length > 0) collected.unauthorizedMarks = mergeSorted(collected.unauthorizedMarks, names);
  return collected;
}

/** A link used under a prefix: the paths it lets through, read relative to the prefix, are below it too. */
function usedUnder(link: ChainLink, prefix: string): ChainLink {
  if (link.imported) return { ...link, usePrefix: prefix };
  return link.skips ? { ...link, skips: underPrefix(link.skips, prefix) } : link;
}

/** The call is in a static method, where `this` is the class itself. */
function inStaticMethod(node: TSESTree.Node): boolean {
  for (let current = node.parent; current; current = current.parent) {
    if (current.type === AST_NODE_TYPES.MethodDefinition) return current.static;
    // An arrow keeps its method's `this`; any other function has its own.
    if (isFunctionNode(current) && current.type !== AST_NODE_TYPES.ArrowFunctionExpression && current.parent?.type !== AST_NODE_TYPES.MethodDefinition) return false;
  }
  return false;
}

function methodKey(isStatic: boolean, name: string): string {
  return `${isStatic ? 'static' : 'this'}:${name}`;
}

function mergeSorted(a: readonly number[], b: readonly number[]): number[] {
  const merged: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) merged.push(j >= b.length || (i < a.length && a[i]! <= b[j]!) ? a[i++]! : b[j++]!);
  return merged;
}

function classify(node: TSESTree.Node, collected: Collected): void {
  switch (node.type) {
    case AST_NODE_TYPES.ReturnStatement:
      if (node.argument?.type === AST_NODE_TYPES.Identifier) collected.returnedNames.push(node.argument);
      break;
    case AST_NODE_TYPES.ArrowFunctionExpression:
      if (node.body.type === AST_NODE_TYPES.Identifier) collected.returnedNames.push(node.body);
      break;
    case AST_NODE_TYPES.CallExpression: {
      collected.allCalls.push(node);
      const callee = unwrap(node.callee);
      if (callee.type === AST_NODE_TYPES.MemberExpression) {
        collected.memberCalls.push(node);
        // Hono's `c.get('jwtPayload')` reads the claims its jwt() middleware verified.
        if (memberName(callee) === 'get' && staticString(node.arguments[0]) === 'jwtPayload') collected.callerReads.push(node.range[0]);
      } else if (callee.type === AST_NODE_TYPES.Identifier) collected.plainCalls.push(node);
      break;
    }
    case AST_NODE_TYPES.MemberExpression:
      classifyMember(node, collected);
      break;
    case AST_NODE_TYPES.Decorator: {
      const expression = unwrap(node.expression);
      const name = expression.type === AST_NODE_TYPES.CallExpression && expression.callee.type === AST_NODE_TYPES.Identifier ? expression.callee.name : undefined;
      if (name && isCallerDecorator(name)) collected.callerReads.push(node.range[0]);
      break;
    }
    case AST_NODE_TYPES.Property:
      if (node.parent.type === AST_NODE_TYPES.ObjectExpression && RESOLVER_OPERATIONS.has(propertyKeyName(node) ?? '')) collected.resolverOperations.push(node);
      if (!node.computed && node.key.type === AST_NODE_TYPES.Identifier && node.key.name === 'provide' && node.value.type === AST_NODE_TYPES.Identifier && isGlobalGuardToken(node.value.name) && node.parent.type === AST_NODE_TYPES.ObjectExpression) {
        collected.appGuards.push(node.parent);
      }
      break;
    case AST_NODE_TYPES.NewExpression:
      collected.allCalls.push(node);
      break;
    case AST_NODE_TYPES.ClassDeclaration:
    case AST_NODE_TYPES.ClassExpression:
      if (decoratorsOf(node).length > 0) collected.classes.push(node);
      break;
    case AST_NODE_TYPES.MethodDefinition:
      if (node.kind === 'method' && !node.computed && node.key.type === AST_NODE_TYPES.Identifier) collected.methodKeys.add(methodKey(node.static, node.key.name));
      break;
    case AST_NODE_TYPES.ExportNamedDeclaration:
    case AST_NODE_TYPES.ExportDefaultDeclaration:
    case AST_NODE_TYPES.ExportAllDeclaration:
    case AST_NODE_TYPES.TSExportAssignment:
      collected.exportNodes.push(node);
      break;
    case AST_NODE_TYPES.Literal:
      if (typeof node.value === 'string' && SCHEME_LITERAL.test(node.value)) collected.schemeLiterals.push(node as TSESTree.StringLiteral);
      else if (node.value === 401) collected.unauthorizedMarks.push(node.range[0]);
      break;
    case AST_NODE_TYPES.AssignmentExpression:
      if (isCommonJsExport(node.left)) collected.exportNodes.push(node);
      break;
    default:
      break;
  }
}

/** `req.user`, `ctx.state.user`, `req.auth`: the caller as verified middleware left it; `app.fetch`: an app handed to a runtime. */
function classifyMember(node: TSESTree.MemberExpression, collected: Collected): void {
  if (node.computed || node.property.type !== AST_NODE_TYPES.Identifier) return;
  const property = node.property.name;
  const object = node.object;
  if (ROUTING.serveMembers.has(property)) {
    if (object.type === AST_NODE_TYPES.Identifier) collected.fetchedApps.push(object);
    return;
  }
  const platform = PLATFORM_CLAIMS.find((claims) => memberPathEndsWith(node, claims.path));
  if (platform) collected.platformClaims.push({ node, by: platform.by });
  if (property !== 'user' && property !== 'auth') return;
  const holder = object.type === AST_NODE_TYPES.Identifier ? object.name : object.type === AST_NODE_TYPES.MemberExpression ? memberName(object) : undefined;
  if (holder && isRequestHolder(holder)) collected.callerReads.push(node.range[0]);
}

/** `module.exports`, `module.exports.x`, `exports.x`. */
function isCommonJsExport(node: TSESTree.Node): boolean {
  if (node.type !== AST_NODE_TYPES.MemberExpression) return false;
  const object = unwrap(node.object);
  if (object.type === AST_NODE_TYPES.Identifier) {
    return object.name === 'exports' || (object.name === 'module' && memberName(node) === 'exports');
  }
  return object.type === AST_NODE_TYPES.MemberExpression && isCommonJsExport(object) && memberName(object) === 'exports';
}

function commonJsExportName(node: TSESTree.MemberExpression): string {
  const object = unwrap(node.object);
  if (object.type === AST_NODE_TYPES.Identifier && object.name === 'module') return 'default';
  return memberName(node) ?? 'default';
}

/** Joins route path pieces with exactly one slash between them. */
export function joinPaths(...parts: string[]): string {
  const joined = parts
    .filter((part) => part !== '' && part !== '/')
    .map(trimSlashes)
    .filter((part) => part !== '')
    .join('/');
  return `/${joined}`;
}

/** Whether a `use` prefix (`/admin`, Hono's `/admin/*`, Express's `*`) covers a route path. */
export function prefixCovers(prefix: string | undefined, path: string): boolean {
  if (prefix === undefined || prefix === '' || prefix === '/' || prefix === '*' || prefix === '/*') return true;
  return matches(cachedPattern('prefix', prefix), path);
}

class RouteDiscovery {
  private readonly receivers = new Map<string, Receiver>();
  private readonly decorated = new Map<string, TSESTree.Node>();
  private readonly externalMounts: ExternalMount[] = [];
  private readonly autoloads: AutoloadFolder[] = [];
  private readonly hookSkips: { start: number; tests: readonly PathTest[] }[] = [];
  private readonly exportLinks = new Map<string, ChainLink>();
  private readonly starExports: string[] = [];
  private readonly exportMembers = new Map<string, Map<string, ChainLink>>();
  private readonly exportFunctions = new Map<string, TSESTree.FunctionLike>();
  /** The receiver each external mount is made on, so the mount can name the router's export once exports are known. */
  private readonly mountReceivers = new Map<ExternalMount, Receiver>();
  private readonly looseRoutes: Route[] = [];
  private readonly nestMiddleware: NestAuth['middleware'][number][] = [];
  private readonly globalGuards: ChainLink[] = [];
  private globalPrefix: NestGlobalPrefix | undefined;
  private sortedCalls: TSESTree.CallExpression[] = [];
  /** Method calls in source order, for decorated methods the code calls (`this.verifyAccess(…)`). */
  private sortedMemberCalls: TSESTree.CallExpression[] = [];
  private returnedNames: readonly TSESTree.Identifier[] = [];
  private methodKeys: ReadonlySet<string> = new Set();
  private order = 0;
  private parents: Map<Receiver, { parent: Receiver; mount: Mount }> | undefined;
  /** Wildcard prefixes weighed against routes and mounts, beyond what the use index answers by look-up. */
  private readonly prefixChecks: Allowance;
  private readonly calledCache = new Map<string, readonly CalledCode[]>();
  private readonly projectModules = new Map<string, boolean>();
  private readonly defaultAuthLinks: ChainLink[] = [];
  /** Names exported as members of the default export (`export default { fetch }`). */
  private readonly defaultObjectMembers = new Set<string>();
  private readonly tokenStrategies: RouteModel['tokenStrategies'][number][] = [];
  private readonly unreadStrategies: RouteModel['unreadStrategies'][number][] = [];
  private strategySchemes: Map<string, string> | undefined;
  /** Same-file functions the chains' links take in: routes × helpers, bounded by the file's size. */
  private readonly expansions: Allowance;

  constructor(
    private readonly sourceCode: TSESLint.SourceCode,
    private readonly filename: string,
  ) {
    this.prefixChecks = new Allowance(budgetOf(sourceCode), 'route-prefixes', 'useChecks', Math.max(MIN_PREFIX_CHECKS, sourceCode.text.length));
    this.expansions = new Allowance(budgetOf(sourceCode), 'chain-expansion', 'chainFunctions', Math.max(MIN_EXPANSIONS, sourceCode.text.length));
  }

  run(): RouteModel {
    const collected = collect(this.sourceCode);
    this.sortedCalls = collected.plainCalls;
    // Pushed as their parents are walked: an arrow's default parameter can give back a name before its body does.
    this.returnedNames = collected.returnedNames.sort((x, y) => x.range[0] - y.range[0]);
    this.recordDecorations(collected.memberCalls);
    this.methodKeys = collected.methodKeys;
    if (this.decorated.size > 0 || this.methodKeys.size > 0) this.sortedMemberCalls = [...collected.memberCalls].sort((a, b) => a.range[0] - b.range[0]);
    for (const property of collected.resolverOperations) {
      const map = property.parent as TSESTree.ObjectExpression;
      // `shield({ Query: { report: isAdmin } })` maps fields to rules, not to resolvers.
      if (!isPermissionMap(this.sourceCode, map)) this.resolverMapReceiver(map, 0);
    }
    for (const serving of rootValueServings(this.sourceCode)) this.rootValueReceiver(serving);
    this.operationObjectTypes();
    for (const call of collected.allCalls) if (call.type === AST_NODE_TYPES.CallExpression && isProcedureRouterCall(call)) this.procedureRouterReceiver(call, 0);
    // Chained registrations (`app.use(a).use(b)`) nest the later call outside the earlier one; their
    // property names are in the order they run.
    const inRunOrder = [...collected.memberCalls].sort((a, b) => (unwrap(a.callee) as TSESTree.MemberExpression).property.range[0] - (unwrap(b.callee) as TSESTree.MemberExpression).property.range[0]);
    for (const call of inRunOrder) this.interpretMemberCall(call);
    for (const call of collected.allCalls) this.interpretServerCall(call);
    for (const call of collected.plainCalls) this.interpretStandaloneSchemaServer(call);
    for (const node of collected.classes) this.interpretController(node);
    this.recordExports(collected.exportNodes);
    this.markServedApps(collected);
    for (const provider of collected.appGuards) this.interpretAppGuard(provider);
    const nextMiddleware = this.interpretNext(collected.exportNodes);
    this.interpretHandlerExports();
    return {
      routes: this.isGeneratedRoutes() ? [] : [...this.flattenReceivers(), ...this.looseRoutes],
      externalMounts: this.externalMounts.map((mount) => this.liftMount(mount)),
      exports: this.exportLinks,
      starExports: this.starExports,
      exportMembers: this.exportMembers,
      exportFunctions: this.exportFunctions,
      decorations: new Map([...this.decorated].map(([name, value]) => [name, this.linkOf(value)])),
      importedCalls: this.importedCallsOf(collected.allCalls),
      composedGuards: this.composedGuardsOf(collected.plainCalls),
      autoloads: this.autoloads,
      hookSkips: [...this.hookSkips].sort((a, b) => a.start - b.start),
      calls: collected.allCalls,
      schemeLiterals: collected.schemeLiterals,
      ...(nextMiddleware ? { nextMiddleware } : {}),
      authCalls: this.authCallsOf(collected.allCalls),
      parameterMethodCalls: this.parameterMethodCallsOf(collected.memberCalls),
      unauthorizedMarks: collected.unauthorizedMarks,
      callerReads: collected.callerReads,
      nestAuth: { middleware: this.nestMiddleware, globalGuards: this.globalGuards, ...(this.globalPrefix ? { globalPrefix: this.globalPrefix } : {}) },
      defaultAuth: this.defaultAuthLinks,
      tokenStrategies: this.tokenStrategies,
      configuredAuthenticators: this.configuredAuthenticatorsOf(collected.allCalls),
      unreadStrategies: this.unreadStrategies,
      platformClaims: collected.platformClaims,
    };
  }

  /** A file a framework generated from the decorated controllers, as its opening comments say (see `generatedRoutesMarker`). */
  private isGeneratedRoutes(): boolean {
    const opening = (this.sourceCode.ast.comments ?? []).filter((comment) => comment.range[0] < (this.sourceCode.ast.body[0]?.range[0] ?? Infinity));
    return DECORATOR_MODELS.some((model) => model.generatedRoutesMarker !== undefined && opening.some((comment) => comment.value.includes(model.generatedRoutesMarker!)));
  }

  // ---- receivers ------------------------------------------------------------------------------------

  /** The router, app or plugin instance a call is made on, following chained calls back to it. */
  private receiverOf(expression: TSESTree.Node): { receiver: Receiver; routePath?: string } | undefined {
    const bare = unwrap(expression);
    // `new Hono().get(…)`, `express().get(…)`, `new Hono().basePath('/api').get(…)`: a builder chain on a fresh instance.
    if ((bare.type === AST_NODE_TYPES.NewExpression || bare.type === AST_NODE_TYPES.CallExpression) && instanceKind(bare)) return this.receiverFromInit(bare);
    if (bare.type === AST_NODE_TYPES.CallExpression) {
      const callee = unwrap(bare.callee);
      if (callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
      const name = memberName(callee);
      // `app.route('/p').get(h)`: Express's route builder carries the path.
      if (name && ROUTING.routeBuilderMethods.has(name) && bare.arguments.length === 1) {
        const base = this.receiverOf(callee.object);
        const path = staticString(bare.arguments[0]);
        return base && path !== undefined ? { receiver: base.receiver, routePath: path } : undefined;
      }
      // Chained registrations (`router.get(…).post(…)`, `app.use(a).use(b)`) return the same instance.
      if (name && (HTTP_METHODS.has(name) || ROUTING.middlewareMethods.has(name) || ROUTING.hookMethods.has(name))) return this.receiverOf(callee.object);
      return undefined;
    }
    if (bare.type === AST_NODE_TYPES.Identifier) {
      if (ROUTING.nonRouterReceivers.has(bare.name) || ROUTING.clientReceivers.has(bare.name)) return undefined;
      const receiver = this.receiverForIdentifier(bare);
      return receiver ? { receiver } : undefined;
    }
    if (bare.type === AST_NODE_TYPES.MemberExpression) {
      const text = this.sourceCode.getText(bare);
      const last = memberName(bare) ?? '';
      if (ROUTING.clientReceivers.has(last) || ROUTING.nonRouterReceivers.has(last)) return undefined;
      return { receiver: this.receiverByKey(`text:${text}`, guessFramework(text), true, false) };
    }
    return undefined;
  }

  /**
   * The instance a factory call creates. When the builder chain it starts is a variable's initializer
   * (`const api = new Hono().get(…)`), the instance is that variable's, so `export default api` finds it.
   */
  private receiverFromInit(call: TSESTree.CallExpression | TSESTree.NewExpression): { receiver: Receiver } | undefined {
    const kind = instanceKind(call);
    if (!kind) return undefined;
    const top = chainTop(call);
    const declarator = top.parent;
    const named = declarator?.type === AST_NODE_TYPES.VariableDeclarator && declarator.init === top && declarator.id.type === AST_NODE_TYPES.Identifier;
    const key = named ? `var:${declarator.id.range[0]}` : `node:${call.range[0]}`;
    const existed = this.receivers.has(key);
    const receiver = this.receiverByKey(key, kind.framework, kind.mountable, false);
    if (!existed) receiver.prefix = kind.prefix;
    if (top.parent?.type === AST_NODE_TYPES.ExportDefaultDeclaration) receiver.exportedAs = 'default';
    return { receiver };
  }

  private receiverForIdentifier(identifier: TSESTree.Identifier): Receiver | undefined {
    // By name from the identifier's own scope: given the node, findVariable rescans every child scope of the
    // module for the innermost one, which made files with thousands of handlers quadratic.
    const variable = findVariable(this.sourceCode.getScope(identifier), identifier.name);
    const key = variable ? `var:${variable.defs[0]?.name.range[0] ?? identifier.name}` : `name:${identifier.name}`;
    const existing = this.receivers.get(key);
    if (existing) return existing;
    const def = variable?.defs[0];
    if (def?.type === 'Parameter') return this.receiverByKey(key, parameterFramework(this.sourceCode, def.name as TSESTree.Identifier, variable!) ?? guessFramework(identifier.name), true, true);
    if (def?.type === 'ImportBinding') return undefined;
    if (def?.type === 'Variable' && def.node.type === AST_NODE_TYPES.VariableDeclarator && def.node.init) {
      const kind = instanceKind(chainRoot(def.node.init));
      if (kind) {
        const receiver = this.receiverByKey(key, kind.framework, kind.mountable, false);
        receiver.prefix = kind.prefix;
        return receiver;
      }
    }
    // A name we cannot trace (a global, an untyped export): accept it only when it reads like a router.
    const appName = ROUTING.appNames.has(identifier.name);
    if (appName || ROUTING.routerNames.has(identifier.name)) {
      return this.receiverByKey(key, guessFramework(identifier.name), !appName, false);
    }
    return undefined;
  }

  private receiverByKey(key: string, framework: Framework, mountable: boolean, fromParameter: boolean): Receiver {
    let receiver = this.receivers.get(key);
    if (!receiver) {
      receiver = { key, framework, prefix: '', mountable, fromParameter, uses: new UseIndex(this.prefixChecks, budgetOf(this.sourceCode).work), mounts: [], routes: [], defaultAuth: [], paramLoaders: [], mountedInFile: false, served: false };
      this.receivers.set(key, receiver);
    }
    return receiver;
  }

  // ---- registrations --------------------------------------------------------------------------------

  private interpretMemberCall(call: TSESTree.CallExpression): void {
    const callee = unwrap(call.callee) as TSESTree.MemberExpression;
    const name = memberName(callee);
    if (!name) return;
    if (this.interpretDefaultAuth(call, callee)) return;
    if (HTTP_METHODS.has(name)) this.interpretRouteCall(call, callee, HTTP_METHODS.get(name)!);
    else if (ROUTING.middlewareMethods.has(name)) this.interpretUse(call, callee);
    else if (ROUTE_OBJECT_CALLS.has(name) || ROUTING.mountMethods.has(name)) this.interpretRouteObjectOrMount(call, callee);
    else if (ROUTING.hookMethods.has(name)) this.interpretHook(call, callee, name);
    else if (ROUTING.pluginMethods.has(name)) this.interpretRegister(call, callee, name);
    else if (ROUTING.prefixMethods.has(name)) this.interpretPrefix(call, callee);
    else if (PARAM_LOADER_METHODS.has(name)) this.interpretParamLoader(call, callee);
    else if (NEST_MODULES.some((wiring) => wiring.forRoutesMethod === name)) this.interpretForRoutes(call, callee);
    else if (NEST_MODULES.some((wiring) => wiring.globalGuardMethods.includes(name))) this.globalGuards.push(...this.linksOfArguments(call.arguments));
    else if (NEST_MODULES.some((wiring) => wiring.globalPrefixMethod === name)) this.globalPrefix = nestGlobalPrefix(call) ?? this.globalPrefix;
  }

  /** `router.param('id', ctrl.load)`: the loader runs on the routes registered on `router` whose path has `:id`. */
  private interpretParamLoader(call: TSESTree.CallExpression, callee: TSESTree.MemberExpression): void {
    const [nameNode, loader] = call.arguments;
    const name = nameNode ? staticString(nameNode) : undefined;
    const found = name !== undefined && loader && loader.type !== AST_NODE_TYPES.SpreadElement ? this.receiverOf(callee.object) : undefined;
    // Only the frameworks whose models say so: koa-router's loaders are not modelled yet.
    const modelled = found && ROUTING.paramLoaders.some((candidate) => candidate.method === memberName(callee) && candidate.framework === found.receiver.framework);
    if (found && modelled) found.receiver.paramLoaders.push({ name: name!, links: this.linksOfHandlerArg(loader!) });
  }

  private interpretRouteCall(call: TSESTree.CallExpression, callee: TSESTree.MemberExpression, method: string): void {
    const args = call.arguments;
    let pathIndex = 0;
    // Koa router's named routes: `router.get('user', '/users/:id', handler)`.
    if (staticString(args[0]) !== undefined && staticString(args[1]) !== undefined) pathIndex = 1;
    const pathNode = args[pathIndex];
    const literalPath = pathNode ? routePathOf(this.sourceCode, pathNode) : undefined;
    const found = this.receiverOf(callee.object);
    if (!found) return;
    let path: string;
    let handlerArgs: TSESTree.CallExpressionArgument[];
    if (found.routePath !== undefined) {
      path = found.routePath;
      handlerArgs = args;
    } else {
      if (literalPath === undefined || args.length < pathIndex + 2) return;
      path = literalPath;
      handlerArgs = args.slice(pathIndex + 1);
    }
    const links: ChainLink[] = [];
    for (const arg of handlerArgs) {
      // `app.all('/graphql', createHandler({ schema, rootValue }))`: a schema served at the route's path.
      const served = this.servedSchema(arg);
      if (served && !('external' in served.target)) {
        this.addMount(found.receiver, served.target, path, [...links, ...served.context], call);
        return;
      }
      links.push(...this.linksOfHandlerArg(arg));
    }
    if (links.length === 0) return;
    found.receiver.routes.push({ order: this.order++, method, path, node: call, links });
  }

  /** Express/Koa/Hono arguments (functions, arrays of them) and Fastify's options objects. */
  /**
   * `methodKey`: the key of a hook given as an object that holds its function (hapi's `pre: [{ method, assign }]`);
   * arrays (nested ones too) are hooks in turn.
   */
  private linksOfHandlerArg(arg: TSESTree.Node, methodKey?: string): ChainLink[] {
    const bare = unwrap(arg);
    if (bare.type === AST_NODE_TYPES.ObjectExpression) {
      if (methodKey === undefined) return this.fastifyOptionLinks(bare, true);
      const method = propertyValue(bare, methodKey);
      return method ? this.linksOfHandlerArg(method) : [];
    }
    if (bare.type === AST_NODE_TYPES.ArrayExpression) {
      return bare.elements.flatMap((element) => (element && element.type !== AST_NODE_TYPES.SpreadElement ? this.linksOfHandlerArg(element, methodKey) : []));
    }
    if (bare.type === AST_NODE_TYPES.Literal || bare.type === AST_NODE_TYPES.TemplateLiteral) return [];
    const wrapped = this.wrappedHandler(bare);
    return wrapped ? [this.linkOf(bare), ...this.linksOfHandlerArg(wrapped)] : [this.linkOf(bare)];
  }

  /**
   * `catchAsync(controller.remove)`, `asyncHandler(address.getAddress())`, `wrap(async (req, res) => …)`: the handler a
   * route hands to a wrapper of another project file, which runs on the chain after the wrapper's own code (the
   * wrapper's summary describes only the wrapper). The same holds for a name bound to that call
   * (`const remove = catchAsync(controller.remove)`), which stands for the wrapper's export (see importRefOf); a
   * function of this file given to the wrapper is already what such a name stands for.
   */
  private wrappedHandler(call: TSESTree.Node): TSESTree.Node | undefined {
    if (call.type === AST_NODE_TYPES.Identifier) {
      const bound = declaredValue(this.sourceCode, call);
      const wrapped = bound && unwrap(bound).type === AST_NODE_TYPES.CallExpression ? this.wrappedHandler(unwrap(bound)) : undefined;
      return wrapped && !isFunctionValue(this.sourceCode, wrapped) ? wrapped : undefined;
    }
    if (call.type !== AST_NODE_TYPES.CallExpression || call.arguments.length !== 1 || calleeIsRequire(call) || isStrategyMarker(call)) return undefined;
    if (!this.importOf(unwrap(call.callee))) return undefined;
    const argument = unwrap(call.arguments[0]!);
    if (isFunctionValue(this.sourceCode, argument)) return argument;
    const made = argument.type === AST_NODE_TYPES.CallExpression ? unwrap(argument.callee) : argument;
    return this.importOf(made) ? argument : undefined;
  }

  private fastifyOptionLinks(options: TSESTree.ObjectExpression, includeHandler: boolean): ChainLink[] {
    const links: ChainLink[] = [];
    const names = includeHandler ? [...ROUTING.hookNames, ...ROUTE_OBJECT_HANDLERS] : ROUTING.hookNames;
    for (const name of names) {
      const value = propertyValue(options, name);
      if (value) links.push(...this.linksOfHandlerArg(value));
    }
    return links;
  }

  private interpretUse(call: TSESTree.CallExpression, callee: TSESTree.MemberExpression): void {
    const found = this.receiverOf(callee.object);
    if (!found) return;
    // `routes.forEach((route) => router.use(route.path, route.route))`: one mount per entry of a route table.
    for (const entry of iterationEntries(call, this.sourceCode)) {
      this.interpretUseArgs(call, found.receiver, call.arguments.map((arg) => entry(arg)));
    }
  }

  private interpretUseArgs(call: TSESTree.CallExpression, receiver: Receiver, given: readonly TSESTree.Node[]): void {
    const found = { receiver };
    const args = [...given];
    const prefix = args.length > 1 ? routePathOf(this.sourceCode, args[0]!) : undefined;
    if (prefix !== undefined) args.shift();
    const links: ChainLink[] = [];
    for (const arg of args) {
      const served = this.servedSchema(arg);
      if (served) {
        const chain = [...links, ...served.context];
        if ('external' in served.target) this.externalMounts.push(this.externalMount(found.receiver, served.target.external, prefix ?? '', chain, call));
        else this.addMount(found.receiver, served.target, prefix ?? '', chain, call);
        continue;
      }
      const mount = this.mountTarget(arg);
      const ref = mount === undefined ? this.importOf(arg) : undefined;
      if (mount && 'external' in mount && !mount.byName) {
        this.externalMounts.push(this.externalMount(found.receiver, mount.external, prefix ?? '', links, call));
      } else if (mount && 'external' in mount) {
        this.externalMounts.push(this.externalMount(found.receiver, mount.external, prefix ?? '', links, call, true));
        links.push({ ...this.linkOf(arg), mayBeRouter: true });
      } else if (ref && isModuleValue(arg)) {
        // `app.use(authRoutes)`, `app.use('/api', require('./api'))`: middleware or a router, which only the
        // imported file can say.
        this.externalMounts.push(this.externalMount(found.receiver, ref, prefix ?? '', links, call, true));
        links.push({ ...this.linkOf(arg), mayBeRouter: true });
      } else if (mount) {
        this.addMount(found.receiver, mount, prefix ?? '', links, call);
      } else {
        links.push(...this.linksOfHandlerArg(arg));
      }
    }
    if (links.length > 0) found.receiver.uses.add({ order: this.order++, prefix, links: prefix ? links.map((link) => usedUnder(link, prefix)) : links });
  }

  /** `fastify.route({ method, url, … })` or Hono's `app.route('/prefix', subApp)`. */
  private interpretRouteObjectOrMount(call: TSESTree.CallExpression, callee: TSESTree.MemberExpression): void {
    const [first, second] = call.arguments;
    const shapes = ROUTE_OBJECTS.filter((candidate) => candidate.call === memberName(callee));
    const objects = first && shapes.length > 0 ? routeObjectsOf(unwrap(first)) : [];
    if (objects.length > 0) {
      const found = this.receiverOf(callee.object);
      if (!found) return;
      // One object reports at the call (`fastify.route({`), the objects of an array each at their own first line.
      for (const object of objects) this.addRouteObject(found.receiver, object, shapes, objects.length === 1 && unwrap(first!) === object ? call : object);
      return;
    }
    const table = first && shapes.length > 0 ? this.importedTable(call, first) : undefined;
    if (table) {
      const found = this.receiverOf(callee.object);
      if (found) this.externalMounts.push(this.externalMount(found.receiver, table, '', [], call));
      return;
    }
    if (first && second && ROUTING.mountMethods.has(memberName(callee) ?? '')) {
      const prefix = routePathOf(this.sourceCode, first);
      const found = this.receiverOf(callee.object);
      if (prefix === undefined || !found) return;
      const mount = this.mountTarget(second);
      // Hono's `app.route('/notes', notes)` mounts a sub-app whatever it is called.
      const imported = mount ? undefined : this.importOf(second);
      if (mount && 'external' in mount) {
        this.externalMounts.push(this.externalMount(found.receiver, mount.external, prefix, [], call));
      } else if (mount) {
        this.addMount(found.receiver, mount, prefix, [], call);
      } else if (imported) {
        this.externalMounts.push(this.externalMount(found.receiver, imported, prefix, [], call));
      }
    }
  }

  /**
   * A route table another file exports, registered here: `server.route(require('./routes'))`, or entry by entry in
   * a loop over the imported array (`routes.forEach((route) => fastify.route(route))`).
   */
  private importedTable(call: TSESTree.CallExpression, argument: TSESTree.CallExpressionArgument): ImportRef | undefined {
    const direct = isModuleValue(argument) ? this.importOf(argument) : undefined;
    if (direct) return direct;
    const bare = unwrap(argument);
    // `server.route(Routes(server))`: the table an imported factory returns.
    if (bare.type === AST_NODE_TYPES.CallExpression && isModuleValue(bare.callee)) return this.importOf(bare.callee);
    const loop = bare.type === AST_NODE_TYPES.Identifier ? enclosingIteration(call) : undefined;
    return loop && loop.item === (bare as TSESTree.Identifier).name ? this.importOf(loop.table) : undefined;
  }

  /** One route object (`{ method, path, options: { auth }, handler }`) as a route of `receiver`. */
  private addRouteObject(receiver: Receiver, object: TSESTree.ObjectExpression, shapes: readonly RouteObjectShape[], node: TSESTree.Node): void {
    const shape = pickRouteObjectShape(object, shapes, receiver.framework);
    if (!shape) return;
    const path = staticString(shape.pathKeys.map((key) => propertyValue(object, key)).find((value) => value !== undefined));
    if (path === undefined) return;
    const links: ChainLink[] = [];
    for (const key of shape.hookKeys ?? []) {
      const value = propertyAt(object, key);
      if (value) links.push(...this.linksOfHandlerArg(value, shape.hookMethodKey));
    }
    for (const key of shape.handlerKeys) {
      const value = propertyAt(object, key);
      if (value) links.push(...this.linksOfHandlerArg(value));
    }
    const auth = this.routeAuthOf(object, shape, links);
    for (const method of fastifyMethods(propertyValue(object, shape.methodKey))) {
      receiver.routes.push({ order: this.order++, method: method === shape.anyMethod?.toUpperCase() ? 'ALL' : method, path, node, links, ...(auth ? { auth } : {}) });
    }
  }

  /** `auth: false` opts a route out; `auth: 'jwt'` or `{ strategy: 'jwt' }` names its own strategy (a chain link). */
  private routeAuthOf(object: TSESTree.ObjectExpression, shape: RouteObjectShape, links: ChainLink[]): RouteAuth | undefined {
    if (!shape.authKeys) return undefined;
    const value = shape.authKeys.map((key) => propertyAt(object, key)).find((found) => found !== undefined);
    if (value === undefined) return 'default';
    const bare = unwrap(value);
    if (bare.type === AST_NODE_TYPES.Literal && bare.value === false) return 'off';
    const scopes = bare.type === AST_NODE_TYPES.ObjectExpression ? requiredScopesOf(bare, shape.scopeKeys ?? []) : [];
    if (scopes.length > 0) links.unshift({ node: bare, ranges: [], requiredScopes: scopes });
    const strategies = strategyNamesOf(bare);
    // `auth: { mode: 'try' }` keeps the default strategy; `auth: routeAuth` names one the code does not spell.
    if (strategies.length === 0 && bare.type === AST_NODE_TYPES.ObjectExpression) return 'default';
    if (strategies.length === 0) this.unreadStrategy(bare, bare);
    else if (strategies.some((strategy) => this.isTokenStrategy(strategy))) this.tokenStrategies.push({ node: bare, ...optionalAuthOf(bare, shape) });
    links.unshift({ node: bare, ranges: [bare.range] });
    return 'strategy';
  }

  /** A strategy named by an expression this file cannot read: another file's constant (`jwtAuth.name`) the index may. */
  private unreadStrategy(node: TSESTree.Node, name: TSESTree.Node | undefined): void {
    const nameRef = name && name.type !== AST_NODE_TYPES.SpreadElement ? this.importOf(name) : undefined;
    this.unreadStrategies.push({ node, ...(nameRef ? { nameRef } : {}) });
  }

  /** `server.auth.default('jwt')`: every route the server registers after it is authenticated unless it opts out. */
  private interpretDefaultAuth(call: TSESTree.CallExpression, callee: TSESTree.MemberExpression): boolean {
    const server = DEFAULT_AUTH_CALLS.map((path) => receiverNodeOf(callee, path)).find((node) => node !== undefined);
    if (!server) return false;
    const link: ChainLink = { node: call, ranges: [call.range] };
    this.defaultAuthLinks.push(link);
    const strategies = strategyNamesOf(call.arguments[0] && unwrap(call.arguments[0]));
    if (strategies.length === 0) this.unreadStrategy(call, call.arguments[0]);
    else if (strategies.some((strategy) => this.isTokenStrategy(strategy))) this.tokenStrategies.push({ node: call });
    const found = this.receiverOf(server);
    if (found) found.receiver.defaultAuth.push({ order: this.order++, link });
    return true;
  }

  /**
   * A strategy that verifies tokens: its name says so (`jwt`, `bearer`), or this file registers it with such a
   * scheme (`server.auth.strategy('auth0', 'jwt', …)`).
   */
  private isTokenStrategy(name: string): boolean {
    if (isTokenStrategyName(name)) return true;
    this.strategySchemes ??= this.registeredStrategySchemes();
    return isTokenStrategyName(this.strategySchemes.get(name) ?? '');
  }

  private registeredStrategySchemes(): Map<string, string> {
    const schemes = new Map<string, string>();
    for (const call of fileNodes(this.sourceCode).nodes) {
      if (call.type !== AST_NODE_TYPES.CallExpression) continue;
      const callee = unwrap(call.callee);
      if (callee.type !== AST_NODE_TYPES.MemberExpression || !STRATEGY_CALLS.some((path) => receiverNodeOf(callee, path))) continue;
      const name = staticString(call.arguments[0]);
      const scheme = staticString(call.arguments[1]);
      if (name !== undefined && scheme !== undefined) schemes.set(name, scheme);
    }
    return schemes;
  }

  private interpretHook(call: TSESTree.CallExpression, callee: TSESTree.MemberExpression, method: string): void {
    const hooks = ROUTING.hookMethods.get(method)!;
    const hook = staticString(call.arguments[0]);
    const fn = call.arguments[1];
    if (!hook || !hooks.names.includes(hook) || !fn) return;
    const found = this.receiverOf(callee.object);
    if (!found) return;
    if (hooks.framework) found.receiver.framework = hooks.framework;
    const links = this.linksOfHandlerArg(fn);
    found.receiver.uses.add({ order: this.order++, prefix: undefined, links });
    const tests = links.flatMap((link) => link.skips ?? []);
    if (tests.length > 0) this.hookSkips.push({ start: call.range[0], tests });
  }

  /** `fastify.register(plugin, { prefix })`: the plugin's instance is a child that inherits hooks. */
  private interpretRegister(call: TSESTree.CallExpression, callee: TSESTree.MemberExpression, method: string): void {
    const framework = ROUTING.pluginMethods.get(method);
    const [pluginArg, optionsArg] = call.arguments;
    if (!pluginArg) return;
    const autoload = this.autoloadOf(pluginArg, optionsArg);
    if (autoload) {
      this.autoloads.push(autoload);
      return;
    }
    const found = this.receiverOf(callee.object);
    if (!found) return;
    const options = optionsArg && unwrap(optionsArg).type === AST_NODE_TYPES.ObjectExpression ? (unwrap(optionsArg) as TSESTree.ObjectExpression) : undefined;
    const prefix = options ? (staticString(propertyValue(options, 'prefix')) ?? '') : '';
    let plugin = unwrap(pluginArg);
    // `fastify-plugin` and `require('./routes')` wrap the plugin in a call.
    if (plugin.type === AST_NODE_TYPES.CallExpression && plugin.arguments.length === 1 && isFunctionNode(unwrap(plugin.arguments[0]!))) {
      plugin = unwrap(plugin.arguments[0]!);
    }
    const fn = isFunctionNode(plugin) ? plugin : this.localFunction(plugin);
    const param = fn?.params[0];
    if (fn && param && param.type === AST_NODE_TYPES.Identifier) {
      const child = this.receiverForIdentifier(param);
      if (child) {
        if (framework) child.framework = framework;
        this.addMount(found.receiver, child, prefix, [], call);
      }
      return;
    }
    const ref = this.importOf(plugin);
    if (ref) this.externalMounts.push(this.externalMount(found.receiver, ref, prefix, [], call));
  }

  /** The folder an autoloading plugin registers, when the plugin comes from a package a model names and the folder is spelled out. */
  private autoloadOf(pluginArg: TSESTree.Node, optionsArg: TSESTree.Node | undefined): AutoloadFolder | undefined {
    const module = packageOf(this.sourceCode, unwrap(pluginArg));
    const shape = module === undefined ? undefined : ROUTING.autoloads.find((candidate) => candidate.packages.includes(module));
    const options = optionsArg ? unwrap(optionsArg) : undefined;
    if (!shape || options?.type !== AST_NODE_TYPES.ObjectExpression) return undefined;
    const dirValue = propertyValue(options, shape.dirOption);
    const dir = dirValue ? folderBesideFile(dirValue) : undefined;
    if (dir === undefined) return undefined;
    const hooks = isTrueLiteral(propertyValue(options, shape.hooksOption));
    return { dir, ...(hooks ? { hooksFile: shape.hooksFile } : {}), cascade: hooks && isTrueLiteral(propertyValue(options, shape.cascadeOption)) };
  }

  /** Koa router's `router.prefix('/api')`. */
  private interpretPrefix(call: TSESTree.CallExpression, callee: TSESTree.MemberExpression): void {
    const prefix = staticString(call.arguments[0]);
    const found = prefix === undefined ? undefined : this.receiverOf(callee.object);
    if (found && prefix !== undefined) found.receiver.prefix = prefix;
  }

  /** Fastify's `decorate('authenticate', fn)`, so `fastify.authenticate` in a hook list resolves to `fn`. */
  private recordDecorations(calls: readonly TSESTree.CallExpression[]): void {
    for (const call of calls) {
      const callee = unwrap(call.callee) as TSESTree.MemberExpression;
      if (!ROUTING.decorateMethods.has(memberName(callee) ?? '')) continue;
      const name = staticString(call.arguments[0]);
      const value = call.arguments[1];
      if (name && value) this.decorated.set(name, value);
    }
  }

  /** The function a decoration of this file runs (`decorateRequest('isAdmin', isAdmin)`), when it is written here. */
  private decoratedCode(name: string | undefined): TSESTree.FunctionLike | undefined {
    const value = name !== undefined ? this.decorated.get(name) : undefined;
    if (!value) return undefined;
    const bare = unwrap(value);
    return isFunctionNode(bare) ? bare : this.localFunction(bare);
  }

  /** What an argument of `use`/`route`/`register` mounts: a router of this file, one imported, or nothing. */
  private mountTarget(arg: TSESTree.Node): Receiver | { external: ImportRef; byName?: true } | undefined {
    let bare = unwrap(arg);
    // Koa: `app.use(router.routes())`, `router.use('/x', child.routes(), child.allowedMethods())`: always a router.
    const koaRouter = bare.type === AST_NODE_TYPES.CallExpression;
    if (bare.type === AST_NODE_TYPES.CallExpression) {
      const callee = unwrap(bare.callee);
      const name = callee.type === AST_NODE_TYPES.MemberExpression ? memberName(callee) : undefined;
      if (callee.type !== AST_NODE_TYPES.MemberExpression || !name || !ROUTING.routerMiddlewareMethods.has(name)) return undefined;
      bare = unwrap(callee.object);
    }
    if (bare.type !== AST_NODE_TYPES.Identifier) return undefined;
    const ref = this.importOf(bare);
    // A name that reads like a router (`apiRoutes`, but also `apiKey`) may be middleware: the imported file decides.
    if (ref) return koaRouter ? { external: ref } : readsLikeMount(bare.name) ? { external: ref, byName: true } : undefined;
    const receiver = this.receivers.get(this.keyOf(bare)) ?? this.receiverForIdentifier(bare);
    return receiver && receiver.mountable ? receiver : undefined;
  }

  private keyOf(identifier: TSESTree.Identifier): string {
    const variable = findVariable(this.sourceCode.getScope(identifier), identifier.name);
    return variable ? `var:${variable.defs[0]?.name.range[0] ?? identifier.name}` : `name:${identifier.name}`;
  }

  private addMount(parent: Receiver, child: Receiver, prefix: string, links: ChainLink[], node: TSESTree.Node, gates?: LayerGates): void {
    if (child === parent) return;
    child.mountedInFile = true;
    parent.mounts.push({ order: this.order++, prefix, chain: [...links], ...(gates ? { gates } : {}), child, node });
  }

  /**
   * A router from another file mounted here, with the middleware registered so far: what covers the whole
   * mount, and what covers only some of its paths (`app.use('/api/posts/*', basicAuth(…)); app.route('/api', api)`).
   */
  private externalMount(receiver: Receiver, ref: ImportRef, prefix: string, extra: readonly ChainLink[], node: TSESTree.Node, uncertain = false): ExternalMount {
    const mountPath = prefix || '/';
    const covering = receiver.uses.covering(mountPath, this.order, node);
    const chain = covering.flatMap((use) => use.links);
    const scoped: { prefix: string; links: ChainLink[] }[] = [];
    const covers = new Set(covering);
    for (const use of receiver.uses.all) {
      if (covers.has(use) || use.prefix === undefined) continue;
      if (!this.prefixChecks.allow('route prefixes', node)) break;
      const below = use.prefix.endsWith('/*') ? use.prefix.slice(0, -2) : use.prefix;
      if (prefixCovers(mountPath, below)) scoped.push({ prefix: use.prefix, links: use.links });
    }
    const mount: ExternalMount = { ref, prefix, chain: [...chain, ...extra], scoped, node, ...(uncertain ? { uncertain } : {}) };
    this.mountReceivers.set(mount, receiver);
    return mount;
  }

  // ---- NestJS modules and bootstrap ----------------------------------------------------------------

  /** `consumer.apply(AuthMiddleware).exclude(…).forRoutes(ArticleController, 'profiles/*', { path, method })`. */
  private interpretForRoutes(call: TSESTree.CallExpression, callee: TSESTree.MemberExpression): void {
    const targets = call.arguments.map(nestTarget).filter((target): target is NestRouteTarget => target !== undefined);
    const excludes: NestRouteTarget[] = [];
    let current = unwrap(callee.object);
    while (current.type === AST_NODE_TYPES.CallExpression) {
      const inner = unwrap(current.callee);
      if (inner.type !== AST_NODE_TYPES.MemberExpression) return;
      const name = memberName(inner);
      if (NEST_MODULES.some((wiring) => wiring.applyMethod === name)) {
        this.nestMiddleware.push({ links: this.linksOfArguments(current.arguments), targets, excludes });
        return;
      }
      if (!NEST_MODULES.some((wiring) => wiring.excludeMethod === name)) return;
      excludes.push(...current.arguments.map(nestTarget).filter((target): target is NestRouteTarget => target !== undefined));
      current = unwrap(inner.object);
    }
  }

  /** `{ provide: APP_GUARD, useClass: JwtAuthGuard }`: a guard every route of the application runs. */
  private interpretAppGuard(provider: TSESTree.ObjectExpression): void {
    const guard = NEST_MODULES.flatMap((wiring) => wiring.guardProviderKeys).map((key) => propertyValue(provider, key)).find((value) => value !== undefined);
    if (guard) this.globalGuards.push(this.linkOf(unwrap(guard)));
  }

  private linksOfArguments(args: readonly TSESTree.CallExpressionArgument[]): ChainLink[] {
    return args.flatMap((arg) => (arg.type === AST_NODE_TYPES.SpreadElement ? [] : [this.linkOf(unwrap(arg))]));
  }

  // ---- resolver maps (GraphQL) ----------------------------------------------------------------------

  /**
   * A resolver map `{ Query: { invoice: (parent, args, context) => … }, Mutation: { … } }` as a router: each field
   * resolver is a route of the endpoint the map is served at, and the maps it spreads or names are mounted on it.
   */
  private resolverMapReceiver(map: TSESTree.ObjectExpression, depth: number): Receiver {
    const key = bindingKey(map);
    const existing = this.receivers.get(key);
    if (existing) return existing;
    const receiver = this.receiverByKey(key, RESOLVER_ROUTES.framework, true, false);
    for (const property of map.properties) {
      if (property.type === AST_NODE_TYPES.SpreadElement) {
        this.addResolverSource(receiver, property.argument, depth + 1);
        continue;
      }
      const operation = propertyKeyName(property);
      if (operation === undefined || !RESOLVER_OPERATIONS.has(operation)) continue;
      this.addResolverFields(receiver, operation, property.value as TSESTree.Node, depth + 1);
    }
    return receiver;
  }

  /**
   * The field resolvers of one operation: an object of them, a local object they are spread from (`{ ...queries }`),
   * or another map's part (`invoiceResolvers.Query`), which is mounted instead.
   */
  private addResolverFields(receiver: Receiver, operation: string, node: TSESTree.Node, depth: number): void {
    if (depth > MAX_RESOLVER_DEPTH) return;
    const bare = unwrap(node);
    const declared = bare.type === AST_NODE_TYPES.Identifier && !this.importOf(bare) ? declaredValue(this.sourceCode, bare) : undefined;
    const fields = declared?.type === AST_NODE_TYPES.ObjectExpression && !isResolverMap(declared) ? declared : bare;
    if (fields.type !== AST_NODE_TYPES.ObjectExpression) {
      this.addResolverSource(receiver, fields, depth + 1);
      return;
    }
    for (const field of fields.properties) {
      if (field.type === AST_NODE_TYPES.SpreadElement) {
        this.addResolverFields(receiver, operation, field.argument, depth + 1);
        continue;
      }
      const name = propertyKeyName(field);
      if (name === undefined) continue;
      receiver.routes.push({ order: this.order++, method: RESOLVER_ROUTES.method, path: '', node: field, links: this.resolverLinks(field.value as TSESTree.Node, depth + 1), operation: `${operation}.${name}` });
    }
  }

  /**
   * Mounts on `receiver` the resolver maps an expression stands for: a map, a variable or import holding one, a
   * member of one (`invoiceResolvers.Query`), an array or merge of them (`mergeResolvers([a, b])`), a schema built
   * from them. `chain` is what runs before them (the context builder of a server).
   */
  private addResolverSource(receiver: Receiver, node: TSESTree.Node, depth: number, chain: readonly ChainLink[] = [], gates?: LayerGates, slot?: string): void {
    if (depth > MAX_RESOLVER_DEPTH) return;
    const bare = unwrap(node);
    const next = (inner: TSESTree.Node) => this.addResolverSource(receiver, inner.type === AST_NODE_TYPES.SpreadElement ? inner.argument : inner, depth + 1, chain, gates, slot);
    // `applyMiddleware(schema, permissions)`: the schema's fields run the rules the layers give them first.
    const applied = appliedLayers(this.sourceCode, bare);
    if (applied) {
      const imported = applied.unresolved.flatMap((layer) => {
        const ref = this.importOf(unwrap(layer));
        return ref ? [{ ref, node: layer }] : [];
      });
      this.addResolverSource(receiver, applied.schema, depth + 1, chain, mergeGates(gates, { rules: applied.gates, imported }));
      return;
    }
    if (bare.type === AST_NODE_TYPES.MemberExpression) {
      next(bare.object);
    } else if (bare.type === AST_NODE_TYPES.ArrayExpression) {
      for (const element of bare.elements) if (element) next(element);
    } else if (bare.type === AST_NODE_TYPES.ObjectExpression) {
      if (isResolverMap(bare)) {
        this.mountResolvers(receiver, this.resolverMapReceiver(bare, depth + 1), chain, node, gates);
        return;
      }
      // `{ ...queries, ...mutations }`, `buildSubgraphSchema([{ typeDefs, resolvers }])`.
      for (const property of bare.properties) {
        if (property.type === AST_NODE_TYPES.SpreadElement) next(property.argument);
        else if (RESOLVER_MAP_OPTIONS.has(propertyKeyName(property) ?? '')) next(property.value as TSESTree.Node);
      }
    } else if (bare.type === AST_NODE_TYPES.NewExpression && objectTypeOf(this.sourceCode, bare)) {
      const child = this.objectTypeReceiver(bare, objectTypeOf(this.sourceCode, bare)!, slot);
      if (child) this.mountResolvers(receiver, child, chain, node, gates);
    } else if (bare.type === AST_NODE_TYPES.CallExpression || bare.type === AST_NODE_TYPES.NewExpression) {
      const builder = schemaBuilderOf(bare);
      if (builder) this.mountResolvers(receiver, this.schemaReceiver(bare, builder, depth + 1), chain, node, gates);
      // `mergeResolvers([a, b])`, `merge({}, a, b)`, `Object.assign({}, a, b)`: the maps among its arguments.
      else for (const argument of bare.arguments) next(argument);
    } else if (bare.type === AST_NODE_TYPES.Identifier) {
      const ref = this.importOf(bare);
      if (ref) {
        this.mountImportedResolvers(receiver, ref, chain, node);
        return;
      }
      const declaration = declaredValue(this.sourceCode, bare);
      if (declaration) next(declaration);
    }
  }

  /**
   * A field's resolver as chain links: `combineResolvers(isAuthenticated, isAdmin, resolve)` runs its guards first,
   * like middleware, through same-file combinations it names (`const isAdmin = combineResolvers(isAuthenticated, …)`).
   */
  private resolverLinks(node: TSESTree.Node, depth: number): ChainLink[] {
    const bare = unwrap(node);
    const declared = bare.type === AST_NODE_TYPES.Identifier && !this.importOf(bare) ? declaredValue(this.sourceCode, bare) : undefined;
    const parts = depth <= MAX_RESOLVER_DEPTH ? combinedParts(this.sourceCode, declared ?? bare) : undefined;
    return parts ? parts.flatMap((part) => this.resolverLinks(part, depth + 1)) : [this.linkOf(node)];
  }

  private mountResolvers(receiver: Receiver, child: Receiver, chain: readonly ChainLink[], node: TSESTree.Node, gates?: LayerGates): void {
    // `Query: { ...a.Query }, Mutation: { ...a.Mutation }` mounts `a` once.
    if (child === receiver || receiver.mounts.some((mount) => mount.child === child)) return;
    this.addMount(receiver, child, '', [...chain], node, gates);
  }

  private readonly importedResolverMounts = new Map<Receiver, Set<string>>();

  private mountImportedResolvers(receiver: Receiver, ref: ImportRef, chain: readonly ChainLink[], node: TSESTree.Node): void {
    const key = `${ref.source}\0${ref.name}`;
    const mounted = this.importedResolverMounts.get(receiver) ?? new Set<string>();
    if (mounted.has(key)) return;
    mounted.add(key);
    this.importedResolverMounts.set(receiver, mounted);
    this.externalMounts.push(this.externalMount(receiver, ref, '', chain, node));
  }

  /** A schema or server built from resolver maps (`new ApolloServer({ typeDefs, resolvers, context })`), as a router. */
  private schemaReceiver(call: TSESTree.CallExpression | TSESTree.NewExpression, builder: SchemaBuilder, depth: number): Receiver {
    const key = bindingKey(call);
    const existing = this.receivers.get(key);
    if (existing) return existing;
    const receiver = this.receiverByKey(key, RESOLVER_ROUTES.framework, true, false);
    const options = call.arguments[0] && unwrap(call.arguments[0]);
    if (options?.type === AST_NODE_TYPES.ObjectExpression) {
      const context = builder.contextOption !== undefined ? propertyValue(options, builder.contextOption) : undefined;
      const chain = context ? [this.contextLink(context)] : [];
      for (const option of builder.mapOptions) {
        const value = propertyValue(options, option);
        // `new GraphQLSchema({ query: QueryType })`: the slot names the operation whatever the type calls itself.
        if (value) this.addResolverSource(receiver, value, depth + 1, chain, undefined, builder.operationOptions?.[option]);
      }
    } else if (options?.type === AST_NODE_TYPES.ArrayExpression) {
      this.addResolverSource(receiver, options, depth + 1);
    }
    return receiver;
  }

  /** The context builder as a chain link: what it returns is what the resolvers read from their context. */
  private contextLink(value: TSESTree.Node): ChainLink {
    const bare = unwrap(value);
    const fn = isFunctionNode(bare) ? bare : this.localFunction(bare);
    return { ...this.linkOf(value), context: fn ? { fn } : {} };
  }

  /**
   * `expressMiddleware(server, { context })` and its kin: the schema or server served, in this file or imported,
   * and the context builder that runs before its resolvers.
   */
  private servedSchema(arg: TSESTree.Node): { target: Receiver | { external: ImportRef }; context: ChainLink[] } | undefined {
    const call = unwrap(arg);
    if (call.type !== AST_NODE_TYPES.CallExpression) return undefined;
    const serving = this.rootServing(call);
    if (serving) return { target: this.rootValueReceiver(serving), context: [] };
    const name = this.serverName(call.callee);
    const server = name !== undefined ? RESOLVER_ROUTES.servers.get(name) : undefined;
    const argument = server ? call.arguments[server.instanceArgument] : undefined;
    if (!server || !argument || argument.type === AST_NODE_TYPES.SpreadElement) return undefined;
    // `createExpressMiddleware({ router, createContext })`: the instance is an option beside the context builder.
    const holder = server.instanceOption !== undefined ? unwrap(argument) : undefined;
    const instance = holder ? (holder.type === AST_NODE_TYPES.ObjectExpression ? propertyValue(holder, server.instanceOption!) : undefined) : argument;
    const target = instance ? this.schemaTarget(instance) : undefined;
    if (!target) return undefined;
    const options = holder ?? call.arguments[server.instanceArgument + 1];
    const bareOptions = options && options.type !== AST_NODE_TYPES.SpreadElement ? unwrap(options) : undefined;
    const context = server.contextOption !== undefined && bareOptions?.type === AST_NODE_TYPES.ObjectExpression ? propertyValue(bareOptions, server.contextOption) : undefined;
    return { target, context: context ? [this.contextLink(context)] : [] };
  }

  private schemaTarget(node: TSESTree.Node): Receiver | { external: ImportRef } | undefined {
    const bare = unwrap(node);
    if (bare.type === AST_NODE_TYPES.Identifier) {
      const ref = this.importOf(bare);
      if (ref) return { external: ref };
      const declaration = declaredValue(this.sourceCode, bare);
      return declaration ? this.schemaTarget(declaration) : undefined;
    }
    if (bare.type !== AST_NODE_TYPES.CallExpression && bare.type !== AST_NODE_TYPES.NewExpression) return undefined;
    if (bare.type === AST_NODE_TYPES.CallExpression && isProcedureRouterCall(bare)) return this.procedureRouterReceiver(bare, 0);
    const builder = schemaBuilderOf(bare);
    return builder ? this.schemaReceiver(bare, builder, 0) : undefined;
  }

  // ---- object types (graphql-js) -------------------------------------------------------------------

  /** The file's operation types (`new GraphQLObjectType({ name: 'Query', … })`), as routers whatever serves them. */
  private operationObjectTypes(): void {
    if (!mentionsObjectTypes(this.sourceCode)) return;
    for (const node of fileNodes(this.sourceCode).nodes) {
      const type = node.type === AST_NODE_TYPES.NewExpression ? objectTypeOf(this.sourceCode, node) : undefined;
      if (type) this.objectTypeReceiver(node as TSESTree.NewExpression, type);
    }
  }

  /**
   * An operation type as a router: each field whose config has a resolver is a route named `Type.field`. A nested
   * type (`Invoice`) has no routes: its fields resolve parts of an answer some operation already gave.
   */
  private objectTypeReceiver(node: TSESTree.NewExpression, type: ObjectTypeDefinition, slot?: string): Receiver | undefined {
    const operation = type.name !== undefined && RESOLVER_OPERATIONS.has(type.name) ? type.name : slot;
    if (operation === undefined) return undefined;
    const key = bindingKey(node);
    const existing = this.receivers.get(key);
    if (existing) return existing;
    const receiver = this.receiverByKey(key, RESOLVER_ROUTES.framework, true, false);
    this.addObjectTypeFields(receiver, type.fields, operation);
    return receiver;
  }

  /**
   * Fields as routes named `type.field` (or `field` alone when the type is known only where they are mounted): a
   * config written here, one imported whole (`invoice: require('./queries/invoice')`, whose `resolve` runs), and the
   * fields of an imported object spread in, mounted with the type they join.
   */
  private addObjectTypeFields(receiver: Receiver, fields: readonly ObjectTypeField[], type: string | undefined): void {
    const named = (name: string) => (type !== undefined ? `${type}.${name}` : name);
    for (const field of fields) {
      if (field.kind === 'spread') {
        const ref = this.importOf(field.argument);
        if (!ref) continue;
        // The mount itself, not a copy: lifting it to this file's exported router looks it up by identity.
        const mount = this.externalMount(receiver, ref, '', [], field.argument);
        if (type !== undefined) mount.operation = type;
        this.externalMounts.push(mount);
        continue;
      }
      const links = field.kind === 'config' ? this.resolverLinks(field.resolve, 0) : this.importedResolveLinks(field.value);
      const node = field.kind === 'config' ? field.node : field.property;
      if (links.length > 0) receiver.routes.push({ order: this.order++, method: RESOLVER_ROUTES.method, path: '', node, links, operation: named(field.name) });
    }
  }

  /** An imported field config as its resolver's link: the `resolve` member of what the module exports. */
  private importedResolveLinks(value: TSESTree.Node): ChainLink[] {
    const ref = this.importOf(value);
    const resolveKey = RESOLVER_ROUTES.objectTypes[0]?.resolveKey;
    if (!ref || resolveKey === undefined) return [];
    return [{ node: value, ranges: [value.range], imported: { ...ref, path: [...(ref.path ?? []), resolveKey] } }];
  }

  /**
   * An exported object of field configs (`module.exports = { invoice: { type, args, resolve } }`) as a router whose
   * routes the type it is spread into names where it is mounted.
   */
  private exportedFieldsReceiver(value: TSESTree.Node): void {
    const declared = value.type === AST_NODE_TYPES.Identifier && !this.importOf(value) ? declaredValue(this.sourceCode, value) : value;
    const object = declared && unwrap(declared);
    if (object?.type !== AST_NODE_TYPES.ObjectExpression || !mentionsObjectTypes(this.sourceCode)) return;
    const fields = fieldConfigsOf(this.sourceCode, object);
    if (!fields) return;
    const key = bindingKey(object);
    if (this.receivers.has(key)) return;
    this.addObjectTypeFields(this.receiverByKey(key, RESOLVER_ROUTES.framework, true, false), fields, undefined);
  }

  /**
   * `module.exports = new GraphQLSchema({ query: QueryType })`, `export const schema = …`: a schema of object types
   * that another file serves is a router of its own, so that file's mount finds its routes.
   */
  private exportedSchemaReceiver(value: TSESTree.Node): void {
    if (!mentionsObjectTypes(this.sourceCode)) return;
    const made = value.type === AST_NODE_TYPES.Identifier && !this.importOf(value) ? declaredValue(this.sourceCode, value) : value;
    const bare = made && unwrap(made);
    if (bare?.type === AST_NODE_TYPES.NewExpression && objectTypeOf(this.sourceCode, bare)) return;
    const builder = bare && (bare.type === AST_NODE_TYPES.NewExpression || bare.type === AST_NODE_TYPES.CallExpression) ? schemaBuilderOf(bare) : undefined;
    if (builder) this.schemaReceiver(bare as TSESTree.NewExpression, builder, 0);
  }

  // ---- root values (express-graphql, graphql-http) -------------------------------------------------

  private servingsByCall: Map<TSESTree.CallExpression, RootValueServing> | undefined;

  private rootServing(call: TSESTree.CallExpression): RootValueServing | undefined {
    this.servingsByCall ??= new Map(rootValueServings(this.sourceCode).map((serving) => [serving.call, serving]));
    return this.servingsByCall.get(call);
  }

  /**
   * `graphqlHTTP({ schema, rootValue: root, context })` as a router: each root function is a route of the endpoint it
   * is served at, named by the operation type the schema gives its field. The context builder runs before each.
   */
  private rootValueReceiver(serving: RootValueServing): Receiver {
    const key = bindingKey(serving.call);
    const existing = this.receivers.get(key);
    if (existing) return existing;
    const receiver = this.receiverByKey(key, serving.server.framework, true, false);
    const context = this.rootContextLinks(serving);
    const schema = serving.schema ? this.importOf(unwrap(serving.schema)) : undefined;
    for (const field of serving.fields) {
      const type = serving.operationTypes.get(field.name);
      const operation = type !== undefined ? `${type}.${field.name}` : field.name;
      const links = [...context, this.linkOf(field.property.value)];
      receiver.routes.push({ order: this.order++, method: RESOLVER_ROUTES.method, path: '', node: field.property, links, operation, ...(type === undefined && schema ? { operationSchema: schema } : {}) });
    }
    // A schema of object types resolves its fields itself: its operation types are routers under this endpoint.
    if (serving.schema) this.addResolverSource(receiver, serving.schema, 0, context);
    return receiver;
  }

  /** The context option as a chain link; built per request with the options, it is the `context` member of what their builder returns. */
  private rootContextLinks(serving: RootValueServing): ChainLink[] {
    const { context, optionsBuilder } = serving;
    if (!context) return [];
    const bare = unwrap(context);
    if (optionsBuilder && !isFunctionNode(bare) && !this.localFunction(bare) && !this.importOf(bare)) {
      return [{ node: optionsBuilder, ranges: [optionsBuilder.range], context: { fn: optionsBuilder, member: serving.server.contextOption! } }];
    }
    return [this.contextLink(context)];
  }

  // ---- procedure routers (tRPC) ---------------------------------------------------------------------

  /**
   * `t.router({ feed: publicProcedure.query(fn), post: postRouter })` as a router: each procedure is a route and each
   * nested router a mount, under its key. Keys are path segments that start with a dot, so that `procedurePath`
   * joins them with dots (`/trpc/post.feed`) once mount prefixes are in place.
   */
  private procedureRouterReceiver(call: TSESTree.CallExpression, depth: number): Receiver | undefined {
    const framework = PROCEDURE_ROUTES.framework;
    const table = call.arguments[0] && unwrap(call.arguments[0]);
    if (!framework || table?.type !== AST_NODE_TYPES.ObjectExpression || depth > MAX_RESOLVER_DEPTH) return undefined;
    const key = bindingKey(call);
    const existing = this.receivers.get(key);
    if (existing) return existing;
    const receiver = this.receiverByKey(key, framework, true, false);
    for (const property of table.properties) {
      const name = property.type === AST_NODE_TYPES.Property ? propertyKeyName(property) : undefined;
      if (name === undefined || property.type !== AST_NODE_TYPES.Property) continue;
      const value = unwrap(property.value as TSESTree.Node);
      const procedure = this.procedureOf(value);
      if (procedure) receiver.routes.push({ order: this.order++, method: procedure.method, path: `.${name}`, node: property, links: procedure.links });
      else this.mountProcedureRouter(receiver, value, `.${name}`, property, depth + 1);
    }
    return receiver;
  }

  private mountProcedureRouter(receiver: Receiver, value: TSESTree.Node, prefix: string, node: TSESTree.Node, depth: number): void {
    if (value.type === AST_NODE_TYPES.Identifier) {
      const ref = this.importOf(value);
      if (ref) {
        this.externalMounts.push(this.externalMount(receiver, ref, prefix, [], node));
        return;
      }
      const declaration = declaredValue(this.sourceCode, value);
      if (declaration) this.mountProcedureRouter(receiver, unwrap(declaration), prefix, node, depth + 1);
      return;
    }
    if (value.type !== AST_NODE_TYPES.CallExpression || !isProcedureRouterCall(value)) return;
    const child = this.procedureRouterReceiver(value, depth + 1);
    if (child && child !== receiver) this.addMount(receiver, child, prefix, [], node);
  }

  /**
   * `protectedProcedure.input(schema).mutation(fn)`: the HTTP method and the chain (the builder's `.use()`
   * middleware, in the order it runs, then the resolver), when the call chain starts from a procedure builder.
   */
  private procedureOf(node: TSESTree.Node): { method: string; links: ChainLink[] } | undefined {
    if (node.type !== AST_NODE_TYPES.CallExpression) return undefined;
    const callee = unwrap(node.callee);
    const method = callee.type === AST_NODE_TYPES.MemberExpression ? PROCEDURE_ROUTES.routeMethods.get(memberName(callee) ?? '') : undefined;
    const resolver = node.arguments[0];
    if (callee.type !== AST_NODE_TYPES.MemberExpression || !method || !resolver || resolver.type === AST_NODE_TYPES.SpreadElement) return undefined;
    const middleware: ChainLink[] = [];
    let builder = false;
    let current: TSESTree.Node = unwrap(callee.object);
    for (let steps = 0; steps < 64 && !builder; steps++) {
      if (current.type === AST_NODE_TYPES.CallExpression) {
        const inner = unwrap(current.callee);
        if (inner.type !== AST_NODE_TYPES.MemberExpression) return undefined;
        // Walking from the resolver back to the builder meets later middleware first.
        if (PROCEDURE_ROUTES.middlewareMethods.has(memberName(inner) ?? '')) middleware.unshift(...this.linksOfArguments(current.arguments));
        current = unwrap(inner.object);
      } else if (current.type === AST_NODE_TYPES.MemberExpression) {
        builder = PROCEDURE_ROUTES.builders.has(memberName(current) ?? '');
        current = unwrap(current.object);
      } else if (current.type === AST_NODE_TYPES.Identifier) {
        const named = PROCEDURE_ROUTES.builders.has(current.name);
        const ref = this.importOf(current);
        if (ref) {
          if (named) middleware.unshift({ node: current, ranges: [current.range], imported: ref });
          builder = named;
          break;
        }
        const declaration = declaredValue(this.sourceCode, current);
        if (!declaration) {
          builder = named;
          break;
        }
        current = unwrap(declaration);
      } else break;
    }
    return builder ? { method, links: [...middleware, this.linkOf(resolver)] } : undefined;
  }

  /**
   * An exported procedure builder (`export const adminProcedure = protectedProcedure.use(…)`) runs the middleware of
   * every builder it is made from in this file, not only its own.
   */
  private procedureBuilderLink(value: TSESTree.Node): ChainLink | undefined {
    if (value.type !== AST_NODE_TYPES.CallExpression) return undefined;
    const roots: Range[] = [value.range];
    let current: TSESTree.Node = value;
    for (let steps = 0; steps < 64; steps++) {
      if (current.type === AST_NODE_TYPES.CallExpression) {
        // `.use(isAuthed)` with `const isAuthed = t.middleware(…)`: the middleware's own code runs too.
        const callee = unwrap(current.callee);
        if (callee.type === AST_NODE_TYPES.MemberExpression && PROCEDURE_ROUTES.middlewareMethods.has(memberName(callee) ?? '')) {
          for (const link of this.linksOfArguments(current.arguments)) if (!link.imported) roots.push(...link.ranges);
        }
        current = callee;
      } else if (current.type === AST_NODE_TYPES.MemberExpression) current = unwrap(current.object);
      else if (current.type === AST_NODE_TYPES.Identifier && !this.importOf(current)) {
        const declaration = declaredValue(this.sourceCode, current);
        if (!declaration || !PROCEDURE_ROUTES.builders.has(current.name)) break;
        roots.push(declaration.range);
        current = unwrap(declaration);
      } else break;
    }
    return roots.length > 1 ? { node: value, ranges: this.expand(roots) } : undefined;
  }

  /**
   * The name a schema server is called by: `createExpressMiddleware(…)`, or a member of a package imported whole
   * (`trpcExpress.createExpressMiddleware(…)` after `import * as trpcExpress from '@trpc/server/adapters/express'`).
   */
  private serverName(node: TSESTree.Node): string | undefined {
    const callee = unwrap(node);
    if (callee.type === AST_NODE_TYPES.Identifier) return callee.name;
    if (callee.type !== AST_NODE_TYPES.MemberExpression || unwrap(callee.object).type !== AST_NODE_TYPES.Identifier) return undefined;
    return calleePackageOf(this.sourceCode, callee) !== undefined ? memberName(callee) : undefined;
  }

  /** `startStandaloneServer(server, { context })`: the server answers on its own, at its root. */
  private interpretStandaloneSchemaServer(call: TSESTree.CallExpression): void {
    const name = this.serverName(call.callee);
    if (name === undefined || !RESOLVER_ROUTES.servers.get(name)?.standalone) return;
    const served = this.servedSchema(call);
    if (!served) return;
    const root = this.receiverByKey(`node:${call.range[0]}`, RESOLVER_ROUTES.framework, false, false);
    root.served = true;
    if ('external' in served.target) this.externalMounts.push(this.externalMount(root, served.target.external, '', served.context, call));
    else this.addMount(root, served.target, '', served.context, call);
  }

  // ---- apps served here ----------------------------------------------------------------------------

  /**
   * Hono apps are exported both to be mounted (`app.route('/api', api)`) and to be served (`export default app`
   * in a Workers entry). One handed to a runtime here, or exported from an entry file, is served.
   */
  private markServedApps(collected: Collected): void {
    const served = (node: TSESTree.Node | undefined): void => {
      const bare = node && unwrap(node);
      if (bare?.type !== AST_NODE_TYPES.Identifier) return;
      const receiver = this.receivers.get(this.keyOf(bare));
      if (receiver) receiver.served = true;
    };
    for (const app of collected.fetchedApps) served(app);
    for (const call of collected.plainCalls) {
      const name = (unwrap(call.callee) as TSESTree.Identifier).name;
      if (ROUTING.serveFunctions.has(name)) served(call.arguments[0]);
    }
    const entryFile = isEntryFile(this.filename.replace(/\\/g, '/'));
    for (const receiver of this.receivers.values()) {
      if (entryFile && receiver.exportedAs !== undefined) receiver.served = true;
    }
  }

  // ---- authentication this file cannot see into ----------------------------------------------------

  private authCallsOf(calls: readonly (TSESTree.CallExpression | TSESTree.NewExpression)[]): AuthCall[] {
    const found: AuthCall[] = [];
    for (const call of calls) {
      if (call.type !== AST_NODE_TYPES.CallExpression) continue;
      const callee = unwrap(call.callee);
      const name = callee.type === AST_NODE_TYPES.Identifier ? callee.name : callee.type === AST_NODE_TYPES.MemberExpression ? memberName(callee) : undefined;
      if (!name) continue;
      const verifiesToken = isTokenVerifierName(name);
      const authenticates = verifiesToken || SESSION_GETTER.test(name) || (REQUEST_AUTHENTICATOR.test(name) && call.arguments.some(isRequestArgument));
      if (!authenticates || !this.opaqueCallee(callee, name)) continue;
      const ref = this.projectCalleeRef(callee);
      found.push({ node: call, name, ...(ref ? { ref } : {}), verifiesToken });
    }
    return found;
  }

  private parameterMethodCallsOf(calls: readonly TSESTree.CallExpression[]): RouteModel['parameterMethodCalls'] {
    if (!VOCABULARY.routing.decoratingFrameworks.size) return [];
    const found: { start: number; name: string; node: TSESTree.CallExpression }[] = [];
    for (const call of calls) {
      const callee = unwrap(call.callee) as TSESTree.MemberExpression;
      const receiver = unwrap(callee.object);
      const name = memberName(callee);
      if (!name || this.decorated.has(name) || receiver.type !== AST_NODE_TYPES.Identifier || !isParameterOfEnclosing(call, receiver.name)) continue;
      found.push({ start: call.range[0], name, node: call });
    }
    return found.sort((a, b) => a.start - b.start);
  }

  /** A callee whose body is not on any chain here: not a function of this file, a decoration or a passport call. */
  private opaqueCallee(callee: TSESTree.Node, name: string): boolean {
    if (callee.type === AST_NODE_TYPES.Identifier) return !this.localFunction(callee);
    if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
    const owner = unwrap(callee.object);
    if (owner.type === AST_NODE_TYPES.Identifier && STRATEGY_OWNERS.test(owner.name)) return false;
    return !this.decorated.has(name);
  }

  // ---- plain calls: Node http ----------------------------------------------------------------------

  private interpretServerCall(call: TSESTree.CallExpression | TSESTree.NewExpression): void {
    const callee = unwrap(call.callee);
    const name =
      callee.type === AST_NODE_TYPES.Identifier ? callee.name : callee.type === AST_NODE_TYPES.MemberExpression ? memberName(callee) : undefined;
    // `createServer(handler)` is called, `new Server(handler)` constructed: a capitalised factory needs `new`.
    const isServer = !!name && ROUTING.serverFactories.has(name) && (call.type === AST_NODE_TYPES.NewExpression || !/^[A-Z]/.test(name));
    if (!isServer) return;
    const handler = [...call.arguments].reverse().find((arg) => {
      const bare = unwrap(arg);
      return isFunctionNode(bare) || bare.type === AST_NODE_TYPES.Identifier;
    });
    if (!handler) return;
    const bare = unwrap(handler);
    // `http.createServer(app)` hands requests to a framework app whose routes are found on their own.
    if (bare.type === AST_NODE_TYPES.Identifier && !this.localFunction(bare) && !this.importOf(bare)) return;
    const link = this.linkOf(bare);
    this.looseRoutes.push({ framework: 'http', method: 'ALL', path: '/', node: call, chain: [link], mountedElsewhere: false });
  }

  // ---- NestJS ---------------------------------------------------------------------------------------

  private interpretController(node: TSESTree.ClassDeclaration | TSESTree.ClassExpression): void {
    const decorators = decoratorsOf(node);
    const candidates = DECORATOR_MODELS.map((model) => ({ model, controller: model.controllers.map((name) => findDecorator(decorators, name)).find((decorator) => decorator) })).filter((entry) => entry.controller);
    // `@Controller` is NestJS's and routing-controllers': the package the decorator is imported from decides.
    const found = candidates.find((entry) => entry.model.packages.includes(this.moduleOfDecorator(entry.controller!) ?? '')) ?? candidates[0];
    if (!found?.controller) return;
    const { model } = found;
    // `@Resolver` is also type-graphql's, whose guards and parameters differ: operations need their package imported.
    if (model.operations && !model.packages.includes(this.moduleOfDecorator(found.controller) ?? '')) return;
    const prefix = model.operations ? '' : controllerPrefix(found.controller);
    const classGuards = [...this.middlewareArgumentLinks(found.controller, model), ...this.guardLinks(decorators, model)];
    const classPublic = decorators.some((decorator) => isPublicDecorator(decorator, model));
    for (const member of node.body.body) {
      const memberDecorators = member.type === AST_NODE_TYPES.MethodDefinition ? decoratorsOf(member) : [];
      for (const decorator of memberDecorators) {
        const call = decoratorCall(decorator);
        const method = call && Object.hasOwn(model.routes, call.name) ? model.routes[call.name] : undefined;
        if (!call || !method) continue;
        const operation = model.operations ? `${call.name}.${operationField(call.args, member, model.operations.nameOption)}` : undefined;
        const sub = call.args[0] ? (staticString(call.args[0]) ?? nestPathList(call.args[0])) : '';
        const handler: ChainLink = { node: member, ranges: this.expand([member.range]) };
        if (member.type === AST_NODE_TYPES.MethodDefinition) this.checkedParameters(member, model);
        this.looseRoutes.push({
          framework: model.framework,
          method,
          path: model.operations?.endpoint ?? joinPaths(prefix, sub ?? ''),
          ...(operation !== undefined ? { operation } : {}),
          node: member,
          chain: [...classGuards, ...this.middlewareArgumentLinks(decorator, model), ...this.guardLinks(memberDecorators, model), handler],
          // A module's middleware or an APP_GUARD, in other files, may authenticate every controller.
          mountedElsewhere: true,
          ...(node.id ? { controller: node.id.name } : {}),
          ...(classPublic || memberDecorators.some((decorator) => isPublicDecorator(decorator, model)) ? { skipsGlobalGuards: true } : {}),
        });
      }
    }
  }

  /**
   * `@CurrentUser() user`: the framework runs the server's `currentUserChecker` before the handler, so the route runs
   * that code (linked where the server is made). With `{ required: true }` the framework also answers 401 when it
   * finds no one: the code's verification is then required, and assumed where no code is found.
   */
  private checkedParameters(member: TSESTree.MethodDefinition, model: DecoratorModel): void {
    const parameters = model.authenticatorCode?.parameters ?? [];
    if (parameters.length === 0 || !isFunctionNode(member.value)) return;
    for (const param of member.value.params) {
      for (const decorator of decoratorsOf(param)) {
        const call = decoratorCall(decorator);
        const checked = call && parameters.find((parameter) => parameter.decorator === call.name);
        if (!checked) continue;
        const options = call.args[0] ? unwrap(call.args[0]) : undefined;
        const required = options?.type === AST_NODE_TYPES.ObjectExpression && isTrueLiteral(propertyValue(options, checked.requiredOption));
        const channel = authenticatorChannel(model.framework, checked.option);
        this.tokenStrategies.push({ node: decorator, configuredBy: required ? { channel } : { channel, tokenless: true, optional: true } });
      }
    }
  }

  /** `@httpPost('/', validate, auth.required)`: what follows the path runs before the handler, in order. */
  private middlewareArgumentLinks(decorator: TSESTree.Decorator, model: DecoratorModel): ChainLink[] {
    if (!model.middlewareArguments) return [];
    const args = decoratorCall(decorator)?.args.slice(1) ?? [];
    return args.flatMap((arg) => (arg.type === AST_NODE_TYPES.SpreadElement ? [] : [this.linkOf(unwrap(arg))]));
  }

  private guardLinks(decorators: readonly TSESTree.Decorator[], model: DecoratorModel): ChainLink[] {
    const links: ChainLink[] = [];
    for (const decorator of decorators) {
      const call = decoratorCall(decorator);
      if (!call) continue;
      // `@Authorized()` runs the application's checker; `@Security('jwt')` a strategy configured elsewhere.
      const marker = !!model.authenticators?.includes(call.name) || !!model.strategies?.includes(call.name);
      const authenticates = !!model.authenticators?.includes(call.name) || (marker && strategyNamesOf(call.args[0] && unwrap(call.args[0])).some((strategy) => this.isTokenStrategy(strategy)));
      // Where the project writes the code markers run, the project index grades them by it (see configuredAuthenticatorsOf).
      const configuredBy = marker && model.authenticatorCode ? { channel: authenticatorChannel(model.framework), ...(authenticates ? {} : { tokenless: true as const }) } : undefined;
      if (authenticates || configuredBy) this.tokenStrategies.push({ node: decorator, ...(configuredBy ? { configuredBy } : {}) });
      if (marker) links.push({ node: decorator, ranges: [decorator.range] });
      else if (model.guards?.includes(call.name) || model.middleware?.includes(call.name)) links.push(...call.args.map((arg) => this.linkOf(unwrap(arg))));
      else if (this.isComposedDecorator(decorator, model)) links.push({ ...this.linkOf(decorator.expression), marksRoute: true });
      // `@Roles('admin')`-style metadata is read by a guard; keep it so the guard's decision has context.
      else if (model.gates?.includes(call.name) || model.metadataDecorators?.includes(call.name)) links.push({ node: decorator, ranges: [decorator.range], marksRoute: true });
    }
    return links;
  }

  /**
   * A decorator the project writes itself (`@Auth('admin')` returning `applyDecorators(UseGuards(RolesGuard), …)`):
   * what it applies runs on the route, so the route's chain follows it into its declaration, here or in another file.
   * Route, parameter and public-marker decorators say what they are by name and are never composites.
   */
  private isComposedDecorator(decorator: TSESTree.Decorator, model: DecoratorModel): boolean {
    const expression = unwrap(decorator.expression);
    const callee = expression.type === AST_NODE_TYPES.CallExpression ? unwrap(expression.callee) : expression;
    if (callee.type !== AST_NODE_TYPES.Identifier || Object.hasOwn(model.routes, callee.name) || isPublicDecorator(decorator, model)) return false;
    return !!this.importOf(callee) || !!this.localFunction(callee);
  }

  /** `UseGuards(RolesGuard)` outside a decorator position, with `RolesGuard` imported from a project file. */
  private composedGuardsOf(calls: readonly TSESTree.CallExpression[]): RouteModel['composedGuards'] {
    const found: { start: number; ref: ImportRef; node: TSESTree.Node }[] = [];
    for (const call of calls) {
      const callee = unwrap(call.callee);
      if (call.parent.type === AST_NODE_TYPES.Decorator || callee.type !== AST_NODE_TYPES.Identifier) continue;
      if (!DECORATOR_MODELS.some((model) => model.guards?.includes(callee.name))) continue;
      for (const arg of call.arguments) {
        const ref = arg.type === AST_NODE_TYPES.SpreadElement ? undefined : this.importOf(arg);
        if (ref) found.push({ start: arg.range[0], ref, node: arg });
      }
    }
    return found.sort((a, b) => a.start - b.start);
  }

  /** The module a decorator's name is imported from (`Controller` from 'routing-controllers'). */
  private moduleOfDecorator(decorator: TSESTree.Decorator): string | undefined {
    const name = decoratorCall(decorator)?.name;
    if (!name) return undefined;
    for (const statement of this.sourceCode.ast.body) {
      if (statement.type !== AST_NODE_TYPES.ImportDeclaration) continue;
      if (statement.specifiers.some((specifier) => specifier.local.name === name)) return statement.source.value;
    }
    return undefined;
  }

  // ---- Next.js --------------------------------------------------------------------------------------

  private interpretNext(exportNodes: Collected['exportNodes']): RouteModel['nextMiddleware'] {
    const file = this.filename.replace(/\\/g, '/');
    for (const model of FILE_ROUTE_MODELS) {
      const directories = model.folder && model.baseName ? routeFileDirectories(file, model.folder, model.baseName) : undefined;
      if (directories === undefined) continue;
      for (const [name, link] of this.exportLinks) {
        if (!model.methodExports?.includes(name)) continue;
        this.looseRoutes.push({ framework: model.framework, method: name, path: nextPath(directories), node: link.node, chain: this.wrappedChain(link), mountedElsewhere: true });
      }
      return undefined;
    }
    if (!FILE_ROUTE_MODELS.some((model) => model.middlewareFile && isMiddlewareFile(file, model.middlewareFile, model.folder))) return undefined;
    const link = this.exportLinks.get('middleware') ?? this.exportLinks.get('default');
    if (!link) return undefined;
    return { links: this.wrappedChain(link), matchers: nextMatchers(exportNodes) };
  }

  /**
   * An exported handler wrapped by an imported function (`export const GET = auth(function GET(req) {…})`,
   * `export default auth((req) => {…})`): the wrapper runs first, then the function it was handed.
   */
  private wrappedChain(link: ChainLink): ChainLink[] {
    const call = link.imported ? unwrap(link.node) : undefined;
    if (call?.type !== AST_NODE_TYPES.CallExpression) return [link];
    const handler = call.arguments.find((argument) => {
      const bare = unwrap(argument);
      return isFunctionNode(bare) || (bare.type === AST_NODE_TYPES.Identifier && this.localFunction(bare) !== undefined);
    });
    return handler ? [link, this.linkOf(handler)] : [link];
  }

  /** Lambda's `export const handler = async (event) => …`: a route whose method and path live in deployment configuration. */
  private interpretHandlerExports(): void {
    for (const handlers of VOCABULARY.request.eventHandlers) {
      for (const name of handlers.exports) {
        const link = this.exportLinks.get(name);
        const fn = this.exportFunctions.get(name);
        if (!link || link.imported || !fn || !isFunctionNode(fn)) continue;
        const first = fn.params[0];
        if ((first && !takesEvent(first, handlers)) || (handlers.defaultExportOnly && !this.defaultObjectMembers.has(name))) continue;
        this.looseRoutes.push({
          framework: handlers.framework,
          method: handlers.route?.method ?? 'ANY',
          path: handlers.route?.path ?? handlerReference(this.filename, name),
          node: link.node,
          chain: [link],
          // A handler named by deployment configuration may sit behind anything; one that answers every request does not.
          mountedElsewhere: handlers.route === undefined,
          ...(handlers.outsideCode ? { authOutsideCode: true } : {}),
        });
      }
    }
  }

  // ---- exports --------------------------------------------------------------------------------------

  private recordExports(nodes: Collected['exportNodes']): void {
    for (const node of nodes) {
      if (node.type === AST_NODE_TYPES.AssignmentExpression) {
        this.exportValue(commonJsExportName(node.left as TSESTree.MemberExpression), node.right);
      } else if (node.type === AST_NODE_TYPES.ExportDefaultDeclaration) {
        this.exportValue('default', node.declaration);
      } else if (node.type === AST_NODE_TYPES.TSExportAssignment) {
        // TypeScript's `export = router`: what `import x = require(…)` and `require` receive.
        this.exportValue('default', node.expression);
      } else if (node.type === AST_NODE_TYPES.ExportAllDeclaration) {
        this.exportAll(node);
      } else {
        this.exportNamed(node);
      }
    }
  }

  private exportNamed(node: TSESTree.ExportNamedDeclaration): void {
    const declaration = node.declaration;
    if (declaration?.type === AST_NODE_TYPES.VariableDeclaration) {
      for (const declarator of declaration.declarations) {
        if (declarator.id.type === AST_NODE_TYPES.Identifier && declarator.init) this.exportValue(declarator.id.name, declarator.init, declarator.id);
        else if (declarator.id.type === AST_NODE_TYPES.ObjectPattern && declarator.init) this.exportDestructured(declarator.id, declarator.init);
      }
    } else if (declaration && 'id' in declaration && declaration.id && declaration.id.type === AST_NODE_TYPES.Identifier) {
      this.exportValue(declaration.id.name, declaration, declaration.id);
    } else {
      const source = node.source?.value;
      for (const specifier of node.specifiers) {
        if (specifier.type !== AST_NODE_TYPES.ExportSpecifier) continue;
        const exported = nameOf(specifier.exported);
        // `export { requireAuth } from './auth'` and `export { default as auth } from './auth'` pass another file's export on.
        if (source !== undefined) {
          if (this.isProjectModule(source)) this.exportLinks.set(exported, { node: specifier, ranges: [], imported: { source, name: nameOf(specifier.local) } });
        } else if (specifier.local.type === AST_NODE_TYPES.Identifier) {
          this.exportValue(exported, specifier.local);
        }
      }
    }
  }

  /**
   * `export const { GET, POST } = handlers` with `handlers` imported from a project file: each name runs that member
   * of the other file's export, which its summary describes. Members of anything else are not followed.
   */
  private exportDestructured(pattern: TSESTree.ObjectPattern, value: TSESTree.Expression): void {
    const ref = this.importOf(value);
    if (!ref) return;
    for (const property of pattern.properties) {
      if (property.type !== AST_NODE_TYPES.Property || property.value.type !== AST_NODE_TYPES.Identifier) continue;
      const member = propertyKeyName(property);
      if (member !== undefined) this.exportLinks.set(property.value.name, { node: property, ranges: [], imported: { ...ref, path: [...(ref.path ?? []), member] } });
    }
  }

  /** The methods of an exported class and the functions of an exported object literal, each as its own link. */
  private recordMembers(name: string, value: TSESTree.Node): void {
    // `module.exports = shield({ Query: { report: isAdmin } })`: a member per field, wildcard and type, holding its rules.
    const layer = layerGatesOf(this.sourceCode, value);
    if (layer) {
      const members = new Map<string, ChainLink>();
      for (const [key, rules] of layer) {
        const links = rules.map((rule) => this.linkOf(rule)).filter((link) => !link.imported);
        if (links.length > 0) members.set(key, { node: links[0]!.node, ranges: links.flatMap((link) => link.ranges) });
      }
      if (members.size > 0) this.exportMembers.set(name, members);
      return;
    }
    let declaration: TSESTree.Node | undefined = value;
    if (value.type === AST_NODE_TYPES.Identifier) declaration = declaredValue(this.sourceCode, value);
    if (!declaration) return;
    const members = new Map<string, ChainLink>();
    if (declaration.type === AST_NODE_TYPES.ClassDeclaration || declaration.type === AST_NODE_TYPES.ClassExpression) {
      for (const member of declaration.body.body) {
        // A method, or a field holding a function (`verifyAccessToken = (token) => …`).
        if (member.type !== AST_NODE_TYPES.MethodDefinition && member.type !== AST_NODE_TYPES.PropertyDefinition) continue;
        const fn = member.type === AST_NODE_TYPES.MethodDefinition ? member.value : member.value ? unwrap(member.value) : undefined;
        if (!fn || !isFunctionNode(fn) || member.computed || member.key.type !== AST_NODE_TYPES.Identifier) continue;
        // Calling a method runs its body, not its decorators (`@Security` runs only where the framework routes to it).
        members.set(member.key.name, { node: member, ranges: this.expand([fn.range]) });
        this.exportFunctions.set(`${name}.${member.key.name}`, fn);
      }
    } else {
      // An object literal, or the one a factory returns (`module.exports = (server) => ({ show, remove })`).
      const result = isFunctionNode(declaration) ? functionResult(declaration) : declaration;
      const object = result ? objectLiteralOf(this.sourceCode, result, 0) : undefined;
      for (const property of object?.properties ?? []) {
        if (property.type !== AST_NODE_TYPES.Property || property.computed || property.key.type !== AST_NODE_TYPES.Identifier) continue;
        members.set(property.key.name, this.linkOf(property.value as TSESTree.Node));
        const value = unwrap(property.value as TSESTree.Node);
        const fn = isFunctionNode(value) ? value : this.localFunction(value);
        if (fn) this.exportFunctions.set(`${name}.${property.key.name}`, fn);
      }
    }
    if (members.size > 0) this.exportMembers.set(name, members);
  }

  /**
   * Calls into the project's other modules: `verifyToken(req)`, `userService.getById(id)`, and in classes
   * `this.invoices.archive(id)` on a constructor parameter typed with an imported class (NestJS services).
   */
  private importedCallsOf(calls: readonly (TSESTree.CallExpression | TSESTree.NewExpression)[]): { start: number; ref: ImportRef; call: TSESTree.CallExpression }[] {
    const found: { start: number; ref: ImportRef; call: TSESTree.CallExpression }[] = [];
    for (const call of calls) {
      if (call.type !== AST_NODE_TYPES.CallExpression || calleeIsRequire(call)) continue;
      const callee = unwrap(call.callee);
      if (callee.type !== AST_NODE_TYPES.Identifier && callee.type !== AST_NODE_TYPES.MemberExpression) continue;
      const ref = this.projectCalleeRef(callee);
      if (ref) found.push({ start: call.range[0], ref, call });
    }
    return found.sort((a, b) => a.start - b.start);
  }

  /** The function of another project file a callee names: imported, a method of an injected service or of an instance of an imported class. */
  private projectCalleeRef(callee: TSESTree.Node): ImportRef | undefined {
    return this.importOf(callee) ?? this.injectedServiceOf(callee) ?? this.instanceMethodOf(callee);
  }

  /**
   * `guard.requireAdmin` where `guard` is an instance of a class imported from a project file: made here with
   * `new Guard()`, handed out by a service container (`Container.get(Guard)`), in a `const` or a class field.
   */
  private instanceMethodOf(callee: TSESTree.Node): ImportRef | undefined {
    if (callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
    const method = memberName(callee);
    const receiver = unwrap(callee.object);
    const made = receiver.type === AST_NODE_TYPES.Identifier ? declaredValue(this.sourceCode, receiver) : receiver.type === AST_NODE_TYPES.MemberExpression ? this.fieldInit(receiver) : receiver;
    const ref = method && made ? this.instanceClassRef(made) : undefined;
    return ref && !ref.path ? { ...ref, path: [method!] } : undefined;
  }

  /** What `this.name` is initialised with by the class's field declaration (`private guard = new Guard()`). */
  private fieldInit(member: TSESTree.MemberExpression): TSESTree.Node | undefined {
    const name = memberName(member);
    const owner = unwrap(member.object).type === AST_NODE_TYPES.ThisExpression ? enclosingClass(member) : undefined;
    for (const element of owner && name ? owner.body.body : []) {
      if (element.type === AST_NODE_TYPES.PropertyDefinition && !element.computed && propertyKeyName(element) === name && element.value) return element.value;
    }
    return undefined;
  }

  /** The imported class an expression makes an instance of: `new Guard()`, `Container.get(Guard)`, `Container.get<Guard>(TOKEN)`. */
  private instanceClassRef(node: TSESTree.Node): ImportRef | undefined {
    const bare = unwrap(node);
    if (bare.type === AST_NODE_TYPES.NewExpression) return this.importOf(bare.callee);
    if (bare.type !== AST_NODE_TYPES.CallExpression || !this.isServiceLookup(bare)) return undefined;
    const argument = bare.arguments[0];
    const typeArgument = typeScriptOnly(bare, 'typeArguments')?.params[0];
    const typeName = typeArgument?.type === AST_NODE_TYPES.TSTypeReference && typeArgument.typeName.type === AST_NODE_TYPES.Identifier ? typeArgument.typeName : undefined;
    return (argument && argument.type !== AST_NODE_TYPES.SpreadElement ? this.importOf(argument) : undefined) ?? (typeName ? this.importOf(typeName) : undefined);
  }

  /** A container call the models say hands out instances (`Container.get` of typedi), reached from its package's export. */
  private isServiceLookup(call: TSESTree.CallExpression): boolean {
    const path = dottedPath(call.callee)?.split('.');
    const root = rootIdentifier(call.callee);
    if (!path || !root) return false;
    const module = packageOf(this.sourceCode, root);
    return ROUTING.serviceLookups.some((lookup) => isFromPackages(module, lookup.packages) && lookup.path.length === path.length && lookup.path.every((part, at) => part === path[at]));
  }

  /**
   * `useExpressServer(app, { authorizationChecker: check })`: the code a decorated-controller framework's markers run,
   * passed to a server-making function of its package, inline, by name, or made by a factory (`checker(connection)`).
   */
  private configuredAuthenticatorsOf(calls: readonly (TSESTree.CallExpression | TSESTree.NewExpression)[]): RouteModel['configuredAuthenticators'] {
    const found: { channel: string; link: ChainLink }[] = [];
    for (const call of ROUTING.authenticatorServers.length > 0 ? calls : []) {
      for (const server of authenticatorServersOf(this.sourceCode, call)) {
        for (const value of optionValues(this.sourceCode, call, server.option)) found.push({ channel: server.channel, link: this.linkOf(value) });
      }
    }
    return found;
  }

  /** `this.invoices.archive` where the class's constructor takes `private invoices: InvoiceService` imported from a project file. */
  private injectedServiceOf(callee: TSESTree.Node): ImportRef | undefined {
    if (callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
    const holder = unwrap(callee.object);
    const method = memberName(callee);
    if (!method || holder.type !== AST_NODE_TYPES.MemberExpression || unwrap(holder.object).type !== AST_NODE_TYPES.ThisExpression) return undefined;
    const property = memberName(holder);
    let owner: TSESTree.Node | undefined = callee.parent;
    while (owner && owner.type !== AST_NODE_TYPES.ClassBody) owner = owner.parent;
    if (!owner || owner.type !== AST_NODE_TYPES.ClassBody || !property) return undefined;
    for (const member of owner.body) {
      const typeName = injectedTypeName(member, property);
      if (!typeName) continue;
      const ref = this.importOf(typeName);
      return ref ? { ...ref, path: [...(ref.path ?? []), method] } : undefined;
    }
    return undefined;
  }

  /** `export * from './guards'` re-exports every name; `export * as guards from './guards'` one namespace. */
  private exportAll(node: TSESTree.ExportAllDeclaration): void {
    const source = node.source.value;
    if (!this.isProjectModule(source)) return;
    if (node.exported) this.exportLinks.set(nameOf(node.exported), { node, ranges: [], imported: { source, name: '*' } });
    else this.starExports.push(source);
  }

  /** Asked for every use of every import; each specifier is resolved once per file. */
  private isProjectModule(source: string): boolean {
    let known = this.projectModules.get(source);
    if (known === undefined) {
      known = isProjectSpecifier(this.filename, source);
      this.projectModules.set(source, known);
    }
    return known;
  }

  /** Records an export as a link, and marks exported routers and plugins as mounted elsewhere. */
  private exportValue(name: string, value: TSESTree.Node, id?: TSESTree.Identifier): void {
    const bare = unwrap(value);
    this.exportRouteTable(name, bare);
    // `export default { Query: { … } }`, `module.exports = graphqlHTTP({ … })`: a router exported as it is made.
    this.exportedSchemaReceiver(bare);
    this.exportedFieldsReceiver(bare);
    const made = bare.type === AST_NODE_TYPES.ObjectExpression || bare.type === AST_NODE_TYPES.CallExpression || bare.type === AST_NODE_TYPES.NewExpression ? this.receivers.get(bindingKey(bare)) : undefined;
    if (bare.type === AST_NODE_TYPES.ObjectExpression && name === 'default' && !made) {
      // `module.exports = { requireAuth, router }`.
      for (const property of bare.properties) {
        if (property.type !== AST_NODE_TYPES.Property || property.key.type !== AST_NODE_TYPES.Identifier) continue;
        this.defaultObjectMembers.add(property.key.name);
        this.exportValue(property.key.name, property.value as TSESTree.Node);
      }
      return;
    }
    this.exportLinks.set(name, this.exportLinkOf(name, bare));
    this.recordMembers(name, bare);
    const exportedFunction = isFunctionNode(bare) ? bare : (this.localFunction(bare) ?? parameterDecoratorCallback(bare));
    if (exportedFunction) this.exportFunctions.set(name, exportedFunction);
    const identifier = id ?? (bare.type === AST_NODE_TYPES.Identifier ? bare : undefined);
    // `export default new Hono().get(…)` exports the instance its chain builds.
    const chained = !identifier && (bare.type === AST_NODE_TYPES.CallExpression || bare.type === AST_NODE_TYPES.NewExpression) && instanceKind(chainRoot(bare));
    // Koa: `module.exports = router.routes()` exports the router's middleware, which mounts its routes.
    const koaRouter = !identifier && !chained ? koaRoutesOf(bare) : undefined;
    const receiver = identifier
      ? this.receivers.get(this.keyOf(identifier))
      : chained
        ? this.receiverOf(bare)?.receiver
        : koaRouter
          ? this.receivers.get(this.keyOf(koaRouter))
          : made;
    if (receiver) receiver.exportedAs = name;
    // An exported plugin function: its first parameter is the instance its routes hang on.
    const fn = isFunctionNode(bare) ? bare : this.localFunction(bare);
    const param = fn?.params[0];
    if (param?.type === AST_NODE_TYPES.Identifier) {
      const instance = this.receivers.get(this.keyOf(param));
      if (instance) instance.exportedAs = name;
    }
  }

  /**
   * What another file's import of an export runs. A procedure router made by a factory the project re-exports
   * (`router` from './trpc') is this file's router, not that import; a procedure builder runs its builders' middleware.
   */
  private exportLinkOf(name: string, value: TSESTree.Node): ChainLink {
    if (value.type === AST_NODE_TYPES.CallExpression && isProcedureRouterCall(value)) return { node: value, ranges: [value.range] };
    // A permission layer runs nothing by itself: each field runs the rules of its member (see recordMembers).
    if (layerGatesOf(this.sourceCode, value)) return { node: value, ranges: [] };
    return (PROCEDURE_ROUTES.builders.has(name) ? this.procedureBuilderLink(value) : undefined) ?? this.linkOf(value);
  }

  /** `module.exports = [{ method, path, handler }, …]`: routes of a server that another file registers them on. */
  private exportRouteTable(name: string, value: TSESTree.Node): void {
    const declared = value.type === AST_NODE_TYPES.Identifier ? declaredValue(this.sourceCode, value) : value;
    const bound = declared?.type === AST_NODE_TYPES.VariableDeclarator && declared.init ? unwrap(declared.init) : declared;
    // `module.exports = (server) => { …; return [{ method, path, handler }, …]; }`: a factory of the table.
    const table = bound && isFunctionNode(bound) ? returnedArray(bound) : bound;
    if (table?.type !== AST_NODE_TYPES.ArrayExpression) return;
    const objects = routeObjectsOf(table);
    const fitting = objects.length > 0 ? EXPORTED_TABLE_SHAPES.filter((candidate) => objects.every((object) => routeObjectMatches(object, candidate))) : [];
    // `path` is hapi's key and an alias in Fastify, whose own is `url`: the key every entry uses says which it is.
    const shape = fitting.find((candidate) => objects.every((object) => propertyValue(object, candidate.pathKeys[0]!) !== undefined)) ?? fitting[0];
    if (!shape) return;
    const receiver = this.receiverByKey(`table:${name}`, shape.framework, true, false);
    receiver.exportedAs = name;
    for (const object of objects) this.addRouteObject(receiver, object, [shape], object);
  }

  // ---- links ----------------------------------------------------------------------------------------

  /** A chain link for an expression: what it runs in this file, or the relative import it comes from. */
  private linkOf(node: TSESTree.Node): ChainLink {
    // `jwt({ … }).unless({ path: ['/login'] })`: the wrapped middleware, skipped on those paths.
    const wrapper = skipWrapperOf({ sourceCode: this.sourceCode, filename: this.filename }, node);
    if (wrapper) {
      const inner = this.linkOf(wrapper.wrapped);
      return { ...inner, node, skips: [...(inner.skips ?? []), ...wrapper.tests] };
    }
    const link = this.runLinkOf(node);
    if (link.imported) return link;
    const skips = linkSkipsOf({ sourceCode: this.sourceCode, filename: this.filename }, node);
    const unmodelled = this.unmodelledAuthentication(node);
    return { ...link, ...(skips.length > 0 ? { skips } : {}), ...(unmodelled ? { unmodelled } : {}) };
  }

  /**
   * `gatewayAuth({ audience })` or `verifySession` imported from a package no model describes: middleware whose name
   * says it authenticates, in code ClaimGuard cannot read. A relative import, a Node built-in or a modelled package is none.
   */
  private unmodelledAuthentication(node: TSESTree.Node): ChainLink['unmodelled'] {
    const bare = unwrap(node);
    const callee = bare.type === AST_NODE_TYPES.CallExpression ? unwrap(bare.callee) : bare;
    const name = callee.type === AST_NODE_TYPES.Identifier ? callee.name : callee.type === AST_NODE_TYPES.MemberExpression ? memberName(callee) : undefined;
    if (name === undefined || !readsAsAuthentication(name)) return undefined;
    const module = calleePackageOf(this.sourceCode, callee);
    if (module === undefined || module.startsWith('node:') || isProjectSpecifier(this.filename, module) || isModelledPackage(module)) return undefined;
    return { name, module };
  }

  private runLinkOf(node: TSESTree.Node): ChainLink {
    const ref = this.importOf(node);
    if (ref) return { node, ranges: [node.range], imported: ref };
    const roots: Range[] = [node.range];
    const bare = unwrap(node);
    if (bare.type === AST_NODE_TYPES.Identifier) {
      const declaration = declaredValue(this.sourceCode, bare);
      if (declaration) roots.push(declaration.range);
    } else if (bare.type === AST_NODE_TYPES.CallExpression && combinedParts(this.sourceCode, bare)) {
      // `export const isAdmin = combineResolvers(isAuthenticated, …)`: what another file's use of it runs.
      for (const part of combinedParts(this.sourceCode, bare)!) {
        const partBare = unwrap(part);
        const declaration = partBare.type === AST_NODE_TYPES.Identifier ? declaredValue(this.sourceCode, partBare) : undefined;
        if (declaration) roots.push(declaration.range);
      }
    } else if (bare.type === AST_NODE_TYPES.CallExpression) {
      // A middleware factory (`requireRole('admin')`): the factory's body holds the middleware. A strategy marker on a
      // project module that re-exports passport is still the marker, read here.
      const callee = unwrap(bare.callee);
      const calleeRef = isStrategyMarker(bare) ? undefined : this.importOf(callee);
      if (calleeRef) return { node, ranges: [node.range], imported: calleeRef };
      if (callee.type === AST_NODE_TYPES.Identifier) {
        const declaration = declaredValue(this.sourceCode, callee);
        if (declaration) roots.push(declaration.range);
      }
    } else if (bare.type === AST_NODE_TYPES.MemberExpression) {
      const decorated = this.decorationRoots(bare);
      // `fastify.authenticate` decorated by a plugin in another file (fastify-plugin shares it with the whole app).
      const name = memberName(bare);
      if (decorated.length === 0 && name && this.isFastifyInstance(bare.object)) {
        return { node, ranges: [node.range], decoration: name };
      }
      roots.push(...decorated);
    } else if (bare.type === AST_NODE_TYPES.NewExpression && bare.callee.type === AST_NODE_TYPES.Identifier) {
      const calleeRef = this.importOf(bare.callee);
      if (calleeRef) return { node, ranges: [node.range], imported: calleeRef };
      const declaration = declaredValue(this.sourceCode, bare.callee);
      if (declaration) roots.push(declaration.range);
    }
    return { node, ranges: this.expand(roots) };
  }

  /**
   * What `fastify.name` runs when `decorate('name', value)` set it. Followed in a loop with a seen set, not by
   * recursion: `decorate('a', fastify.a)`, or names decorated with each other, would otherwise never end.
   */
  private decorationRoots(member: TSESTree.MemberExpression): Range[] {
    const roots: Range[] = [];
    const seen = new Set<TSESTree.Node>();
    let current = this.decorated.get(memberName(member) ?? '');
    while (current && !seen.has(current)) {
      seen.add(current);
      const bare = unwrap(current);
      const next = bare.type === AST_NODE_TYPES.MemberExpression && !this.importOf(current) ? this.decorated.get(memberName(bare) ?? '') : undefined;
      if (!next) {
        roots.push(...this.linkOf(current).ranges);
        break;
      }
      roots.push(current.range);
      current = next;
    }
    return roots;
  }

  /** A Fastify instance of this file (a plugin's first parameter, `Fastify()`), whose decorators plugins register. */
  private isFastifyInstance(node: TSESTree.Node): boolean {
    const bare = unwrap(node);
    if (bare.type !== AST_NODE_TYPES.Identifier || this.importOf(bare)) return false;
    const framework = this.receiverOf(bare)?.receiver.framework;
    return framework !== undefined && ROUTING.decoratingFrameworks.has(framework);
  }


  private localFunction(node: TSESTree.Node): TSESTree.FunctionLike | undefined {
    if (node.type !== AST_NODE_TYPES.Identifier) return undefined;
    const declaration = declaredValue(this.sourceCode, node);
    return declaration && isFunctionNode(declaration) ? declaration : undefined;
  }

  /** The project module an identifier (or `ns.member`) is imported from; package imports are not "unknown". */
  private importOf(node: TSESTree.Node): ImportRef | undefined {
    return importRefOf(this.sourceCode, this.filename, node);
  }

  /** Adds the same-file functions that code in `roots` calls, a few calls deep. */
  private expand(roots: readonly Range[]): Range[] {
    const ranges: Range[] = [...roots];
    const seen = new Set(roots.map(([start]) => start));
    let frontier = [...roots];
    for (let depth = 0; depth < MAX_CALL_DEPTH && frontier.length > 0; depth++) {
      const next: Range[] = [];
      for (const range of frontier) {
        for (const called of this.calledIn(range)) {
          if (seen.has(called.range[0])) continue;
          if (!this.expansions.allow(() => functionNameOf(called), called)) return ranges;
          seen.add(called.range[0]);
          ranges.push(called.range);
          next.push(called.range);
        }
      }
      frontier = next;
    }
    return ranges;
  }

  /**
   * The same-file functions the code in a range calls by name, each once, and the factory calls that made the
   * functions it calls. Worked out once per range: routes that share a helper look up its calls once, not once
   * per route.
   */
  private calledIn(range: Range): readonly CalledCode[] {
    const key = `${range[0]}:${range[1]}`;
    let called = this.calledCache.get(key);
    if (!called) {
      const found = new Map<number, CalledCode>();
      // `this.verifyAccess(reply, 'admin')`, `request.isAdmin(reply)`: a method this file decorates the instances with.
      if (this.decorated.size > 0) {
        for (const call of this.callsWithin(range, this.sortedMemberCalls)) {
          const decorated = this.decoratedCode(memberName(unwrap(call.callee) as TSESTree.MemberExpression));
          if (decorated && !found.has(decorated.range[0])) found.set(decorated.range[0], decorated);
        }
      }
      for (const call of this.callsWithin(range)) {
        const callee = unwrap(call.callee);
        if (callee.type !== AST_NODE_TYPES.Identifier) continue;
        const declaration = declaredValue(this.sourceCode, callee);
        const code = declaration && (isFunctionNode(declaration) || declaration.type === AST_NODE_TYPES.CallExpression) ? declaration : undefined;
        if (code && !found.has(code.range[0])) found.set(code.range[0], code);
      }
      // A factory that gives back a function of this file by name (`const makeRemove = () => removeReport`): what it makes runs.
      for (const name of this.callsWithin(range, this.returnedNames)) {
        const declaration = declaredValue(this.sourceCode, name);
        if (declaration && isFunctionNode(declaration) && !found.has(declaration.range[0])) found.set(declaration.range[0], declaration);
      }
      // `this.verify(token)` and `AuthHelper.extractUser(token)`: a method of a class of this file runs here too.
      for (const call of this.methodKeys.size > 0 ? this.callsWithin(range, this.sortedMemberCalls) : []) {
        const method = this.ownMethodOf(unwrap(call.callee) as TSESTree.MemberExpression, call);
        if (method && !found.has(method.range[0])) found.set(method.range[0], method);
      }
      called = [...found.values()];
      this.calledCache.set(key, called);
    }
    return called;
  }

  /**
   * The method a member call runs when its class is in this file: `this.name()` in a class that declares `name` (a
   * static one from a static method), or `Name.method()` on a class `Name` declared here (a static method).
   */
  private ownMethodOf(callee: TSESTree.MemberExpression, call: TSESTree.CallExpression): TSESTree.FunctionExpression | undefined {
    const name = memberName(callee);
    const object = unwrap(callee.object);
    const isStatic = object.type !== AST_NODE_TYPES.ThisExpression || inStaticMethod(call);
    // Most member calls (`res.json()`, `db.find()`) name no method of this file's classes: nothing to look up.
    if (name === undefined || !this.methodKeys.has(methodKey(isStatic, name))) return undefined;
    const owner =
      object.type === AST_NODE_TYPES.ThisExpression
        ? enclosingClass(call)
        : object.type === AST_NODE_TYPES.Identifier
          ? declaredValue(this.sourceCode, object)
          : undefined;
    if (owner?.type !== AST_NODE_TYPES.ClassDeclaration && owner?.type !== AST_NODE_TYPES.ClassExpression) return undefined;
    for (const member of owner.body.body) {
      if (member.type !== AST_NODE_TYPES.MethodDefinition || member.static !== isStatic || member.kind !== 'method' || member.value.type !== AST_NODE_TYPES.FunctionExpression) continue;
      if (!member.computed && member.key.type === AST_NODE_TYPES.Identifier && member.key.name === name) return member.value;
    }
    return undefined;
  }

  /** The nodes of a source-ordered list (plain calls by default) inside a range; a binary search finds the first. */
  private callsWithin<T extends TSESTree.Node = TSESTree.CallExpression>([start, end]: Range, calls: readonly T[] = this.sortedCalls as unknown as readonly T[]): T[] {
    let low = 0;
    let high = calls.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (calls[mid]!.range[0] < start) low = mid + 1;
      else high = mid;
    }
    const found: T[] = [];
    for (let i = low; i < calls.length && calls[i]!.range[0] < end; i++) found.push(calls[i]!);
    return found;
  }

  // ---- final assembly -------------------------------------------------------------------------------

  /**
   * An external mount as seen from the outermost router of this file: `api.use(users)` where `api` is itself
   * mounted with `router.use('/api', api.routes())` mounts `users` under `/api` of `router`, after `router`'s own
   * middleware. The mount names the outermost router's export, so the project index can follow it further up.
   */
  private liftMount(mount: ExternalMount): ExternalMount {
    const receiver = this.mountReceivers.get(mount);
    if (!receiver) return mount;
    const parents = this.parentMounts();
    let prefix = joinPaths(receiver.prefix, mount.prefix);
    let chain = [...mount.chain];
    let current = receiver;
    const seen = new Set<Receiver>([current]);
    for (let step = parents.get(current); step && !seen.has(step.parent); step = parents.get(current)) {
      const uses = step.parent.uses.covering(step.mount.prefix || '/', step.mount.order, mount.node);
      chain = [...uses.flatMap((use) => use.links), ...step.mount.chain, ...chain];
      prefix = joinPaths(step.parent.prefix, step.mount.prefix, prefix);
      current = step.parent;
      seen.add(current);
    }
    const lifted: ExternalMount = { ...mount, prefix: prefix === '/' && !mount.prefix ? '' : prefix, chain };
    return current.exportedAs !== undefined ? { ...lifted, mountedOn: current.exportedAs } : lifted;
  }

  /** The router each router of this file is mounted on, and that mount; worked out once, after every registration. */
  private parentMounts(): Map<Receiver, { parent: Receiver; mount: Mount }> {
    if (!this.parents) {
      this.parents = new Map();
      for (const parent of this.receivers.values()) for (const child of parent.mounts) this.parents.set(child.child, { parent, mount: child });
    }
    return this.parents;
  }

  /** Routes of every receiver not mounted in this file, with mounted routers' routes under their prefixes. */
  private flattenReceivers(): Route[] {
    const routes: Route[] = [];
    for (const receiver of this.receivers.values()) {
      if (receiver.mountedInFile) continue;
      const mountedElsewhere = receiver.mountable && !receiver.served && (receiver.exportedAs !== undefined || receiver.fromParameter);
      this.routesOf(receiver, receiver.prefix, [], mountedElsewhere, receiver.exportedAs, routes, new Set());
    }
    return routes;
  }

  /** The rules a field runs first: this file's, and for an imported layer the member of it that names the field. */
  private gateLinks(gates: LayerGates, operation: string): ChainLink[] {
    const links = gatesFor(gates.rules, operation).map((rule) => this.linkOf(rule));
    const [key, ...alternatives] = gateKeysFor(operation);
    if (key === undefined) return links;
    for (const { ref, node } of gates.imported) {
      links.push({ node, ranges: [node.range], imported: { ...ref, path: [...(ref.path ?? []), key], memberAlternatives: alternatives } });
    }
    return links;
  }

  private routesOf(
    receiver: Receiver,
    prefix: string,
    inherited: readonly ChainLink[],
    mountedElsewhere: boolean,
    exportedAs: string | undefined,
    out: Route[],
    visiting: Set<Receiver>,
    gates?: LayerGates,
  ): void {
    if (visiting.has(receiver)) return;
    visiting.add(receiver);
    for (const route of receiver.routes) {
      const path = joinPaths(prefix, route.path);
      const uses = receiver.uses.covering(route.path, route.order, route.node).flatMap((use) => use.links);
      const defaults = route.auth === 'default' ? receiver.defaultAuth.filter((set) => set.order < route.order).map((set) => set.link) : [];
      const rules = gates && route.operation !== undefined ? this.gateLinks(gates, route.operation) : [];
      const parameters = pathParameterNames(route.path);
      const loaders = receiver.paramLoaders.filter((loader) => parameters.includes(loader.name)).flatMap((loader) => loader.links);
      out.push({
        framework: receiver.framework,
        method: route.method,
        path,
        node: route.node,
        chain: [...inherited, ...uses, ...defaults, ...rules, ...loaders, ...route.links],
        mountedElsewhere,
        ...(exportedAs !== undefined ? { exportedAs } : {}),
        ...(route.auth === 'default' && defaults.length === 0 ? { usesDefaultAuth: true } : {}),
        ...(route.operation !== undefined ? { operation: route.operation } : {}),
        ...(route.operationSchema ? { operationSchema: route.operationSchema } : {}),
      });
    }
    for (const mount of receiver.mounts) {
      const uses = receiver.uses.covering(mount.prefix || '/', mount.order, mount.node).flatMap((use) => use.links);
      const childPrefix = joinPaths(prefix, mount.prefix, mount.child.prefix);
      this.routesOf(mount.child, childPrefix, [...inherited, ...uses, ...mount.chain], mountedElsewhere, exportedAs, out, visiting, mergeGates(gates, mount.gates));
    }
    visiting.delete(receiver);
  }
}

// ---- helpers ----------------------------------------------------------------------------------------


/** `app.setGlobalPrefix('api', { exclude: ['health', { path: 'status', method: RequestMethod.GET }] })`. */
function nestGlobalPrefix(call: TSESTree.CallExpression): NestGlobalPrefix | undefined {
  const prefix = staticString(call.arguments[0]);
  if (prefix === undefined) return undefined;
  const options = call.arguments[1] && unwrap(call.arguments[1]);
  const exclude = options?.type === AST_NODE_TYPES.ObjectExpression ? propertyValue(options, 'exclude') : undefined;
  const entries = exclude && unwrap(exclude).type === AST_NODE_TYPES.ArrayExpression ? (unwrap(exclude) as TSESTree.ArrayExpression).elements : [];
  const excludes = entries.flatMap((entry) => {
    if (!entry || entry.type === AST_NODE_TYPES.SpreadElement) return [];
    const bare = unwrap(entry);
    const path = bare.type === AST_NODE_TYPES.ObjectExpression ? staticString(propertyValue(bare, 'path')) : staticString(bare);
    return path === undefined ? [] : [path];
  });
  return { prefix, excludes };
}

/** `auth: { mode: 'try', strategy: 'jwt' }`: where the credentials are when the setting makes them optional. */
function optionalAuthOf(setting: TSESTree.Node, shape: RouteObjectShape): { restores: string } | Record<string, never> {
  const optional = shape.optionalAuth;
  if (!optional || setting.type !== AST_NODE_TYPES.ObjectExpression) return {};
  const mode = staticString(propertyValue(setting, optional.key));
  return mode !== undefined && optional.values.includes(mode) ? { restores: optional.claimsPath } : {};
}

/** The array literal a function returns: its expression body, or the argument of a return at the top of its body. */
function returnedArray(fn: TSESTree.FunctionLike): TSESTree.ArrayExpression | undefined {
  const body = 'body' in fn ? fn.body : undefined;
  if (!body) return undefined;
  if (body.type !== AST_NODE_TYPES.BlockStatement) return unwrap(body).type === AST_NODE_TYPES.ArrayExpression ? (unwrap(body) as TSESTree.ArrayExpression) : undefined;
  for (const statement of body.body) {
    if (statement.type !== AST_NODE_TYPES.ReturnStatement || !statement.argument) continue;
    const returned = unwrap(statement.argument);
    if (returned.type === AST_NODE_TYPES.ArrayExpression) return returned;
  }
  return undefined;
}

/** A module's whole export: a name bound to an import, or `require('./x')` inline. */
function isModuleValue(node: TSESTree.Node): boolean {
  const bare = unwrap(node);
  return bare.type === AST_NODE_TYPES.Identifier || (bare.type === AST_NODE_TYPES.CallExpression && calleeIsRequire(bare));
}

/** What a framework factory call creates: `express()`, `express.Router()`, `new Router()`, `Fastify()`, `new Hono()`. */
function instanceKind(node: TSESTree.Node): { framework: Framework; mountable: boolean; prefix: string } | undefined {
  let call = node;
  let prefix = '';
  // Hono's `new Hono().basePath('/api')`.
  if (call.type === AST_NODE_TYPES.CallExpression) {
    const callee = unwrap(call.callee);
    if (callee.type === AST_NODE_TYPES.MemberExpression && ROUTING.basePathMethods.has(memberName(callee) ?? '')) {
      prefix = staticString(call.arguments[0]) ?? '';
      call = unwrap(callee.object);
    }
  }
  if (call.type !== AST_NODE_TYPES.CallExpression && call.type !== AST_NODE_TYPES.NewExpression) return undefined;
  const name = factoryName(unwrap(call.callee));
  if (!name) return undefined;
  const constructed = call.type === AST_NODE_TYPES.NewExpression;
  // A factory that is a framework's only when constructed (`new Router()`) wins over one that is not (`Router()`).
  const factory =
    ROUTING.factories.find((candidate) => candidate.name === name && candidate.withNew && constructed) ??
    ROUTING.factories.find((candidate) => candidate.name === name && !candidate.withNew);
  if (!factory) return undefined;
  const options = call.arguments[0] && unwrap(call.arguments[0]);
  if (factory.prefixOption && options?.type === AST_NODE_TYPES.ObjectExpression) prefix = staticString(propertyValue(options, factory.prefixOption)) ?? '';
  // Hono apps are mounted with `app.route()`; those served where they are built are marked in `markServedApps`.
  return { framework: factory.framework, mountable: factory.mountable, prefix };
}

/**
 * The name a factory call goes by: the callee's name or last member, or for a module required and called at once
 * (`require('fastify')({ logger: true })`, the way many projects start), the module's name.
 */
function factoryName(callee: TSESTree.Node): string | undefined {
  if (callee.type === AST_NODE_TYPES.Identifier) return callee.name;
  if (callee.type === AST_NODE_TYPES.MemberExpression) return memberName(callee);
  const required = requiredModule(callee);
  return required && !required.member ? required.module : undefined;
}

/** Builder methods that return the instance they are called on. */
function returnsInstance(call: TSESTree.CallExpression): boolean {
  const callee = unwrap(call.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
  const name = memberName(callee);
  if (!name) return false;
  // Express's one-argument `route('/x')` returns a route builder; Hono's `route('/x', sub)` returns the app.
  return HTTP_METHODS.has(name) || ROUTING.middlewareMethods.has(name) || ROUTING.hookMethods.has(name) || (ROUTING.mountMethods.has(name) && call.arguments.length > 1);
}

/** The factory call a builder chain starts from: `new Hono()` in `new Hono().get(…).post(…)`. */
function chainRoot(node: TSESTree.Node): TSESTree.Node {
  let current = unwrap(node);
  while (current.type === AST_NODE_TYPES.CallExpression && returnsInstance(current)) {
    current = unwrap((unwrap(current.callee) as TSESTree.MemberExpression).object);
  }
  return current;
}

/** The outermost call of the builder chain a factory call starts. */
function chainTop(node: TSESTree.Node): TSESTree.Node {
  let current = node;
  for (;;) {
    const member = current.parent;
    const call = member?.parent;
    if (member?.type !== AST_NODE_TYPES.MemberExpression || member.object !== current || call?.type !== AST_NODE_TYPES.CallExpression || call.callee !== member || !returnsInstance(call)) {
      return current;
    }
    current = call;
  }
}

/** `req`, `c`, `c.req`, `req.headers.authorization`: the request handed to an authenticator. */
function isRequestArgument(arg: TSESTree.CallExpressionArgument): boolean {
  const root = arg.type === AST_NODE_TYPES.SpreadElement ? undefined : unwrap(arg);
  if (root?.type === AST_NODE_TYPES.Identifier) return REQUEST_ARGUMENT.test(root.name);
  if (root?.type !== AST_NODE_TYPES.MemberExpression) return false;
  // The request or its credentials (`c.req`, `req.headers.authorization`), not a body field such as a password.
  const [first, ...rest] = (dottedPath(root) ?? '').split('.');
  return !!first && REQUEST_ARGUMENT.test(first) && rest.every((part) => REQUEST_PARTS.test(part));
}

function isPublicDecorator(decorator: TSESTree.Decorator, model: DecoratorModel): boolean {
  const name = decoratorCall(decorator)?.name;
  return !!name && !!model.publicMarkers?.includes(name);
}

/** One `forRoutes`/`exclude` argument: a controller class, a path, or `{ path, method: RequestMethod.GET }`. */
function nestTarget(arg: TSESTree.CallExpressionArgument): NestRouteTarget | undefined {
  if (arg.type === AST_NODE_TYPES.SpreadElement) return undefined;
  const bare = unwrap(arg);
  if (bare.type === AST_NODE_TYPES.Identifier) return { controller: bare.name };
  const path = staticString(bare);
  if (path !== undefined) return { path };
  if (bare.type !== AST_NODE_TYPES.ObjectExpression) return undefined;
  const routePath = staticString(propertyValue(bare, 'path'));
  if (routePath === undefined) return undefined;
  const method = propertyValue(bare, 'method');
  const methodName = method && unwrap(method).type === AST_NODE_TYPES.MemberExpression ? memberName(unwrap(method) as TSESTree.MemberExpression) : undefined;
  return { path: routePath, ...(methodName && methodName !== 'ALL' ? { method: methodName.toUpperCase() } : {}) };
}

/** Whether a module's `forRoutes` target selects a controller route. Nest matches paths whole, with `*` and `:param`. */
export function nestTargetCovers(target: NestRouteTarget, route: Pick<Route, 'method' | 'path' | 'controller'>): boolean {
  if (target.controller !== undefined) return target.controller === route.controller;
  if (target.method !== undefined && target.method !== route.method && route.method !== 'ALL') return false;
  return matches(cachedPattern('whole', joinPaths(target.path ?? '')), route.path);
}

/**
 * The framework of an instance handed to a plugin, by what the code does with it rather than by its name: its type
 * (`app: FastifyInstance`), a hook method only one framework has (`app.addHook(…)`), or a route whose options hold
 * that framework's hooks (`app.get('/me', { onRequest: [app.authenticate] }, …)`). Undefined when nothing says.
 */
function parameterFramework(sourceCode: TSESLint.SourceCode, binding: TSESTree.Identifier, variable: TSESLint.Scope.Variable): Framework | undefined {
  const typeAnnotation = typeScriptOnly(binding, 'typeAnnotation');
  const annotation = typeAnnotation ? sourceCode.getText(typeAnnotation) : '';
  const typed = annotation ? ROUTING.guessNames.find((guess) => annotation.toLowerCase().includes(guess.word))?.framework : undefined;
  if (typed) return typed;
  for (const reference of variable.references.slice(0, MAX_PARAMETER_USES)) {
    const member = reference.identifier.parent;
    const call = member?.parent;
    if (member?.type !== AST_NODE_TYPES.MemberExpression || member.object !== reference.identifier || call?.type !== AST_NODE_TYPES.CallExpression || call.callee !== member) continue;
    const method = memberName(member);
    if (!method) continue;
    const hooked = ROUTING.hookMethods.get(method)?.framework;
    if (hooked) return hooked;
    const options = HTTP_METHODS.has(method) ? call.arguments[1] : undefined;
    const keys = options ? objectKeys(unwrap(options)) : [];
    const routeOptions = keys.length > 0 ? ROUTING.routeObjects.find((shape) => (shape.hookKeys ?? []).some((hook) => keys.includes(hook))) : undefined;
    if (routeOptions) return routeOptions.framework;
  }
  return undefined;
}

/**
 * The scopes an authentication setting requires, by its scope keys: a string or a list of them, also in a list of
 * access rules (`access: [{ scope: ['+admin'] }]`).
 */
function requiredScopesOf(setting: TSESTree.ObjectExpression, keys: readonly string[]): string[] {
  const found: string[] = [];
  for (const key of keys) {
    const [head, ...rest] = key.split('.');
    const first = propertyValue(setting, head!);
    const holders: (TSESTree.Node | null)[] = [];
    if (first && rest.length > 0) {
      const bareFirst = unwrap(first);
      holders.push(...(bareFirst.type === AST_NODE_TYPES.ArrayExpression ? bareFirst.elements : [bareFirst]));
    }
    const values = rest.length === 0 ? [first] : holders.map((holder) => (holder?.type === AST_NODE_TYPES.ObjectExpression ? propertyValue(holder, rest.join('.')) : undefined));
    for (const value of values) {
      const bare = value ? unwrap(value) : undefined;
      const items = bare?.type === AST_NODE_TYPES.ArrayExpression ? bare.elements : bare ? [bare] : [];
      for (const item of items) {
        const scope = item && item.type !== AST_NODE_TYPES.SpreadElement ? staticString(item) : undefined;
        if (scope) found.push(scope);
      }
    }
  }
  return found;
}

const PARAM_LOADER_METHODS: ReadonlySet<string> = new Set(ROUTING.paramLoaders.map((loader) => loader.method));

/** `/:id/items/:itemId` → `['id', 'itemId']`. */
function pathParameterNames(path: string): string[] {
  return path.split('/').flatMap((segment) => (segment.startsWith(':') ? [segment.slice(1).replace(/[?*+]$/, '')] : []));
}

/** How many uses of a plugin's instance parameter are looked at for its framework: the first registrations say it. */
const MAX_PARAMETER_USES = 64;

/** The framework a receiver's name suggests when nothing else says (`fastify`, `instance`); Express otherwise. */
function guessFramework(text: string): Framework {
  const lower = text.toLowerCase();
  return ROUTING.guessNames.find((guess) => lower.includes(guess.word))?.framework ?? DEFAULT_FRAMEWORK;
}

/** An imported name that reads like a router (`usersRoutes`, `apiApp`): `use` of it mounts rather than runs it. */
function readsLikeMount(name: string): boolean {
  const lower = name.toLowerCase();
  return ROUTING.mountNames.some((word) => lower.includes(word));
}

/** `app/(shop)/users/[id]/route.ts` → `/(shop)/users/[id]` for folder `app` and base name `route`; undefined for other files. */
function routeFileDirectories(file: string, folder: string, baseName: string): string | undefined {
  const segments = file.split('/');
  const base = segments[segments.length - 1] ?? '';
  const match = /^([^.]+)\.[cm]?[jt]sx?$/.exec(base);
  if (!match || match[1] !== baseName) return undefined;
  const at = segments.indexOf(folder);
  if (at < 0 || at >= segments.length - 1) return undefined;
  return segments.slice(at + 1, -1).map((segment) => `/${segment}`).join('');
}

/** `middleware.ts` at a project's root or in `src/`, not inside the route folder. */
function isMiddlewareFile(file: string, baseName: string, routeFolder: string | undefined): boolean {
  const segments = file.split('/');
  const match = /^([^.]+)\.[cm]?[jt]s$/.exec(segments[segments.length - 1] ?? '');
  return !!match && match[1] === baseName && !(routeFolder !== undefined && file.includes(`/${routeFolder}/`));
}

/** A handler's first parameter as an event: named like one, typed as one, or destructured without a type. */
function takesEvent(param: TSESTree.Parameter, handlers: (typeof VOCABULARY.request.eventHandlers)[number]): boolean {
  const bare = param.type === AST_NODE_TYPES.AssignmentPattern ? param.left : param;
  const typeName = annotatedTypeName(param);
  if (typeName !== undefined) return handlers.types.hasType(typeName);
  if (bare.type === AST_NODE_TYPES.Identifier) return handlers.names.has(bare.name);
  return bare.type === AST_NODE_TYPES.ObjectPattern;
}

/** `src/handlers/getInvoice.handler`: the file, relative to its project and without its extension, and the export. */
function handlerReference(filename: string, exportName: string): string {
  if (!filename) return exportName;
  const relative = path.relative(findProjectRoot(filename), path.resolve(filename)).split(path.sep).join('/');
  const dot = relative.lastIndexOf('.');
  return `${dot > relative.lastIndexOf('/') ? relative.slice(0, dot) : relative}.${exportName}`;
}

/** `x.requestContext.authorizer.claims` for the path `['requestContext', 'authorizer', 'claims']`, through `!` and `?.`. */
function memberPathEndsWith(node: TSESTree.MemberExpression, memberPath: readonly string[]): boolean {
  let current: TSESTree.Node = node;
  for (let at = memberPath.length - 1; at >= 0; at--) {
    if (current.type !== AST_NODE_TYPES.MemberExpression || memberName(current) !== memberPath[at]) return false;
    current = unwrap(current.object);
  }
  return true;
}

/** The route objects a `route()` argument holds: the object itself, or the objects of an array. */
function routeObjectsOf(node: TSESTree.Node): TSESTree.ObjectExpression[] {
  if (node.type === AST_NODE_TYPES.ObjectExpression) return [node];
  if (node.type !== AST_NODE_TYPES.ArrayExpression) return [];
  return node.elements.flatMap((element) => (element && unwrap(element).type === AST_NODE_TYPES.ObjectExpression ? [unwrap(element) as TSESTree.ObjectExpression] : []));
}

/** An object with a shape's method or path key and one of its handler keys. */
function routeObjectMatches(object: TSESTree.ObjectExpression, shape: RouteObjectShape): boolean {
  return shape.pathKeys.some((key) => propertyValue(object, key) !== undefined) && shape.handlerKeys.some((key) => propertyAt(object, key) !== undefined);
}

/**
 * The shape a route object is written in: the receiver's framework's when it has one, otherwise the shape whose
 * first path key the object uses (`url` is Fastify's, `path` hapi's), otherwise any that fits.
 */
function pickRouteObjectShape<T extends RouteObjectShape>(object: TSESTree.ObjectExpression, shapes: readonly (T & { framework?: Framework })[], framework: Framework): T | undefined {
  const fitting = shapes.filter((shape) => routeObjectMatches(object, shape));
  return (
    fitting.find((shape) => shape.framework === framework) ??
    fitting.find((shape) => propertyValue(object, shape.pathKeys[0]!) !== undefined) ??
    fitting[0]
  );
}

/** A property by dotted path (`options.handler`) through nested object literals. */
function propertyAt(object: TSESTree.ObjectExpression, path: string): TSESTree.Node | undefined {
  let current: TSESTree.Node = object;
  for (const key of path.split('.')) {
    if (current.type !== AST_NODE_TYPES.ObjectExpression) return undefined;
    const value = propertyValue(current, key);
    if (value === undefined) return undefined;
    current = unwrap(value);
  }
  return current;
}

/** The strategies an authentication setting names: `'jwt'`, `{ strategy: 'jwt' }`, `{ strategies: ['jwt'] }`. */
function strategyNamesOf(node: TSESTree.Node | undefined): string[] {
  if (!node) return [];
  const name = staticString(node);
  if (name !== undefined) return [name];
  if (node.type !== AST_NODE_TYPES.ObjectExpression) return [];
  const single = staticString(propertyValue(node, 'strategy'));
  const many = propertyValue(node, 'strategies');
  const listed = many && unwrap(many).type === AST_NODE_TYPES.ArrayExpression ? (unwrap(many) as TSESTree.ArrayExpression).elements.map((element) => (element ? staticString(element) : undefined)) : [];
  return [single, ...listed].filter((strategy): strategy is string => strategy !== undefined);
}

/** `server` in `server.auth.default(…)` for the path `['auth', 'default']`: the object the member path hangs on. */
function receiverNodeOf(callee: TSESTree.MemberExpression, path: readonly string[]): TSESTree.Node | undefined {
  let current: TSESTree.Node = callee;
  for (let at = path.length - 1; at >= 0; at--) {
    if (current.type !== AST_NODE_TYPES.MemberExpression || memberName(current) !== path[at]) return undefined;
    current = unwrap(current.object);
  }
  return current;
}

function isTrueLiteral(node: TSESTree.Node | undefined): boolean {
  const bare = node ? unwrap(node) : undefined;
  return bare?.type === AST_NODE_TYPES.Literal && bare.value === true;
}

/**
 * `path.join(__dirname, 'routes')`, `join(import.meta.dirname, 'plugins', 'app')`, `path.resolve(__dirname, '../routes')`:
 * the folder, relative to the file's own folder, with `/` separators. Anything else is a folder the code computes.
 */
function folderBesideFile(node: TSESTree.Node): string | undefined {
  const call = unwrap(node);
  if (call.type !== AST_NODE_TYPES.CallExpression) return undefined;
  const callee = unwrap(call.callee);
  const name = callee.type === AST_NODE_TYPES.Identifier ? callee.name : callee.type === AST_NODE_TYPES.MemberExpression ? memberName(callee) : undefined;
  const [base, ...rest] = call.arguments;
  if ((name !== 'join' && name !== 'resolve') || !base || !isOwnFolder(base)) return undefined;
  const parts = rest.map((part) => (part.type === AST_NODE_TYPES.SpreadElement ? undefined : staticString(part)));
  if (parts.some((part) => part === undefined)) return undefined;
  const segments: string[] = [];
  for (const segment of parts.join('/').split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..' && segments.length > 0 && segments[segments.length - 1] !== '..') segments.pop();
    else segments.push(segment);
  }
  return segments.join('/');
}

/** `__dirname` or `import.meta.dirname`. */
function isOwnFolder(node: TSESTree.Node): boolean {
  const bare = unwrap(node);
  if (bare.type === AST_NODE_TYPES.Identifier) return bare.name === '__dirname';
  return bare.type === AST_NODE_TYPES.MemberExpression && bare.object.type === AST_NODE_TYPES.MetaProperty && memberName(bare) === 'dirname';
}


/**
 * The path a registration or mount names: a literal, or a template or constant built on an environment variable
 * (`${API_URL}/users`, see pathTextOf); undefined for anything that is not a path.
 */
function routePathOf(sourceCode: TSESLint.SourceCode, node: TSESTree.Node): string | undefined {
  const bare = unwrap(node);
  if (bare.type === AST_NODE_TYPES.ArrayExpression) return bare.elements[0] ? routePathOf(sourceCode, bare.elements[0]) : undefined;
  const text = staticString(bare) ?? (bare.type === AST_NODE_TYPES.TemplateLiteral || bare.type === AST_NODE_TYPES.Identifier ? pathTextOf(sourceCode, bare) : undefined);
  return text !== undefined && (/^[/*$]/.test(text) || text === '') ? text : undefined;
}

function fastifyMethods(node: TSESTree.Node | undefined): string[] {
  if (!node) return ['GET'];
  const bare = unwrap(node);
  if (bare.type === AST_NODE_TYPES.ArrayExpression) {
    return bare.elements.map((element) => (element ? staticString(element) : undefined)).filter((m): m is string => !!m).map((m) => m.toUpperCase());
  }
  return [(staticString(bare) ?? 'ALL').toUpperCase()];
}

function decoratorCall(decorator: TSESTree.Decorator): { name: string; args: TSESTree.CallExpressionArgument[] } | undefined {
  const expression = unwrap(decorator.expression);
  if (expression.type === AST_NODE_TYPES.Identifier) return { name: expression.name, args: [] };
  if (expression.type !== AST_NODE_TYPES.CallExpression) return undefined;
  const callee = unwrap(expression.callee);
  if (callee.type !== AST_NODE_TYPES.Identifier) return undefined;
  return { name: callee.name, args: expression.arguments };
}

function findDecorator(decorators: readonly TSESTree.Decorator[], name: string): TSESTree.Decorator | undefined {
  return decorators.find((decorator) => decoratorCall(decorator)?.name === name);
}

function controllerPrefix(decorator: TSESTree.Decorator): string {
  const arg = decoratorCall(decorator)?.args[0];
  if (!arg) return '';
  const bare = unwrap(arg);
  if (bare.type === AST_NODE_TYPES.ObjectExpression) return staticString(propertyValue(bare, 'path')) ?? '';
  return staticString(bare) ?? nestPathList(bare) ?? '';
}

/**
 * The field a resolver method serves: `@Mutation('removeComment')`, `@Query(() => [Post], { name: 'drafts' })`, or
 * the method's own name.
 */
function operationField(args: readonly TSESTree.Node[], member: TSESTree.ClassElement, nameOption: string): string {
  for (const arg of args) {
    const bare = unwrap(arg);
    const named = bare.type === NODE_TYPES.ObjectExpression ? staticString(propertyValue(bare, nameOption)) : staticString(bare);
    if (named !== undefined) return named;
  }
  const key = member.type === NODE_TYPES.MethodDefinition && !member.computed ? member.key : undefined;
  return key?.type === NODE_TYPES.Identifier ? key.name : (key && staticString(key)) ?? '(computed)';
}

function nestPathList(node: TSESTree.Node): string | undefined {
  const bare = unwrap(node);
  return bare.type === AST_NODE_TYPES.ArrayExpression && bare.elements[0] ? staticString(bare.elements[0]) : undefined;
}

/** `app/(shop)/users/[id]/route.ts` → `/users/[id]`: route groups do not appear in URLs. */
function nextPath(directories: string): string {
  const segments = directories.split('/').filter((segment) => segment !== '' && !/^\(.*\)$/.test(segment) && !segment.startsWith('@'));
  return `/${segments.join('/')}`;
}

/** The strings of `export const config = { matcher: … }`; every path when there is none. */
function nextMatchers(exportNodes: readonly TSESTree.Node[]): string[] {
  for (const node of exportNodes) {
    if (node.type !== AST_NODE_TYPES.ExportNamedDeclaration || node.declaration?.type !== AST_NODE_TYPES.VariableDeclaration) continue;
    for (const declarator of node.declaration.declarations) {
      if (declarator.id.type !== AST_NODE_TYPES.Identifier || declarator.id.name !== 'config' || !declarator.init) continue;
      const init = unwrap(declarator.init);
      if (init.type !== AST_NODE_TYPES.ObjectExpression) continue;
      const matcher = propertyValue(init, 'matcher');
      if (!matcher) continue;
      const bare = unwrap(matcher);
      if (bare.type === AST_NODE_TYPES.ArrayExpression) return bare.elements.map((e) => (e ? staticString(e) : undefined)).filter((s): s is string => !!s);
      const single = staticString(bare);
      if (single) return [single];
    }
  }
  return ['/:path*'];
}

/** Whether a Next.js matcher (`/api/:path*`, `/admin/(.*)`) selects a route path; dynamic segments match as any value. */
export function nextMatcherCovers(matcher: string, path: string): boolean {
  return matches(cachedPattern('whole', matcher), path.replace(/\[\.\.\.\w+\]|\[\w+\]/g, 'x'));
}

/**
 * Substitutions for a registration inside a loop over a literal table of routes: `table.forEach((route) => …)`
 * or `for (const route of table)`, where `table` is a same-file array of object literals. Each substitution
 * replaces `route.path` by that entry's `path` value. Outside such a loop, the one identity substitution.
 */
function iterationEntries(call: TSESTree.Node, sourceCode: TSESLint.SourceCode): ((node: TSESTree.Node) => TSESTree.Node)[] {
  const identity = [(node: TSESTree.Node) => node];
  const loop = enclosingIteration(call);
  if (!loop) return identity;
  const variable = findVariable(sourceCode.getScope(loop.table), loop.table.name);
  const def = variable?.defs[0];
  const init = def?.type === 'Variable' && def.node.type === AST_NODE_TYPES.VariableDeclarator && def.node.init ? unwrap(def.node.init) : undefined;
  if (init?.type !== AST_NODE_TYPES.ArrayExpression || init.elements.length === 0 || init.elements.length > 200) return identity;
  const entries: ((node: TSESTree.Node) => TSESTree.Node)[] = [];
  for (const element of init.elements) {
    const object = element && unwrap(element);
    if (object?.type !== AST_NODE_TYPES.ObjectExpression) return identity;
    entries.push((node) => {
      const bare = unwrap(node);
      if (bare.type !== AST_NODE_TYPES.MemberExpression || unwrap(bare.object).type !== AST_NODE_TYPES.Identifier) return node;
      if ((unwrap(bare.object) as TSESTree.Identifier).name !== loop.item) return node;
      const key = memberName(bare);
      return (key !== undefined && propertyValue(object, key)) || node;
    });
  }
  return entries;
}

/** The loop a registration sits in, when it iterates an identifier with a simple item binding. */
function enclosingIteration(node: TSESTree.Node): { table: TSESTree.Identifier; item: string } | undefined {
  for (let current = node.parent, hops = 0; current && hops < 6; current = current.parent, hops++) {
    if (isFunctionNode(current)) {
      const call = current.parent;
      const param = current.params[0];
      if (call?.type !== AST_NODE_TYPES.CallExpression || call.arguments[0] !== current || param?.type !== AST_NODE_TYPES.Identifier) return undefined;
      const callee = unwrap(call.callee);
      if (callee.type !== AST_NODE_TYPES.MemberExpression || memberName(callee) !== 'forEach') return undefined;
      const table = unwrap(callee.object);
      return table.type === AST_NODE_TYPES.Identifier ? { table, item: param.name } : undefined;
    }
    if (current.type === AST_NODE_TYPES.ForOfStatement) {
      const left = current.left;
      const declarator = left.type === AST_NODE_TYPES.VariableDeclaration ? left.declarations[0] : undefined;
      const table = unwrap(current.right);
      if (declarator?.id.type !== AST_NODE_TYPES.Identifier || table.type !== AST_NODE_TYPES.Identifier) return undefined;
      return { table, item: declarator.id.name };
    }
  }
  return undefined;
}

/**
 * The type name of a class member that holds an injected service called `property`: a constructor parameter
 * property (`constructor(private readonly invoices: InvoiceService)`) or a typed field (`invoices: InvoiceService`).
 */
function injectedTypeName(member: TSESTree.ClassElement, property: string): TSESTree.Identifier | undefined {
  const typed = (node: TSESTree.Identifier | TSESTree.PropertyDefinition): TSESTree.Identifier | undefined => {
    const wrapper = typeScriptOnly(node, 'typeAnnotation');
    const annotation = wrapper && typeScriptOnly(wrapper, 'typeAnnotation');
    return annotation?.type === AST_NODE_TYPES.TSTypeReference && annotation.typeName.type === AST_NODE_TYPES.Identifier ? annotation.typeName : undefined;
  };
  if (member.type === AST_NODE_TYPES.PropertyDefinition && !member.computed && member.key.type === AST_NODE_TYPES.Identifier && member.key.name === property) {
    return typed(member);
  }
  if (member.type !== AST_NODE_TYPES.MethodDefinition || member.kind !== 'constructor') return undefined;
  for (const param of member.value.params) {
    if (param.type !== AST_NODE_TYPES.TSParameterProperty) continue;
    const inner = param.parameter;
    if (inner.type === AST_NODE_TYPES.Identifier && inner.name === property) return typed(inner);
  }
  return undefined;
}

/** `router` in `router.routes()` / `router.middleware()`: what a Koa router hands `app.use`. */
function koaRoutesOf(node: TSESTree.Node): TSESTree.Identifier | undefined {
  if (node.type !== AST_NODE_TYPES.CallExpression || node.arguments.length > 0) return undefined;
  const callee = unwrap(node.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
  const name = memberName(callee);
  const object = unwrap(callee.object);
  return name && ROUTING.routerMiddlewareMethods.has(name) && object.type === AST_NODE_TYPES.Identifier ? object : undefined;
}

/** An export or import specifier's name: `x` or `'x'`. */
function nameOf(node: TSESTree.Identifier | TSESTree.StringLiteral): string {
  return node.type === AST_NODE_TYPES.Identifier ? node.name : node.value;
}

/** A receiver key for a value: its variable's when it initializes one, so exports and later uses find it. */
function bindingKey(node: TSESTree.Node): string {
  const top = chainTop(node);
  const declarator = top.parent;
  if (declarator?.type === AST_NODE_TYPES.VariableDeclarator && declarator.init === top && declarator.id.type === AST_NODE_TYPES.Identifier) return `var:${declarator.id.range[0]}`;
  return `node:${node.range[0]}`;
}

/** Rules of two layers on the same fields: the outer layer's run first. */
function mergeGates(outer: LayerGates | undefined, inner: LayerGates | undefined): LayerGates | undefined {
  if (!outer) return inner;
  if (!inner) return outer;
  const rules = new Map(outer.rules);
  for (const [key, list] of inner.rules) rules.set(key, [...(rules.get(key) ?? []), ...list]);
  return { rules, imported: [...outer.imported, ...inner.imported] };
}

function isResolverMap(object: TSESTree.ObjectExpression): boolean {
  return object.properties.some((property) => property.type === AST_NODE_TYPES.Property && RESOLVER_OPERATIONS.has(propertyKeyName(property) ?? ''));
}

function schemaBuilderOf(call: TSESTree.CallExpression | TSESTree.NewExpression): SchemaBuilder | undefined {
  const callee = unwrap(call.callee);
  const name = callee.type === AST_NODE_TYPES.Identifier ? callee.name : callee.type === AST_NODE_TYPES.MemberExpression ? memberName(callee) : undefined;
  return name !== undefined ? RESOLVER_ROUTES.builders.get(name) : undefined;
}

/** `router({ … })`, `t.router({ … })`: a call that makes a procedure router from an object. */
function isProcedureRouterCall(call: TSESTree.CallExpression): boolean {
  const callee = unwrap(call.callee);
  const name = callee.type === AST_NODE_TYPES.Identifier ? callee.name : callee.type === AST_NODE_TYPES.MemberExpression ? memberName(callee) : undefined;
  const table = call.arguments[0];
  return name !== undefined && PROCEDURE_ROUTES.routerFactories.has(name) && table !== undefined && unwrap(table).type === AST_NODE_TYPES.ObjectExpression;
}

/**
 * A procedure route's path as clients call it: the keys of nested routers and of the procedure, which route
 * discovery writes as segments starting with a dot, joined with dots after the adapter's mount path
 * (`/trpc/.post/.feed` is `/trpc/post.feed`).
 */
export function procedurePath(path: string): string {
  let joined = '';
  let inKeys = false;
  for (const segment of path.split('/')) {
    if (segment === '') continue;
    const key = segment.startsWith('.');
    if (key && inKeys) joined += segment;
    else joined += `/${key ? segment.slice(1) : segment}`;
    inKeys ||= key;
  }
  return joined || '/';
}
