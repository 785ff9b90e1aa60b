import type { FrameworkModel } from './framework-model';

/** koa-unless, which koa-jwt attaches to its middleware: `jwt({ secret }).unless({ path: [/^\/public/] })`. */
const koaUnless: FrameworkModel = {
  kind: 'framework',
  id: 'koa-unless',
  name: 'koa-unless',
  packages: ['koa-unless', 'koa-jwt'],
  covers:
    "`mw.unless({ path, method })` as an allow-list: the routes whose path is listed (a string, a plain regular expression, or `{ url, methods }`) or whose method is listed run none of what the middleware establishes",
  routeFramework: 'koa',
  routing: { skipWrappers: [{ method: 'unless', pathOption: 'path', methodOption: 'method' }] },
};

export default koaUnless;
