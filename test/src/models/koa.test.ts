import * as assert from 'node:assert/strict';
import plugin from 'eslint-plugin-claimguard';
import { lintUnderBothParsers, runUnderBothParsers } from '../eslint-plugin/both-parsers';

// Five lines every case starts with: routes begin on line 6.
const KOA = `const Koa = require('koa');
const Router = require('koa-router');
const jwt = require('koa-jwt');
const app = new Koa();
const router = new Router();
`;
const VERIFIED = "app.use(jwt({ secret: process.env.KEY, algorithms: ['RS256'], issuer: 'https://id.example.com', audience: 'api' }));\n";

describe('koa model', () => {
  describe('ctx.assert: a request method that answers with its status unless its first argument holds', () => {
    const rule = plugin.rules['no-untrusted-authorization']!;
    runUnderBothParsers('no-untrusted-authorization', rule as never, {
      valid: [
        // A verified claim asserted.
        `${KOA}${VERIFIED}router.delete('/users/:id', (ctx) => {
  ctx.assert(ctx.state.user.role === 'admin', 403, 'admins only');
  ctx.status = 204;
});`,
        // Input validation answers 400: no access decision, even on an admin-named field.
        `${KOA}router.post('/users', (ctx) => {
  ctx.assert(ctx.request.body.isAdmin === undefined, 400, 'isAdmin cannot be set');
  ctx.status = 201;
});`,
        // Node's own assert is no answer to the caller.
        `${KOA}const assert = require('node:assert');
router.get('/reports', (ctx) => {
  assert(ctx.get('x-role') === 'admin', 'role');
  ctx.body = [];
});`,
        // An \`assert\` method of something that is not the request.
        `${KOA}router.get('/reports', (ctx) => {
  validator.assert(ctx.get('x-role') === 'admin', 403);
  ctx.body = [];
});`,
      ],
      invalid: [
        {
          code: `${KOA}router.get('/reports', (ctx) => {
  ctx.assert(ctx.get('x-role') === 'admin', 403);
  ctx.body = [];
});`,
          errors: [{ messageId: 'untrustedHeader', line: 7, column: 14, suggestions: [] }],
        },
        {
          // The deny is an error the project names after what it means.
          code: `${KOA}router.get('/accounts/:id', (ctx) => {
  ctx.assert(ctx.query.admin === 'true', new ForbiddenError());
  ctx.body = [];
});`,
          errors: [{ messageId: 'untrustedQuery', line: 7, column: 14, suggestions: [] }],
        },
      ],
    });
  });

  describe('maturity-level', () => {
    const config = { plugins: { claimguard: plugin }, rules: { 'claimguard/maturity-level': ['warn', { minimumLevel: 3 }] } } as never;
    const levelsOf = (code: string) => lintUnderBothParsers(code, config).map((message) => `${message.line}: ${message.message}`);

    it('counts a route as signed in where ctx.assert requires the user an optional token leaves', () => {
      const code = `${KOA}app.use(jwt({ secret: process.env.KEY, algorithms: ['RS256'], issuer: 'https://id.example.com', audience: 'api', passthrough: true }));
router.get('/tags', (ctx) => { ctx.body = []; });
router.get('/me', (ctx) => {
  ctx.assert(ctx.state.user, 401);
  ctx.body = ctx.state.user;
});
app.use(router.routes());`;
      const messages = levelsOf(code);
      assert.equal(messages.length, 2, messages.join('\n'));
      assert.match(messages[0]!, /^7: .*unauthenticated/i);
      assert.match(messages[1]!, /^8: Level 1: token verified by jwt\(\) at line 6/);
    });
  });
});
