import * as assert from 'node:assert/strict';
import plugin from 'eslint-plugin-claimguard';
import { lintUnderBothParsers, runUnderBothParsers } from '../eslint-plugin/both-parsers';

const JOSE = `import { createRemoteJWKSet, jwtVerify } from 'jose';
const JWKS = createRemoteJWKSet(new URL('https://issuer.example.com/.well-known/jwks.json'));
`;

describe('Cloudflare Workers model', () => {
  describe('no-untrusted-authorization', () => {
    const rule = plugin.rules['no-untrusted-authorization']!;
    runUnderBothParsers('no-untrusted-authorization', rule as never, {
      valid: [
        // Claims verified in the handler decide.
        `${JOSE}export default {
  async fetch(request, env) {
    const token = (request.headers.get('authorization') ?? '').replace('Bearer ', '');
    const { payload } = await jwtVerify(token, JWKS, { algorithms: ['RS256'], issuer: 'https://issuer.example.com/', audience: 'api' });
    if (payload.role !== 'admin') return new Response('forbidden', { status: 403 });
    return new Response('ok');
  },
};`,
        // A language header picks a translation, it does not decide access.
        `export default {
  async fetch(request) {
    const lang = request.headers.get('accept-language') === 'de' ? 'de' : 'en';
    return new Response(lang);
  },
};`,
      ],
      invalid: [
        {
          code: `export default {
  async fetch(request, env, ctx) {
    if (request.headers.get('x-role') !== 'admin') return new Response('forbidden', { status: 403 });
    return new Response('ok');
  },
};`,
          errors: [{ messageId: 'untrustedHeader', line: 3, column: 9, suggestions: [] }],
        },
      ],
    });
  });

  describe('routes', () => {
    const config = { plugins: { claimguard: plugin }, rules: { 'claimguard/maturity-level': 'error' as const } };

    it('grades the fetch handler as the route of every request', () => {
      const messages = lintUnderBothParsers(
        `export default {
  async fetch(request, env) {
    if (request.headers.get('x-admin') !== 'true') return new Response('forbidden', { status: 403 });
    return new Response('ok');
  },
};`,
        config,
      );
      assert.equal(messages.length, 1);
      assert.match(messages[0]!.message, /^Unauthenticated route ALL \//);
      assert.equal(messages[0]!.line, 2);
    });

    it('is quiet on a Worker that verifies with pinned options and decides on the claims', () => {
      const messages = lintUnderBothParsers(
        `${JOSE}export default {
  async fetch(request) {
    const token = (request.headers.get('authorization') ?? '').replace('Bearer ', '');
    const { payload } = await jwtVerify(token, JWKS, { algorithms: ['RS256'], issuer: 'https://issuer.example.com/', audience: 'api' });
    if (!String(payload.scope).split(' ').includes('read:reports')) return new Response('forbidden', { status: 403 });
    return new Response('[]');
  },
};`,
        config,
      );
      assert.deepEqual(messages, []);
    });

    it('does not take a named fetch helper for a Worker', () => {
      const messages = lintUnderBothParsers(
        `export async function fetch(request) {
  if (request.headers.get('x-admin') !== 'true') throw new Error('forbidden');
  return globalThis.fetch(request);
}`,
        config,
      );
      assert.deepEqual(messages, []);
    });
  });
});
