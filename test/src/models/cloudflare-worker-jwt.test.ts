import { error, ruleCases } from './rule-cases';

// A Worker's module syntax; the handler's body starts on line 4.
const worker = (body: string) => `import jwt from '@tsndr/cloudflare-worker-jwt';
export default {
  async fetch(request, env) {
${body}
  },
};`;

// A verified token whose role decides: Level 2, since the library pins no issuer or audience.
const ADMIN_GATE = worker(`    const verified = await jwt.verify((request.headers.get('Authorization') ?? '').slice(7), env.JWT_SECRET, 'HS256');
    if (!verified) return new Response('Unauthorized', { status: 401 });
    if (verified.payload.role !== 'admin') return new Response('Forbidden', { status: 403 });
    return new Response('report');`);

describe('models: @tsndr/cloudflare-worker-jwt', () => {
  ruleCases('no-unverified-claims', {
    valid: [
      // Version 2: verify returns whether the token is valid, then the same token is decoded.
      worker(`    const token = (request.headers.get('Authorization') ?? '').slice(7);
    if (!(await jwt.verify(token, env.JWT_SECRET))) return new Response('Unauthorized', { status: 401 });
    const { payload } = jwt.decode(token);
    if (payload.role !== 'admin') return new Response('Forbidden', { status: 403 });
    return new Response('report');`),
      // Version 3: verify returns the decoded token.
      worker(`    const verified = await jwt.verify((request.headers.get('Authorization') ?? '').slice(7), env.JWT_SECRET, { algorithm: 'HS256' });
    if (!verified) return new Response('Unauthorized', { status: 401 });
    if (verified.payload.role !== 'admin') return new Response('Forbidden', { status: 403 });
    return new Response('report');`),
    ],
    invalid: [
      {
        // Decoded, never verified: anyone can write the role.
        code: worker(`    const { payload } = jwt.decode((request.headers.get('Authorization') ?? '').slice(7));
    if (payload.role !== 'admin') return new Response('Forbidden', { status: 403 });
    return new Response('report');`),
        errors: [error('unverifiedClaims', 5, 9)],
      },
    ],
  });
  ruleCases('maturity-level', {
    valid: [
      {
        code: ADMIN_GATE,
        options: [{ minimumLevel: 2 }],
      },
    ],
    invalid: [
      {
        code: ADMIN_GATE,
        options: [{ minimumLevel: 3 }],
        errors: [error('belowMinimum', 3, 14)],
      },
    ],
  });
  ruleCases('require-jwt-validation', {
    valid: [],
    invalid: [
      {
        // The algorithm is pinned, but the library has no issuer or audience check to turn on.
        code: worker(`    const verified = await jwt.verify((request.headers.get('Authorization') ?? '').slice(7), env.JWT_SECRET, { algorithm: 'HS256' });
    return new Response(verified ? 'ok' : 'no');`),
        errors: [error('uncheckable', 4, 28)],
      },
    ],
  });
  ruleCases('no-hardcoded-jwt-secret', {
    valid: [
      worker(`    return new Response(await jwt.sign({ sub: 'user-1', exp: Math.floor(Date.now() / 1000) + 900 }, env.JWT_SECRET));`),
      worker(`    return new Response(await jwt.sign({ sub: 'user-1', exp: Math.floor(Date.now() / 1000) + 900 }, env.JWT_SECRET ?? env.FALLBACK_SECRET));`),
    ],
    invalid: [
      {
        code: worker(`    return new Response(await jwt.sign({ sub: 'user-1', exp: Math.floor(Date.now() / 1000) + 900 }, 'secret'));`),
        errors: [error('weakSecret', 4, 101)],
      },
      {
        // A Worker's environment binding with a literal for when it is unset.
        code: worker(`    return new Response(await jwt.sign({ sub: 'user-1', exp: Math.floor(Date.now() / 1000) + 900 }, env.JWT_SECRET || 'dev-secret'));`),
        errors: [{ messageId: 'fallbackSecret', line: 4, column: 101, data: { library: '@tsndr/cloudflare-worker-jwt', role: 'sign', variable: 'env.JWT_SECRET' } }],
      },
      {
        // Hono's binding, read optionally.
        code: `import { Hono } from 'hono';
import jwt from '@tsndr/cloudflare-worker-jwt';
const app = new Hono();
app.post('/login', async (c) => c.text(await jwt.sign({ sub: 'user-1', exp: Math.floor(Date.now() / 1000) + 900 }, c.env?.JWT_SECRET ?? 'dev-secret')));`,
        errors: [{ messageId: 'fallbackSecret', line: 4, column: 116, data: { library: '@tsndr/cloudflare-worker-jwt', role: 'sign', variable: 'c.env.JWT_SECRET' } }],
      },
    ],
  });
});
