import type { FrameworkModel } from './framework-model';

/** Express 4 and 5: `app.get(path, …handlers)`, routers mounted with `use`, `req`/`res` and `res.locals`. */
const express: FrameworkModel = {
  kind: 'framework',
  id: 'express',
  name: 'Express',
  packages: ['express'],
  covers: '`app`/`Router()` routes and `use` chains with prefixes, `app.route()` builders, `router.param(name, load)` loaders run before the routes whose path has `:name` (the fourth argument is that path parameter), handlers handed to a wrapper of another project file (`catchAsync(controller.remove)`, `asyncHandler(address.getAddress())`), `req.headers/params/query/body/cookies`, `req.get()`, `res.locals`; `req.auth`/`req.user` set by verified-token middleware',
  routeFramework: 'express',
  verifierHint: 'passport-jwt, or auth() from express-oauth2-jwt-bearer',
  request: {
    parameterNames: ['req', '_req', 'request', '_request'],
    responseNames: ['res', '_res', 'resp', 'response'],
    members: {
      headers: { source: 'header' },
      params: { source: 'path param' },
      query: { source: 'query' },
      body: { source: 'body' },
      cookies: { source: 'cookie' },
      signedCookies: { source: 'cookie' },
      url: { url: 'string' },
      originalUrl: { url: 'string' },
      // What verified-token middleware (express-jwt, express-oauth2-jwt-bearer, passport) leaves on the request.
      auth: { verified: true },
      user: { verified: true },
      session: { session: true },
    },
    methods: {
      get: { source: 'header', alwaysNamed: true },
      header: { source: 'header' },
      param: { source: 'path param' },
    },
    frameworkMembers: [
      'method', 'path', 'ip', 'ips', 'hostname', 'host', 'protocol', 'secure', 'xhr', 'subdomains', 'fresh', 'stale', 'route',
      'baseUrl', 'app', 'res', 'socket', 'connection', 'accepts', 'acceptsCharsets', 'acceptsEncodings', 'acceptsLanguages',
      'is', 'range', 'files', 'file', 'sessionID', 'flash', 'logIn', 'login', 'logout', 'logOut', 'isAuthenticated',
      'isUnauthenticated', 'locale', 'language', 'i18n', 't', 'originalUrl', 'originalMethod',
    ],
    // Inside a router, `req.path` and `req.url` lose the mount's prefix; `req.originalUrl` keeps it.
    pathMembers: { path: 'mount', url: 'mount', originalUrl: 'full' },
    responseMembers: { locals: { holder: 'locals' } },
    holderClaims: ['claims', 'user', 'auth', 'jwt', 'jwtPayload', 'token', 'tokenPayload'],
  },
  routing: {
    factories: [
      { name: 'express', mountable: false },
      { name: 'Router', mountable: true },
    ],
    routeMethods: { get: 'GET', post: 'POST', put: 'PUT', patch: 'PATCH', delete: 'DELETE', del: 'DELETE', options: 'OPTIONS', head: 'HEAD', all: 'ALL' },
    middlewareMethods: ['use'],
    paramLoaders: { method: 'param', valueIndex: 3, requestIndex: 0 },
    routeBuilderMethod: 'route',
  },
};

export default express;
