/**
 * The shape of a framework model: what a framework (or a platform that calls handlers, such as AWS Lambda) hands
 * the project's code, where verified identity lives on it, and how routes, middleware, guards and hooks are
 * registered. Models are plain data; the analysis reads them through analysis/framework-models.ts and never
 * names a framework itself. Patterns are words, prefixes and suffixes, never regular expressions, so that a
 * model written in settings is matched in linear time like the built-in ones.
 */
import type { SourceKind } from '../analysis/types';

/** The tag a route carries: which framework's rules join it with the rest of the project. */
export type RouteFramework =
  | 'express'
  | 'koa'
  | 'fastify'
  | 'hono'
  | 'nest'
  | 'next'
  | 'http'
  | 'hapi'
  | 'lambda'
  | 'trpc'
  | 'graphql'
  | 'workers'
  | 'routing-controllers'
  | 'inversify'
  | 'tsoa';

/**
 * A name pattern: `'req'` is the name itself; one wildcard stands for the rest of the name: `*` for any word
 * characters (`'*Request'` is `Request` and every name ending in it), `+` for at least one (`'+Router'`), `#` for
 * digits (`'v#'` is `v1`, `v2`…). Qualified type names (`express.Request`) are matched by their last segment.
 */
export type NamePattern = string;

/** What a member of a request object holds. */
export type RequestMember =
  /** A container of caller input: `req.headers`, `request.payload`, `event.pathParameters`; `label` is how messages name it. */
  | { source: SourceKind; label?: string }
  /** The request again, one level down: Koa's `ctx.request`, Hono's `c.req`, a host's `.req`. */
  | { request: true }
  /** Where middleware leaves claims and other per-request state: Express's `res.locals`, Koa's `ctx.state`. */
  | { holder: 'locals' | 'state' }
  /** A server-side session (express-session, koa-session): what it holds the server wrote. */
  | { session: true }
  /** The request URL as a string (`req.url`), or already parsed with its search params (`req.nextUrl`). */
  | { url: 'string' | 'parsed' }
  /** Claims verified-token middleware leaves on the request: `req.auth`, `req.user`. */
  | { verified: true }
  /** Claims a platform verified before the code ran (an API Gateway authorizer); `by` names it in reasons. */
  | { verified: true; by: string }
  /** A context object its builder made (tRPC's `ctx`): its members are what the builder returned; `req` is the request. */
  | { context: true }
  /** A path into the request object whose members are described one level further down. */
  | { members: Readonly<Record<string, RequestMember>> };

/** What a method of a request object returns. */
export type RequestMethod =
  /** One value by name (`req.header('x-role')`), or the whole container when called without one. */
  | { source: SourceKind; alwaysNamed?: boolean }
  /** The whole body, parsed: `await request.json()`, `c.req.parseBody()`. */
  | { body: true }
  /**
   * A context variable (`c.get('name')`): verified when its name is one of `verifiedVariables`, else what the
   * chain's middleware set it to.
   */
  | { variable: true }
  /** Sets a context variable (`c.set('name', value)`) for the middleware and handlers that run after. */
  | { setsVariable: true }
  /** Decodes the request's token without verifying it (`request.jwtDecode()`). */
  | { claims: 'unverified' }
  /** Verifies the request's token and returns its claims (`request.jwtVerify()`). */
  | { claims: 'verified' };

/** The objects a framework passes to handlers, and what their members hold. */
export interface RequestSurface {
  /** Parameter names that hold the request by convention, wherever the function is declared. */
  parameterNames?: readonly NamePattern[];
  /** Short names that hold the request only as the first of at most two parameters (Hono's `c`). */
  shortNames?: readonly string[];
  /** Parameter names that hold the response. */
  responseNames?: readonly NamePattern[];
  /** Type annotations that say a parameter is the request, the response, or an execution host (Nest). */
  requestTypes?: readonly NamePattern[];
  responseTypes?: readonly NamePattern[];
  hostTypes?: readonly NamePattern[];
  /**
   * Members of the request, folded into one request shape with every other framework's: a handler's framework
   * is rarely certain from one file, and these names do not clash in ways that matter for authorization.
   */
  members?: Readonly<Record<string, RequestMember>>;
  /** Members that mean something else in other frameworks (hapi's `request.state` are cookies, Koa's are not). */
  ownMembers?: Readonly<Record<string, RequestMember>>;
  methods?: Readonly<Record<string, RequestMethod>>;
  /** Methods as they read on a request reached through one of these names only (Hono's `c.get` reads variables). */
  methodsByName?: Readonly<Record<string, Readonly<Record<string, RequestMethod>>>>;
  /** Members the framework fills itself (method, path, ip…): never authorization data, never the project's own. */
  frameworkMembers?: readonly string[];
  /**
   * Methods of the request that answer with the status or error of their other arguments unless the first holds
   * (Koa's `ctx.assert(ctx.state.user, 401)`): a condition and its deny in one call.
   */
  assertions?: readonly string[];
  /**
   * Members holding the path the request was made to, which allow-lists test (`req.path`, `ctx.path`): `mount` when
   * the framework reads it relative to where the middleware is mounted (Express routers), `full` otherwise.
   */
  pathMembers?: Readonly<Record<string, 'full' | 'mount'>>;
  /** Calls by which middleware hands the request on to the route unchanged (Next.js's `NextResponse.next()`). */
  passOnCalls?: readonly string[];
  /** Members of the response; `res.locals` is where middleware leaves verified claims. */
  responseMembers?: Readonly<Record<string, RequestMember>>;
  /** Members of a holder (`res.locals`, `ctx.state`) that verified-token middleware fills. */
  holderClaims?: readonly string[];
  /** Context variables (`c.get('jwtPayload')`) that verified-token middleware fills. */
  verifiedVariables?: readonly string[];
  /**
   * Members of an execution host or resolver context (Nest's `ExecutionContext`, a GraphQL context) that lead to
   * the request; the verified members of `members` lead to claims from there too.
   */
  hostRequestMembers?: readonly string[];
  /** Methods of an execution host that return the request (`getRequest()`), or a host (`switchToHttp()`). */
  hostRequestMethods?: readonly string[];
  hostMethods?: readonly string[];
  /** Functions a module exports that return caller input (`cookies()` and `headers()` of `next/headers`). */
  importedSources?: readonly { module: string; name: string; source: SourceKind }[];
  /** Calls by which middleware hands later handlers the request with headers it set (Next.js's `NextResponse.next`). */
  forwardedHeaders?: readonly ForwardedHeaders[];
}

/**
 * `NextResponse.next({ request: { headers } })` after `headers.set('x-user-id', claims.sub)`: the handlers read the
 * headers the middleware set, not the ones the caller sent, so a header set from verified claims holds verified claims.
 */
export interface ForwardedHeaders {
  /** The call's name, or the last member of it (`next` in `NextResponse.next`). */
  call: string;
  /** Where its first argument holds the headers object: `['request', 'headers']`. */
  optionPath: readonly string[];
  /** Methods of the headers object that set one header by name. */
  setMethods: readonly string[];
}

/** A call that creates an app, router or plugin instance (`express()`, `new Router()`, `Fastify()`). */
export interface InstanceFactory {
  /** The callee's name, or the last member of it (`express.Router` is `Router`). */
  name: NamePattern;
  /** Routers and plugins are mounted by other code; apps are served. */
  mountable: boolean;
  /** The instance is this framework's only when created with `new` (Koa's `new Router()`). */
  withNew?: boolean;
  /** The option of the factory's first argument that holds a path prefix (`new Router({ prefix })`). */
  prefixOption?: string;
}

/** A registration that takes a route table object (`fastify.route({ method, url, handler })`, hapi's `server.route`). */
export interface RouteObjectShape {
  /** The method called with the object, or an array of them; absent for route tables exported as data. */
  call?: string;
  methodKey: string;
  pathKeys: readonly string[];
  /** Where the handler is: `handler`, or one level down (`options.handler`, `config.handler`). */
  handlerKeys: readonly string[];
  /** Keys whose functions run before the handler, in the order they run (Fastify's hooks). */
  hookKeys?: readonly string[];
  /** The key of a hook given as an object that holds its function (hapi's `pre: [{ method, assign }]`). */
  hookMethodKey?: string;
  /** Where the route's own authentication setting is (`options.auth`, `config.auth`). */
  authKeys?: readonly string[];
  /**
   * An authentication setting that lets requests without credentials through (hapi's `{ mode: 'try' }`): the key and
   * its values that say so, and where the credentials of the requests that had them are left.
   */
  optionalAuth?: { key: string; values: readonly string[]; claimsPath: string };
  /**
   * Keys of the route's authentication setting that name scopes the verified credentials must hold, which the
   * framework checks before the handler (hapi's `auth: { scope }`, `auth: { access: { scope } }`, `access: [{ scope }]`).
   */
  scopeKeys?: readonly string[];
  /** The method value that means every method. */
  anyMethod?: string;
  /** Route tables exported as arrays of these objects are routes of a server another file registers them on. */
  exportedTables?: boolean;
}

/**
 * `fastify.register(autoload, { dir: path.join(__dirname, 'routes'), autoHooks: true, cascadeHooks: true })`: each
 * file under `dir` is a plugin whose routes take its folder, relative to `dir`, as their prefix; with `autoHooks`, a
 * hooks file in a folder runs before the plugins of that folder, and with `cascadeHooks` before those of its subfolders.
 */
export interface AutoloadShape {
  /** The packages whose default export is the autoloading plugin. */
  packages: readonly string[];
  dirOption: string;
  hooksOption: string;
  cascadeOption: string;
  /** The base name of the hooks file (`autohooks`, for `autohooks.ts`, `autohooks.js`…). */
  hooksFile: string;
}

/** How an application sets its default authentication and how a route opts out (hapi's `server.auth.default`). */
export interface DefaultAuth {
  /** Member path of the call on the server that sets the default strategy: `auth.default`. */
  call: string;
  /** Member path of the call that configures a named strategy: `auth.strategy`. */
  strategyCall?: string;
}

/** Route registration vocabulary of one framework. */
export interface Routing {
  factories?: readonly InstanceFactory[];
  /** Methods that register a route, by the HTTP method they register (`del` is Express's DELETE). */
  routeMethods?: Readonly<Record<string, string>>;
  /** Methods that add middleware, optionally under a path prefix (`use`). */
  middlewareMethods?: readonly string[];
  /**
   * Methods that wrap a middleware so that it is skipped for some requests (express-unless's `mw.unless({ path })`):
   * the option listing the paths let through (strings, plain regular expressions, `{ url, methods }`), and the one
   * listing methods let through.
   */
  skipWrappers?: readonly { method: string; pathOption: string; methodOption?: string }[];
  /** `app.route('/x')` returns a builder whose methods register routes on that path (Express). */
  routeBuilderMethod?: string;
  /** `app.route('/x', sub)` mounts a sub-app (Hono). */
  mountMethod?: string;
  /**
   * `router.param('id', load)`: a callback that runs before the handlers of each route of that router whose path has
   * the parameter. Its argument at `valueIndex` is the parameter's value; the one at `requestIndex` the request, which
   * tells this framework's callbacks from another's.
   */
  paramLoaders?: { method: string; valueIndex: number; requestIndex: number };
  /** `fastify.addHook('onRequest', fn)`: the method and the hooks that run before handlers, in order. */
  hooks?: { method: string; names: readonly string[] };
  /** `fastify.register(plugin, { prefix })`: the plugin's first parameter is a child instance. */
  pluginMethod?: string;
  /** Plugins that register every file of a folder as a plugin, prefixed by its subfolder (`@fastify/autoload`). */
  autoload?: AutoloadShape;
  /** `router.prefix('/api')` (koa-router). */
  prefixMethod?: string;
  /** `new Hono().basePath('/api')`. */
  basePathMethod?: string;
  /** `app.use(router.routes())`: methods that turn a router into middleware, which mounts it. */
  routerMiddlewareMethods?: readonly string[];
  /** `fastify.decorate('authenticate', fn)`: names that other code reads as `fastify.authenticate`. */
  decorateMethods?: readonly string[];
  /** Those of `decorateMethods` that add a method to every request (`decorateRequest`): in it, `this` is the request. */
  requestDecorateMethods?: readonly string[];
  /** Top-level functions that serve an app (`serve(app)`), so nothing mounts it elsewhere. */
  serveFunctions?: readonly string[];
  /** A member read that hands an app to a runtime (`app.fetch`). */
  serveMember?: string;
  /** Node's `createServer(handler)` and `new Server(handler)`. */
  serverFactories?: readonly string[];
  routeObjects?: readonly RouteObjectShape[];
  defaultAuth?: DefaultAuth;
  /** Receivers whose methods look like route registrations but are HTTP clients (`axios.get('/x')`). */
  clientReceivers?: readonly NamePattern[];
  /** Names that are never routers: request, response and context objects, maps and caches. */
  nonRouterReceivers?: readonly NamePattern[];
  /** Untraceable names that read like routers (`app`, `router`, `*Router`); `app` and `server` are apps. */
  routerNames?: readonly NamePattern[];
  appNames?: readonly NamePattern[];
  /** Words in a variable's name that say the instance is this framework's when nothing else does (`fastify`). */
  guessNames?: readonly string[];
  /** Other registrations whose function arguments receive requests (`server.on('request', fn)`). */
  callbackMethods?: readonly string[];
  /** Base names of files that start a server: an app exported from one is served, not mounted. */
  entryFiles?: readonly string[];
  /** Words in an imported name that say `app.use(name)` mounts a router rather than runs middleware. */
  mountNames?: readonly string[];
}

/** How a decorator-based application applies middleware and guards outside its controllers (NestJS modules). */
export interface ModuleWiring {
  /** `consumer.apply(AuthMiddleware).exclude(…).forRoutes(…)`. */
  applyMethod: string;
  excludeMethod: string;
  forRoutesMethod: string;
  /** `app.useGlobalGuards(new JwtAuthGuard())`. */
  globalGuardMethods: readonly string[];
  /** `app.setGlobalPrefix('api')`: a prefix of every controller route. */
  globalPrefixMethod?: string;
  /** `{ provide: APP_GUARD, useClass: JwtAuthGuard }`. */
  globalGuardToken: string;
  guardProviderKeys: readonly string[];
}

/** Decorator-based controllers (NestJS, routing-controllers, tsoa). */
export interface Decorators {
  /** Class decorators that make a class a controller; the first argument is the path prefix. */
  controllers: readonly string[];
  /** Method decorators that register a route, by HTTP method. */
  routes: Readonly<Record<string, string>>;
  /** Decorators whose arguments are guards run before the handler (`@UseGuards(JwtAuthGuard)`). */
  guards?: readonly string[];
  /** Decorators that are themselves the route's authentication or role gate (`@Auth()`, `@Roles('admin')`, `@Authorized()`). */
  gates?: readonly string[];
  /** Decorators that put metadata on a route for guards to read (`@SetMetadata('roles', ['admin'])`). */
  metadataDecorators?: readonly string[];
  /**
   * How a guard reads a route's metadata (`this.reflector.getAllAndOverride(ROLES_KEY, …)`): the receivers' names and
   * their methods. A guard that lets the request through when the read finds nothing decides only on marked routes.
   */
  metadataReads?: { receivers: readonly string[]; methods: readonly string[] };
  /** Decorators whose first argument names a strategy that authenticates the route (`@Security('jwt')`). */
  strategies?: readonly string[];
  /** Decorators that authenticate the route through a checker the application configures (`@Authorized()`). */
  authenticators?: readonly string[];
  /**
   * Where the project writes the code that `authenticators` and `strategies` run: the function given as `option` to
   * a server-making function of the package (`useExpressServer(app, { authorizationChecker })`), or a function the
   * project exports under a name the framework loads (tsoa's `expressAuthentication`).
   */
  authenticatorCode?: {
    serverCalls?: readonly string[];
    option?: string;
    exports?: readonly string[];
    /**
     * Parameter decorators that authenticate the route when their options require a value (`@CurrentUser({ required:
     * true })`): the framework runs the function given to the server as `option` and answers 401 when it returns none.
     */
    parameters?: readonly { decorator: string; requiredOption: string; option: string }[];
  };
  /**
   * Words in a file's opening comments that say the framework generated it from the controllers (tsoa's `routes.ts`):
   * the routes it registers are the controllers' again, which are graded where they are written.
   */
  generatedRoutesMarker?: string;
  /** Decorators that exempt a route from global guards (`@Public()`). */
  publicMarkers?: readonly string[];
  /** Parameter decorators and what they inject. */
  parameters: Readonly<Record<string, ParameterInjection>>;
  /** Parameter decorators that, given no name, read the value the parameter is named after (tsoa's `@Path() id`). */
  namedByParameter?: readonly string[];
  /**
   * Functions that make a parameter decorator from a callback (`createParamDecorator((data, ctx) => …)`): such a
   * decorator, whatever the project names it, injects what the callback returns.
   */
  parameterFactories?: readonly string[];
  /**
   * Routes that are operations of one endpoint (GraphQL resolvers): each is `endpoint`, sent with the method the
   * route decorator maps to, and named `Type.field`: the decorator's name is the operation type, and the field is
   * the decorator's string argument, the `nameOption` of its options, or the method's name. The controller
   * decorator's argument then names a type, not a path prefix.
   */
  operations?: { endpoint: string; nameOption: string };
  /** Decorators whose arguments are middleware run before the handler (`@UseBefore(checkJwt)`). */
  middleware?: readonly string[];
  /** Controller and route decorators take middleware after their path (`@httpGet('/', auth.required)`). */
  middlewareArguments?: boolean;
  modules?: ModuleWiring;
}

export type ParameterInjection = SourceKind | 'request' | 'response' | 'host' | 'verified';

/** Routes that a file's location and exports declare (Next.js App Router, Lambda handlers). */
export interface FileRoutes {
  /** The folder a route file sits under (`app`), and the file's base name (`route`). */
  folder?: string;
  baseName?: string;
  /** Exports that are handlers, by HTTP method (`GET`…), or `*` for any export in `handlerExports`. */
  methodExports?: readonly string[];
  /** Export names that are handlers whatever the file is called (Lambda's `handler`); their method is `ANY`. */
  handlerExports?: readonly string[];
  /** A handler export counts only when its first parameter is one of these names or types (or it takes none). */
  eventNames?: readonly NamePattern[];
  eventTypes?: readonly NamePattern[];
  /** A middleware file at the project's root or in `src/` (Next.js `middleware.ts`) and its matcher export. */
  middlewareFile?: string;
  /** The first argument of a handler is the request, the second the route context (`{ params }`). */
  secondParameter?: 'route-context';
  /** Where authentication happens when the code shows none: reasons say it, and such routes are unknown, not unauthenticated. */
  outsideCode?: string;
  /** Handler exports that answer every request of the app (a Worker's `fetch`): the route they stand for. */
  handlerRoute?: { method: string; path: string };
  /** Handler exports count only as members of the default export (`export default { fetch }`). */
  defaultExportOnly?: boolean;
}

/** A GraphQL-like resolver map: `{ Query: { user: (parent, args, context) => … } }`. */
export interface ResolverMaps {
  /** Object keys whose function-valued properties are resolvers. */
  operations: readonly string[];
  /** Which parameter holds the client's arguments and which the context. */
  argumentsParameter: number;
  contextParameter: number;
  /** The HTTP method every operation is sent with: a resolver is graded as this method of its endpoint. */
  method?: string;
  /** Calls and constructors that build a schema or a server from resolver maps (`new ApolloServer({ resolvers })`). */
  schemaBuilders?: readonly SchemaBuilder[];
  /** Functions that serve a schema or server as middleware or a server of its own (`expressMiddleware(server, { context })`). */
  servers?: readonly SchemaServer[];
  /** Object types whose field configs carry their own resolvers (graphql-js `new GraphQLObjectType({ name, fields })`). */
  objectTypes?: ObjectTypeResolvers;
}

/**
 * Schemas built from object types, each field config holding its resolver (`{ type, args, resolve(parent, args,
 * context) }`): the fields of the types named as operations are routes, every field's resolver takes client arguments.
 */
export interface ObjectTypeResolvers {
  /** Constructors of an object type, imported from one of `packages` (a local class of that name is not one). */
  constructors: readonly string[];
  packages: readonly string[];
  /** The option that names the type (`name: 'Query'`). */
  nameOption: string;
  /** The option that holds the fields: an object of field configs, or a function returning one. */
  fieldsOption: string;
  /** The key of a field config that holds its resolver, and the key every field config has. */
  resolveKey: string;
  typeKey: string;
}

/** A call or constructor that takes resolver maps, or a schema made of them, in options of its first argument. */
export interface SchemaBuilder {
  name: string;
  /** Options that hold resolver maps or a schema: one map, an array of maps, or a merge of them. */
  mapOptions: readonly string[];
  /** The option that builds each request's context (its returned members are what resolvers read from it). */
  contextOption?: string;
  /** Options that hold a root operation type, by the operation each one is (`query: QueryType` is `Query`). */
  operationOptions?: Readonly<Record<string, string>>;
}

/** A function that serves a schema or server: which argument is the instance, and the option that builds the context. */
export interface SchemaServer {
  name: string;
  instanceArgument: number;
  /** The instance is this option of that argument, beside the context option (`{ router, createContext }`). */
  instanceOption?: string;
  contextOption?: string;
  /** Serves on its own (`startStandaloneServer`) rather than as middleware mounted on an app. */
  standalone?: boolean;
}

/**
 * Servers that take a schema and a root object whose functions resolve the schema's fields (express-graphql's
 * `graphqlHTTP({ schema, rootValue })`, graphql-http's `createHandler`): graphql-js calls each root function with
 * `(args, context, info)`, the client's arguments first.
 */
export interface RootValueResolvers {
  /** Which parameter of a root function holds the client's arguments and which the context. */
  argumentsParameter: number;
  contextParameter: number;
  servers: readonly RootValueServer[];
  /** Calls that build the schema from SDL (`buildSchema(`type Query { … }`)`), which says each root field's type. */
  schemaBuilders?: readonly string[];
}

export interface RootValueServer {
  /** The function that serves the schema, imported from one of `packages` (a local function of that name is not it). */
  name: string;
  packages: readonly string[];
  /** The option of its first argument that holds the root object. */
  rootOption: string;
  /** The option that holds the context: a function of the request that builds it, or (when the options are built per request) the value. */
  contextOption?: string;
  /** Given no context, the root functions get the request itself as their context (express-graphql). */
  requestIsDefaultContext?: boolean;
  /** The first argument may be a function of the request that returns the options. */
  optionsPerRequest?: boolean;
}

/**
 * Functions that run field resolvers one after another, the leading ones as guards of the last (graphql-resolvers'
 * `combineResolvers(isAuthenticated, isAdmin, resolve)`): a guard returns `pass` to let the next one run, or an error.
 */
export interface ResolverCombiners {
  packages: readonly string[];
  combiners: readonly string[];
  /** The export a guard returns to let the next resolver run (`skip`): a function that returns it is a guard. */
  pass?: string;
}

/** Permission layers that wrap a schema's resolvers with rules by type and field (graphql-shield). */
export interface PermissionLayers {
  packages: readonly string[];
  /** `shield({ Query: { report: isAdmin }, Mutation: { '*': isAuthenticated } })`: a layer from a map of rules. */
  layers: readonly string[];
  /** `rule()((parent, args, ctx) => …)`: a rule whose function decides with the resolver's parameters. */
  ruleFactories: readonly string[];
  /** `and(isAuthenticated, isAdmin)`: rules made of rules, each of which may run. */
  combinators: readonly string[];
  /** `applyMiddleware(schema, permissions)`: applies layers to a schema. */
  appliers: readonly string[];
  /** The key that stands for every field of a type (`'*'`); a type's rule given for the type applies to all its fields. */
  wildcard: string;
}

/** RPC procedures whose resolvers take one options object (tRPC's `.query(({ ctx, input }) => …)`). */
export interface ProcedureResolvers {
  /** The methods that take a resolver (`query`, `mutation`). */
  resolverMethods: readonly string[];
  /** Names along the builder chain that make it a procedure (`t.procedure`, `protectedProcedure.input(…)`). */
  builders: readonly NamePattern[];
  /** What the resolver's options object holds. */
  options: Readonly<Record<string, RequestMember>>;
  /** Builder methods whose callback is middleware taking the same options (`t.procedure.use(({ ctx, next }) => …)`). */
  middlewareMethods?: readonly string[];
  /** Methods that make such middleware to name and pass to a builder later (`const isAuthed = t.middleware(…)`). */
  middlewareFactories?: readonly string[];
  /** The HTTP method each resolver method is called with (`query` → `GET`): procedures are graded as these routes. */
  routeMethods?: Readonly<Record<string, string>>;
  /** Calls that make a router of procedures and nested routers from an object (`t.router({ post: postRouter })`). */
  routerFactories?: readonly string[];
  /** Adapters that serve a router, with the options naming it and the context builder (`createExpressMiddleware`). */
  servers?: readonly SchemaServer[];
}

/** A framework model. */
export interface FrameworkModel {
  kind: 'framework';
  /** The model's file name. */
  id: string;
  /** As the support table names it. */
  name: string;
  /** The npm packages that bring it. */
  packages: readonly string[];
  /** The support table's description of what ClaimGuard reads from it. */
  covers: string;
  /** The tag routes registered through it carry. */
  routeFramework?: RouteFramework;
  /**
   * Calls that hand out the instance of the class they are given, as dotted paths from the package's export
   * (`Container.get` in typedi's `Container.get(AuthService)`): the methods called on it are that class's.
   */
  serviceLookups?: readonly string[];
  /** The verifier its users reach for, named in the remedy for an unauthenticated route. */
  verifierHint?: string;
  request?: RequestSurface;
  routing?: Routing;
  decoratedControllers?: Decorators;
  fileRoutes?: FileRoutes;
  resolvers?: ResolverMaps;
  rootValues?: RootValueResolvers;
  resolverCombiners?: ResolverCombiners;
  permissionLayers?: PermissionLayers;
  procedures?: ProcedureResolvers;
  /** Error codes that deny a request when thrown (`new TRPCError({ code: 'FORBIDDEN' })`). */
  denyCodes?: readonly string[];
  /** Error codes that answer "not authenticated", as a 401 does. */
  unauthenticatedCodes?: readonly string[];
  /** False for vocabulary shared by many frameworks, which the support table does not list. */
  listed?: boolean;
}
