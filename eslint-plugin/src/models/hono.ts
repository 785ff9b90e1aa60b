import type { FrameworkModel } from './framework-model';

/** Hono: `c.req` and its methods, sub-apps mounted with `app.route()`, `basePath`, apps served by a runtime. */
const hono: FrameworkModel = {
  kind: 'framework',
  id: 'hono',
  name: 'Hono',
  packages: ['hono', '@hono/zod-openapi', '@hono/node-server'],
  covers: '`new Hono()` and `basePath()`, builder chains, `use` with `/*` prefixes, sub-apps mounted with `app.route()` in any file, apps served with `serve()`/`app.fetch`, `c.req.header()/param()/query()/json()/parseBody()/valid()`, `c.get()` context variables (`jwtPayload` from hono/jwt is verified; one that project middleware sets with `c.set()` in any file holds what it was set to)',
  routeFramework: 'hono',
  verifierHint: 'jwt() from hono/jwt',
  request: {
    shortNames: ['c'],
    members: {},
    methods: {
      header: { source: 'header' },
      param: { source: 'path param' },
      query: { source: 'query' },
      queries: { source: 'query' },
      cookie: { source: 'cookie', alwaysNamed: true },
      parseBody: { body: true },
      valid: { body: true },
    },
    // `c.get(name)` reads a context variable, not a header.
    methodsByName: { c: { get: { variable: true }, set: { setsVariable: true } } },
    verifiedVariables: ['jwtPayload'],
    frameworkMembers: ['env', 'var', 'routePath', 'matchedRoutes'],
    pathMembers: { path: 'full' },
  },
  routing: {
    factories: [
      { name: 'Hono', mountable: true },
      { name: 'OpenAPIHono', mountable: true },
    ],
    routeMethods: { get: 'GET', post: 'POST', put: 'PUT', patch: 'PATCH', delete: 'DELETE', options: 'OPTIONS', all: 'ALL' },
    middlewareMethods: ['use'],
    mountMethod: 'route',
    basePathMethod: 'basePath',
    serveFunctions: ['serve', 'handle', 'toNodeHandler'],
    serveMember: 'fetch',
  },
};

export default hono;
