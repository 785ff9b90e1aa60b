import type { FrameworkModel } from './framework-model';

/** koa-router and @koa/router: `new Router({ prefix })`, named routes, `router.prefix()`, mounted with `app.use(router.routes())`. */
const koaRouter: FrameworkModel = {
  kind: 'framework',
  id: 'koa-router',
  name: 'koa-router / @koa/router',
  packages: ['koa-router', '@koa/router'],
  covers: '`new Router({ prefix })`, `router.prefix()`, named routes `router.get(name, path, …)`, nested `router.use(path, child.routes())`, `app.use(router.routes())` mounts across files, `ctx.params`',
  routeFramework: 'koa',
  verifierHint: 'koa-jwt',
  routing: {
    factories: [
      { name: 'Router', mountable: true, withNew: true, prefixOption: 'prefix' },
      { name: 'KoaRouter', mountable: true, prefixOption: 'prefix' },
    ],
    routeMethods: { get: 'GET', post: 'POST', put: 'PUT', patch: 'PATCH', delete: 'DELETE', del: 'DELETE', options: 'OPTIONS', head: 'HEAD', all: 'ALL' },
    middlewareMethods: ['use'],
    prefixMethod: 'prefix',
    routerMiddlewareMethods: ['routes', 'middleware'],
  },
};

export default koaRouter;
