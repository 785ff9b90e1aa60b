import * as assert from 'node:assert/strict';
import { tempProjectLevels, untrustedDecisions } from './temp-project';

/**
 * Hono middleware hands later handlers what it found through context variables: `c.set('user', …)` in one
 * middleware, `c.get('user')` in the next. What is read is what was set: verified claims, or a header. The
 * middleware lives in `src/middleware/`, the routes in `src/index.ts`; TypeScript.
 */
describe('context variables set by middleware in another file', function () {
  this.timeout(60_000);

  const project = (user: string) => ({
    'src/index.ts': `import { Hono } from 'hono';
import { authenticate, requireAdmin } from './middleware/auth';

const app = new Hono();
app.get('/admin/stats', authenticate, requireAdmin, (c) => c.json({ users: 1 }));
app.get('/me', authenticate, (c) => c.json(c.get('user')));
export default app;
`,
    'src/middleware/auth.ts': `import type { Context, Next } from 'hono';
import { verify } from 'hono/jwt';

export const authenticate = async (c: Context, next: Next) => {
  const header = c.req.header('Authorization');
  if (!header?.startsWith('Bearer ')) return c.json({ error: 'missing token' }, 401);
  const payload = await verify(header.slice(7), c.env.JWT_SECRET, { alg: 'HS256', iss: 'https://id.example.com/', aud: 'api' });
  c.set('user', ${user});
  await next();
};

export const requireAdmin = async (c: Context, next: Next) => {
  if (c.get('user').role !== 'admin') return c.json({ error: 'forbidden' }, 403);
  await next();
};
`,
  });

  it('reads a variable set from verified claims as those claims', async () => {
    const files = project(`{ id: payload.sub, role: payload.role }`);
    assert.deepEqual(tempProjectLevels(files, 'context-variables'), { 'GET /admin/stats': 3, 'GET /me': 1 });
    assert.deepEqual(await untrustedDecisions(files, 'context-variables'), []);
  });

  it('reads a variable set from a header as that header', async () => {
    const files = project(`{ id: payload.sub, role: c.req.header('x-role') }`);
    assert.deepEqual(tempProjectLevels(files, 'context-variables'), { 'GET /admin/stats': 1, 'GET /me': 1 });
    assert.deepEqual(await untrustedDecisions(files, 'context-variables'), ["src/middleware/auth.ts:13 Authorization decision uses header 'x-role'"]);
  });
});
