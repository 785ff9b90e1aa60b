import type { FrameworkModel } from './framework-model';

/**
 * express-unless, which express-jwt attaches to its middleware: `expressjwt({ … }).unless({ path: ['/login'] })`
 * skips the middleware for the listed paths (matched against the full URL's path) and methods.
 */
const expressUnless: FrameworkModel = {
  kind: 'framework',
  id: 'express-unless',
  name: 'express-unless',
  packages: ['express-unless', 'express-jwt'],
  covers:
    "`mw.unless({ path, method })` as an allow-list: the routes whose full path is listed (a string, a plain regular expression such as `/^\\/public/`, or `{ url, methods }`) or whose method is listed run none of what the middleware establishes",
  routeFramework: 'express',
  routing: { skipWrappers: [{ method: 'unless', pathOption: 'path', methodOption: 'method' }] },
};

export default expressUnless;
