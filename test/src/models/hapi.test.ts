import * as assert from 'node:assert/strict';
import plugin from 'eslint-plugin-claimguard';
import type { InvalidTestCase, ValidTestCase } from '@typescript-eslint/rule-tester';
import { lintUnderBothParsers, runUnderBothParsers } from '../eslint-plugin/both-parsers';

type MaturityOptions = [{ minimumLevel?: 0 | 1 | 2 | 3; publicRoutes?: string[] }];
type MaturityMessages = 'belowMinimum' | 'unauthenticated';

// Two lines every case starts with: routes begin on line 3.
const HAPI = `const Hapi = require('@hapi/hapi');
const server = Hapi.server({ port: 3000 });
`;

// Four lines: a jwt strategy made the default, so routes begin on line 5.
const HAPI_JWT = `${HAPI}server.auth.strategy('jwt', 'jwt', { keys: process.env.JWT_KEY, verify: false });
server.auth.default('jwt');
`;

describe('hapi model', () => {
  describe('no-untrusted-authorization', () => {
    const rule = plugin.rules['no-untrusted-authorization']!;
    runUnderBothParsers('no-untrusted-authorization', rule as never, {
      valid: [
        // Verified credentials decide.
        `${HAPI_JWT}server.route({ method: 'DELETE', path: '/users/{id}', handler: (request, h) => {
  if (!request.auth.credentials.scope.includes('admin')) return h.response().code(403);
  return removeUser(request.params.id);
} });`,
        // Outside a hapi route object, \`req.payload\` is whatever the project's own middleware put there.
        `app.get('/admin', (req, res) => {
  if (req.payload.role !== 'admin') return res.sendStatus(403);
  res.send('ok');
});`,
        // Paging from the query is not a decision.
        `${HAPI_JWT}server.route({ method: 'GET', path: '/monitors', handler: (request) => listMonitors({ limit: Number(request.query.limit) || 20 }) });`,
      ],
      invalid: [
        {
          code: `${HAPI_JWT}server.route({ method: 'POST', path: '/admin/reset', handler: (request, h) => {
  if (request.headers['x-role'] !== 'admin') return h.response().code(403);
  return reset();
} });`,
          errors: [{ messageId: 'untrustedHeader', line: 6, column: 7, suggestions: [] }],
        },
        {
          // hapi's `request.payload` is the body.
          code: `${HAPI_JWT}server.route({ method: 'POST', path: '/users', options: { handler: (request, h) => {
  if (request.payload.role === 'admin') return h.response().code(403);
  return createUser(request.payload);
} } });`,
          errors: [{ messageId: 'untrustedBody', line: 6, column: 7, suggestions: [] }],
        },
        {
          // hapi's `request.state` holds the cookies.
          code: `${HAPI_JWT}module.exports = [
  { method: 'GET', path: '/admin', handler: (request, h) => {
    if (request.state.role !== 'admin') return h.response().code(403);
    return 'ok';
  } },
];`,
          errors: [{ messageId: 'untrustedCookie', line: 7, column: 9, suggestions: [] }],
        },
      ],
    });
  });

  describe('maturity-level', () => {
    const rule = plugin.rules['maturity-level']!;
    const valid: ValidTestCase<MaturityOptions>[] = [
        // A jwt default strategy and a decision on verified credentials: graded below 3 only for the strategy's
        // unseen options, which a lower minimum accepts.
        {
          code: `${HAPI_JWT}server.route({ method: 'GET', path: '/admin', handler: (request, h) => {
  if (!request.auth.credentials.scope.includes('admin')) return h.response().code(403);
  return 'ok';
} });`,
          options: [{ minimumLevel: 2 }],
        },
        // A default strategy whose name the code does not spell: what it verifies is unknown, so nothing is reported.
        { code: `${HAPI}server.auth.default(config.auth.strategy);
server.route({ method: 'GET', path: '/users', handler: (request) => listUsers() });` },
        // A public route allow-listed.
        { code: `${HAPI}server.route({ method: 'GET', path: '/status', options: { auth: false }, handler: () => ({ ok: true }) });`, options: [{ publicRoutes: ['/status'] }] },
        // Scopes the route requires of the verified credentials, which hapi checks before the handler runs.
        ...[
          "options: { auth: { scope: ['admin'] } }",
          "options: { auth: { access: { scope: ['admin'] } } }",
          "config: { auth: { strategy: 'jwt', access: [{ scope: ['+admin'] }] } }",
          "options: { auth: { strategy: 'jwt', scope: 'admin' } }",
        ].map((setting) => ({ code: `${HAPI_JWT}server.route({ method: 'GET', path: '/admin/stats', ${setting}, handler: () => stats() });`, options: [{ minimumLevel: 2 }] as MaturityOptions })),
    ];
    const invalid: InvalidTestCase<MaturityMessages, MaturityOptions>[] = [
        {
          // `auth: false` opts out of the default strategy.
          code: `${HAPI_JWT}server.route({ method: 'GET', path: '/status', options: { auth: false }, handler: () => ({ ok: true }) });`,
          errors: [{ messageId: 'unauthenticated', line: 5 }],
        },
        {
          // Routes of an array, each reported at its own object; the default strategy verifies a token.
          code: `${HAPI_JWT}server.route([
  { method: 'GET', path: '/monitors/{id}', handler: (request) => findMonitor(request.params.id) },
  { method: 'GET', path: '/health', config: { auth: false, handler: () => 'ok' } },
]);`,
          errors: [
            { messageId: 'belowMinimum', line: 6 },
            { messageId: 'unauthenticated', line: 7 },
          ],
        },
        {
          // An authentication setting that names no scope decides nothing.
          code: `${HAPI_JWT}server.route({ method: 'GET', path: '/admin/stats', options: { auth: { mode: 'required', access: { entity: 'user' } } }, handler: () => stats() });`,
          options: [{ minimumLevel: 2 }],
          errors: [{ messageId: 'belowMinimum', line: 5 }],
        },
        {
          // A route that names its own strategy is authenticated without a default.
          code: `${HAPI}server.route({ method: 'GET', path: '/me', options: { auth: 'jwt' }, handler: (request) => request.auth.credentials });`,
          errors: [{ messageId: 'belowMinimum', line: 3 }],
        },
        {
          // No default strategy and no route setting: nothing authenticates the route.
          code: `${HAPI}server.route({ method: 'POST', path: '/admin', handler: (request, h) => {
  if (request.headers['x-admin'] !== 'true') return h.response().code(403);
  return 'ok';
} });`,
          errors: [{ messageId: 'unauthenticated', line: 3 }],
        },
        {
          // A session cookie made the default is not a verified token.
          code: `${HAPI}server.auth.strategy('session', 'cookie', { cookie: { password: process.env.COOKIE_PASSWORD } });
server.auth.default('session');
server.route({ method: 'GET', path: '/account', handler: (request) => request.params });`,
          errors: [{ messageId: 'unauthenticated', line: 5 }],
        },
    ];
    runUnderBothParsers('maturity-level', rule as never, { valid, invalid });
  });

  describe('grades', () => {
    it('names the default strategy as the route\'s verification and what it leaves unseen', () => {
      const messages = lintUnderBothParsers(
        `${HAPI_JWT}server.route({ method: 'GET', path: '/monitors/{id}', handler: (request) => findMonitor(request.params.id) });`,
        { plugins: { claimguard: plugin }, rules: { 'claimguard/maturity-level': 'error' } },
      );
      assert.equal(messages.length, 1);
      assert.match(messages[0]!.message, /^Level 1: /);
      assert.match(messages[0]!.message, /auth\.default\('jwt'\)/);
    });

    it('runs route prerequisites before the handler: functions, `{ method, assign }` objects and parallel groups', () => {
      const CHECK = "(request, h) => { if (!request.auth.credentials.scope.includes('admin')) return h.response().code(403).takeover(); return true; }";
      const route = (pre: string) => `${HAPI_JWT}const isAdmin = ${CHECK};
server.route({ method: 'DELETE', path: '/users/{id}', options: { ${pre}handler: (request) => removeUser(request.params.id) } });`;
      const config = { plugins: { claimguard: plugin }, rules: { 'claimguard/maturity-level': 'error' } } as const;
      const levelOf = (pre: string) => /^(Level \d|Unauthenticated)/.exec(lintUnderBothParsers(route(pre), config)[0]?.message ?? '')?.[1];
      assert.equal(levelOf(''), 'Level 1');
      for (const pre of ['pre: [isAdmin], ', "pre: [{ method: isAdmin, assign: 'admin' }], ", "pre: [[{ method: isAdmin, assign: 'admin' }]], "]) {
        assert.equal(levelOf(pre), 'Level 2', pre);
      }
    });

    it("takes `mode: 'try'` and `mode: 'optional'` for authentication only where the handler requires the credentials", () => {
      const route = (mode: string, handler: string) => `${HAPI}server.auth.strategy('jwt', 'jwt', { keys: process.env.JWT_KEY, verify: false });
server.route({ method: 'GET', path: '/articles/{slug}', options: { auth: { mode: '${mode}', strategy: 'jwt' } }, handler: ${handler} });`;
      const config = { plugins: { claimguard: plugin }, rules: { 'claimguard/maturity-level': 'error' } } as const;
      const open = '(request) => findArticle(request.params.slug, request.auth.credentials?.id)';
      for (const mode of ['try', 'optional']) {
        const [message] = lintUnderBothParsers(route(mode, open), config);
        assert.match(message?.message ?? '', /^Unauthenticated route GET \/articles\/\{slug\}/);
      }
      // A handler that decides on the credentials requires them: the strategy authenticates its route.
      const decides = "(request, h) => { if (!request.auth.credentials?.scope?.includes('editor')) return h.response().code(403); return findArticle(request.params.slug); }";
      assert.match(lintUnderBothParsers(route('try', decides), config)[0]?.message ?? '', /^Level 2: the auth strategy of auth: \{ mode: 'try', strategy: 'jwt' \} at line 4 does not pin/);
      // The default mode requires the credentials.
      assert.match(lintUnderBothParsers(route('required', open), config)[0]?.message ?? '', /^Level 1: /);
    });
  });
});
