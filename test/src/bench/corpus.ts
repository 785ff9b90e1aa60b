import * as fs from 'node:fs';
import * as path from 'node:path';
import { seededRandom } from '../fuzz/inputs';

/**
 * A deterministic corpus of realistic API handler files for benchmarks: Express, Koa, Fastify, Hono and Next.js
 * routes with middleware, helpers, database calls, verified and unverified claims, and the usual mistakes.
 * The same seed always writes the same files.
 */
export interface CorpusOptions {
  files: number;
  seed: number;
}

const RESOURCES = ['orders', 'invoices', 'projects', 'users', 'reports', 'tickets', 'documents', 'teams'];
const HEADERS = ['x-role', 'x-tenant-id', 'x-user-id', 'accept-language', 'x-request-id'];

type Pick = <T>(items: readonly T[]) => T;

const ROUTE_BODIES: ((resource: string, pick: Pick) => string)[] = [
  (r) => `  const items = await db.${r}.findMany({ where: { tenantId: req.auth.payload.tenant_id } });
  res.json(items);`,
  (r, pick) => `  const role = req.get('${pick(HEADERS)}');
  if (role !== 'admin') {
    return res.status(403).json({ error: 'forbidden' });
  }
  res.json(await db.${r}.findMany());`,
  (r) => `  const page = Number(req.query.page ?? 1);
  const limit = Math.min(Number(req.query.limit ?? 20), 100);
  const rows = await db.${r}.findMany({ skip: (page - 1) * limit, take: limit, orderBy: { [String(req.query.sort || 'id')]: 'asc' } });
  res.json({ page, rows });`,
  (r) => `  const item = await db.${r}.findUnique({ where: { id: req.params.id } });
  if (!item) return res.sendStatus(404);
  if (item.ownerId !== req.auth.payload.sub) return res.sendStatus(403);
  res.json(item);`,
  (r) => `  if (!req.auth.payload.permissions.includes('write:${r}')) {
    return res.status(403).end();
  }
  const created = await db.${r}.create({ data: { title: String(req.body.title), ownerId: req.auth.payload.sub } });
  res.status(201).json(created);`,
  (r) => `  const isAdmin = req.query.isAdmin === 'true';
  const rows = isAdmin ? await db.${r}.findMany() : await db.${r}.findMany({ where: { public: true } });
  res.json(rows);`,
  (r) => `  const tenant = req.headers['x-tenant-id'];
  const rows = await db.${r}.findMany({ where: { tenantId: tenant } });
  logger.info({ requestId: req.headers['x-request-id'] }, 'listed ${r}');
  res.json(rows);`,
  (r) => `  const token = (req.headers.authorization || '').split(' ')[1];
  const claims = jwt.decode(token);
  if (!claims || claims.role !== 'admin') return res.sendStatus(403);
  res.json(await db.${r}.findMany());`,
  (r) => `  const { name, email } = req.body;
  if (!name || !email) return res.status(400).json({ error: 'name and email are required' });
  const user = await db.${r}.update({ where: { id: req.auth.payload.sub }, data: { name, email } });
  res.json(user);`,
];

function expressFile(index: number, pick: Pick, rnd: () => number): string {
  const routes: string[] = [];
  const count = 4 + Math.floor(rnd() * 6);
  for (let i = 0; i < count; i++) {
    const resource = pick(RESOURCES);
    const body = pick(ROUTE_BODIES)(resource, pick);
    const method = pick(['get', 'post', 'put', 'delete']);
    const guard = rnd() < 0.6 ? "checkJwt, requiredScopes('read:" + resource + "'), " : '';
    routes.push(`router.${method}('/${resource}/:id', ${guard}async (req, res) => {\n${body}\n});`);
  }
  const helpers = `function roleFrom(req) {
  return req.headers['x-role'] || 'viewer';
}

function requireRole(role) {
  return (req, res, next) => {
    if (roleFrom(req) !== role) return res.sendStatus(403);
    next();
  };
}

async function audit(event, req) {
  await db.audit.create({ data: { event, at: new Date(), ip: req.ip } });
}`;
  return `// Generated handler module ${index}.
const express = require('express');
const jwt = require('jsonwebtoken');
const { auth, requiredScopes } = require('express-oauth2-jwt-bearer');
const db = require('../db');
const logger = require('../logger');

const router = express.Router();
const checkJwt = auth({ audience: 'https://api.example.com', issuerBaseURL: 'https://issuer.example.com/', tokenSigningAlg: 'RS256' });

${helpers}

router.use(requireRole('member'));

${routes.join('\n\n')}

router.get('/health', (req, res) => res.json({ ok: true }));

module.exports = router;
`;
}

function koaFile(index: number, pick: Pick): string {
  const resource = pick(RESOURCES);
  return `// Generated Koa module ${index}.
const Router = require('@koa/router');
const jwt = require('koa-jwt');
const router = new Router();

router.use(jwt({ secret: process.env.JWT_SECRET, algorithms: ['HS256'], issuer: 'api', audience: 'web' }));

router.get('/${resource}', async (ctx) => {
  if (ctx.state.user.role !== 'admin' && ctx.get('x-role') !== 'admin') ctx.throw(403);
  ctx.body = await db.${resource}.find({ tenant: ctx.state.user.tenant });
});

router.post('/${resource}/:id/share', async (ctx) => {
  const target = ctx.request.body.userId;
  const doc = await db.${resource}.findById(ctx.params.id);
  if (String(doc.owner) !== ctx.state.user.sub) ctx.throw(403, 'not yours');
  await db.shares.create({ doc: doc.id, user: target });
  ctx.status = 204;
});

module.exports = router;
`;
}

function fastifyFile(index: number, pick: Pick): string {
  const resource = pick(RESOURCES);
  return `// Generated Fastify plugin ${index}.
module.exports = async function routes(fastify) {
  fastify.addHook('onRequest', async (request, reply) => {
    try {
      await request.jwtVerify();
    } catch (err) {
      reply.code(401).send(err);
    }
  });

  fastify.get('/${resource}', async (request, reply) => {
    if (request.user.scope.split(' ').indexOf('read:${resource}') === -1) return reply.code(403).send();
    return fastify.db.${resource}.findMany({ where: { orgId: request.user.org_id } });
  });

  fastify.delete('/${resource}/:id', async (request, reply) => {
    if (request.headers['x-admin'] === 'yes') {
      await fastify.db.${resource}.delete({ where: { id: request.params.id } });
      return reply.code(204).send();
    }
    return reply.code(403).send({ error: 'admins only' });
  });
};
`;
}

function honoFile(index: number, pick: Pick): string {
  const resource = pick(RESOURCES);
  return `// Generated Hono app ${index}.
import { Hono } from 'hono';
import { jwt } from 'hono/jwt';

const app = new Hono();
app.use('/api/*', jwt({ secret: process.env.JWT_SECRET, alg: 'HS256' }));

app.get('/api/${resource}', async (c) => {
  const payload = c.get('jwtPayload');
  if (!payload.roles.includes('reader')) return c.json({ error: 'forbidden' }, 403);
  const rows = await db.${resource}.findMany({ where: { tenantId: payload.tenant_id } });
  return c.json(rows);
});

app.get('/api/${resource}/:id', async (c) => {
  const owner = c.req.query('owner');
  const rows = await db.${resource}.findMany({ where: { ownerId: owner } });
  return c.json(rows);
});

export default app;
`;
}

function nextFile(index: number, pick: Pick): string {
  const resource = pick(RESOURCES);
  return `// Generated Next.js route ${index}.
import { NextResponse } from 'next/server';
import { jwtVerify } from 'jose';

export async function GET(request, { params }) {
  const token = request.headers.get('authorization')?.replace('Bearer ', '');
  const { payload } = await jwtVerify(token, key, { algorithms: ['RS256'], issuer: 'https://issuer', audience: 'api' });
  if (payload.sub !== params.userId) return NextResponse.json({ error: 'forbidden' }, { status: 403 });
  const rows = await db.${resource}.findMany({ where: { userId: params.userId } });
  return NextResponse.json(rows);
}

export async function POST(request) {
  const body = await request.json();
  if (body.role === 'admin') return NextResponse.json({ error: 'no' }, { status: 403 });
  return NextResponse.json(await db.${resource}.create({ data: { title: body.title } }));
}
`;
}

/** Writes the corpus under `dir` and returns the file paths. */
export function writeCorpus(dir: string, options: CorpusOptions): string[] {
  const rnd = seededRandom(options.seed);
  const pick: Pick = (items) => items[Math.floor(rnd() * items.length)];
  fs.mkdirSync(dir, { recursive: true });
  const files: string[] = [];
  for (let i = 0; i < options.files; i++) {
    const kind = i % 10;
    const [name, text] =
      kind < 5
        ? [`express-${i}.js`, expressFile(i, pick, rnd)]
        : kind < 7
          ? [`koa-${i}.js`, koaFile(i, pick)]
          : kind < 8
            ? [`fastify-${i}.js`, fastifyFile(i, pick)]
            : kind < 9
              ? [`hono-${i}.mjs`, honoFile(i, pick)]
              : [`next-${i}.mjs`, nextFile(i, pick)];
    const file = path.join(dir, name);
    fs.writeFileSync(file, text);
    files.push(file);
  }
  return files;
}
