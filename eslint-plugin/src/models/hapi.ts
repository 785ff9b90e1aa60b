import type { FrameworkModel } from './framework-model';

/**
 * hapi: route objects (`server.route({ method, path, options: { auth }, handler })`, arrays of them, and route
 * tables exported for another file's `server.route`), `server.auth.default()` authenticating every route that does
 * not opt out with `auth: false`, and the request: `request.payload` is the body and `request.state` the cookies.
 */
const hapi: FrameworkModel = {
  kind: 'framework',
  id: 'hapi',
  name: 'hapi',
  packages: ['@hapi/hapi', 'hapi'],
  covers: '`server.route()` with a route object or an array of them, route tables exported for another file (or returned by an exported factory: `server.route(Routes(server))`), `options.handler`/`config.handler`, route prerequisites (`pre`: functions, `{ method, assign }` objects, parallel groups) run before the handler, handlers and prerequisites made by a factory exported from another file (`const handlers = require(\'./handlers\')(server)`, `prerequisites.loadArticle(server)`), per-route `auth` (`false` opts out; `mode: \'try\'` or `\'optional\'` authenticates only where the handler decides on the credentials; `scope` and `access.scope` are scope checks on the verified credentials), `server.auth.default()` in any file of the project, `request.headers/params/query/payload/state`, `request.auth.credentials` as verified',
  routeFramework: 'hapi',
  verifierHint: '@hapi/jwt, made the default with server.auth.default()',
  request: {
    // `request.auth.credentials` is read through the shared `auth` member (verified).
    ownMembers: {
      payload: { source: 'body' },
      state: { source: 'cookie' },
    },
    frameworkMembers: ['info', 'route', 'plugins', 'pre', 'response', 'server', 'orig', 'mime', 'logs'],
  },
  routing: {
    factories: [
      { name: 'server', mountable: false },
      { name: 'Server', mountable: false, withNew: true },
    ],
    routeObjects: [
      {
        call: 'route',
        methodKey: 'method',
        pathKeys: ['path'],
        handlerKeys: ['handler', 'options.handler', 'config.handler'],
        // Route prerequisites run in order before the handler; a nested array runs in parallel.
        hookKeys: ['options.pre', 'config.pre'],
        hookMethodKey: 'method',
        authKeys: ['options.auth', 'config.auth'],
        optionalAuth: { key: 'mode', values: ['try', 'optional'], claimsPath: 'request.auth.credentials' },
        scopeKeys: ['scope', 'access.scope'],
        anyMethod: '*',
        exportedTables: true,
      },
    ],
    defaultAuth: { call: 'auth.default', strategyCall: 'auth.strategy' },
  },
};

export default hapi;
