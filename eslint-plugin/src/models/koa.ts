import type { FrameworkModel } from './framework-model';

/** Koa: `ctx` carries the request (`ctx.request`, `ctx.headers`, `ctx.get()`) and `ctx.state`, where koa-jwt leaves the user. */
const koa: FrameworkModel = {
  kind: 'framework',
  id: 'koa',
  name: 'Koa',
  packages: ['koa'],
  covers: '`app.use` chains, `ctx.headers/query/params/cookies`, `ctx.request.body`, `ctx.get()`, `ctx.state` (where koa-jwt leaves `ctx.state.user`), `ctx.assert(…, 403)` gates',
  routeFramework: 'koa',
  verifierHint: 'koa-jwt',
  request: {
    parameterNames: ['ctx', '_ctx', 'context'],
    requestTypes: ['*Context', 'Ctx'],
    members: {
      request: { request: true },
      req: { request: true },
      state: { holder: 'state' },
    },
    frameworkMembers: ['querystring', 'search', 'type', 'charset', 'length', 'response', 'href', 'origin', 'ctx', 'originalUrl'],
    // `ctx.assert(value, status, message)` throws an HTTP error with that status when the value is falsy.
    assertions: ['assert'],
    pathMembers: { path: 'full', url: 'full', originalUrl: 'full' },
  },
  routing: {
    factories: [{ name: 'Koa', mountable: false }],
    middlewareMethods: ['use'],
  },
};

export default koa;
