/**
 * The framework models (models/*.ts) folded into the look-up tables the analysis asks: which parameter names and
 * types hold a request, what its members and methods hold, which calls register routes, middleware and hooks.
 * Built once from the model list; the analysis never names a framework, it asks these tables.
 */
import { FRAMEWORK_MODELS } from '../models/index';
import type {
  AutoloadShape,
  DefaultAuth,
  Decorators,
  ForwardedHeaders,
  FrameworkModel,
  InstanceFactory,
  NamePattern,
  ParameterInjection,
  RequestMember,
  RequestMethod,
  RouteFramework,
  ProcedureResolvers,
  ResolverMaps,
  ObjectTypeResolvers,
  RootValueServer,
  ResolverCombiners,
  PermissionLayers,
  RouteObjectShape,
  SchemaBuilder,
  SchemaServer,
} from '../models/framework-model';
import type { SourceKind } from './types';

/** Names matched exactly or by one wildcard (see NamePattern), in time linear in the name. */
export class NameSet {
  private readonly exact = new Set<string>();
  private readonly patterns: { prefix: string; suffix: string; wildcard: '*' | '+' | '#' }[] = [];

  constructor(patterns: Iterable<NamePattern> = []) {
    for (const pattern of patterns) this.add(pattern);
  }

  add(pattern: NamePattern): void {
    const at = firstWildcard(pattern);
    if (at < 0) this.exact.add(pattern);
    else this.patterns.push({ prefix: pattern.slice(0, at), suffix: pattern.slice(at + 1), wildcard: pattern[at] as '*' | '+' | '#' });
  }

  has(name: string): boolean {
    if (this.exact.has(name)) return true;
    return this.patterns.some((pattern) => wildcardMatches(pattern, name));
  }

  /** A qualified type name (`express.Request`) matched by its last segment. */
  hasType(typeName: string): boolean {
    const dot = typeName.lastIndexOf('.');
    return this.has(dot < 0 ? typeName : typeName.slice(dot + 1));
  }
}

function firstWildcard(pattern: string): number {
  for (let i = 0; i < pattern.length; i++) if (pattern[i] === '*' || pattern[i] === '+' || pattern[i] === '#') return i;
  return -1;
}

function wildcardMatches(pattern: { prefix: string; suffix: string; wildcard: '*' | '+' | '#' }, name: string): boolean {
  const { prefix, suffix, wildcard } = pattern;
  const middle = name.length - prefix.length - suffix.length;
  if (middle < (wildcard === '*' ? 0 : 1) || !name.startsWith(prefix) || !name.endsWith(suffix)) return false;
  for (let i = prefix.length; i < prefix.length + middle; i++) {
    const code = name.charCodeAt(i);
    const digit = code >= 48 && code <= 57;
    if (wildcard === '#' ? !digit : !(digit || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95)) return false;
  }
  return true;
}

/** Everything the request-side analysis (values.ts, frameworks.ts) asks of the models. */
export interface RequestVocabulary {
  requestNames: NameSet;
  shortNames: ReadonlySet<string>;
  responseNames: NameSet;
  requestTypes: NameSet;
  responseTypes: NameSet;
  hostTypes: NameSet;
  members: ReadonlyMap<string, RequestMember>;
  ownMembers: ReadonlyMap<RouteFramework, ReadonlyMap<string, RequestMember>>;
  methods: ReadonlyMap<string, RequestMethod>;
  methodsByName: ReadonlyMap<string, ReadonlyMap<string, RequestMethod>>;
  /** Method names that read context variables somewhere, whose verified variables are claims whatever the receiver. */
  variableMethods: ReadonlySet<string>;
  /** Methods that set a context variable by name (`c.set('user', …)`). */
  variableSetters: ReadonlySet<string>;
  verifiedVariables: ReadonlySet<string>;
  frameworkMembers: ReadonlySet<string>;
  assertions: ReadonlySet<string>;
  /** Request members holding its path, and whether the framework reads it relative to the mount. */
  pathMembers: ReadonlyMap<string, 'full' | 'mount'>;
  /** Dotted callees that hand the request on to the route (`NextResponse.next`). */
  passOnCalls: ReadonlySet<string>;
  responseMembers: ReadonlyMap<string, RequestMember>;
  holderClaims: ReadonlySet<string>;
  hostRequestMembers: ReadonlySet<string>;
  hostRequestMethods: ReadonlySet<string>;
  hostMethods: ReadonlySet<string>;
  /** `module` → exported function → the caller input it returns. */
  importedSources: ReadonlyMap<string, ReadonlyMap<string, SourceKind>>;
  forwardedHeaders: readonly ForwardedHeaders[];
  parameterDecorators: ReadonlyMap<string, ParameterInjection>;
  /** Parameter decorators that, given no name, read the value the parameter is named after (`@Path() id`). */
  namedByParameter: ReadonlySet<string>;
  /** Functions that make a parameter decorator from a callback, which then says what the decorator injects. */
  parameterFactories: ReadonlySet<string>;
  /** Resolver maps: operation keys and which parameter is what. */
  resolverOperations: ReadonlySet<string>;
  resolverArguments: number;
  resolverContext: number;
  /** Next.js-style route files: exported handlers by method name. */
  methodExports: ReadonlySet<string>;
  /** Member paths below a request whose claims a platform verified before the code ran, and who verified them. */
  platformClaims: readonly { path: readonly string[]; by: string }[];
  /** Procedure resolvers (tRPC), with what their options object holds. */
  procedures: readonly { methods: ReadonlySet<string>; middleware: ReadonlySet<string>; middlewareFactories: ReadonlySet<string>; builders: NameSet; options: Readonly<Record<string, RequestMember>> }[];
  /** Exported handlers that receive an event (Lambda's `handler`), by the framework that calls them. */
  eventHandlers: readonly {
    framework: RouteFramework;
    exports: ReadonlySet<string>;
    names: ReadonlySet<string>;
    types: NameSet;
    /** The route a handler stands for when it answers every request (`ALL /`); otherwise `ANY <file>.<export>`. */
    route?: { method: string; path: string };
    defaultExportOnly: boolean;
    /** Authentication happens outside the code (an API Gateway authorizer). */
    outsideCode: boolean;
  }[];
}

/** Everything route discovery (routes.ts) asks of the models. */
export interface RoutingVocabulary {
  factories: readonly (InstanceFactory & { framework: RouteFramework })[];
  routeMethods: ReadonlyMap<string, string>;
  middlewareMethods: ReadonlySet<string>;
  /** Methods that wrap a middleware to skip it for some paths (`mw.unless({ path })`), with their options. */
  skipWrappers: ReadonlyMap<string, { pathOption: string; methodOption?: string }>;
  routeBuilderMethods: ReadonlySet<string>;
  mountMethods: ReadonlySet<string>;
  /** `router.param('id', load)` methods, with where each framework's callback takes the value and the request. */
  paramLoaders: readonly { method: string; valueIndex: number; requestIndex: number; framework: RouteFramework | undefined }[];
  hookMethods: ReadonlyMap<string, { names: readonly string[]; framework: RouteFramework | undefined }>;
  /** Every hook that runs before a handler, in order, for hook options on route objects. */
  hookNames: readonly string[];
  /** Plugin registrations, with the framework whose instances they hand the plugin. */
  pluginMethods: ReadonlyMap<string, RouteFramework | undefined>;
  autoloads: readonly AutoloadShape[];
  /** Frameworks whose instances carry decorators (`fastify.authenticate`). */
  decoratingFrameworks: ReadonlySet<RouteFramework>;
  prefixMethods: ReadonlySet<string>;
  basePathMethods: ReadonlySet<string>;
  routerMiddlewareMethods: ReadonlySet<string>;
  decorateMethods: ReadonlySet<string>;
  requestDecorateMethods: ReadonlySet<string>;
  serveFunctions: ReadonlySet<string>;
  serveMembers: ReadonlySet<string>;
  serverFactories: ReadonlySet<string>;
  routeObjects: readonly (RouteObjectShape & { framework: RouteFramework })[];
  /** How applications set default authentication (`server.auth.default()`). */
  defaultAuth: readonly DefaultAuth[];
  clientReceivers: NameSet;
  nonRouterReceivers: NameSet;
  routerNames: NameSet;
  appNames: NameSet;
  guessNames: readonly { word: string; framework: RouteFramework }[];
  callbackMethods: ReadonlySet<string>;
  entryFiles: ReadonlySet<string>;
  mountNames: readonly string[];
  decoratedControllers: readonly (Decorators & { framework: RouteFramework; packages: readonly string[] })[];
  /** Server-making functions whose `option` holds the code a decorated-controller framework's markers run (`authorizationChecker`). */
  /**
   * Server-making calls and the options that hold authentication code, each a channel: markers and parameters of the
   * framework that name the channel run the code given there (see authenticatorChannel).
   */
  authenticatorServers: readonly { framework: RouteFramework; channel: string; packages: readonly string[]; calls: readonly string[]; option: string }[];
  /** Functions a decorated-controller framework loads by their export name (tsoa's `expressAuthentication`). */
  authenticatorExports: readonly { framework: RouteFramework; channel: string; name: string }[];
  fileRoutes: readonly (NonNullable<FrameworkModel['fileRoutes']> & { framework: RouteFramework })[];
  /** Every method whose function arguments receive requests: routes, middleware, hooks, route objects, plugins, servers. */
  registrations: ReadonlySet<string>;
  verifierHints: ReadonlyMap<RouteFramework, string>;
  /** Resolver maps as routes: the framework and method they are graded as, and what builds and serves their schemas. */
  resolverRoutes: {
    framework: RouteFramework;
    method: string;
    builders: ReadonlyMap<string, SchemaBuilder>;
    servers: ReadonlyMap<string, SchemaServer>;
    /** Object types whose field configs hold their resolvers (graphql-js). */
    objectTypes: readonly ObjectTypeResolvers[];
  };
  /** Servers of a schema with a root object of resolvers (express-graphql), by function name, with the parameters of those resolvers. */
  rootValueServers: ReadonlyMap<string, readonly RootServer[]>;
  /** Calls that build a schema from SDL for root-value servers (`buildSchema`). */
  sdlSchemaBuilders: ReadonlySet<string>;
  /** Functions that run resolvers in turn, the leading ones as guards (`combineResolvers`). */
  resolverCombiners: readonly ResolverCombiners[];
  /** Calls of dependency-injection containers that hand out an instance of the class they are given (`Container.get`). */
  serviceLookups: readonly { packages: readonly string[]; path: readonly string[] }[];
  /** Layers of rules applied to a schema's fields (`shield`, `applyMiddleware`). */
  permissionLayers: readonly PermissionLayers[];
  /** Procedure routers (tRPC): what makes one, how its procedures are called, and which framework they are graded as. */
  procedureRoutes: {
    framework: RouteFramework | undefined;
    routerFactories: ReadonlySet<string>;
    routeMethods: ReadonlyMap<string, string>;
    builders: NameSet;
    middlewareMethods: ReadonlySet<string>;
  };
}

/** A root-value server as route discovery and the request shapes read it. */
export interface RootServer extends RootValueServer {
  framework: RouteFramework;
  argumentsParameter: number;
  contextParameter: number;
}

export interface Vocabulary {
  request: RequestVocabulary;
  routing: RoutingVocabulary;
  denyCodes: ReadonlySet<string>;
  unauthenticatedCodes: ReadonlySet<string>;
}

/** Folds a list of models into one vocabulary; later models add to earlier ones, never remove. */
export function buildVocabulary(models: readonly FrameworkModel[]): Vocabulary {
  const request = emptyRequest();
  const routing = emptyRouting();
  const denyCodes = new Set<string>();
  const unauthenticatedCodes = new Set<string>();
  for (const model of models) {
    addRequest(request, model);
    addRouting(routing, model);
    for (const code of model.denyCodes ?? []) denyCodes.add(code);
    for (const code of model.unauthenticatedCodes ?? []) unauthenticatedCodes.add(code);
  }
  return { request, routing, denyCodes, unauthenticatedCodes };
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] extends ReadonlyMap<infer K2, infer V> ? Map<K2, V> : T[K] extends ReadonlySet<infer V> ? Set<V> : T[K] };

function emptyRequest(): Mutable<RequestVocabulary> {
  return {
    requestNames: new NameSet(),
    shortNames: new Set(),
    responseNames: new NameSet(),
    requestTypes: new NameSet(),
    responseTypes: new NameSet(),
    hostTypes: new NameSet(),
    members: new Map(),
    ownMembers: new Map(),
    methods: new Map(),
    methodsByName: new Map(),
    variableMethods: new Set(),
    variableSetters: new Set(),
    verifiedVariables: new Set(),
    frameworkMembers: new Set(),
    assertions: new Set(),
    pathMembers: new Map(),
    passOnCalls: new Set(),
    responseMembers: new Map(),
    holderClaims: new Set(),
    hostRequestMembers: new Set(),
    hostRequestMethods: new Set(),
    hostMethods: new Set(),
    importedSources: new Map(),
    forwardedHeaders: [],
    parameterDecorators: new Map(),
    namedByParameter: new Set(),
    parameterFactories: new Set(),
    resolverOperations: new Set(),
    resolverArguments: 1,
    resolverContext: 2,
    methodExports: new Set(),
    platformClaims: [],
    procedures: [],
    eventHandlers: [],
  };
}

function addRequest(into: Mutable<RequestVocabulary>, model: FrameworkModel): void {
  const surface = model.request;
  if (surface) {
    for (const name of surface.parameterNames ?? []) into.requestNames.add(name);
    for (const name of surface.shortNames ?? []) into.shortNames.add(name);
    for (const name of surface.responseNames ?? []) into.responseNames.add(name);
    for (const name of surface.requestTypes ?? []) into.requestTypes.add(name);
    for (const name of surface.responseTypes ?? []) into.responseTypes.add(name);
    for (const name of surface.hostTypes ?? []) into.hostTypes.add(name);
    for (const [name, member] of Object.entries(surface.members ?? {})) into.members.set(name, member);
    if (surface.ownMembers && model.routeFramework) {
      const own = new Map(into.ownMembers.get(model.routeFramework) ?? []);
      for (const [name, member] of Object.entries(surface.ownMembers)) own.set(name, member);
      into.ownMembers.set(model.routeFramework, own);
    }
    for (const [name, method] of Object.entries(surface.methods ?? {})) {
      into.methods.set(name, method);
      if ('variable' in method) into.variableMethods.add(name);
      if ('setsVariable' in method) into.variableSetters.add(name);
    }
    for (const [receiver, methods] of Object.entries(surface.methodsByName ?? {})) {
      const byName = new Map(into.methodsByName.get(receiver) ?? []);
      for (const [name, method] of Object.entries(methods)) {
        byName.set(name, method);
        if ('variable' in method) into.variableMethods.add(name);
        if ('setsVariable' in method) into.variableSetters.add(name);
      }
      into.methodsByName.set(receiver, byName);
    }
    for (const name of surface.verifiedVariables ?? []) into.verifiedVariables.add(name);
    for (const name of surface.frameworkMembers ?? []) into.frameworkMembers.add(name);
    for (const name of surface.assertions ?? []) into.assertions.add(name);
    // A name one framework reads relative to the mount is read both ways: the route's own path counts too.
    for (const [name, kind] of Object.entries(surface.pathMembers ?? {})) if (into.pathMembers.get(name) !== 'mount') into.pathMembers.set(name, kind);
    for (const call of surface.passOnCalls ?? []) into.passOnCalls.add(call);
    for (const [name, member] of Object.entries(surface.responseMembers ?? {})) into.responseMembers.set(name, member);
    for (const name of surface.holderClaims ?? []) into.holderClaims.add(name);
    for (const name of surface.hostRequestMembers ?? []) into.hostRequestMembers.add(name);
    for (const name of surface.hostRequestMethods ?? []) into.hostRequestMethods.add(name);
    for (const name of surface.hostMethods ?? []) into.hostMethods.add(name);
    for (const entry of surface.importedSources ?? []) {
      const functions = new Map(into.importedSources.get(entry.module) ?? []);
      functions.set(entry.name, entry.source);
      into.importedSources.set(entry.module, functions);
    }
    into.forwardedHeaders = [...into.forwardedHeaders, ...(surface.forwardedHeaders ?? [])];
  }
  for (const [name, injection] of Object.entries(model.decoratedControllers?.parameters ?? {})) into.parameterDecorators.set(name, injection);
  for (const name of model.decoratedControllers?.namedByParameter ?? []) into.namedByParameter.add(name);
  for (const name of model.decoratedControllers?.parameterFactories ?? []) into.parameterFactories.add(name);
  if (model.resolvers) {
    for (const operation of model.resolvers.operations) into.resolverOperations.add(operation);
    into.resolverArguments = model.resolvers.argumentsParameter;
    into.resolverContext = model.resolvers.contextParameter;
  }
  for (const name of model.fileRoutes?.methodExports ?? []) into.methodExports.add(name);
  into.platformClaims = [...into.platformClaims, ...platformClaimsOf(model.request?.members ?? {}, [])];
  if (model.procedures) {
    const { resolverMethods, builders, options, middlewareMethods, middlewareFactories } = model.procedures;
    into.procedures = [
      ...into.procedures,
      { methods: new Set(resolverMethods), middleware: new Set(middlewareMethods ?? []), middlewareFactories: new Set(middlewareFactories ?? []), builders: new NameSet(builders), options },
    ];
  }
  const files = model.fileRoutes;
  if (files?.handlerExports && model.routeFramework) {
    into.eventHandlers = [
      ...into.eventHandlers,
      {
        framework: model.routeFramework,
        exports: new Set(files.handlerExports),
        names: new Set(files.eventNames ?? []),
        types: new NameSet(files.eventTypes ?? []),
        ...(files.handlerRoute ? { route: files.handlerRoute } : {}),
        defaultExportOnly: files.defaultExportOnly === true,
        outsideCode: files.outsideCode !== undefined,
      },
    ];
  }
}

/** `requestContext.authorizer.claims` and the like: the paths of members a platform verified, with who did. */
function platformClaimsOf(members: Readonly<Record<string, RequestMember>>, above: readonly string[]): { path: readonly string[]; by: string }[] {
  return Object.entries(members).flatMap(([name, member]) => {
    const path = [...above, name];
    if ('members' in member) return platformClaimsOf(member.members, path);
    return 'by' in member ? [{ path, by: member.by }] : [];
  });
}

function emptyRouting(): Mutable<RoutingVocabulary> {
  return {
    factories: [],
    routeMethods: new Map(),
    middlewareMethods: new Set(),
    skipWrappers: new Map(),
    routeBuilderMethods: new Set(),
    mountMethods: new Set(),
    hookMethods: new Map(),
    paramLoaders: [],
    hookNames: [],
    pluginMethods: new Map(),
    autoloads: [],
    decoratingFrameworks: new Set(),
    prefixMethods: new Set(),
    basePathMethods: new Set(),
    routerMiddlewareMethods: new Set(),
    decorateMethods: new Set(),
    requestDecorateMethods: new Set(),
    serveFunctions: new Set(),
    serveMembers: new Set(),
    serverFactories: new Set(),
    routeObjects: [],
    defaultAuth: [],
    clientReceivers: new NameSet(),
    nonRouterReceivers: new NameSet(),
    routerNames: new NameSet(),
    appNames: new NameSet(),
    guessNames: [],
    callbackMethods: new Set(),
    entryFiles: new Set(),
    mountNames: [],
    decoratedControllers: [],
    authenticatorServers: [],
    authenticatorExports: [],
    fileRoutes: [],
    registrations: new Set(),
    verifierHints: new Map(),
    resolverRoutes: { framework: 'graphql', method: 'POST', builders: new Map(), servers: new Map(), objectTypes: [] },
    rootValueServers: new Map(),
    sdlSchemaBuilders: new Set(),
    resolverCombiners: [],
    serviceLookups: [],
    permissionLayers: [],
    procedureRoutes: { framework: undefined, routerFactories: new Set(), routeMethods: new Map(), builders: new NameSet(), middlewareMethods: new Set() },
  };
}

function addRouting(into: Mutable<RoutingVocabulary>, model: FrameworkModel): void {
  const framework = model.routeFramework;
  if (framework && model.verifierHint && !into.verifierHints.has(framework)) into.verifierHints.set(framework, model.verifierHint);
  if (framework && model.decoratedControllers) into.decoratedControllers = [...into.decoratedControllers, { ...model.decoratedControllers, framework, packages: model.packages }];
  const code = model.decoratedControllers?.authenticatorCode;
  if (framework && code?.serverCalls) {
    const options = [...(code.option ? [{ option: code.option, channel: authenticatorChannel(framework) }] : []), ...(code.parameters ?? []).map(({ option }) => ({ option, channel: authenticatorChannel(framework, option) }))];
    into.authenticatorServers = [...into.authenticatorServers, ...options.map((entry) => ({ framework, packages: model.packages, calls: code.serverCalls!, ...entry }))];
  }
  if (framework && code?.exports) into.authenticatorExports = [...into.authenticatorExports, ...code.exports.map((name) => ({ framework, channel: authenticatorChannel(framework), name }))];
  if (framework && model.fileRoutes) into.fileRoutes = [...into.fileRoutes, { ...model.fileRoutes, framework }];
  if (framework && model.resolvers) addResolverRoutes(into, model.resolvers, framework);
  if (framework && model.rootValues) addRootValueServers(into, model.rootValues, framework);
  if (model.resolverCombiners) into.resolverCombiners = [...into.resolverCombiners, model.resolverCombiners];
  for (const lookup of model.serviceLookups ?? []) into.serviceLookups = [...into.serviceLookups, { packages: model.packages, path: lookup.split('.') }];
  if (model.permissionLayers) into.permissionLayers = [...into.permissionLayers, model.permissionLayers];
  if (framework && model.procedures?.routeMethods) addProcedureRoutes(into, model.procedures, framework);
  const routing = model.routing;
  if (!routing) return;
  if (framework) into.factories = [...into.factories, ...(routing.factories ?? []).map((factory) => ({ ...factory, framework }))];
  for (const [name, method] of Object.entries(routing.routeMethods ?? {})) {
    into.routeMethods.set(name, method);
    into.registrations.add(name);
  }
  const addAll = (target: Set<string>, names: readonly string[] | undefined, registers = false): void => {
    for (const name of names ?? []) {
      target.add(name);
      if (registers) into.registrations.add(name);
    }
  };
  addAll(into.middlewareMethods, routing.middlewareMethods, true);
  for (const { method, ...options } of routing.skipWrappers ?? []) into.skipWrappers.set(method, options);
  addAll(into.routeBuilderMethods, routing.routeBuilderMethod ? [routing.routeBuilderMethod] : [], true);
  addAll(into.mountMethods, routing.mountMethod ? [routing.mountMethod] : [], true);
  if (routing.paramLoaders) into.paramLoaders = [...into.paramLoaders, { ...routing.paramLoaders, framework }];
  if (routing.hooks) {
    into.hookMethods.set(routing.hooks.method, { names: routing.hooks.names, framework });
    into.hookNames = [...into.hookNames, ...routing.hooks.names.filter((name) => !into.hookNames.includes(name))];
    into.registrations.add(routing.hooks.method);
  }
  if (routing.autoload) into.autoloads = [...into.autoloads, routing.autoload];
  if (routing.pluginMethod) {
    into.pluginMethods.set(routing.pluginMethod, framework);
    into.registrations.add(routing.pluginMethod);
  }
  if (framework && routing.decorateMethods?.length) into.decoratingFrameworks.add(framework);
  addAll(into.prefixMethods, routing.prefixMethod ? [routing.prefixMethod] : []);
  addAll(into.basePathMethods, routing.basePathMethod ? [routing.basePathMethod] : []);
  addAll(into.routerMiddlewareMethods, routing.routerMiddlewareMethods);
  addAll(into.decorateMethods, routing.decorateMethods);
  addAll(into.requestDecorateMethods, routing.requestDecorateMethods);
  addAll(into.serveFunctions, routing.serveFunctions);
  addAll(into.serveMembers, routing.serveMember ? [routing.serveMember] : []);
  addAll(into.serverFactories, routing.serverFactories, true);
  addAll(into.callbackMethods, routing.callbackMethods, true);
  addAll(into.entryFiles, routing.entryFiles);
  if (framework) into.routeObjects = [...into.routeObjects, ...(routing.routeObjects ?? []).map((shape) => ({ ...shape, framework }))];
  for (const shape of routing.routeObjects ?? []) if (shape.call) into.registrations.add(shape.call);
  if (routing.defaultAuth) into.defaultAuth = [...into.defaultAuth, routing.defaultAuth];
  for (const name of routing.clientReceivers ?? []) into.clientReceivers.add(name);
  for (const name of routing.nonRouterReceivers ?? []) into.nonRouterReceivers.add(name);
  for (const name of routing.routerNames ?? []) into.routerNames.add(name);
  for (const name of routing.appNames ?? []) into.appNames.add(name);
  if (framework) into.guessNames = [...into.guessNames, ...(routing.guessNames ?? []).map((word) => ({ word: word.toLowerCase(), framework }))];
  into.mountNames = [...into.mountNames, ...(routing.mountNames ?? []).map((word) => word.toLowerCase())];
}

function addResolverRoutes(into: Mutable<RoutingVocabulary>, resolvers: ResolverMaps, framework: RouteFramework): void {
  const builders = new Map(into.resolverRoutes.builders);
  const servers = new Map(into.resolverRoutes.servers);
  for (const builder of resolvers.schemaBuilders ?? []) builders.set(builder.name, builder);
  for (const server of resolvers.servers ?? []) servers.set(server.name, server);
  const objectTypes = resolvers.objectTypes ? [...into.resolverRoutes.objectTypes, resolvers.objectTypes] : into.resolverRoutes.objectTypes;
  into.resolverRoutes = { framework, method: resolvers.method ?? into.resolverRoutes.method, builders, servers, objectTypes };
}

function addRootValueServers(into: Mutable<RoutingVocabulary>, roots: NonNullable<FrameworkModel['rootValues']>, framework: RouteFramework): void {
  for (const name of roots.schemaBuilders ?? []) into.sdlSchemaBuilders.add(name);
  for (const server of roots.servers) {
    const entry: RootServer = { ...server, framework, argumentsParameter: roots.argumentsParameter, contextParameter: roots.contextParameter };
    into.rootValueServers.set(server.name, [...(into.rootValueServers.get(server.name) ?? []), entry]);
  }
}

function addProcedureRoutes(into: Mutable<RoutingVocabulary>, procedures: ProcedureResolvers, framework: RouteFramework): void {
  const current = into.procedureRoutes;
  const builders = new NameSet(procedures.builders);
  into.procedureRoutes = {
    framework,
    routerFactories: new Set([...current.routerFactories, ...(procedures.routerFactories ?? [])]),
    routeMethods: new Map([...current.routeMethods, ...Object.entries(procedures.routeMethods ?? {})]),
    builders,
    middlewareMethods: new Set([...current.middlewareMethods, ...(procedures.middlewareMethods ?? [])]),
  };
  const servers = new Map(into.resolverRoutes.servers);
  for (const server of procedures.servers ?? []) servers.set(server.name, server);
  into.resolverRoutes = { ...into.resolverRoutes, servers };
}

/** The built-in models' vocabulary. */
export const VOCABULARY: Vocabulary = buildVocabulary(FRAMEWORK_MODELS);

/**
 * Which configured authentication code a marker runs: a framework's markers (`@Authorized()`) run the code of its
 * main option or exports, a parameter that requires a value (`@CurrentUser({ required: true })`) the option it names.
 */
export function authenticatorChannel(framework: RouteFramework, parameterOption?: string): string {
  return parameterOption === undefined ? framework : `${framework}:${parameterOption}`;
}
