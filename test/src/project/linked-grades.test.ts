import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { writeTempProject } from './temp-project';
import { forgetProjects, projectFor } from '../../../eslint-plugin/out/project/index';
import { gradeRoutes } from '../../../eslint-plugin/out/project/grades';
import { parseFile } from '../../../eslint-plugin/out/project/parse';

/** A Nest passport-jwt strategy that pins algorithms, issuer and audience. */
const STRATEGY = `import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { ExtractJwt, Strategy } from 'passport-jwt';
@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy) {
  constructor() {
    super({ jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(), secretOrKey: process.env.KEY, algorithms: ['RS256'], issuer: 'https://id.example.com', audience: 'api' });
  }
  validate(payload: { sub: string; roles: string[] }) { return { id: payload.sub, roles: payload.roles }; }
}`;

/**
 * Route grades that depend on code in other files: the shapes through which authentication, guards and role
 * checks reach a route across imports. Each case writes a small project and grades it through the project index.
 */
describe('route grades linked across files', () => {
  /** Every project a test wrote; a test may write several, and each is removed after it. */
  const roots: string[] = [];
  const writeProject = (files: Record<string, string>, name: string): string => {
    const root = writeTempProject(files, name);
    roots.push(root);
    return root;
  };

  /** Writes the project's files and returns each route's level by `METHOD path`. */
  const gradesOf = (files: Record<string, string>): Record<string, string | number> => {
    const root = writeProject(files, 'linked-fixture');
    forgetProjects();
    const first = path.join(root, Object.keys(files)[0]!);
    const graded = gradeRoutes(projectFor(first, {}).routes(), []);
    return Object.fromEntries(graded.map((route) => [`${route.linked.route.method} ${route.path}`, route.grade.level]));
  };

  afterEach(() => {
    for (const root of roots.splice(0)) fs.rmSync(root, { recursive: true, force: true });
    forgetProjects();
  });

  describe('NestJS composite decorators', () => {
    const ROLES_GUARD = `import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
@Injectable()
export class RolesGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    const { user } = context.switchToHttp().getRequest();
    return !!user && user.roles.includes('admin');
  }
}`;
    const HEADER_GUARD = `import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
@Injectable()
export class HeaderAdminGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    return context.switchToHttp().getRequest().headers['x-admin'] === 'true';
  }
}`;
    const controller = (decorator: string, from: string) => `import { Controller, Get, UseGuards } from '@nestjs/common';
import { AuthGuard } from '@nestjs/passport';
import { ${decorator} } from '${from}';
@Controller('reports')
@UseGuards(AuthGuard('jwt'))
export class ReportsController {
  @${decorator}()
  @Get()
  list() { return []; }
}`;

    it('follows an imported applyDecorators composite to the guard it applies, in a third file', () => {
      const grades = gradesOf({
        'src/reports.controller.ts': controller('AdminOnly', './auth/decorators'),
        'src/auth/decorators.ts': `import { applyDecorators, SetMetadata, UseGuards } from '@nestjs/common';
import { RolesGuard } from './roles.guard';
export function AdminOnly() {
  return applyDecorators(UseGuards(RolesGuard), SetMetadata('roles', ['admin']));
}`,
        'src/auth/roles.guard.ts': ROLES_GUARD,
        'src/auth/jwt.strategy.ts': STRATEGY,
      });
      assert.deepEqual(grades, { 'GET /reports': 3 });
    });

    it('grades a composite whose guard decides on a header by that guard (the decorator name is no proof)', () => {
      const grades = gradesOf({
        'src/reports.controller.ts': controller('Auth', './auth/decorators'),
        'src/auth/decorators.ts': `import { applyDecorators, UseGuards } from '@nestjs/common';
import { HeaderAdminGuard } from './header-admin.guard';
export const Auth = () => applyDecorators(UseGuards(HeaderAdminGuard));`,
        'src/auth/header-admin.guard.ts': HEADER_GUARD,
        'src/auth/jwt.strategy.ts': STRATEGY,
      });
      assert.deepEqual(grades, { 'GET /reports': 1 });
    });

    it('follows a composite declared in the controller file itself to its imported guard', () => {
      const grades = gradesOf({
        'src/reports.controller.ts': `import { applyDecorators, Controller, Get, UseGuards } from '@nestjs/common';
import { AuthGuard } from '@nestjs/passport';
import { RolesGuard } from './auth/roles.guard';
const AdminOnly = () => applyDecorators(UseGuards(RolesGuard));
@Controller('reports')
@UseGuards(AuthGuard('jwt'))
export class ReportsController {
  @AdminOnly()
  @Get()
  list() { return []; }
}`,
        'src/auth/roles.guard.ts': ROLES_GUARD,
        'src/auth/jwt.strategy.ts': STRATEGY,
      });
      assert.deepEqual(grades, { 'GET /reports': 3 });
    });

    it('leaves a route with an unrelated imported decorator at the grade its own guards give', () => {
      const grades = gradesOf({
        'src/reports.controller.ts': controller('Cached', './cache'),
        'src/cache.ts': `import { SetMetadata } from '@nestjs/common';\nexport const Cached = () => SetMetadata('cache', 60);`,
        'src/auth/jwt.strategy.ts': STRATEGY,
      });
      assert.deepEqual(grades, { 'GET /reports': 1 });
    });
  });

  describe('Next.js middleware that forwards verified claims as request headers', () => {
    const verifier = (options: string) => `import { createRemoteJWKSet, jwtVerify } from 'jose';
const JWKS = createRemoteJWKSet(new URL('https://id.example.com/jwks.json'));
export async function verifyToken(token: string) {
  const { payload } = await jwtVerify(token, JWKS, ${options});
  return payload;
}`;
    const PINNED = verifier("{ algorithms: ['RS256'], issuer: 'https://id.example.com', audience: 'api' }");
    const middleware = (forwarded: string) => `import { NextResponse, type NextRequest } from 'next/server';
import { verifyToken } from './lib/auth';
export async function middleware(request: NextRequest) {
  const token = request.headers.get('authorization')?.slice(7);
  if (!token) return NextResponse.json({ error: 'unauthorized' }, { status: 401 });
  try {
    const claims = await verifyToken(token);
    const headers = new Headers(request.headers);
    headers.set('x-user-id', ${forwarded});
    return NextResponse.next({ request: { headers } });
  } catch {
    return NextResponse.json({ error: 'unauthorized' }, { status: 401 });
  }
}
export const config = { matcher: ['/api/docs/:path*'] };`;
    const ROUTE = `import { NextResponse, type NextRequest } from 'next/server';
import { db } from '../../../lib/db';
export async function DELETE(request: NextRequest) {
  const doc = await db.doc.findFirst({ where: { id: request.nextUrl.searchParams.get('id') ?? '' } });
  if (!doc || doc.ownerId !== request.headers.get('x-user-id')) return NextResponse.json({ error: 'not found' }, { status: 404 });
  return NextResponse.json(doc);
}`;
    const DB = `import { PrismaClient } from '@prisma/client';\nexport const db = new PrismaClient();`;

    it('reads a header the matched middleware set from verified claims as verified, and judges the imported verifier by its code', () => {
      const grades = gradesOf({
        'middleware.ts': middleware('claims.sub as string'),
        'lib/auth.ts': PINNED,
        'lib/db.ts': DB,
        'app/api/docs/route.ts': ROUTE,
        'app/api/files/route.ts': ROUTE,
      });
      assert.deepEqual(grades, { 'DELETE /api/docs': 3, 'DELETE /api/files': 'unauthenticated' });
    });

    it('keeps a forwarded header that copies another caller header untrusted', () => {
      const grades = gradesOf({
        'middleware.ts': middleware("request.headers.get('x-forwarded-user') ?? ''"),
        'lib/auth.ts': PINNED,
        'lib/db.ts': DB,
        'app/api/docs/route.ts': ROUTE,
      });
      // Verified, but the only decision is on a value the caller chose: Level 1, as for a role from a header.
      assert.deepEqual(grades, { 'DELETE /api/docs': 1 });
    });

    it('stops at Level 2 when the imported verifier leaves the issuer and audience open', () => {
      const grades = gradesOf({
        'middleware.ts': middleware('claims.sub as string'),
        'lib/auth.ts': verifier("{ algorithms: ['RS256'] }"),
        'lib/db.ts': DB,
        'app/api/docs/route.ts': ROUTE,
      });
      assert.deepEqual(grades, { 'DELETE /api/docs': 2 });
    });
  });

  describe('Hono sub-apps whose queries a query builder scopes', () => {
    const SCHEMA = `import { pgTable, text } from 'drizzle-orm/pg-core';
export const notes = pgTable('notes', { id: text('id').primaryKey(), authorId: text('author_id').notNull(), title: text('title') });`;
    const INDEX = `import { Hono } from 'hono';
import { jwt } from 'hono/jwt';
import { notes } from './notes';
const app = new Hono();
app.use('/api/*', jwt({ secret: process.env.JWT_PUBLIC_KEY!, alg: 'RS256', verification: { iss: 'https://id.example.com', aud: 'api' } }));
app.route('/api/notes', notes);
export default app;`;
    const notesApp = (owner: string) => `import { and, eq } from 'drizzle-orm';
import { Hono } from 'hono';
import { drizzle } from 'drizzle-orm/node-postgres';
import * as schema from './schema';
const db = drizzle(process.env.DATABASE_URL!, { schema });
export const notes = new Hono();
notes.delete('/:id', async (c) => {
  await db.delete(schema.notes).where(and(eq(schema.notes.id, c.req.param('id')), eq(schema.notes.authorId, ${owner})));
  return c.body(null, 204);
});`;

    it('counts an owner column compared with the verified subject as a decision on claims', () => {
      const grades = gradesOf({ 'src/index.ts': INDEX, 'src/schema.ts': SCHEMA, 'src/notes.ts': notesApp("c.get('jwtPayload').sub") });
      assert.deepEqual(grades, { 'DELETE /api/notes/:id': 3 });
    });

    it('counts an owner column compared with a header as a decision on caller input', () => {
      const grades = gradesOf({ 'src/index.ts': INDEX, 'src/schema.ts': SCHEMA, 'src/notes.ts': notesApp("c.req.header('x-user-id') ?? ''") });
      assert.deepEqual(grades, { 'DELETE /api/notes/:id': 1 });
    });
  });

  describe('Fastify route plugins whatever their instance is called', () => {
    const PLUGIN_JWT = `const fp = require('fastify-plugin');
module.exports = fp(async function auth(fastify) {
  fastify.register(require('@fastify/jwt'), { secret: { public: process.env.JWT_PUBLIC_KEY }, verify: { algorithms: ['RS256'], allowedIss: 'https://id.example.com', allowedAud: 'api' } });
  fastify.decorate('authenticate', async (request) => { await request.jwtVerify(); });
});
`;
    const APP = `const Fastify = require('fastify');
const app = Fastify();
app.register(require('./plugins/auth'));
app.register(require('./routes/users'), { prefix: '/users' });
module.exports = app;
`;

    it('reads route options on a plugin parameter named app or server as Fastify hooks', () => {
      for (const name of ['app', 'server']) {
        const grades = gradesOf({
          'src/app.js': APP,
          'src/plugins/auth.js': PLUGIN_JWT,
          'src/routes/users.js': `module.exports = async function userRoutes(${name}) {
  ${name}.get('/me', { onRequest: [${name}.authenticate] }, async (request) => ({ id: request.user.sub }));
  ${name}.get('/', { onRequest: [${name}.authenticate] }, async (request, reply) => {
    if (request.user.role !== 'admin') return reply.code(403).send();
    return [];
  });
};
`,
        });
        assert.deepEqual(grades, { 'GET /users/me': 1, 'GET /users': 3 }, name);
      }
    });

    it('reads a TypeScript plugin typed FastifyInstance the same way', () => {
      const grades = gradesOf({
        'src/app.js': APP,
        'src/plugins/auth.js': PLUGIN_JWT,
        'src/routes/users.ts': `import type { FastifyInstance } from 'fastify';
export default async function userRoutes(api: FastifyInstance) {
  api.addHook('onRequest', api.authenticate);
  api.get('/me', async (request) => ({ id: (request.user as { sub: string }).sub }));
}
`,
      });
      assert.deepEqual(grades, { 'GET /users/me': 1 });
    });
  });

  describe('Fastify folders registered by @fastify/autoload', () => {
    const app = (options: string) => `import path from 'node:path';
import autoload from '@fastify/autoload';
export default async function app(fastify) {
  fastify.register(autoload, { dir: path.join(import.meta.dirname, 'routes'), ${options} });
}`;
    const JWT_HOOKS = `export default async function (fastify) {
  fastify.addHook('onRequest', async (request) => {
    await request.jwtVerify();
  });
}`;
    const PLUGIN_JWT = `import fp from 'fastify-plugin';
import fastifyJwt from '@fastify/jwt';
export default fp(async (fastify) => {
  fastify.register(fastifyJwt, { secret: { public: process.env.JWT_PUBLIC_KEY }, verify: { algorithms: ['RS256'], allowedIss: 'https://id.example.com', allowedAud: 'api' } });
});`;
    const tasks = `export default async function (fastify) {
  fastify.get('/', async (request) => listTasks(request.user.sub));
  fastify.get('/:id', async (request) => findTask(request.params.id));
}`;
    const HOME = `export default async function (fastify) {\n  fastify.get('/', async () => ({ ok: true }));\n}`;

    it('prefixes the routes of each plugin with its folder and runs the hooks file of every folder above it', () => {
      const grades = gradesOf({
        'src/app.js': app('autoHooks: true, cascadeHooks: true'),
        'src/plugins/jwt.js': PLUGIN_JWT,
        'src/routes/home.js': HOME,
        'src/routes/api/autohooks.js': JWT_HOOKS,
        'src/routes/api/tasks/index.js': tasks,
      });
      assert.deepEqual(grades, { 'GET /': 'unauthenticated', 'GET /api/tasks': 1, 'GET /api/tasks/:id': 1 });
    });

    it('runs a hooks file only for its own folder without cascadeHooks, and not at all without autoHooks', () => {
      const files = { 'src/plugins/jwt.js': PLUGIN_JWT, 'src/routes/api/autohooks.js': JWT_HOOKS, 'src/routes/api/tasks/index.js': tasks, 'src/routes/api/me.js': HOME.replace("'/'", "'/me'") };
      assert.deepEqual(gradesOf({ 'src/app.js': app('autoHooks: true'), ...files }), { 'GET /api/me': 1, 'GET /api/tasks': 'unauthenticated', 'GET /api/tasks/:id': 'unauthenticated' });
      assert.deepEqual(gradesOf({ 'src/app.js': app('options: {}'), ...files }), { 'GET /api/me': 'unauthenticated', 'GET /api/tasks': 'unauthenticated', 'GET /api/tasks/:id': 'unauthenticated' });
    });

    it('skips a hooks file for the URLs it returns early for, and only for those', () => {
      const hooks = (body: string) => `export default async function (fastify) {
  fastify.addHook('onRequest', async (request, reply) => {
${body}
  });
}`;
      const AUTH = `export default async function (fastify) {\n  fastify.post('/login', async () => ({ ok: true }));\n}`;
      const files = { 'src/app.js': app('autoHooks: true, cascadeHooks: true'), 'src/plugins/jwt.js': PLUGIN_JWT, 'src/routes/api/auth/index.js': AUTH, 'src/routes/api/tasks/index.js': tasks };
      const exempt = gradesOf({ ...files, 'src/routes/api/autohooks.js': hooks("    if (request.url.startsWith('/api/auth/login')) return;\n    await request.jwtVerify();") });
      assert.deepEqual(exempt, { 'POST /api/auth/login': 'unauthenticated', 'GET /api/tasks': 1, 'GET /api/tasks/:id': 1 });
      // An early return after the check has already run exempts nothing.
      const checked = gradesOf({ ...files, 'src/routes/api/autohooks.js': hooks("    await request.jwtVerify();\n    if (request.url.startsWith('/api/auth/login')) return;") });
      assert.deepEqual(checked, { 'POST /api/auth/login': 1, 'GET /api/tasks': 1, 'GET /api/tasks/:id': 1 });
    });

    it('leaves a folder the code computes alone', () => {
      const grades = gradesOf({
        'src/app.js': `import autoload from '@fastify/autoload';
export default async function app(fastify) {
  fastify.register(autoload, { dir: process.env.ROUTES_DIR, autoHooks: true });
}`,
        'src/routes/api/autohooks.js': JWT_HOOKS,
        'src/routes/api/tasks/index.js': tasks,
      });
      assert.deepEqual(grades, { 'GET /': 'unauthenticated', 'GET /:id': 'unauthenticated' });
    });
  });

  describe('Express chains through imported helpers', () => {
    const VERIFY = `import { auth } from 'express-oauth2-jwt-bearer';
export const requireAuth = auth({ audience: 'https://api.example.com', issuerBaseURL: 'https://id.example.com/', tokenSigningAlg: 'RS256' });`;
    const APP = `import express from 'express';
import { requireAuth } from './auth/verify';
import { teams } from './teams';
export const app = express();
app.use('/api/teams', requireAuth, teams);`;
    const teams = (guard: string, query: string) => `import { Router } from 'express';
import { db } from './db';
${guard}
export const teams = Router();
teams.get('/:teamId/members', requireScope('read:teams'), async (req, res) => {
  res.json(await db.query(${query}));
});`;
    const SCOPED = "'SELECT * FROM memberships WHERE team_id = $1 AND tenant_id = $2', [req.params.teamId, req.auth.payload.tenant_id]";

    it('reads the scope check an imported middleware factory returns, and a SQL filter that also matches the verified tenant', () => {
      const grades = gradesOf({
        'src/app.ts': APP,
        'src/auth/verify.ts': VERIFY,
        'src/auth/scopes.ts': `import { requiredScopes } from 'express-oauth2-jwt-bearer';\nexport function requireScope(scope: string) {\n  return requiredScopes(scope);\n}`,
        'src/db.ts': 'export const db = { query: async (..._args: unknown[]) => [] };',
        'src/teams.ts': teams("import { requireScope } from './auth/scopes';", SCOPED),
      });
      assert.deepEqual(grades, { 'GET /api/teams/:teamId/members': 3 });
    });

    it('reads a scope check kept in a variable, and one called through a project module that re-exports it', () => {
      const route = (chain: string) => `import { Router } from 'express';
import { db } from './db';
import * as check from './auth/check';
const readTeams = check.requiredScopes('read:teams');
export const teams = Router();
teams.get('/:teamId/members', ${chain}, async (req, res) => {
  res.json(await db.query(${SCOPED}));
});`;
      const files = (chain: string) => ({
        'src/app.ts': APP,
        'src/auth/verify.ts': VERIFY,
        'src/auth/check.ts': "export { requiredScopes } from 'express-oauth2-jwt-bearer';",
        'src/db.ts': 'export const db = { query: async (..._args: unknown[]) => [] };',
        'src/teams.ts': route(chain),
      });
      assert.deepEqual(gradesOf(files("check.requiredScopes('read:teams')")), { 'GET /api/teams/:teamId/members': 3 });
      assert.deepEqual(gradesOf(files('readTeams')), { 'GET /api/teams/:teamId/members': 3 });
    });

    it('does not take a factory that only calls a scope check on the side for the check', () => {
      const grades = gradesOf({
        'src/app.ts': APP,
        'src/auth/verify.ts': VERIFY,
        'src/auth/scopes.ts': `import { requiredScopes } from 'express-oauth2-jwt-bearer';\nexport function requireScope(scope: string) {\n  requiredScopes(scope);\n  return (_req: unknown, _res: unknown, next: () => void) => next();\n}`,
        'src/db.ts': 'export const db = { query: async (..._args: unknown[]) => [] };',
        'src/teams.ts': teams("import { requireScope } from './auth/scopes';", "'SELECT * FROM memberships WHERE team_id = $1', [req.params.teamId]"),
      });
      assert.deepEqual(grades, { 'GET /api/teams/:teamId/members': 1 });
    });

    it('leaves a route unknown when its middleware comes from a file outside the project folder, though the file exists', () => {
      // The project folders are made in the temporary folder, so this file sits beside them, outside each.
      const outside = path.join(fs.realpathSync(os.tmpdir()), 'claimguard-linked-outside');
      fs.mkdirSync(outside, { recursive: true });
      fs.writeFileSync(path.join(outside, 'scopes.js'), "import { requiredScopes } from 'express-oauth2-jwt-bearer';\nexport const requireScope = (scope) => requiredScopes(scope);\n");
      try {
        const grades = gradesOf({
          'src/app.ts': APP,
          'src/auth/verify.ts': VERIFY,
          'src/db.ts': 'export const db = { query: async (..._args: unknown[]) => [] };',
          'src/teams.ts': teams("import { requireScope } from '../../claimguard-linked-outside/scopes.js';", SCOPED),
        });
        assert.deepEqual(grades, { 'GET /api/teams/:teamId/members': 'unknown' });
      } finally {
        fs.rmSync(outside, { recursive: true, force: true });
      }
    });
  });

  describe('servers made by calling a required module at once', () => {
    const ROUTES = `module.exports = async function (fastify) {
  fastify.addHook('onRequest', async (request) => { await request.jwtVerify(); });
  fastify.get('/orders', async (request) => request.user.sub);
};
`;

    it('take the prefix a plugin is registered with, as a server made by a named factory does', () => {
      const grades = gradesOf({
        'src/app.js': "const fastify = require('fastify')({ logger: true });\nfastify.register(require('./routes/orders'), { prefix: '/api' });\nmodule.exports = fastify;\n",
        'src/routes/orders.js': ROUTES,
      });
      assert.deepEqual(Object.keys(grades), ['GET /api/orders']);
    });

    it('mount Express routers under their prefix', () => {
      const grades = gradesOf({
        'src/app.js': "const app = require('express')();\napp.use('/api', require('./routes/users'));\nmodule.exports = app;\n",
        'src/routes/users.js': "const router = require('express').Router();\nrouter.get('/users', (req, res) => res.json([]));\nmodule.exports = router;\n",
      });
      assert.deepEqual(Object.keys(grades), ['GET /api/users']);
    });

    it('does not take a required helper that is no framework for a server', () => {
      const grades = gradesOf({
        'src/app.js': "const Fastify = require('fastify');\nconst app = Fastify();\nconst fp = require('fastify-plugin')(async (instance) => instance.get('/inner', async () => 'x'));\napp.register(require('./routes/orders'), { prefix: '/api' });\nmodule.exports = app;\n",
        'src/routes/orders.js': ROUTES,
      });
      assert.ok(Object.keys(grades).includes('GET /api/orders'));
    });
  });

  describe('passport login sessions', () => {
    const APP = `const express = require('express');
const session = require('express-session');
const passport = require('passport');
const LocalStrategy = require('passport-local').Strategy;
passport.use(new LocalStrategy((username, password, done) => users.check(username, password, done)));
const app = express();
app.use(session({ secret: process.env.SESSION_SECRET, resave: false, saveUninitialized: false }));
app.use(passport.initialize());
app.use(passport.session());
app.post('/login', passport.authenticate('local'), (req, res) => res.json({ id: req.user.id }));
app.use('/docs', require('./routes/docs'));
module.exports = app;
`;
    const DOCS = `const router = require('express').Router();
router.get('/count', async (req, res) => res.json(await Doc.countDocuments()));
router.get('/:id', async (req, res) => {
  if (!req.user) return res.sendStatus(401);
  res.json(await Doc.findById(req.params.id));
});
router.get('/admin/all', async (req, res) => {
  if (!req.isAuthenticated() || req.user.role !== 'admin') return res.sendStatus(403);
  res.json(await Doc.find());
});
router.get('/mine/list', async (req, res) => {
  if (!req.isAuthenticated()) return res.sendStatus(401);
  res.json(await Doc.find({ ownerId: req.user.id }));
});
module.exports = router;
`;

    it('authenticate the routes of another file that require the user passport.session() restores', () => {
      assert.deepEqual(gradesOf({ 'src/app.js': APP, 'src/routes/docs.js': DOCS }), {
        'POST /login': 'unauthenticated',
        'GET /docs/count': 'unauthenticated',
        'GET /docs/:id': 1,
        'GET /docs/admin/all': 2,
        'GET /docs/mine/list': 2,
      });
    });

    it('do not come from a user check alone when nothing on the chain restores a session', () => {
      const app = APP.replace('app.use(passport.session());\n', '');
      assert.equal(gradesOf({ 'src/app.js': app, 'src/routes/docs.js': DOCS })['GET /docs/:id'], 'unauthenticated');
    });
  });

  describe('token middleware that makes the token optional, exported from another file', () => {
    // As node-express-realworld has it: `auth.required` and `auth.optional` in one module, routes in another.
    const AUTH = `const { expressjwt } = require('express-jwt');
const options = { secret: process.env.JWT_PUBLIC_KEY, algorithms: ['RS256'], issuer: 'https://id.example.com', audience: 'blog' };
module.exports = {
  required: expressjwt(options),
  optional: expressjwt({ ...options, credentialsRequired: false }),
};
`;
    const ARTICLES = `const express = require('express');
const auth = require('../auth');
const router = express.Router();
router.get('/articles', auth.optional, (req, res) => res.json({ viewer: req.auth ? req.auth.sub : null }));
router.get('/articles/feed', auth.required, (req, res) => res.json([]));
router.delete('/articles/:slug', auth.optional, (req, res) => {
  if (!req.auth) return res.sendStatus(401);
  if (!req.auth.roles.includes('editor')) return res.sendStatus(403);
  res.sendStatus(204);
});
module.exports = router;
`;
    const APP = `const express = require('express');
const app = express();
app.use('/api', require('./routes/articles'));
module.exports = app;
`;

    it('authenticate only the routes whose code requires the token', () => {
      assert.deepEqual(gradesOf({ 'src/app.js': APP, 'src/auth.js': AUTH, 'src/routes/articles.js': ARTICLES }), {
        'GET /api/articles': 'unauthenticated',
        'GET /api/articles/feed': 1,
        'DELETE /api/articles/:slug': 3,
      });
    });
  });
  describe('an optional token whose user a later middleware loads, as Koa apps write it', () => {
    // koa-jwt with `passthrough: true` lets every request in; an app-level middleware loads the caller's record
    // when a token came, and only the routes that assert the user require one.
    const APP = `const Koa = require('koa');
const koaJwt = require('koa-jwt');
const loadUser = require('./middleware/load-user');
const routes = require('./routes');
const app = new Koa();
app.use(koaJwt({ secret: process.env.JWT_PUBLIC_KEY, algorithms: ['RS256'], issuer: 'https://id.example.com', audience: 'blog', passthrough: true, key: 'jwt' }));
app.use(loadUser);
app.use(routes.routes());
module.exports = app;
`;
    const LOAD_USER = `const db = require('../db');
module.exports = async (ctx, next) => {
  if (ctx.state.jwt) {
    ctx.state.user = await db('users').first('id', 'email').where({ id: ctx.state.jwt.sub });
  }
  return next();
};
`;
    const REQUIRE_USER = `module.exports = (ctx, next) => {
  ctx.assert(ctx.state.user, 401);
  return next();
};
`;
    const ROUTES = `const Router = require('koa-router');
const db = require('./db');
const auth = require('./middleware/require-user');
const router = new Router();
router.get('/tags', async (ctx) => { ctx.body = await db('tags').pluck('name'); });
router.get('/articles', async (ctx) => {
  const viewer = ctx.state.user;
  ctx.body = await db('articles').where({ author: viewer ? viewer.id : null });
});
router.put('/user', auth, async (ctx) => {
  ctx.body = await db('users').where({ id: ctx.state.user.id }).update(ctx.request.body.user);
});
module.exports = router;
`;

    it('leaves the routes that never require the token public', () => {
      const files = { 'src/app.js': APP, 'src/middleware/load-user.js': LOAD_USER, 'src/middleware/require-user.js': REQUIRE_USER, 'src/routes.js': ROUTES, 'src/db.js': "module.exports = require('knex')({});\n" };
      assert.deepEqual(gradesOf(files), { 'GET /tags': 'unauthenticated', 'GET /articles': 'unauthenticated', 'PUT /user': 3 });
    });
  });
  describe('a Fastify route table exported by one file and registered in a loop by another', () => {
    // As Fastify tutorials write it: `routes.forEach((route) => fastify.route(route))` over `require('./routes')`.
    const APP = `const fastify = require('fastify')({ logger: true });
const routes = require('./routes');
fastify.register(require('@fastify/jwt'), { secret: process.env.JWT_PUBLIC_KEY, verify: { algorithms: ['RS256'], allowedIss: 'https://id.example.com', allowedAud: 'api' } });
fastify.addHook('onRequest', async (request) => {
  await request.jwtVerify();
});
routes.forEach((route) => {
  fastify.route(route);
});
fastify.listen({ port: 3000 });
`;
    const ROUTES = `const cars = require('../controllers/cars');
module.exports = [
  { method: 'GET', url: '/api/cars', handler: cars.list },
  { method: 'DELETE', url: '/api/cars/:id', handler: cars.remove },
];
`;
    const CARS = `const Car = require('../models/car');
exports.list = async () => Car.find({});
exports.remove = async (req, reply) => {
  if (req.user.role !== 'admin') return reply.code(403).send();
  return Car.findByIdAndDelete(req.params.id);
};
`;
    const CAR = `const mongoose = require('mongoose');
module.exports = mongoose.model('Car', new mongoose.Schema({ brand: String, price: Number }));
`;
    const files = (app: string) => ({ 'src/index.js': app, 'src/routes/index.js': ROUTES, 'src/controllers/cars.js': CARS, 'src/models/car.js': CAR });

    it('grades each entry with the hooks of the instance that registers it', () => {
      assert.deepEqual(gradesOf(files(APP)), { 'GET /api/cars': 1, 'DELETE /api/cars/:id': 3 });
    });

    it('also when the loop is a for…of, and leaves the entries open without the hook', () => {
      const app = APP.replace(/fastify\.addHook[^]*?\n\}\);\n/, '').replace('routes.forEach((route) => {\n  fastify.route(route);\n});', 'for (const route of routes) fastify.route(route);');
      assert.deepEqual(gradesOf(files(app)), { 'GET /api/cars': 'unauthenticated', 'DELETE /api/cars/:id': 'unknown' });
    });
  });

  describe('passport strategies chosen by name', () => {
    // Real Nest apps configure several: the access-token strategy, a refresh-token one, JwtModule for signing.
    const REFRESH = `import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { ExtractJwt, Strategy } from 'passport-jwt';
@Injectable()
export class JwtRefreshStrategy extends PassportStrategy(Strategy, 'jwt-refresh') {
  constructor() {
    super({ jwtFromRequest: ExtractJwt.fromBodyField('refreshToken'), secretOrKey: process.env.REFRESH_KEY });
  }
  validate(payload: { sub: string }) { return payload; }
}`;
    const MODULE = `import { Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
@Module({ imports: [JwtModule.register({ secret: process.env.SIGNING_KEY })] })
export class AuthModule {}`;
    const CONTROLLER = `import { Controller, ForbiddenException, Get, Post, Req, UseGuards } from '@nestjs/common';
import { AuthGuard } from '@nestjs/passport';
@Controller('auth')
export class AuthController {
  @UseGuards(AuthGuard('jwt'))
  @Get('admin')
  admin(@Req() req) {
    if (!req.user.roles.includes('admin')) throw new ForbiddenException();
    return [];
  }
  @UseGuards(AuthGuard('jwt-refresh'))
  @Post('refresh')
  refresh(@Req() req) {
    if (!req.user.roles.includes('admin')) throw new ForbiddenException();
    return [];
  }
}`;

    it('name them where passport.use registers them, in CommonJS read as the index reads it', () => {
      const PASSPORT = `const passport = require('passport');
const { ExtractJwt, Strategy } = require('passport-jwt');
const fromHeader = ExtractJwt.fromAuthHeaderAsBearerToken();
passport.use(new Strategy({ jwtFromRequest: fromHeader, secretOrKey: process.env.KEY, algorithms: ['RS256'], issuer: 'https://id.example.com', audience: 'api' }, (payload, done) => done(null, payload)));
passport.use('jwt-partner', new Strategy({ jwtFromRequest: fromHeader, secretOrKey: process.env.PARTNER_KEY }, (payload, done) => done(null, payload)));
module.exports = passport;
`;
      const ROUTES = `const express = require('express');
const passport = require('passport');
const router = express.Router();
const adminOnly = (req, res, next) => (req.user.roles.includes('admin') ? next() : res.sendStatus(403));
router.get('/admin', passport.authenticate('jwt', { session: false }), adminOnly, (req, res) => res.json([]));
router.get('/partner/report', passport.authenticate('jwt-partner', { session: false }), adminOnly, (req, res) => res.json([]));
module.exports = router;
`;
      // The strategies are registered by a module the app loads for its side effect, as most Express apps do.
      const APP = "const express = require('express');\nrequire('./auth/passport');\nconst app = express();\napp.use(require('./routes'));\nmodule.exports = app;\n";
      assert.deepEqual(gradesOf({ 'src/app.js': APP, 'src/routes.js': ROUTES, 'src/auth/passport.js': PASSPORT }), { 'GET /admin': 3, 'GET /partner/report': 2 });
    });

    it('run the strategy where routes reach passport through a project module that configures and re-exports it', () => {
      const PASSPORT = `import passport from 'passport';
import { ExtractJwt, Strategy } from 'passport-jwt';
passport.use(new Strategy({ jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(), secretOrKey: process.env.KEY, algorithms: ['RS256'], issuer: 'https://id.example.com', audience: 'api' }, (payload, done) => done(null, payload)));
export default passport;
`;
      const ROUTES = `import { Router } from 'express';
import passport from '../config/passport';
export const router = Router();
router.get('/admin', passport.authenticate('jwt', { session: false }), (req, res) => (req.user.roles.includes('admin') ? res.json([]) : res.sendStatus(403)));
router.get('/health', passport.initialize(), (req, res) => res.json({ ok: true }));
`;
      const APP = "import express from 'express';\nimport { router } from './routes/admin';\nexport const app = express();\napp.use('/api', router);\n";
      assert.deepEqual(gradesOf({ 'src/app.ts': APP, 'src/routes/admin.ts': ROUTES, 'src/config/passport.ts': PASSPORT }), { 'GET /api/admin': 3, 'GET /api/health': 'unauthenticated' });
    });

    it('run the strategy through a re-exporting module in CommonJS too', () => {
      const PASSPORT = `const passport = require('passport');
const { Strategy, ExtractJwt } = require('passport-jwt');
passport.use(new Strategy({ jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(), secretOrKey: process.env.KEY, algorithms: ['RS256'], issuer: 'https://id.example.com', audience: 'api' }, (payload, done) => done(null, payload)));
module.exports = passport;
`;
      const ROUTES = `const express = require('express');
const passport = require('../config/passport');
const router = express.Router();
router.get('/admin', passport.authenticate('jwt', { session: false }), (req, res) => {
  if (!req.user.roles.includes('admin')) return res.sendStatus(403);
  res.json([]);
});
module.exports = router;
`;
      const APP = "const express = require('express');\nconst app = express();\napp.use('/api', require('./routes/admin'));\nmodule.exports = app;\n";
      assert.deepEqual(gradesOf({ 'src/app.js': APP, 'src/routes/admin.js': ROUTES, 'src/config/passport.js': PASSPORT }), { 'GET /api/admin': 3 });
    });

    it("grade each guard by the strategy it names, not by every strategy of the project", () => {
      const files = { 'src/auth/auth.controller.ts': CONTROLLER, 'src/auth/jwt.strategy.ts': STRATEGY, 'src/auth/jwt-refresh.strategy.ts': REFRESH, 'src/auth/auth.module.ts': MODULE };
      assert.deepEqual(gradesOf(files), { 'GET /auth/admin': 3, 'POST /auth/refresh': 2 });
    });
  });

  describe('methods of a class of the same file', () => {
    const app = (middleware: string) => `const express = require('express');
const jwt = require('jsonwebtoken');
class Tokens {
  static read(req) { return this.check(req.headers.authorization); }
  static check(token) { return jwt.verify(token, process.env.KEY, { algorithms: ['RS256'] }); }
  static peek(req) { return req.headers.authorization; }
}
const app = express();
app.use(${middleware});
app.get('/me', (req, res) => res.json(req.user));
`;
    it('run on the chain where a middleware calls them, static (Class.method) and through this', () => {
      assert.deepEqual(gradesOf({ 'src/app.js': app('(req, res, next) => { req.user = Tokens.read(req); next(); }') }), { 'GET /me': 1 });
    });

    it('run only their own code: a method that verifies nothing authenticates nothing', () => {
      assert.deepEqual(gradesOf({ 'src/app.js': app('(req, res, next) => { req.user = Tokens.peek(req); next(); }') }), { 'GET /me': 'unauthenticated' });
    });
  });

  describe('middleware from a package no model describes', () => {
    const app = (imports: string, use: string) => `const express = require('express');
${imports}
const app = express();
app.use(${use});
app.get('/orders', (req, res) => res.json([]));
`;
    const gradeOf = (imports: string, use: string, settings: Record<string, unknown> = {}) => {
      const root = writeProject({ 'src/app.js': app(imports, use) }, 'unmodelled');
      forgetProjects();
      const [route] = gradeRoutes(projectFor(path.join(root, 'src/app.js'), settings).routes(), []);
      return route!.grade;
    };

    it('is unknown when its name says it authenticates, and names the package', () => {
      const grade = gradeOf("const { gatewayAuth } = require('@acme/gateway-auth');", "gatewayAuth({ audience: 'fleet' })");
      assert.equal(grade.level, 'unknown');
      assert.match(grade.reasons[0]!.text, /'gatewayAuth' comes from the package '@acme\/gateway-auth', which no model describes/);
      assert.match(grade.nextStep, /settings\.claimguard\.models/);
    });

    it('changes nothing when the name says something else, or a model describes the package', () => {
      assert.equal(gradeOf("const rateLimit = require('express-rate-limit');", 'rateLimit({ max: 10 })').level, 'unauthenticated');
      assert.equal(gradeOf("const { ThrottlerGuard } = require('@acme/throttle');", 'ThrottlerGuard()').level, 'unauthenticated');
      const model = { claimguard: { models: [{ id: 'acme gateway', modules: ['@acme/gateway-auth'], verifies: [{ call: [{ function: 'gatewayAuth' }], middleware: true }] }] } };
      assert.equal(gradeOf("const { gatewayAuth } = require('@acme/gateway-auth');", "gatewayAuth({ audience: 'fleet' })", model).level, 1);
    });
  });

  describe('authentication code the server is configured with', () => {
    const BASIC_SERVICE = `import { Service } from 'typedi';
@Service()
export class AuthService {
  parseBasicAuthFromRequest(req: { header(name: string): string | undefined }) {
    const authorization = req.header('authorization');
    if (authorization && authorization.split(' ')[0] === 'Basic') {
      const [username, password] = Buffer.from(authorization.split(' ')[1], 'base64').toString().split(':');
      return { username, password };
    }
    return undefined;
  }
}`;
    const CONTROLLER = `import { Authorized, Get, JsonController, Param } from 'routing-controllers';
@Authorized()
@JsonController('/users')
export class UserController {
  @Get('/')
  list() { return []; }
  @Get('/:id')
  one(@Param('id') id: string) { return id; }
}`;
    const checkerFactory = (lookup: string) => `import { Action } from 'routing-controllers';
import { Container } from 'typedi';
import { AuthService } from './AuthService';
export function authorizationChecker() {
  const authService = ${lookup};
  return async function check(action: Action, roles: string[]): Promise<boolean> {
    const credentials = authService.parseBasicAuthFromRequest(action.request);
    return credentials !== undefined && roles.length === 0;
  };
}`;
    const LOADER = `import express from 'express';
import { useExpressServer } from 'routing-controllers';
import { authorizationChecker } from '../auth/authorizationChecker';
import { UserController } from '../api/UserController';
export const app = express();
useExpressServer(app, { controllers: [UserController], authorizationChecker: authorizationChecker() });`;
    const basicProject = (lookup: string, loader = LOADER) => ({
      'src/api/UserController.ts': CONTROLLER,
      'src/loaders/express.ts': loader,
      'src/auth/authorizationChecker.ts': checkerFactory(lookup),
      'src/auth/AuthService.ts': BASIC_SERVICE,
    });

    it("grades @Authorized() by the authorizationChecker's code: HTTP Basic read by a service a DI container hands out", () => {
      assert.deepEqual(gradesOf(basicProject('Container.get<AuthService>(AuthService)')), { 'GET /users': 0, 'GET /users/:id': 0 });
    });

    it('follows the checker into a service it constructs itself', () => {
      assert.deepEqual(gradesOf(basicProject('new AuthService()')), { 'GET /users': 0, 'GET /users/:id': 0 });
    });

    it('keeps the stand-in when the server is made without a checker, or by a local function of the same name', () => {
      const noChecker = LOADER.replace(', authorizationChecker: authorizationChecker()', '');
      assert.deepEqual(gradesOf(basicProject('new AuthService()', noChecker)), { 'GET /users': 1, 'GET /users/:id': 1 });
      const local = LOADER.replace("import { useExpressServer } from 'routing-controllers';", 'const useExpressServer = (_app: unknown, _options: unknown) => undefined;');
      assert.deepEqual(gradesOf(basicProject('new AuthService()', local)), { 'GET /users': 1, 'GET /users/:id': 1 });
    });

    it('grades a checker written inline that verifies a pinned token and decides on its roles', () => {
      const SERVER = `import { createExpressServer } from 'routing-controllers';
import * as jwt from 'jsonwebtoken';
import { UserController } from './api/UserController';
export const app = createExpressServer({
  controllers: [UserController],
  authorizationChecker: async (action, roles: string[]) => {
    const token = String(action.request.headers.authorization).replace('Bearer ', '');
    const claims = jwt.verify(token, process.env.PUBLIC_KEY!, { algorithms: ['RS256'], issuer: 'https://id.example.com', audience: 'api' }) as { roles: string[] };
    return claims.roles.includes('admin');
  },
});`;
      assert.deepEqual(gradesOf({ 'src/server.ts': SERVER, 'src/api/UserController.ts': CONTROLLER }), { 'GET /users': 3, 'GET /users/:id': 3 });
    });

    describe("routing-controllers' currentUserChecker for a required @CurrentUser()", () => {
      const controller = (options: string) => `import { Get, JsonController, CurrentUser } from 'routing-controllers';
@JsonController('/me')
export class MeController {
  @Get('/')
  me(@CurrentUser(${options}) user: { id: string }) { return user; }
}`;
      const server = (checker: string) => `import { createExpressServer, UnauthorizedError } from 'routing-controllers';
import * as jwt from 'jsonwebtoken';
import { MeController } from './api/MeController';
export const app = createExpressServer({
  controllers: [MeController],
  currentUserChecker: ${checker},
});`;
      const VERIFYING = `async (action) => {
    const token = String(action.request.headers.authorization).replace('Bearer ', '');
    return jwt.verify(token, process.env.PUBLIC_KEY!, { algorithms: ['RS256'] });
  }`;
      const BASIC = `async (action) => {
    const [scheme, credentials] = String(action.request.headers.authorization).split(' ');
    if (scheme !== 'Basic') return undefined;
    return Buffer.from(credentials, 'base64').toString().split(':')[0];
  }`;

      it('authenticates the route by the checker when the user is required', () => {
        assert.deepEqual(gradesOf({ 'src/server.ts': server(VERIFYING), 'src/api/MeController.ts': controller('{ required: true }') }), { 'GET /me': 1 });
        assert.deepEqual(gradesOf({ 'src/server.ts': server(BASIC), 'src/api/MeController.ts': controller('{ required: true }') }), { 'GET /me': 0 });
      });

      it('runs the checker for an optional user too, whose own refusal of a missing token authenticates', () => {
        const OPTIONAL = VERIFYING.replace('const token', "if (!action.request.headers.authorization) return undefined;\n    const token");
        const REFUSING = VERIFYING.replace('const token', "if (!action.request.headers.authorization) throw new UnauthorizedError('no token');\n    const token");
        assert.deepEqual(gradesOf({ 'src/server.ts': server(REFUSING), 'src/api/MeController.ts': controller('') }), { 'GET /me': 1 });
        assert.deepEqual(gradesOf({ 'src/server.ts': server(OPTIONAL), 'src/api/MeController.ts': controller('{ required: true }') }), { 'GET /me': 1 });
      });

      it('keeps the stand-in for a required user when no checker is found, and assumes nothing for an optional one', () => {
        const withoutChecker = server(VERIFYING).replace(/\n {2}currentUserChecker: [\s\S]*\n {2}},/, '');
        assert.ok(!withoutChecker.includes('currentUserChecker'));
        assert.deepEqual(gradesOf({ 'src/server.ts': withoutChecker, 'src/api/MeController.ts': controller('{ required: true }') }), { 'GET /me': 1 });
        assert.deepEqual(gradesOf({ 'src/server.ts': withoutChecker, 'src/api/MeController.ts': controller('') }), { 'GET /me': 'unauthenticated' });
      });
    });

    describe("tsoa's expressAuthentication", () => {
      const TSOA_CONTROLLER = `import { Controller, Get, Path, Route, Security } from 'tsoa';
@Route('invoices')
export class InvoiceController extends Controller {
  @Security('jwt', ['invoices:read'])
  @Get('{id}')
  public async get(@Path() id: string) { return id; }
}`;
      it('grades @Security by the exported function tsoa loads: a header API key', () => {
        const AUTH = `import type { Request } from 'express';
export async function expressAuthentication(request: Request, securityName: string, scopes?: string[]): Promise<unknown> {
  if (request.headers['x-api-key'] === process.env.API_KEY) return {};
  throw new Error('unauthorized');
}`;
        assert.deepEqual(gradesOf({ 'src/controllers/invoices.ts': TSOA_CONTROLLER, 'src/authentication.ts': AUTH }), { 'GET /invoices/{id}': 0 });
      });

      it('grades @Security by the exported function tsoa loads: a pinned token whose scopes it checks', () => {
        const AUTH = `import type { Request } from 'express';
import * as jwt from 'jsonwebtoken';
export function expressAuthentication(request: Request, securityName: string, scopes: string[] = []): Promise<unknown> {
  const token = String(request.headers.authorization).slice(7);
  const decoded = jwt.verify(token, process.env.PUBLIC_KEY!, { algorithms: ['RS256'], issuer: 'https://id.example.com', audience: 'api' }) as { scopes: string[] };
  if (!scopes.every((scope) => decoded.scopes.includes(scope))) return Promise.reject(new Error('forbidden'));
  return Promise.resolve(decoded);
}`;
        assert.deepEqual(gradesOf({ 'src/controllers/invoices.ts': TSOA_CONTROLLER, 'src/authentication.ts': AUTH }), { 'GET /invoices/{id}': 3 });
      });

      it('does not grade the routes file tsoa generates from the controllers a second time', () => {
        const generated = (header: string) => `${header}
import type { Router } from 'express';
import { InvoiceController } from './controllers/invoices';
export function RegisterRoutes(app: Router) {
  app.get('/invoices/:id', async function InvoiceController_get(request: any, response: any) {
    response.json(await new InvoiceController().get(request.params.id));
  });
}`;
        const AUTH = "export async function expressAuthentication(request: any): Promise<unknown> {\n  if (request.headers['x-api-key'] === process.env.API_KEY) return {};\n  throw new Error('unauthorized');\n}";
        const files = (header: string) => ({ 'src/controllers/invoices.ts': TSOA_CONTROLLER, 'src/authentication.ts': AUTH, 'src/routes.ts': generated(header) });
        assert.deepEqual(gradesOf(files('/* eslint-disable */\n// WARNING: This file was auto-generated with tsoa. Please do not modify it.')), { 'GET /invoices/{id}': 0 });
        // Written by hand, the same file registers its own route.
        assert.deepEqual(gradesOf(files('// Routes of the invoice API.')), { 'GET /invoices/{id}': 0, 'GET /invoices/:id': 'unauthenticated' });
      });
    });
  });

  describe('hapi strategies named by another file', () => {
    const SERVER = (name: string) => `const Hapi = require('@hapi/hapi');
const jwtAuth = require('./auth/jwt.auth');
exports.init = async () => {
  const server = Hapi.server({ port: 3000 });
  await server.register(require('@hapi/jwt'));
  server.auth.strategy(jwtAuth.name, 'jwt', jwtAuth.options);
  server.auth.default(${name});
  server.route(require('./routes/users'));
  return server;
};
`;
    const ROUTES = "module.exports = [\n  { method: 'GET', path: '/users', handler: () => [] },\n  { method: 'POST', path: '/login', options: { auth: false }, handler: () => ({}) },\n];\n";
    const config = (name: string) => `module.exports = { name: '${name}', options: { keys: process.env.JWT_SECRET, verify: { aud: 'api', iss: 'https://id.example.com', sub: false } } };\n`;

    it("reads the default strategy's name from the config module that exports it", () => {
      const files = (name: string) => ({ 'lib/server.js': SERVER('jwtAuth.name'), 'lib/routes/users.js': ROUTES, 'lib/auth/jwt.auth.js': config(name) });
      assert.deepEqual(gradesOf(files('jwt')), { 'GET /users': 1, 'POST /login': 'unauthenticated' });
      // A strategy whose name says no token (a session cookie) stays unknown: its scheme is configured elsewhere.
      assert.deepEqual(gradesOf(files('session')), { 'GET /users': 'unknown', 'POST /login': 'unauthenticated' });
    });

    it('leaves a name the code computes unknown', () => {
      assert.deepEqual(gradesOf({ 'lib/server.js': SERVER('process.env.AUTH_STRATEGY'), 'lib/routes/users.js': ROUTES, 'lib/auth/jwt.auth.js': config('jwt') }), { 'GET /users': 'unknown', 'POST /login': 'unauthenticated' });
    });

    it('registers the table an imported factory returns, as hapi plugins write `server.route(Routes(server))`', () => {
      const factory = (body: string) => `module.exports = (server) => {\n  const handlers = { list: () => [], login: () => ({}) };\n  ${body}\n};\n`;
      const table = "return [\n    { method: 'GET', path: '/users', config: { auth: 'jwt' }, handler: handlers.list },\n    { method: 'POST', path: '/login', config: { auth: false }, handler: handlers.login },\n  ];";
      const server = SERVER('jwtAuth.name').replace("server.route(require('./routes/users'));", "const Routes = require('./routes/users');\n  server.route(Routes(server));");
      const files = { 'lib/server.js': server, 'lib/routes/users.js': factory(table), 'lib/auth/jwt.auth.js': config('jwt') };
      assert.deepEqual(gradesOf(files), { 'GET /users': 1, 'POST /login': 'unauthenticated' });
      // A factory that returns something else registers nothing.
      assert.deepEqual(gradesOf({ ...files, 'lib/routes/users.js': factory('return handlers;') }), {});
    });
  });

  describe("records the caller picks by id, with no check that they are the caller's", () => {
    const VERIFY = `import { auth } from 'express-oauth2-jwt-bearer';
export const requireAuth = auth({ audience: 'https://api.example.com', issuerBaseURL: 'https://id.example.com/', tokenSigningAlg: 'RS256' });`;
    const APP = `import express from 'express';
import { requireAuth } from './auth/verify';
import { orders } from './routes/orders';
import { db } from './db';
export const app = express();
app.use('/api/orders', requireAuth, orders);
app.get('/api/products/:id', async (req, res) => {
  const { rows } = await db.query('SELECT * FROM products WHERE id = $1', [req.params.id]);
  res.json(rows[0]);
});`;
    const ADMIN = `export function requireAdmin(req, res, next) {
  if (!req.auth?.payload.roles?.includes('admin')) return res.sendStatus(403);
  next();
}`;
    // A thin wrapper of the driver: a call the index follows, whose code reads nothing by itself.
    const DB = 'export const db = { query: async (text: string, params: unknown[]) => ({ rows: [] as any[], text, params }) };';
    const routes = (chain: string, body: string, imports = '') => `import { Router } from 'express';
import { requiredScopes } from 'express-oauth2-jwt-bearer';
import { db } from '../db';
${imports}
export const orders = Router();
orders.get('/:id', ${chain}, async (req, res) => {
  ${body}
});`;
    const BY_ID = "const { rows } = await db.query('SELECT * FROM orders WHERE id = $1', [req.params.id]);";
    const project = (orderRoutes: string, extra: Record<string, string> = {}) => ({
      'src/app.ts': APP,
      'src/auth/verify.ts': VERIFY,
      'src/auth/admin.ts': ADMIN,
      'src/db.ts': DB,
      'src/routes/orders.ts': orderRoutes,
      ...extra,
    });
    /** The same project as plain JavaScript, which espree parses: `.js` files without the type annotations. */
    const asJavaScript = (files: Record<string, string>) =>
      Object.fromEntries(Object.entries(files).map(([file, text]) => [file.replace(/\.ts$/, '.js'), text.replace(/: string|: unknown\[\]| as any\[\]|!\./g, (match) => (match === '!.' ? '.' : ''))]));
    const gradeOf = (files: Record<string, string>, route = 'GET /api/orders/:id') => {
      const root = writeProject(files, 'unchecked-records');
      forgetProjects();
      const graded = gradeRoutes(projectFor(path.join(root, Object.keys(files)[0]!), {}).routes(), []);
      return graded.find((entry) => `${entry.linked.route.method} ${entry.path}` === route)!.grade;
    };

    it('holds a route whose scopes decide at Level 2 when it reads the record by the path id alone, and names the read', () => {
      const grade = gradeOf(project(routes("requiredScopes('read:orders')", `${BY_ID}\n  res.json(rows[0]);`)));
      assert.equal(grade.level, 2);
      assert.match(grade.reasons.map((reason) => reason.text).join('\n'), /record read by path param 'id' with no check that it belongs to the caller/);
      assert.match(grade.nextStep, /belongs to the caller/);
    });

    it('grades Level 3 when the SQL also matches the verified subject, or the owner is compared with it', () => {
      const scoped = "const { rows } = await db.query('SELECT * FROM orders WHERE id = $1 AND user_id = $2', [req.params.id, req.auth!.payload.sub]);\n  res.json(rows[0]);";
      assert.equal(gradeOf(project(routes("requiredScopes('read:orders')", scoped))).level, 3);
      const compared = `${BY_ID}\n  if (rows[0]?.user_id !== req.auth!.payload.sub) return res.sendStatus(404);\n  res.json(rows[0]);`;
      assert.equal(gradeOf(project(routes("requiredScopes('read:orders')", compared))).level, 3);
    });

    it('grades Level 3 when a role gate in another file admits only administrators first', () => {
      const grade = gradeOf(project(routes('requireAdmin', `${BY_ID}\n  res.json(rows[0]);`, "import { requireAdmin } from '../auth/admin';")));
      assert.equal(grade.level, 3);
    });

    it('follows the id into a service of another file, and counts the verified subject the route hands it', () => {
      const service = (signature: string, query: string) => `import { db } from '../db';\nexport async function findOrder(${signature}) {\n  const { rows } = await db.query(${query});\n  return rows[0];\n}`;
      const handler = (args: string) => routes("requiredScopes('read:orders')", `res.json(await findOrder(${args}));`, "import { findOrder } from '../services/orders';");
      const unscoped = gradeOf(project(handler('req.params.id'), { 'src/services/orders.ts': service('id: string', "'SELECT * FROM orders WHERE id = $1', [id]") }));
      assert.equal(unscoped.level, 2);
      assert.match(unscoped.reasons.map((reason) => reason.text).join('\n'), /path param 'id'/);
      const scoped = gradeOf(project(handler('req.params.id, req.auth!.payload.sub'), { 'src/services/orders.ts': service('id: string, userId: string', "'SELECT * FROM orders WHERE id = $1 AND user_id = $2', [id, userId]") }));
      assert.equal(scoped.level, 3);
    });

    it('takes a comparison in the service that answers 403 for an owner check, and one that answers 400 for validation', () => {
      const service = (status: number) => `import { db } from '../db';
export async function cancelOrder(id: string, callerId: string) {
  const { rows } = await db.query('SELECT * FROM orders WHERE id = $1', [id]);
  if (rows[0].user_id !== callerId) throw Object.assign(new Error('no'), { status: ${status} });
  return rows[0];
}`;
      const handler = routes("requiredScopes('write:orders')", 'res.json(await cancelOrder(req.params.id, req.auth!.payload.sub));', "import { cancelOrder } from '../services/orders';");
      for (const parse of [(files: Record<string, string>) => files, asJavaScript]) {
        assert.equal(gradeOf(parse(project(handler, { 'src/services/orders.ts': service(403) }))).level, 3);
        assert.equal(gradeOf(parse(project(handler, { 'src/services/orders.ts': service(400) }))).level, 2);
      }
    });

    it('keeps a route with no decision on claims at Level 1, and a route that authenticates nobody unauthenticated', () => {
      const files = project(routes('(_req, _res, next) => next()', `${BY_ID}\n  res.json(rows[0]);`));
      const level1 = gradeOf(files);
      assert.equal(level1.level, 1);
      assert.match(level1.reasons.map((reason) => reason.text).join('\n'), /record read by path param 'id'/);
      assert.equal(gradeOf(files, 'GET /api/products/:id').level, 'unauthenticated');
    });

    it('reads plain JavaScript the same way', () => {
      assert.equal(gradeOf(asJavaScript(project(routes("requiredScopes('read:orders')", `${BY_ID}\n  res.json(rows[0]);`)))).level, 2);
    });
  });

  describe('routes a class registers under a path held in one of its fields', () => {
    const ROUTES = (field: string, extra = '') => `import { Router } from 'express';
export class UsersRoute {
  ${field}
  router = Router();
  constructor() {
    this.init();
  }
  init() {
    this.router.get(\`\${this.path}\`, (req, res) => res.json([]));
    this.router.delete(\`\${this.path}/:id\`, (req, res) => res.json({}));${extra}
  }
}`;
    const APP = `import express from 'express';
import { UsersRoute } from './users.route';
const app = express();
app.use('/', new UsersRoute().router);
export default app;`;

    for (const ext of ['ts', 'js']) {
      it(`spells the paths with the field's value (.${ext})`, () => {
        const field = ext === 'ts' ? "public path = '/users';" : "path = '/users';";
        const grades = gradesOf({ [`src/app.${ext}`]: APP, [`src/users.route.${ext}`]: ROUTES(field) });
        assert.deepEqual(Object.keys(grades).sort(), ['DELETE /users/:id', 'GET /users']);
      });
    }

    it('keeps the expression when the class assigns the field again, or the field is another one', () => {
      const reassigned = gradesOf({ 'src/app.ts': APP, 'src/users.route.ts': ROUTES("path = '/users';", "\n    this.path = process.argv[2];") });
      assert.deepEqual(Object.keys(reassigned).sort(), ['DELETE /${this.path}/:id', 'GET /${this.path}']);
      const longer = gradesOf({ 'src/app.ts': APP, 'src/users.route.ts': ROUTES("path = '/users';", "\n    this.pathname = '/other';") });
      assert.deepEqual(Object.keys(longer).sort(), ['DELETE /users/:id', 'GET /users']);
    });
  });

  describe('methods of an imported class called on an instance', () => {
    const GUARD = `const jwt = require('jsonwebtoken');
class Guard {
  requireAdmin(req, res, next) {
    const claims = jwt.verify(req.headers.authorization.slice(7), process.env.PUBLIC_KEY, { algorithms: ['RS256'], issuer: 'https://id.example.com', audience: 'api' });
    if (!claims.roles.includes('admin')) return res.sendStatus(403);
    next();
  }
}
module.exports = { Guard };
`;
    it('run the method the instance is called with, made in the routes file', () => {
      const ROUTES = `const express = require('express');
const { Guard } = require('./guard');
const guard = new Guard();
const app = express();
app.get('/reports', (req, res, next) => guard.requireAdmin(req, res, next), (req, res) => res.json([]));
module.exports = app;
`;
      assert.deepEqual(gradesOf({ 'src/app.js': ROUTES, 'src/guard.js': GUARD }), { 'GET /reports': 3 });
    });
  });

  describe('a strategy configured where no route is', () => {
    it('links again when the linted text of a file the table never read starts configuring one', () => {
      const root = writeProject({
        'lib/routes.js': `module.exports = (server) => server.route({ method: 'DELETE', path: '/reports/{id}', options: { auth: 'jwt' },
  handler: (request, h) => (request.auth.credentials.scope.includes('admin') ? h.response().code(204) : h.response().code(403)) });
`,
        'lib/auth.js': 'module.exports = {};\n',
      }, 'late-strategy');
      forgetProjects();
      const index = projectFor(path.join(root, 'lib/routes.js'), {});
      const level = () => gradeRoutes(index.routes(), [])[0]!.grade.level;
      assert.equal(level(), 2, 'a strategy configured nowhere the project shows pins nothing');
      const file = path.join(root, 'lib/auth.js');
      const edited = parseFile(file, `module.exports = (server) => server.auth.strategy('jwt', 'jwt', { key: process.env.JWT_PUBLIC_KEY, verifyOptions: { algorithms: ['RS256'], issuer: 'https://id.example.com/', audience: 'api' } });\n`);
      assert.ok('sourceCode' in edited);
      index.record(file, edited.sourceCode);
      assert.equal(level(), 3);
    });
  });

  describe('code an imported factory makes, and code an imported wrapper is given', () => {
    const VERIFY = "jwt.verify(req.headers.authorization.slice(7), process.env.PUBLIC_KEY, { algorithms: ['RS256'], issuer: 'https://id.example.com', audience: 'api' })";
    it("runs the members of the object a factory returns (`makeHandlers(db).remove`)", () => {
      const HANDLERS = `import jwt from 'jsonwebtoken';
import type { Request, Response } from 'express';
export default function makeHandlers(db: { remove(id: string): Promise<void> }) {
  return {
    remove: async (req: Request, res: Response) => {
      const claims = ${VERIFY} as { roles: string[] };
      if (!claims.roles.includes('admin')) return res.sendStatus(403);
      await db.remove(req.params.id);
      res.sendStatus(204);
    },
    list: (req: Request, res: Response) => res.json([]),
  };
}
`;
      const APP = `import express from 'express';
import makeHandlers from './handlers';
const app = express();
const handlers = makeHandlers({ remove: async () => undefined });
app.delete('/reports/:id', handlers.remove);
app.get('/reports', handlers.list);
export default app;
`;
      assert.deepEqual(gradesOf({ 'src/app.ts': APP, 'src/handlers.ts': HANDLERS }), { 'DELETE /reports/:id': 3, 'GET /reports': 'unauthenticated' });
    });

    it('runs the function a wrapper is given, not the wrapper (`catchAsync(async (req, res) => …)`)', () => {
      const CATCH_ASYNC = `module.exports = (fn) => (req, res, next) => Promise.resolve(fn(req, res, next)).catch(next);
`;
      const CONTROLLER = `const jwt = require('jsonwebtoken');
const catchAsync = require('./catchAsync');
const removeReport = catchAsync(async (req, res) => {
  const claims = ${VERIFY};
  if (!claims.roles.includes('admin')) return res.sendStatus(403);
  res.sendStatus(204);
});
module.exports = { removeReport };
`;
      const APP = `const express = require('express');
const controller = require('./controller');
const app = express();
app.delete('/reports/:id', controller.removeReport);
module.exports = app;
`;
      assert.deepEqual(gradesOf({ 'src/app.js': APP, 'src/controller.js': CONTROLLER, 'src/catchAsync.js': CATCH_ASYNC }), { 'DELETE /reports/:id': 3 });
    });

    it('runs the handler a route hands to an imported wrapper: by name, made by a factory (inline or by name), or written in place', () => {
      const CATCH_ASYNC = `module.exports = (fn) => (req, res, next) => Promise.resolve(fn(req, res, next)).catch(next);
`;
      const CONTROLLER = `const jwt = require('jsonwebtoken');
function removeReport(req, res) {
  const claims = ${VERIFY};
  if (!claims.roles.includes('admin')) return res.sendStatus(403);
  res.sendStatus(204);
}
const makeRemove = () => (req, res) => {
  const claims = ${VERIFY};
  if (!claims.roles.includes('admin')) return res.sendStatus(403);
  res.sendStatus(204);
};
// A factory that gives back a function declared beside it, by name.
const pickRemove = () => removeReport;
function chooseRemove() {
  return removeReport;
}
module.exports = { removeReport, makeRemove, pickRemove, chooseRemove };
`;
      // A validation schema handed to an imported middleware factory is configuration, not a handler.
      const SCHEMAS = `module.exports = { report: { params: { id: 'string' } } };
`;
      const VALIDATE = `module.exports = (schema) => (req, res, next) => (schema.params && !req.params.id ? res.sendStatus(400) : next());
`;
      const APP = `const express = require('express');
const catchAsync = require('./catchAsync');
const validate = require('./validate');
const schemas = require('./schemas');
const controller = require('./controller');
const app = express();
app.delete('/named/:id', catchAsync(controller.removeReport));
app.delete('/made/:id', catchAsync(controller.makeRemove()));
app.delete('/picked/:id', controller.pickRemove());
app.delete('/chosen/:id', catchAsync(controller.chooseRemove()));
app.delete('/inline/:id', catchAsync((req, res) => controller.removeReport(req, res)));
app.delete('/validated/:id', validate(schemas.report), (req, res) => res.sendStatus(204));
module.exports = app;
`;
      assert.deepEqual(gradesOf({ 'src/app.js': APP, 'src/controller.js': CONTROLLER, 'src/catchAsync.js': CATCH_ASYNC, 'src/schemas.js': SCHEMAS, 'src/validate.js': VALIDATE }), {
        'DELETE /named/:id': 3,
        'DELETE /made/:id': 3,
        'DELETE /picked/:id': 3,
        'DELETE /chosen/:id': 3,
        'DELETE /inline/:id': 3,
        'DELETE /validated/:id': 'unauthenticated',
      });
    });

    it('runs the handler an imported wrapper was given through a variable, in JavaScript and TypeScript', () => {
      const CONTROLLER = `const jwt = require('jsonwebtoken');
function removeReport(req, res) {
  const claims = ${VERIFY};
  if (!claims.roles.includes('admin')) return res.sendStatus(403);
  res.sendStatus(204);
}
const makeRemove = () => removeReport;
module.exports = { removeReport, makeRemove };
`;
      const javaScript = {
        'src/app.js': `const express = require('express');
const catchAsync = require('./catchAsync');
const controller = require('./controller');
const remove = catchAsync(controller.removeReport);
const made = catchAsync(controller.makeRemove());
const app = express();
app.delete('/bound/:id', remove);
app.delete('/made/:id', made);
module.exports = app;
`,
        'src/controller.js': CONTROLLER,
        'src/catchAsync.js': 'module.exports = (fn) => (req, res, next) => Promise.resolve(fn(req, res, next)).catch(next);\n',
      };
      const typeScript = {
        'src/app.ts': `import express from 'express';
import { catchAsync } from './catchAsync';
import * as controller from './controller';
const remove = catchAsync(controller.removeReport);
const made = catchAsync(controller.makeRemove());
export const app = express();
app.delete('/bound/:id', remove);
app.delete('/made/:id', made);
`,
        'src/controller.ts': `import jwt from 'jsonwebtoken';
import type { Request, Response } from 'express';
export function removeReport(req: Request, res: Response) {
  const claims = ${VERIFY} as { roles: string[] };
  if (!claims.roles.includes('admin')) return res.sendStatus(403);
  res.sendStatus(204);
}
export const makeRemove = () => removeReport;
`,
        'src/catchAsync.ts': `import type { NextFunction, Request, RequestHandler, Response } from 'express';
export const catchAsync = (fn: RequestHandler) => (req: Request, res: Response, next: NextFunction) => Promise.resolve(fn(req, res, next)).catch(next);
`,
      };
      const expected = { 'DELETE /bound/:id': 3, 'DELETE /made/:id': 3 };
      assert.deepEqual(gradesOf(javaScript), expected);
      assert.deepEqual(gradesOf(typeScript), expected);
    });
  });
});
