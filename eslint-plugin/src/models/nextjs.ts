import type { FrameworkModel } from './framework-model';

/** Next.js App Router: `app/…/route.ts` handlers, `middleware.ts` with `config.matcher`, `next/headers`. */
const nextjs: FrameworkModel = {
  kind: 'framework',
  id: 'nextjs',
  name: 'Next.js (App Router)',
  packages: ['next'],
  covers: '`app/…/route.ts` exports `GET`…`OPTIONS` (route groups and parallel-route folders left out of paths), `{ params }`, `request.nextUrl.searchParams`, `cookies()`/`headers()` from `next/headers`, `middleware.ts` and its `config.matcher`, headers it forwards with `NextResponse.next({ request: { headers } })`',
  routeFramework: 'next',
  verifierHint: "jose's jwtVerify() in middleware.ts or the handler",
  request: {
    members: { nextUrl: { url: 'parsed' } },
    importedSources: [
      { module: 'next/headers', name: 'cookies', source: 'cookie' },
      { module: 'next/headers', name: 'headers', source: 'header' },
    ],
    forwardedHeaders: [{ call: 'next', optionPath: ['request', 'headers'], setMethods: ['set', 'append'] }],
    pathMembers: { 'nextUrl.pathname': 'full' },
    passOnCalls: ['NextResponse.next'],
  },
  fileRoutes: {
    folder: 'app',
    baseName: 'route',
    methodExports: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'],
    secondParameter: 'route-context',
    middlewareFile: 'middleware',
  },
};

export default nextjs;
