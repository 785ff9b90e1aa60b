import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import type { ClaimGuardSettings } from './settings';
import type { FunctionNode, SourceKind, TrustValue } from './types';
import type { FileIndex } from './file-index';
import { annotatedTypeName, calleeName, decoratorsOf, isFunctionNode, memberName, propertyKeyName, staticString, unwrap } from './syntax';
import { VOCABULARY } from './framework-models';
import type { RequestMember, RouteFramework } from '../models/framework-model';

/**
 * Request shapes: which parameters hold a request, a response or an execution host, and what their members and
 * methods hold, as the framework models (models/*.ts, folded in framework-models.ts) say. Every framework's
 * request surface is folded into one shape, because a handler's framework is rarely certain from one file and the
 * member names do not clash in ways that matter for authorization; the few that do clash are a framework's own
 * members, read only where the framework is known.
 */
export type FrameworkShape =
  /** A request object; `text` is how the code reaches it (`req`, `ctx.request`, `c.req`). */
  | { shape: 'request'; text: string; framework?: RouteFramework }
  | { shape: 'response'; text: string }
  /** `res.locals`, where middleware leaves verified claims. */
  | { shape: 'locals'; text: string }
  /** Koa's `ctx.state`, where koa-jwt leaves verified claims. */
  | { shape: 'state'; text: string }
  /** A server-side session (express-session, koa-session): what it holds the server wrote. */
  | { shape: 'session'; text: string }
  /** The request's URL string, which `new URL()` turns into a URL with caller-chosen search params. */
  | { shape: 'request-url' }
  | { shape: 'url' }
  /** Next.js route handlers' second argument: `{ params }`. */
  | { shape: 'route-context' }
  /** NestJS `switchToHttp()` / GraphQL `getContext()` and resolver contexts: `.req` / `getRequest()` lead to the request. */
  | { shape: 'execution-host' }
  /** A path into the request whose members a model describes one level down (`event.requestContext.authorizer`). */
  | { shape: 'request-path'; text: string; members: Readonly<Record<string, RequestMember>> };

type ParamValue = FrameworkShape | TrustValue;

const REQUEST = VOCABULARY.request;
const ROUTE_OBJECT_SHAPES = VOCABULARY.routing.routeObjects;

/** What the framework passes in parameter `index` of `fn`, as far as the file shows. */
export function requestShapeOfParam(fn: FunctionNode, index: number, fileIndex: FileIndex, settings: ClaimGuardSettings): ParamValue[] {
  const param = fn.params[index];
  if (!param) return [];
  const bare = param.type === AST_NODE_TYPES.TSParameterProperty ? param.parameter : param;
  const decorated = decoratorValue(bare);
  if (decorated) return decorated;
  const name = paramName(bare);
  if (isVerifyCallback(fn, index, fileIndex)) return [{ trust: 'verified', claimsPath: undefined, name: undefined, node: bare }];
  const typeName = annotatedTypeName(bare);
  const eventHandler = index === 0 ? eventHandlerFramework(fn, name, typeName) : undefined;
  if (eventHandler) return [requestShape(name ?? 'event', eventHandler)];
  if (typeName && REQUEST.hostTypes.hasType(typeName)) return [{ shape: 'execution-host' }];
  if (typeName && REQUEST.responseTypes.hasType(typeName)) return [{ shape: 'response', text: name ?? 'res' }];
  if (typeName && REQUEST.requestTypes.hasType(typeName)) return [requestShape(name)];
  // A context builder's argument holds the request (`({ req }) => …`, `(integration) => integration.req`); one that
  // names its parameter as the request itself keeps that reading.
  if (index === 0 && fileIndex.isContextBuilder(fn) && !(name && REQUEST.requestNames.has(name))) return [{ shape: 'execution-host' }];
  const root = fileIndex.rootResolver(fn);
  if (root) {
    if (index === root.argumentsParameter) return [{ trust: 'untrusted', source: 'argument', name: undefined, container: true, node: bare }];
    if (index === root.contextParameter) return root.context === 'request' ? [requestShape(name)] : root.context === 'built' ? [{ shape: 'execution-host' }] : [];
    return [];
  }
  if (fileIndex.isGraphqlResolver(fn)) {
    if (index === REQUEST.resolverArguments) return [{ trust: 'untrusted', source: 'argument', name: undefined, container: true, node: bare }];
    if (index === REQUEST.resolverContext) return [{ shape: 'execution-host' }];
  }
  if (fileIndex.isNextRouteHandler(fn)) {
    if (index === 0) return [requestShape(name)];
    if (index === 1) return [{ shape: 'route-context' }];
  }
  const loaded = paramLoaderValue(fn, index, bare);
  if (loaded) return [loaded];
  const procedure = index === 0 ? procedureOptions(fn) : undefined;
  if (procedure) return [{ shape: 'request-path', text: name ?? 'opts', members: procedure }];
  const routeObject = index === 0 ? routeObjectFramework(fn) : undefined;
  if (routeObject) return [requestShape(name, routeObject)];
  if (name && (REQUEST.requestNames.has(name) || settings.requestNames.includes(name))) return [requestShape(name)];
  if (name && index === 0 && fn.params.length <= 2 && REQUEST.shortNames.has(name)) return [requestShape(name)];
  if (name && REQUEST.responseNames.has(name)) return [{ shape: 'response', text: name }];
  if (fileIndex.isRouteCallback(fn)) {
    if (index === 0) return [requestShape(name)];
    if (index === 1 && fn.params.length >= 3) return [{ shape: 'response', text: name ?? 'res' }];
  }
  return [];
}

/**
 * `router.param('id', (req, res, next, id) => …)`: the value of the path parameter the loader is registered for, at
 * the position the framework passes it (told from another framework's by where the request is).
 */
function paramLoaderValue(fn: FunctionNode, index: number, node: TSESTree.Node): ParamValue | undefined {
  const call = fn.parent;
  if (call?.type !== AST_NODE_TYPES.CallExpression || call.arguments[1] !== fn) return undefined;
  const callee = unwrap(call.callee);
  const method = callee.type === AST_NODE_TYPES.MemberExpression ? memberName(callee) : undefined;
  const name = staticString(call.arguments[0]);
  if (method === undefined || name === undefined) return undefined;
  const loader = REQUEST_PARAM_LOADERS.find((candidate) => {
    if (candidate.method !== method || candidate.valueIndex !== index) return false;
    const request = fn.params[candidate.requestIndex];
    const requestName = request ? paramName(request.type === AST_NODE_TYPES.TSParameterProperty ? request.parameter : request) : undefined;
    return requestName !== undefined && REQUEST.requestNames.has(requestName);
  });
  return loader ? { trust: 'untrusted', source: 'path param', name, container: false, node } : undefined;
}

const REQUEST_PARAM_LOADERS = VOCABULARY.routing.paramLoaders;

/**
 * What a procedure resolver's options hold, when `fn` is one: the argument of `.query(fn)` on a chain that
 * starts from a procedure builder (`protectedProcedure.input(schema).query(fn)`, `t.procedure.mutation(fn)`).
 */
function procedureOptions(fn: FunctionNode): Readonly<Record<string, RequestMember>> | undefined {
  const call = fn.parent;
  if (call?.type !== AST_NODE_TYPES.CallExpression || call.arguments[0] !== fn) return undefined;
  const callee = unwrap(call.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
  const method = memberName(callee);
  // `const isAuthed = t.middleware(({ ctx, next }) => …)`: middleware made on the instance, used by name later.
  const made = method !== undefined ? REQUEST.procedures.find((candidate) => candidate.middlewareFactories.has(method)) : undefined;
  if (made) return made.options;
  const procedures = REQUEST.procedures.filter((candidate) => method !== undefined && (candidate.methods.has(method) || candidate.middleware.has(method)));
  if (procedures.length === 0) return undefined;
  // Walk the builder chain back: `.input(…)`, `.use(…)` calls and member reads, to the names it is made of.
  let current: TSESTree.Node = unwrap(callee.object);
  for (let steps = 0; steps < 32; steps++) {
    if (current.type === AST_NODE_TYPES.CallExpression) current = unwrap(current.callee);
    else if (current.type === AST_NODE_TYPES.MemberExpression) {
      const name = memberName(current);
      const found = name !== undefined ? procedures.find((candidate) => candidate.builders.has(name)) : undefined;
      if (found) return found.options;
      current = unwrap(current.object);
    } else if (current.type === AST_NODE_TYPES.Identifier) {
      return procedures.find((candidate) => candidate.builders.has(current.type === AST_NODE_TYPES.Identifier ? current.name : ''))?.options;
    } else return undefined;
  }
  return undefined;
}

/**
 * The platform that calls `fn` with an event (Lambda): its parameter is typed as the event, or `fn` is the
 * file's `handler` export and the parameter is named like one (`event`) or untyped.
 */
function eventHandlerFramework(fn: FunctionNode, name: string | undefined, typeName: string | undefined): RouteFramework | undefined {
  const exported = exportedName(fn);
  for (const handlers of REQUEST.eventHandlers) {
    if (!exported || !handlers.exports.has(exported.name) || (handlers.defaultExportOnly && !exported.defaultMember)) continue;
    if (typeName ? handlers.types.hasType(typeName) : name === undefined || handlers.names.has(name)) return handlers.framework;
  }
  // A parameter typed as the event (`APIGatewayProxyEvent`) is one wherever the function is.
  return typeName ? REQUEST.eventHandlers.find((handlers) => !handlers.defaultExportOnly && handlers.types.hasType(typeName))?.framework : undefined;
}

/**
 * The name `fn` is exported under: `export const handler = …`, `export function handler`, `exports.handler = …`,
 * or a member of the default export (`export default { fetch(request) {…} }`, `module.exports = { handler }`).
 */
function exportedName(fn: FunctionNode): { name: string; defaultMember: boolean } | undefined {
  const parent = fn.parent;
  if (fn.type === AST_NODE_TYPES.FunctionDeclaration) return fn.id && parent?.type === AST_NODE_TYPES.ExportNamedDeclaration ? { name: fn.id.name, defaultMember: false } : undefined;
  if (parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.id.type === AST_NODE_TYPES.Identifier) {
    return parent.parent?.parent?.type === AST_NODE_TYPES.ExportNamedDeclaration ? { name: parent.id.name, defaultMember: false } : undefined;
  }
  if (parent?.type === AST_NODE_TYPES.Property && parent.value === fn) {
    const name = propertyKeyName(parent);
    return name !== undefined && isDefaultExportObject(parent.parent) ? { name, defaultMember: true } : undefined;
  }
  if (parent?.type === AST_NODE_TYPES.AssignmentExpression && parent.right === fn && parent.left.type === AST_NODE_TYPES.MemberExpression) {
    const target = parent.left;
    const object = unwrap(target.object);
    const commonJs =
      (object.type === AST_NODE_TYPES.Identifier && object.name === 'exports') ||
      (object.type === AST_NODE_TYPES.MemberExpression && object.object.type === AST_NODE_TYPES.Identifier && object.object.name === 'module');
    return commonJs && !target.computed && target.property.type === AST_NODE_TYPES.Identifier ? { name: target.property.name, defaultMember: false } : undefined;
  }
  return undefined;
}

/** `export default { … }` or `module.exports = { … }`. */
function isDefaultExportObject(node: TSESTree.Node | undefined): boolean {
  const holder = node?.parent;
  if (holder?.type === AST_NODE_TYPES.ExportDefaultDeclaration) return true;
  if (holder?.type !== AST_NODE_TYPES.AssignmentExpression || holder.left.type !== AST_NODE_TYPES.MemberExpression) return false;
  const { object, property } = holder.left;
  return object.type === AST_NODE_TYPES.Identifier && object.name === 'module' && property.type === AST_NODE_TYPES.Identifier && property.name === 'exports';
}

/**
 * The framework whose route object holds `fn` as its handler (`{ method, path, options: { handler: fn } }`): the
 * shape whose first path key the object uses (`url` is Fastify's, `path` hapi's), or any that fits.
 */
function routeObjectFramework(fn: FunctionNode): RouteFramework | undefined {
  const property = fn.parent;
  if (property?.type !== AST_NODE_TYPES.Property || property.value !== fn) return undefined;
  const key = propertyKeyName(property);
  const fitting: (typeof ROUTE_OBJECT_SHAPES)[number][] = [];
  let preferred: RouteFramework | undefined;
  for (const shape of ROUTE_OBJECT_SHAPES) {
    for (const handlerKey of shape.handlerKeys) {
      const route = routeObjectAbove(property, handlerKey.split('.'), key);
      if (!route || !hasKey(route, shape.methodKey) || !shape.pathKeys.some((pathKey) => hasKey(route, pathKey))) continue;
      fitting.push(shape);
      if (hasKey(route, shape.pathKeys[0]!)) preferred ??= shape.framework;
    }
  }
  return preferred ?? fitting[0]?.framework;
}

/** The object a dotted handler key (`options.handler`) starts from, climbing from the handler's property. */
function routeObjectAbove(property: TSESTree.Property, segments: readonly string[], key: string | undefined): TSESTree.ObjectExpression | undefined {
  if (segments[segments.length - 1] !== key) return undefined;
  let object: TSESTree.Node | undefined = property.parent;
  for (let at = segments.length - 2; at >= 0; at--) {
    const holder: TSESTree.Node | undefined = object?.parent;
    if (holder?.type !== AST_NODE_TYPES.Property || propertyKeyName(holder) !== segments[at]) return undefined;
    object = holder.parent;
  }
  return object?.type === AST_NODE_TYPES.ObjectExpression ? object : undefined;
}

function hasKey(object: TSESTree.ObjectExpression, key: string): boolean {
  return object.properties.some((property) => property.type === AST_NODE_TYPES.Property && propertyKeyName(property) === key);
}

/**
 * What `this` is in `fn`: the request, in a method a framework decorates its requests with
 * (`fastify.decorateRequest('isAdmin', isAdmin)`), or in a function that declares `this: FastifyRequest`.
 */
export function thisShapeOf(fn: FunctionNode, fileIndex: FileIndex, settings: ClaimGuardSettings): ParamValue[] {
  const first = fn.params[0];
  if (first?.type === AST_NODE_TYPES.Identifier && first.name === 'this') return requestShapeOfParam(fn, 0, fileIndex, settings);
  return decoratesRequests(fn, fileIndex) ? [requestShape('this')] : [];
}

function decoratesRequests(fn: FunctionNode, fileIndex: FileIndex): boolean {
  const methods = VOCABULARY.routing.requestDecorateMethods;
  const decoration = (node: TSESTree.Node) => {
    const call = node.parent;
    return call?.type === AST_NODE_TYPES.CallExpression && call.arguments[1] === node && methods.has(calleeName(call) ?? '');
  };
  if (decoration(fn)) return true;
  const id = fn.type === AST_NODE_TYPES.FunctionDeclaration ? fn.id : fn.parent?.type === AST_NODE_TYPES.VariableDeclarator && fn.parent.id.type === AST_NODE_TYPES.Identifier ? fn.parent.id : null;
  const variable = id ? fileIndex.variableOf(id) : null;
  return variable?.references.some((reference) => decoration(reference.identifier as TSESTree.Node)) ?? false;
}

function requestShape(name: string | undefined, framework?: RouteFramework): FrameworkShape {
  return { shape: 'request', text: name ?? 'req', ...(framework ? { framework } : {}) };
}

function paramName(param: TSESTree.Parameter): string | undefined {
  if (param.type === AST_NODE_TYPES.Identifier) return param.name;
  if (param.type === AST_NODE_TYPES.AssignmentPattern && param.left.type === AST_NODE_TYPES.Identifier) return param.left.name;
  return undefined;
}

function decoratorValue(param: TSESTree.Parameter): ParamValue[] | undefined {
  for (const decorator of 'decorators' in param ? decoratorsOf(param) : []) {
    const expression = unwrap(decorator.expression);
    if (expression.type !== AST_NODE_TYPES.CallExpression) continue;
    const name = calleeName(expression);
    const kind = name ? REQUEST.parameterDecorators.get(name) : undefined;
    if (!kind) continue;
    const key = staticString(expression.arguments[0]) ?? (REQUEST.namedByParameter.has(name!) ? paramName(param) : undefined);
    if (kind === 'request') return [requestShape(paramName(param))];
    if (kind === 'response') return [{ shape: 'response', text: paramName(param) ?? 'res' }];
    if (kind === 'host') return [{ shape: 'execution-host' }];
    if (kind === 'verified') return [{ trust: 'verified', claimsPath: undefined, name: key, node: decorator }];
    return [{ trust: 'untrusted', source: kind, name: key, container: key === undefined, node: decorator }];
  }
  return undefined;
}

/** `jwt.verify(token, key, opts, (err, decoded) => …)`, passport's `authenticate` callback, and passport-jwt's `new JwtStrategy(opts, (payload, done) => …)`. */
function isVerifyCallback(fn: FunctionNode, index: number, fileIndex: FileIndex): boolean {
  const call = fn.parent;
  if (call && (call.type === AST_NODE_TYPES.CallExpression || call.type === AST_NODE_TYPES.NewExpression) && call.arguments.includes(fn as TSESTree.CallExpressionArgument)) {
    return verifyCallbackPosition(call) === index;
  }
  // A callback built by a same-file factory: `passport.authenticate('jwt', opts, verifyCallback(req, resolve))`.
  const factory = returningFunction(fn);
  if (!factory) return false;
  return fileIndex.callSitesOf(factory).some((site) => {
    const outer = site.parent;
    return (
      (outer?.type === AST_NODE_TYPES.CallExpression || outer?.type === AST_NODE_TYPES.NewExpression) &&
      outer.arguments.includes(site) &&
      verifyCallbackPosition(outer) === index
    );
  });
}

/** Which parameter of a callback passed to this call holds verified claims, if any. */
function verifyCallbackPosition(call: TSESTree.CallExpression | TSESTree.NewExpression): number | undefined {
  const name = calleeName(call);
  if (call.type === AST_NODE_TYPES.CallExpression && name === 'verify') return 1;
  // passport.authenticate(strategy, options, (err, user) => …): `user` is what the strategy verified.
  if (call.type === AST_NODE_TYPES.CallExpression && name === 'authenticate') return 1;
  if (call.type === AST_NODE_TYPES.NewExpression && (name === 'JwtStrategy' || name === 'BearerStrategy')) return 0;
  return undefined;
}

/** The function that returns `fn` (as an arrow body or from a `return`), if any. */
function returningFunction(fn: FunctionNode): FunctionNode | undefined {
  const parent = fn.parent;
  if (parent?.type === AST_NODE_TYPES.ArrowFunctionExpression && parent.body === fn) return parent;
  if (parent?.type !== AST_NODE_TYPES.ReturnStatement) return undefined;
  let current: TSESTree.Node | undefined = parent.parent;
  while (current && !isFunctionNode(current)) current = current.parent;
  return current && isFunctionNode(current) ? current : undefined;
}

/** Members of framework objects. */
export function frameworkMember(value: FrameworkShape, key: string | undefined, at: TSESTree.Node): (FrameworkShape | TrustValue)[] {
  switch (value.shape) {
    case 'request':
      return requestMember(value, key, at);
    case 'response': {
      const member = key !== undefined ? REQUEST.responseMembers.get(key) : undefined;
      return member ? memberValue(member, `${value.text}.${key}`, at) : [];
    }
    case 'locals':
    case 'state':
      if (key && REQUEST.holderClaims.has(key)) return [verifiedAt(`${value.text}.${key}`, at, `${value.shape}.${key}`)];
      return key ? [pendingAt(`${value.shape}.${key}`, at)] : [];
    case 'session':
      return key ? [{ trust: 'verified', claimsPath: value.text, name: key, node: at, session: true }] : [];
    case 'url':
      return key === 'searchParams' ? [container('query', at)] : [];
    case 'route-context':
      return key === 'params' ? [container('path param', at)] : [];
    case 'execution-host': {
      if (key && REQUEST.hostRequestMembers.has(key)) return [requestShape(undefined)];
      const member = key !== undefined ? REQUEST.members.get(key) : undefined;
      // `context.user`: verified identity by convention, unless the context builder on the route says otherwise.
      if (member && 'verified' in member) return [{ trust: 'pending', prop: key!, name: key, node: at, verifiedUnlessWritten: true }];
      // A resolver context's own members are what its builder returned (`context.viewer`): settled per route.
      return key !== undefined && !REQUEST.frameworkMembers.has(key) ? [pendingAt(key, at)] : [];
    }
    case 'request-path': {
      const member = key !== undefined && Object.hasOwn(value.members, key) ? value.members[key] : undefined;
      return member ? memberValue(member, `${value.text}.${key}`, at) : [];
    }
    default:
      return [];
  }
}

function requestMember(request: Extract<FrameworkShape, { shape: 'request' }>, key: string | undefined, node: TSESTree.Node): (FrameworkShape | TrustValue)[] {
  if (key === undefined) return [];
  const member = (request.framework ? REQUEST.ownMembers.get(request.framework)?.get(key) : undefined) ?? REQUEST.members.get(key);
  if (member) return memberValue(member, `${request.text}.${key}`, node, request.framework, key);
  return REQUEST.frameworkMembers.has(key) ? [] : [pendingAt(key, node)];
}

/** What a member a model describes holds; `text` is how the code reaches it, `prop` where it sits on the request. */
function memberValue(member: RequestMember, text: string, node: TSESTree.Node, framework?: RouteFramework, prop?: string): (FrameworkShape | TrustValue)[] {
  if ('source' in member) return [container(member.source, node, member.label)];
  if ('request' in member) return [requestShape(text, framework)];
  if ('holder' in member) return [{ shape: member.holder, text }];
  if ('session' in member) return [{ shape: 'session', text }];
  if ('url' in member) return [member.url === 'parsed' ? { shape: 'url' } : { shape: 'request-url' }];
  if ('verified' in member) return [verifiedAt(text, node, prop)];
  if ('context' in member) return [{ shape: 'execution-host' }];
  return [{ shape: 'request-path', text, members: member.members }];
}

function pendingAt(prop: string, node: TSESTree.Node): TrustValue {
  return { trust: 'pending', prop, name: prop, node };
}

/** Methods of framework objects. */
export function frameworkCall(
  value: FrameworkShape,
  method: string | undefined,
  nameArgument: string | undefined,
  node: TSESTree.CallExpression,
  sourceCode: TSESLint.SourceCode,
): (FrameworkShape | TrustValue)[] {
  if (value.shape === 'execution-host') return method && REQUEST.hostRequestMethods.has(method) ? [requestShape(undefined)] : [];
  if (value.shape !== 'request' || method === undefined) return [];
  // Verified-token middleware leaves the payload in a context variable (`c.get('jwtPayload')`), whatever the receiver's name.
  if (REQUEST.variableMethods.has(method) && nameArgument !== undefined && REQUEST.verifiedVariables.has(nameArgument)) {
    return [verifiedAt(sourceCode.getText(node), node)];
  }
  const kind = REQUEST.methodsByName.get(value.text)?.get(method) ?? REQUEST.methods.get(method);
  if (!kind) return [];
  if ('source' in kind) return [nameArgument === undefined && !kind.alwaysNamed ? container(kind.source, node) : leaf(kind.source, nameArgument, node)];
  if ('body' in kind) return [container('body', node)];
  // What the chain's middleware set the variable to (`c.set('user', …)`), settled where the routes are linked.
  if ('variable' in kind) return nameArgument !== undefined ? [pendingAt(nameArgument, node)] : [];
  if ('setsVariable' in kind) return [];
  return kind.claims === 'verified' ? [verifiedAt(undefined, node)] : [{ trust: 'unverified', name: undefined, node }];
}

/** `cookies()` and `headers()` of `next/headers`, and other module functions that return caller input. */
export function importedSourceOf(module: string | undefined, name: string): SourceKind | undefined {
  return module === undefined ? undefined : REQUEST.importedSources.get(module)?.get(name);
}

/** Execution-host calls (`switchToHttp()`, `getContext()`) wherever they are made. */
export function isHostMethod(name: string | undefined): boolean {
  return name !== undefined && REQUEST.hostMethods.has(name);
}

function container(source: SourceKind, node: TSESTree.Node, label?: string): TrustValue {
  return { trust: 'untrusted', source, name: undefined, container: true, node, ...(label ? { label } : {}) };
}

function leaf(source: SourceKind, name: string | undefined, node: TSESTree.Node): TrustValue {
  return { trust: 'untrusted', source, name, container: false, node };
}

function verifiedAt(claimsPath: string | undefined, node: TSESTree.Node, requestProp?: string): TrustValue {
  return { trust: 'verified', claimsPath, name: undefined, node, ...(requestProp !== undefined ? { requestProp } : {}) };
}

export { claimsPathOfLibraries, claimsPathOfVerifier, importedVerificationLibrary } from './library-models';
