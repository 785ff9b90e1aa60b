import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import type { ClaimGuardSettings } from './settings';
import type { FunctionNode, SourceKind, TrustValue } from './types';
import type { FileIndex } from './file-index';
import { annotatedTypeName, calleeName, decoratorsOf, isFunctionNode, staticString, unwrap } from './syntax';

/**
 * Framework models: which parameters hold a request (Express, Koa, Fastify, Node http, Hono, NestJS, Next.js,
 * GraphQL, Fetch), and which of a request's members and methods are caller-controlled sources or verified claims.
 * Every framework's request surface is folded into one shape, because a handler's framework is rarely certain
 * from one file and the member names do not clash in ways that matter for authorization.
 */
export type FrameworkShape =
  /** A request object; `text` is how the code reaches it (`req`, `ctx.request`, `c.req`). */
  | { shape: 'request'; text: string }
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
  | { shape: 'execution-host' };

type ParamValue = FrameworkShape | TrustValue;

const REQUEST_NAMES = new Set(['req', 'request', '_req', '_request', 'ctx', '_ctx', 'context', 'httpRequest', 'incomingRequest', 'incomingMessage']);
const RESPONSE_NAMES = new Set(['res', 'response', 'reply', '_res', 'resp']);
const REQUEST_TYPE = /(^|\.)(\w*Request|Req|IncomingMessage|\w*Context|Ctx)$/;
const RESPONSE_TYPE = /(^|\.)(\w*Response|\w*Reply|ServerResponse)$/;
/** Resolver maps: `{ Query: { user: (parent, args, context) => … } }`. */
export const GRAPHQL_OPERATION = /^(Query|Mutation|Subscription)$/;

/** Claims members that verified-token middleware fills on the request. */
const VERIFIED_REQUEST_MEMBERS = new Set(['auth', 'user']);
/** Members of `res.locals` / `ctx.state` that verified-token middleware fills. */
const VERIFIED_HOLDER_MEMBERS = new Set(['claims', 'user', 'auth', 'jwt', 'jwtPayload', 'token', 'tokenPayload']);

/** NestJS parameter decorators and what they inject. */
const NEST_DECORATORS: Record<string, SourceKind | 'request' | 'response' | 'verified' | 'host'> = {
  Headers: 'header',
  Param: 'path param',
  Query: 'query',
  Body: 'body',
  Cookies: 'cookie',
  SignedCookies: 'cookie',
  Args: 'argument',
  Req: 'request',
  Request: 'request',
  Res: 'response',
  Response: 'response',
  Context: 'host',
  User: 'verified',
  CurrentUser: 'verified',
  AuthUser: 'verified',
  GetUser: 'verified',
  Claims: 'verified',
  JwtPayload: 'verified',
};

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
  if (typeName && /ExecutionContext$/.test(typeName)) return [{ shape: 'execution-host' }];
  if (typeName && RESPONSE_TYPE.test(typeName)) return [{ shape: 'response', text: name ?? 'res' }];
  if (typeName && REQUEST_TYPE.test(typeName)) return [requestShape(name)];
  if (fileIndex.isGraphqlResolver(fn)) {
    if (index === 1) return [{ trust: 'untrusted', source: 'argument', name: undefined, container: true, node: bare }];
    if (index === 2) return [{ shape: 'execution-host' }];
  }
  if (fileIndex.isNextRouteHandler(fn)) {
    if (index === 0) return [requestShape(name)];
    if (index === 1) return [{ shape: 'route-context' }];
  }
  if (name && (REQUEST_NAMES.has(name) || settings.requestNames.includes(name))) return [requestShape(name)];
  if (name === 'c' && index === 0 && fn.params.length <= 2) return [requestShape(name)];
  if (name && RESPONSE_NAMES.has(name)) return [{ shape: 'response', text: name }];
  if (fileIndex.isRouteCallback(fn)) {
    if (index === 0) return [requestShape(name)];
    if (index === 1 && fn.params.length >= 3) return [{ shape: 'response', text: name ?? 'res' }];
  }
  return [];
}

function requestShape(name: string | undefined): FrameworkShape {
  return { shape: 'request', text: name ?? 'req' };
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
    // Own keys only: a decorator named `toString` or `constructor` must not find Object.prototype's members.
    const kind = name && Object.hasOwn(NEST_DECORATORS, name) ? NEST_DECORATORS[name] : undefined;
    if (!kind) continue;
    const key = staticString(expression.arguments[0]);
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
      return requestMember(value.text, key, at);
    case 'response':
      return key === 'locals' ? [{ shape: 'locals', text: `${value.text}.locals` }] : [];
    case 'locals':
    case 'state':
      if (key && VERIFIED_HOLDER_MEMBERS.has(key)) return [verifiedAt(`${value.text}.${key}`, at)];
      return key ? [pendingAt(`${value.shape}.${key}`, at)] : [];
    case 'session':
      return key ? [{ trust: 'verified', claimsPath: value.text, name: key, node: at, session: true }] : [];
    case 'url':
      return key === 'searchParams' ? [container('query', at)] : [];
    case 'route-context':
      return key === 'params' ? [container('path param', at)] : [];
    case 'execution-host':
      if (key === 'req' || key === 'request') return [requestShape(undefined)];
      return key && VERIFIED_REQUEST_MEMBERS.has(key) ? [verifiedAt(undefined, at)] : [];
    default:
      return [];
  }
}

function requestMember(text: string, key: string | undefined, node: TSESTree.Node): (FrameworkShape | TrustValue)[] {
  switch (key) {
    case 'headers':
      return [container('header', node)];
    case 'params':
      return [container('path param', node)];
    case 'query':
      return [container('query', node)];
    case 'body':
      return [container('body', node)];
    case 'cookies':
    case 'signedCookies':
      return [container('cookie', node)];
    case 'request':
    case 'req':
      return [{ shape: 'request', text: `${text}.${key}` }];
    case 'state':
      return [{ shape: 'state', text: `${text}.state` }];
    case 'session':
      return [{ shape: 'session', text: `${text}.session` }];
    case 'nextUrl':
      return [{ shape: 'url' }];
    case 'url':
    case 'originalUrl':
      return [{ shape: 'request-url' }];
    default:
      if (key && VERIFIED_REQUEST_MEMBERS.has(key)) return [verifiedAt(`${text}.${key}`, node)];
      return key && !FRAMEWORK_REQUEST_MEMBERS.has(key) ? [pendingAt(key, node)] : [];
  }
}

/**
 * Request members the frameworks themselves fill (method, path, ip…): never authorization data. Any other member
 * (`req.claims`, `req.tenant`) was put there by the project's own code, which the project index looks up.
 */
const FRAMEWORK_REQUEST_MEMBERS = new Set([
  'method', 'path', 'ip', 'ips', 'hostname', 'host', 'protocol', 'secure', 'xhr', 'subdomains', 'fresh', 'stale', 'route',
  'baseUrl', 'app', 'res', 'socket', 'connection', 'raw', 'server', 'id', 'log', 'routeOptions', 'routerPath', 'routeConfig',
  'httpVersion', 'complete', 'aborted', 'rawHeaders', 'trailers', 'rawTrailers', 'statusCode', 'statusMessage', 'signal',
  'accepts', 'acceptsCharsets', 'acceptsEncodings', 'acceptsLanguages', 'is', 'range', 'files', 'file', 'sessionID',
  'flash', 'logIn', 'login', 'logout', 'logOut', 'isAuthenticated', 'isUnauthenticated', 'locale', 'language', 'i18n', 't',
  'originalMethod', 'context', 'env', 'var', 'routePath', 'matchedRoutes', 'href', 'origin', 'querystring', 'search', 'type',
  'charset', 'length', 'response', 'originalUrl', 'ctx', 'constructor', 'toString', 'valueOf', 'hasOwnProperty',
]);

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
  if (value.shape === 'execution-host') return method === 'getRequest' ? [requestShape(undefined)] : [];
  if (value.shape !== 'request') return [];
  switch (method) {
    case 'get':
      // hono/jwt leaves the verified payload in the context; other `c.get(name)` are context variables, not headers.
      if (nameArgument === 'jwtPayload') return [verifiedAt(sourceCode.getText(node), node)];
      return value.text === 'c' ? [] : [leaf('header', nameArgument, node)];
    case 'header':
      return [nameArgument === undefined ? container('header', node) : leaf('header', nameArgument, node)];
    case 'param':
      return [nameArgument === undefined ? container('path param', node) : leaf('path param', nameArgument, node)];
    case 'query':
    case 'queries':
      return [nameArgument === undefined ? container('query', node) : leaf('query', nameArgument, node)];
    case 'cookie':
      return [leaf('cookie', nameArgument, node)];
    case 'json':
    case 'formData':
    case 'parseBody':
    case 'text':
    case 'valid':
      return [container('body', node)];
    case 'jwtDecode':
      return [{ trust: 'unverified', name: undefined, node }];
    case 'jwtVerify':
      return [verifiedAt(undefined, node)];
    default:
      return [];
  }
}

function container(source: SourceKind, node: TSESTree.Node): TrustValue {
  return { trust: 'untrusted', source, name: undefined, container: true, node };
}

function leaf(source: SourceKind, name: string | undefined, node: TSESTree.Node): TrustValue {
  return { trust: 'untrusted', source, name, container: false, node };
}

function verifiedAt(claimsPath: string | undefined, node: TSESTree.Node): TrustValue {
  return { trust: 'verified', claimsPath, name: undefined, node };
}

export { claimsPathOfLibraries, claimsPathOfVerifier, importedVerificationLibrary } from './library-models';
