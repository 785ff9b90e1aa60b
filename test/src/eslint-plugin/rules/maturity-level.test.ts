import * as assert from 'node:assert/strict';
import type { InvalidTestCase, ValidTestCase } from '@typescript-eslint/rule-tester';
import plugin from 'eslint-plugin-claimguard';
import { JS_FILENAME, lintUnderBothParsers, runUnderBothParsers } from '../both-parsers';

type MessageIds = 'belowMinimum' | 'unauthenticated';
type Options = [{ minimumLevel?: 0 | 1 | 2 | 3; publicRoutes?: string[] }];

const ruleName = 'maturity-level';
const rule = plugin.rules[ruleName];

// Four lines every Express case starts with: routes begin on line 5.
const EXPRESS = `const express = require('express');
const { auth, requiredScopes, claimIncludes } = require('express-oauth2-jwt-bearer');
const app = express();
const checkJwt = auth({ audience: 'https://api.example.com', issuerBaseURL: 'https://issuer.example.com/', tokenSigningAlg: 'RS256' });
`;

// Four lines for Koa: routes begin on line 5.
const KOA = `import Koa from 'koa';
import Router from '@koa/router';
import jwt from 'koa-jwt';
const app = new Koa();
`;

// Three lines for Fastify with @fastify/jwt registered without pinning: routes begin on line 4.
const FASTIFY = `import Fastify from 'fastify';
const fastify = Fastify();
fastify.register(require('@fastify/jwt'), { secret: process.env.JWT_SECRET });
`;

// Three lines for Hono: routes begin on line 4.
const HONO = `import { Hono } from 'hono';
import { jwt } from 'hono/jwt';
const app = new Hono();
`;

// RuleTester checks ids and positions; the level each error expects is checked against the message text below.
const expectedPrefix = new WeakMap<object, string>();
function level(lvl: 0 | 1 | 2 | 3, line: number, column = 0) {
  const error = { messageId: 'belowMinimum' as const, line, column: column + 1 };
  expectedPrefix.set(error, `Level ${lvl}: `);
  return error;
}
function unauthenticated(line: number, column = 0) {
  const error = { messageId: 'unauthenticated' as const, line, column: column + 1 };
  expectedPrefix.set(error, 'Unauthenticated route ');
  return error;
}

const valid: (string | ValidTestCase<Options>)[] = [
  // The same optional token, required by the route's own code: it authenticates that route, and nothing is left open.
  `const express = require('express');
const { expressjwt } = require('express-jwt');
const app = express();
const optional = expressjwt({ secret: process.env.KEY, algorithms: ['RS256'], issuer: 'https://id', audience: 'api', credentialsRequired: false });
app.delete('/articles/:id', optional, (req, res) => {
  if (!req.auth) return res.sendStatus(401);
  if (req.auth.role !== 'admin') return res.sendStatus(403);
  res.sendStatus(204);
});`,
  // Express: Level 3 routes
  `${EXPRESS}app.get('/reports', checkJwt, requiredScopes('read:reports'), (req, res) => res.json([]));`,
  `${EXPRESS}app.delete('/items/:id', checkJwt, (req, res) => {
  if (req.auth.payload.role !== 'admin') return res.sendStatus(403);
  res.sendStatus(204);
});`,
  `${EXPRESS}const router = express.Router();
router.use(checkJwt);
router.get('/orders', claimIncludes('roles', 'clerk'), (req, res) => res.json([]));
app.use('/v1', router);`,
  `${EXPRESS}app.post('/invoices', [checkJwt, requiredScopes('write:invoices')], (req, res) => res.sendStatus(201));`,
  // The scope check made once and kept in a variable, as the express-oauth2-jwt-bearer samples write it.
  `${EXPRESS}const checkScopes = requiredScopes('read:messages');
app.get('/api/private-scoped', checkJwt, checkScopes, (req, res) => res.json({}));`,
  `${EXPRESS}app.route('/items').get(checkJwt, requiredScopes('read:items'), (req, res) => res.json([]));`,
  `${EXPRESS}app.use('/api', checkJwt);
app.get('/api/stats', requiredScopes('read:stats'), (req, res) => res.json({}));`,
  `${EXPRESS}function requireRole(role) {
  return (req, res, next) => (req.auth.payload.role === role ? next() : res.sendStatus(403));
}
app.get('/admin', checkJwt, requireRole('admin'), (req, res) => res.end());`,
  `const express = require('express');
const jwt = require('jsonwebtoken');
const app = express();
app.get('/me', (req, res) => {
  const claims = jwt.verify(req.headers.authorization.slice(7), process.env.PUBLIC_KEY, { algorithms: ['RS256'], issuer: 'https://issuer', audience: 'api' });
  if (claims.role !== 'admin') return res.sendStatus(403);
  res.json(claims);
});`,

  // Express: public routes and lower targets
  { code: `${EXPRESS}app.get('/health', (req, res) => res.send('ok'));`, options: [{ publicRoutes: ['/health'] }] },
  { code: `${EXPRESS}app.get('/public/docs/intro', (req, res) => res.send('ok'));`, options: [{ publicRoutes: ['/public/**'] }] },
  { code: `${EXPRESS}app.get('/status/db', (req, res) => res.send('ok'));`, options: [{ publicRoutes: ['/status/*'] }] },
  { code: `${EXPRESS}app.get('/me', checkJwt, (req, res) => res.json(req.auth.payload));`, options: [{ minimumLevel: 1 }] },
  {
    code: `${EXPRESS}app.get('/admin', checkJwt, requiredScopes('admin'), (req, res) => {
  if (req.headers['x-role'] !== 'admin') return res.sendStatus(403);
  res.end();
});`,
    options: [{ minimumLevel: 2 }],
  },
  {
    code: `const express = require('express');
const app = express();
function apiKey(req, res, next) {
  if (req.headers['x-api-key'] !== process.env.API_KEY) return res.sendStatus(401);
  next();
}
app.get('/export', apiKey, (req, res) => res.end());`,
    options: [{ minimumLevel: 0 }],
  },

  // Express: levels this file cannot know are left to the claimguard command
  `const express = require('express');
const { requireAuth } = require('./middleware/auth');
const app = express();
app.get('/orders', requireAuth, (req, res) => res.json([]));`,
  `import express from 'express';
const router = express.Router();
router.get('/orders', (req, res) => res.json([]));
export default router;`,
  `import { Router } from 'express';
import * as auth from '../auth';
export const router = Router();
router.get('/orders', auth.requireUser, (req, res) => res.json([]));`,

  // Not routes: HTTP clients, settings getters, maps
  `const axios = require('axios');
async function load(config) { return axios.get('/users', config); }`,
  `const express = require('express');
const app = express();
const title = app.get('title');`,
  `const cache = new Map();
cache.get('/users');
function handler(req) { return req.get('/x'); }`,
  `const express = require('express');
const app = express();
app.use(express.json());`,
  ``,

  // Koa
  `${KOA}const router = new Router({ prefix: '/api' });
app.use(jwt({ secret: process.env.PUBLIC_KEY, algorithms: ['RS256'], issuer: 'https://issuer', audience: 'api' }));
router.get('/orders/:id', async (ctx) => {
  if (ctx.state.user.role !== 'admin') ctx.throw(403);
  ctx.body = {};
});
app.use(router.routes());`,
  { code: `${KOA}const router = new Router();
app.use(jwt({ secret: process.env.PUBLIC_KEY, algorithms: ['RS256'], issuer: 'https://issuer', audience: 'api' }));
router.get('/profile', async (ctx) => { ctx.body = ctx.state.user; });
app.use(router.routes());`, options: [{ minimumLevel: 1 }] },

  // Fastify
  { code: `${FASTIFY}fastify.get('/status', async () => 'ok');`, options: [{ publicRoutes: ['/status'] }] },
  {
    code: `${FASTIFY}fastify.decorate('authenticate', async (request) => { await request.jwtVerify(); });
fastify.get('/me', { onRequest: [fastify.authenticate] }, async (request) => request.user);`,
    options: [{ minimumLevel: 1 }],
  },

  // Hono
  {
    code: `${HONO}app.use('/admin/*', jwt({ secret: process.env.JWT_SECRET, alg: 'HS256' }));
app.get('/admin/stats', (c) => {
  if (c.get('jwtPayload').role !== 'admin') return c.text('forbidden', 403);
  return c.json({});
});`,
    options: [{ minimumLevel: 2 }],
  },

  // NestJS
  {
    code: `import { Controller, Get, UseGuards } from '@nestjs/common';
import { AuthGuard } from '@nestjs/passport';
@Controller('cats')
@UseGuards(AuthGuard('jwt'))
export class CatsController {
  @Get()
  findAll() { return []; }
}`,
    filename: 'file.ts',
    options: [{ minimumLevel: 1 }],
  },
  { code: `import { Controller, Post, UseGuards } from '@nestjs/common';
import { RolesGuard } from './roles.guard';
@Controller('cats')
export class CatsController {
  @Post()
  @UseGuards(RolesGuard)
  create() { return 1; }
}`, filename: 'file.ts' },

  // NestJS: a module's middleware or an APP_GUARD in another file may authenticate a controller
  { code: `import { Controller, Get } from '@nestjs/common';
@Controller()
export class AppController {
  @Get()
  root() { return 'x'; }
}`, filename: 'file.ts' },
  { code: `import { Controller, Delete, Get, Param } from '@nestjs/common';
import { User } from '../user/user.decorator';
import { ArticleService } from './article.service';
@Controller('articles')
export class ArticleController {
  constructor(private readonly articleService: ArticleService) {}
  @Get('feed')
  feed(@User('id') userId: number) { return this.articleService.findFeed(userId); }
  @Delete(':slug')
  delete(@Param() params) { return this.articleService.delete(params.slug); }
}`, filename: 'file.ts' },

  // Hono: an exported sub-app is mounted elsewhere, maybe behind middleware
  `import { Hono } from 'hono';
const api = new Hono();
api.get('/posts', (c) => c.json([]));
api.delete('/posts/:id', async (c) => c.json({ deleted: c.req.param('id') }));
export default api;`,
  `import { Hono } from 'hono';
export const TodoAPI = new Hono()
  .get('/todos', async (c) => c.json({ todos: [] }))
  .delete('/todos/:id', async (c) => c.json({ id: c.req.param('id') }));`,

  // Authentication in code this file cannot see, confirmed by a 401 on the route
  `import { Hono } from 'hono';
import { checkSession } from './session';
const app = new Hono();
app.get('/account', async (c) => {
  const session = await checkSession(c);
  if (!session) return c.json({ error: 'unauthorized' }, 401);
  return c.json(session);
});`,

  // Koa: controllers reached through an imported module object
  `const Router = require('koa-router');
const ctrl = require('../controllers').articles;
const router = new Router();
router.get('/articles/:slug', ctrl.getOne);
router.get('/articles/:slug/comments', ctrl.comments.get);
module.exports = router.routes();`,

  // Next.js: middleware.ts may protect App Router routes, so only the command grades them
  {
    code: `export async function GET(request: Request) { return Response.json([]); }`,
    filename: 'app/orders/route.ts',
  },
  { code: `export async function GET(request: Request) { return Response.json([]); }`, filename: 'file.ts' },

  // Node http
  `const http = require('http');
const express = require('express');
const app = express();
http.createServer(app).listen(3000);`,
  { code: `const http = require('http');
http.createServer((req, res) => res.end('ok')).listen(3000);`, options: [{ publicRoutes: ['/'] }] },
];

const invalid: InvalidTestCase<MessageIds, Options>[] = [
  // A token the middleware makes optional authenticates nobody on a route that never requires it: the route is public.
  {
    code: `const express = require('express');
const { expressjwt } = require('express-jwt');
const app = express();
const optional = expressjwt({ secret: process.env.KEY, algorithms: ['RS256'], issuer: 'https://id', audience: 'api', credentialsRequired: false });
app.get('/articles', optional, (req, res) => res.json({ viewer: req.auth ? req.auth.sub : null }));`,
    errors: [unauthenticated(5)],
  },
  {
    code: `${EXPRESS.replace("tokenSigningAlg: 'RS256' }", "tokenSigningAlg: 'RS256', authRequired: false }")}app.get('/catalog', checkJwt, (req, res) => res.json([]));`,
    errors: [unauthenticated(5)],
  },
  // A verifier whose key is in the source: the claims it checks can be minted by anyone, so Level 1 at most.
  {
    code: `const express = require('express');
const jwt = require('jsonwebtoken');
const app = express();
const SECRET = process.env.JWT_SECRET || 'local-dev-secret';
app.get('/me', (req, res) => {
  const claims = jwt.verify(req.headers.authorization.slice(7), SECRET, { algorithms: ['HS256'], issuer: 'https://issuer', audience: 'api' });
  if (claims.role !== 'admin') return res.sendStatus(403);
  res.json(claims);
});`,
    options: [{ minimumLevel: 2 }],
    errors: [level(1, 5)],
  },
  {
    code: `const express = require('express');
const jwt = require('jsonwebtoken');
const app = express();
app.get('/me', (req, res) => {
  const claims = jwt.verify(req.headers.authorization.slice(7), 'a-secret-written-into-the-code', { algorithms: ['HS256'], issuer: 'https://issuer', audience: 'api' });
  if (claims.role !== 'admin') return res.sendStatus(403);
  res.json(claims);
});`,
    errors: [level(1, 4)],
  },
  // Express: unauthenticated
  { code: `${EXPRESS}app.get('/health', (req, res) => res.send('ok'));`, errors: [unauthenticated(5)] },
  {
    code: `${EXPRESS}app.get('/legacy', (req, res) => {
  if (req.headers['x-role'] !== 'admin') return res.sendStatus(403);
  res.end();
});`,
    errors: [unauthenticated(5)],
  },
  { code: `${EXPRESS}app.get('/early', (req, res) => res.end());
app.use(checkJwt);`, errors: [unauthenticated(5)] },
  { code: `${EXPRESS}app.use('/admin', checkJwt);
app.get('/api/items', (req, res) => res.end());`, errors: [unauthenticated(6)] },
  { code: `${EXPRESS}app.get('/health', (req, res) => res.send('ok'));`, options: [{ publicRoutes: ['/healthz'] }], errors: [unauthenticated(5)] },
  {
    code: `const express = require('express');
const jwt = require('jsonwebtoken');
const app = express();
app.get('/admin', (req, res) => {
  const claims = jwt.decode(req.headers.authorization.slice(7));
  if (claims.role !== 'admin') return res.sendStatus(403);
  res.end();
});`,
    errors: [unauthenticated(4)],
  },

  // Express: Level 0
  {
    code: `const express = require('express');
const app = express();
function apiKey(req, res, next) {
  if (req.headers['x-api-key'] !== process.env.API_KEY) return res.sendStatus(401);
  next();
}
app.get('/export', apiKey, (req, res) => res.end());`,
    errors: [level(0, 7)],
  },
  {
    code: `const express = require('express');
const basicAuth = require('express-basic-auth');
const app = express();
app.get('/admin', basicAuth({ users: { admin: process.env.ADMIN_PASSWORD } }), (req, res) => res.end());`,
    errors: [level(0, 4)],
  },

  // Express: Level 1
  { code: `${EXPRESS}app.get('/me', checkJwt, (req, res) => res.json(req.auth.payload));`, errors: [level(1, 5)] },
  { code: `${EXPRESS}app.post('/items', [checkJwt], (req, res) => res.sendStatus(201));`, errors: [level(1, 5)] },
  { code: `${EXPRESS}const router = express.Router();
router.use(checkJwt);
router.get('/orders', (req, res) => res.json([]));
app.use('/v1', router);`, options: [{ minimumLevel: 2 }], errors: [level(1, 7)] },
  { code: `${EXPRESS}const router = express.Router();
router.get('/orders', (req, res) => res.json([]));
app.use('/v1', checkJwt, router);`, errors: [level(1, 6)] },
  {
    code: `${EXPRESS}app.get('/admin', checkJwt, (req, res) => {
  if (req.headers['x-role'] !== 'admin') return res.sendStatus(403);
  res.end();
});`,
    errors: [level(1, 5)],
  },
  { code: `${EXPRESS}app.route('/items').get((req, res) => res.end()).post(checkJwt, (req, res) => res.end());`, errors: [unauthenticated(5, 20), level(1, 5, 49)] },

  // Express: Level 2
  {
    code: `${EXPRESS}app.get('/admin', checkJwt, requiredScopes('admin'), (req, res) => {
  const role = req.headers['x-role'];
  if (role !== 'admin') return res.status(403).end();
  res.end();
});`,
    errors: [level(2, 5)],
  },
  {
    code: `const express = require('express');
const { expressjwt } = require('express-jwt');
const app = express();
app.get('/reports', expressjwt({ secret: process.env.JWT_SECRET, algorithms: ['HS256'] }), (req, res) => {
  if (!req.auth.permissions.includes('read:reports')) return res.sendStatus(403);
  res.end();
});`,
    errors: [level(2, 4)],
  },
  {
    code: `${EXPRESS}function requireRole(role) {
  return (req, res, next) => (req.headers['x-role'] === role ? next() : res.sendStatus(403));
}
app.get('/admin', checkJwt, requiredScopes('admin'), requireRole('admin'), (req, res) => res.end());`,
    errors: [level(2, 8)],
  },

  // Koa
  { code: `${KOA}const router = new Router();
router.get('/orders', async (ctx) => { ctx.body = []; });
app.use(router.routes());`, errors: [unauthenticated(6)] },
  {
    code: `${KOA}const router = new Router();
app.use(jwt({ secret: process.env.JWT_SECRET }));
router.get('/orders', async (ctx) => {
  if (ctx.state.user.role !== 'admin') ctx.throw(403);
});
app.use(router.routes());`,
    errors: [level(2, 7)],
  },
  { code: `${KOA}const router = new Router();
app.use(jwt({ secret: process.env.PUBLIC_KEY, algorithms: ['RS256'], issuer: 'https://issuer', audience: 'api' }));
router.get('/profile', async (ctx) => { ctx.body = ctx.state.user; });
app.use(router.routes());`, errors: [level(1, 7)] },

  // Fastify
  { code: `${FASTIFY}fastify.get('/open', async () => 'hi');`, errors: [unauthenticated(4)] },
  {
    code: `${FASTIFY}fastify.decorate('authenticate', async (request) => { await request.jwtVerify(); });
fastify.get('/me', { onRequest: [fastify.authenticate] }, async (request) => request.user);`,
    errors: [level(1, 5)],
  },
  {
    code: `${FASTIFY}fastify.route({ method: ['GET', 'POST'], url: '/admin', handler: async (request, reply) => {
  if (request.headers['x-admin'] !== 'true') return reply.code(403).send();
  return 'ok';
} });`,
    errors: [unauthenticated(4), unauthenticated(4)],
  },
  {
    code: `${FASTIFY}fastify.register(async (instance) => {
  instance.addHook('onRequest', async (request) => { await request.jwtVerify(); });
  instance.get('/items', async () => []);
}, { prefix: '/v1' });`,
    errors: [level(1, 6, 2)],
  },

  // Hono
  {
    code: `${HONO}app.use('/admin/*', jwt({ secret: process.env.JWT_SECRET, alg: 'HS256' }));
app.get('/admin/stats', (c) => {
  if (c.get('jwtPayload').role !== 'admin') return c.text('forbidden', 403);
  return c.json({});
});`,
    errors: [level(2, 5)],
  },
  { code: `${HONO}app.use('/admin/*', jwt({ secret: process.env.JWT_SECRET, alg: 'HS256' }));
app.get('/other', (c) => c.text('hi'));`, errors: [unauthenticated(5)] },

  // NestJS
  {
    code: `import { Controller, Get, UseGuards } from '@nestjs/common';
import { AuthGuard } from '@nestjs/passport';
@Controller('cats')
@UseGuards(AuthGuard('jwt'))
export class CatsController {
  @Get(':id')
  findOne() { return 1; }
}`,
    filename: 'file.ts',
    errors: [level(1, 7, 2)],
  },

  // Hono: chained builders, and an app served where it is built
  {
    code: `${HONO}const todos = new Hono()
  .get('/todos', async (c) => c.json({ todos: [] }))
  .delete('/todos/:id', async (c) => c.json({ id: c.req.param('id') }));`,
    errors: [unauthenticated(5, 3), unauthenticated(6, 3)],
  },
  { code: `import { Hono } from 'hono';
export default new Hono().get('/health', (c) => c.text('ok'));`, filename: 'src/index.ts', errors: [unauthenticated(2, 26)] },
  { code: `import { Hono } from 'hono';
import { serve } from '@hono/node-server';
const app = new Hono();
app.get('/health', (c) => c.text('ok'));
serve(app);
export default app;`, errors: [unauthenticated(4)] },

  // Authentication in a same-file helper around an imported verifier
  {
    code: `import { Hono } from 'hono';
import { verifyAccessToken } from './domain/tokens';
const app = new Hono();
async function authenticate(c: any) {
  const token = c.req.header('Authorization')?.replace(/^Bearer /, '');
  if (!token) return { ok: false as const, response: c.json({ error: 'missing_token' }, 401) };
  const v = await verifyAccessToken(c.env.SECRET, token);
  if (!v.ok) return { ok: false as const, response: c.json({ error: 'invalid_token' }, 401) };
  return { ok: true as const, user: v.claims };
}
app.get('/api/accounts/profile', async (c) => {
  const auth = await authenticate(c);
  if (!auth.ok) return auth.response;
  return c.json({ id: auth.user.sub });
});
export default app;`,
    filename: 'file.ts',
    errors: [level(1, 11)],
  },
  // A login route checks a password, not a token: still a public route
  {
    code: `${EXPRESS}const { authenticateUser } = require('./users');
app.post('/login', async (req, res) => {
  const user = await authenticateUser(req.body.email, req.body.password);
  if (!user) return res.status(401).json({ error: 'invalid credentials' });
  res.json({ token: user.token });
});`,
    errors: [unauthenticated(6)],
  },

  // Node http
  { code: `const http = require('http');
http.createServer((req, res) => res.end('ok')).listen(3000);`, errors: [unauthenticated(2)] },
  {
    code: `const http = require('http');
http.createServer((req, res) => {
  if (req.headers['x-admin'] !== 'yes') { res.statusCode = 403; return res.end(); }
  res.end('ok');
}).listen(3000);`,
    errors: [unauthenticated(2)],
  },
];

/** The messages of a lint under both parsers (a `.ts` file: @typescript-eslint/parser alone). */
function lint(code: string, options: Readonly<Options> | undefined, filename = JS_FILENAME): string[] {
  const severity = options ? ['error', ...options] : 'error';
  return lintUnderBothParsers(code, { plugins: { claimguard: plugin as never }, rules: { 'claimguard/maturity-level': severity as never } }, filename).map((message) => message.message);
}

describe('maturity-level', () => {
  it('is registered', () => {
    assert.ok(rule, `rule ${ruleName} is not registered`);
  });

  it('reports the level each case expects', () => {
    for (const testCase of invalid) {
      const messages = lint(testCase.code, testCase.options, testCase.filename);
      const expected = testCase.errors.map((error) => expectedPrefix.get(error));
      assert.deepEqual(messages.map((message, i) => message.slice(0, expected[i]?.length)), expected, testCase.code);
    }
  });

  it('names the level, the culprit with its line and the next step', () => {
    const messages = lint(
      `${EXPRESS}app.get('/admin', checkJwt, requiredScopes('admin'), (req, res) => {
  const role = req.headers['x-role'];
  if (role !== 'admin') return res.status(403).end();
  res.end();
});`,
      undefined,
    );
    assert.deepEqual(
      messages,
      ["Level 2: role from header 'x-role' at line 7; take the role from the verified token to reach Level 3."],
    );
  });

  it("names the framework's own verifier in the unauthenticated remedy", () => {
    const remedies: [string, RegExp][] = [
      [`${EXPRESS}app.get('/open', (req, res) => res.end());`, /e\.g\. passport-jwt, or auth\(\) from express-oauth2-jwt-bearer\)/],
      [`${KOA}const router = new Router();
router.get('/open', async (ctx) => { ctx.body = 1; });
app.use(router.routes());`, /e\.g\. koa-jwt\)/],
      [`${HONO}app.get('/open', (c) => c.text('hi'));`, /e\.g\. jwt\(\) from hono\/jwt\)/],
      [`${FASTIFY}fastify.get('/open', async () => 'hi');`, /e\.g\. @fastify\/jwt with request\.jwtVerify\(\) in an onRequest hook\)/],
    ];
    for (const [code, remedy] of remedies) {
      const [message] = lint(code, undefined);
      assert.match(message ?? '', /^Unauthenticated route GET \/open: no authentication on the route; verify a JWT access token on the route/);
      assert.match(message!, remedy);
      if (!code.startsWith(EXPRESS)) assert.doesNotMatch(message!, /express-oauth2-jwt-bearer/);
    }
  });

  it('recognises a verifier imported into a same-file helper as Level 1', () => {
    const [message] = lint(
      `import { Hono } from 'hono';
import { verifyAccessToken } from './domain/tokens';
const app = new Hono();
async function authenticate(c) {
  const v = await verifyAccessToken(c.env.SECRET, c.req.header('Authorization'));
  if (!v.ok) return { ok: false, response: c.json({ error: 'invalid_token' }, 401) };
  return { ok: true, user: v.claims };
}
app.get('/me', async (c) => {
  const auth = await authenticate(c);
  if (!auth.ok) return auth.response;
  return c.json(auth.user);
});`,
      undefined,
    );
    assert.equal(
      message,
      "Level 1: token verified by verifyAccessToken() (imported from './domain/tokens') at line 5, but no decision uses its scopes or claims; decide on the verified claims (scopes, roles, the subject) to reach Level 2.",
    );
  });

  it('counts a query scoped by the verified user as a decision on claims', () => {
    const scoped = lint(`${EXPRESS}app.get('/me/orders', checkJwt, (req, res) => res.json(db.orders.find({ owner: req.auth.payload.sub })));`, undefined);
    assert.deepEqual(scoped, []);
  });

  it('asks a route that reads the verified user for a claim decision, not a scope check', () => {
    const [reads] = lint(`${EXPRESS}app.get('/me', checkJwt, (req, res) => res.json({ id: req.auth.payload.sub }));`, undefined);
    assert.match(reads ?? '', /; decide on the verified claims \(scopes, roles, the subject\) to reach Level 2\.$/);
    const [unscoped] = lint(`${EXPRESS}app.get('/items', checkJwt, (req, res) => res.json([]));`, undefined);
    assert.match(unscoped ?? '', /requiredScopes\('read:items'\)/);
  });
});

/** `ruleId: message` of a lint with every ClaimGuard rule on (the strict config), some of them changed by `overrides`. */
function lintStrict(code: string, overrides: Record<string, unknown> = {}): string[] {
  const rules = Object.assign({}, ...plugin.configs.strict.map((part) => part.rules ?? {}), overrides) as Record<string, unknown>;
  return lintUnderBothParsers(code, { plugins: { claimguard: plugin as never }, rules: rules as never }).map((message) => `${message.ruleId}: ${message.message}`);
}

describe('maturity-level beside the other ClaimGuard rules', () => {
  const headerRole = `${EXPRESS}app.get('/admin', checkJwt, (req, res) => {
  if (req.headers['x-role'] !== 'admin') return res.sendStatus(403);
  res.json([]);
});`;

  it('adds nothing to a finding that holds the route down: one finding, one problem', () => {
    const messages = lintStrict(headerRole);
    assert.equal(messages.length, 1, messages.join('\n'));
    assert.match(messages[0]!, /^claimguard\/no-untrusted-authorization: Authorization decision uses header 'x-role'/);
  });

  it("reports the route and names the reason when the finding's rule is off", () => {
    assert.deepEqual(lintStrict(headerRole, { 'claimguard/no-untrusted-authorization': 'off' }), [
      "claimguard/maturity-level: Level 1: role from header 'x-role' at line 6; take the role from the verified token and check scopes or claims to reach Level 2.",
    ]);
  });

  it('reports a verified route on which no decision uses the claims, which no other rule reports', () => {
    assert.deepEqual(lintStrict(`${EXPRESS}app.get('/items', checkJwt, (req, res) => res.json([]));`), [
      "claimguard/maturity-level: Level 1: token verified by auth() at line 4, but no decision uses its scopes or claims; check the verified token's scopes or claims (e.g. requiredScopes('read:items')) to reach Level 2.",
    ]);
  });

  const weakVerification = `const express = require('express');
const jwt = require('jsonwebtoken');
const app = express();
function requireUser(req, res, next) {
  req.user = jwt.verify(req.get('authorization').slice(7), process.env.PUBLIC_KEY, { algorithms: ['RS256'], audience: 'api' });
  next();
}
app.get('/reports', requireUser, (req, res) => {
  if (!req.user.scope.includes('reports:read')) return res.sendStatus(403);
  res.json([]);
});`;

  it('leaves weak verification to require-jwt-validation while it is on', () => {
    const messages = lintStrict(weakVerification);
    assert.equal(messages.length, 1, messages.join('\n'));
    assert.match(messages[0]!, /^claimguard\/require-jwt-validation: jsonwebtoken verification does not check the issuer/);
  });

  it('reports weak verification itself when require-jwt-validation is off, or does not ask for that check', () => {
    const expected = ['claimguard/maturity-level: Level 2: jwt.verify() at line 5 does not pin issuer; pin issuer in the token verification to reach Level 3.'];
    assert.deepEqual(lintStrict(weakVerification, { 'claimguard/require-jwt-validation': 'off' }), expected);
    assert.deepEqual(lintStrict(weakVerification, { 'claimguard/require-jwt-validation': ['error', { requireIssuer: false }] }), expected);
  });

  it('tells checks whose options it cannot read from checks that are missing', () => {
    const unread = weakVerification.replace("{ algorithms: ['RS256'], audience: 'api' }", "{ algorithms: settings.algorithms, audience: 'api' }");
    assert.deepEqual(lintStrict(unread, { 'claimguard/require-jwt-validation': 'off' }), [
      'claimguard/maturity-level: Level 2: jwt.verify() at line 5 does not pin issuer and algorithms (set from values ClaimGuard cannot read); pin issuer and algorithms in the token verification to reach Level 3.',
    ]);
  });

  it('still reports an unauthenticated route, without repeating the decision another rule reports', () => {
    const messages = lintStrict(`${EXPRESS}app.get('/admin', (req, res) => {
  if (req.headers['x-role'] !== 'admin') return res.sendStatus(403);
  res.json([]);
});`);
    assert.equal(messages.length, 2, messages.join('\n'));
    assert.match(messages[0]!, /^claimguard\/maturity-level: Unauthenticated route GET \/admin: no authentication on the route; verify a JWT access token/);
    assert.match(messages[1]!, /^claimguard\/no-untrusted-authorization: /);
  });

  it('leaves an API key to no-api-key-auth, unless its allowRoutes accept the route', () => {
    const code = `const express = require('express');
const app = express();
function requireKey(req, res, next) {
  if (!keys.includes(req.headers['x-api-key'])) return res.sendStatus(401);
  next();
}
app.get('/metrics', requireKey, (req, res) => res.json({}));`;
    const lint = (apiKey: unknown) =>
      lintUnderBothParsers(code, { plugins: { claimguard: plugin as never }, rules: { 'claimguard/maturity-level': ['warn', { minimumLevel: 1 }], 'claimguard/no-api-key-auth': apiKey } as never }).map(
        (message) => message.ruleId,
      );
    assert.deepEqual(lint('error'), ['claimguard/no-api-key-auth']);
    assert.deepEqual(lint(['error', { allowRoutes: ['/metrics'] }]), ['claimguard/maturity-level']);
    assert.deepEqual(lint('off'), ['claimguard/maturity-level']);
  });
});

if (rule) runUnderBothParsers(ruleName, rule as never, { valid, invalid });
