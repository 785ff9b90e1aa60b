import * as assert from 'node:assert/strict';
import { tempProjectLevels, untrustedDecisions } from './temp-project';

/**
 * Next.js middleware that verifies the token and forwards the subject as a request header
 * (`NextResponse.next({ request: { headers } })`): a route that compares a path id with that header compares it
 * with the verified subject, an ownership check like `req.params.userId !== req.auth.sub`. The rule and the
 * grade agree on it. TypeScript, as Next.js projects are.
 */
describe('a path id compared with a claim that middleware forwarded as a header', function () {
  this.timeout(60_000);

  const middleware = (forwarded: string) => `import { NextResponse, type NextRequest } from 'next/server';
import { jwtVerify } from 'jose';
const key = new TextEncoder().encode(process.env.JWT_SECRET);
export async function middleware(req: NextRequest) {
  const token = req.cookies.get('session')?.value;
  if (!token) return NextResponse.json({ error: 'unauthenticated' }, { status: 401 });
  try {
    const { payload } = await jwtVerify(token, key, { algorithms: ['HS256'], issuer: 'acme', audience: 'acme-web' });
    const headers = new Headers(req.headers);
    headers.set('x-user-id', ${forwarded});
    return NextResponse.next({ request: { headers } });
  } catch {
    return NextResponse.json({ error: 'unauthenticated' }, { status: 401 });
  }
}
export const config = { matcher: ['/api/:path*'] };
`;
  const ROUTE = `import { NextResponse, type NextRequest } from 'next/server';
import { headers } from 'next/headers';
export async function GET(req: NextRequest, { params }: { params: { customerId: string } }) {
  const userId = headers().get('x-user-id');
  if (userId !== params.customerId) return NextResponse.json({ error: 'forbidden' }, { status: 403 });
  return NextResponse.json({ invoices: [] });
}
`;

  /** The same project as plain JavaScript, which espree parses: `.js` files without the type annotations. */
  const asJavaScript = (files: Record<string, string>) =>
    Object.fromEntries(
      Object.entries(files).map(([file, text]) => [
        file.replace(/\.ts$/, '.js'),
        text.replace(', type NextRequest', '').replace(/: NextRequest/g, '').replace(': { params: { customerId: string } }', ''),
      ]),
    );

  it('reports nothing and grades Level 3 when the header holds the verified subject, in TypeScript and in JavaScript', async () => {
    const files = { 'middleware.ts': middleware('String(payload.sub)'), 'app/api/billing/[customerId]/route.ts': ROUTE };
    for (const project of [files, asJavaScript(files)]) {
      assert.deepEqual(await untrustedDecisions(project, 'forwarded-claims'), []);
      assert.deepEqual(tempProjectLevels(project, 'forwarded-claims'), { 'GET /api/billing/[customerId]': 3 });
    }
  });

  it('reports the comparison when the forwarded header copies another header the caller sent', async () => {
    const files = { 'middleware.ts': middleware("req.headers.get('x-forwarded-user') ?? ''"), 'app/api/billing/[customerId]/route.ts': ROUTE };
    const findings = await untrustedDecisions(files, 'forwarded-claims');
    assert.ok(findings.includes("app/api/billing/[customerId]/route.ts:5 Authorization decision uses header 'x-user-id' (line 4)"), JSON.stringify(findings));
  });
});
