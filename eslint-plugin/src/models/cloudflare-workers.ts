import type { FrameworkModel } from './framework-model';

/**
 * Cloudflare Workers (module syntax): the default export's `fetch(request, env, ctx)` answers every request the
 * Worker gets, with a Fetch API `Request`; `env` holds bindings and secrets, not caller input.
 */
const cloudflareWorkers: FrameworkModel = {
  kind: 'framework',
  id: 'cloudflare-workers',
  name: 'Cloudflare Workers',
  packages: ['@cloudflare/workers-types', 'wrangler'],
  covers: '`export default { fetch(request, env, ctx) }` as one route (`ALL /`) with a Fetch `Request` (`request.headers.get()`, `await request.json()`, `new URL(request.url)`), Hono apps served with `export default app` or `{ fetch: app.fetch }`',
  routeFramework: 'workers',
  verifierHint: "jose's jwtVerify() in the fetch handler",
  fileRoutes: {
    handlerExports: ['fetch'],
    eventNames: ['request', 'req'],
    eventTypes: ['Request'],
    defaultExportOnly: true,
    handlerRoute: { method: 'ALL', path: '/' },
  },
};

export default cloudflareWorkers;
