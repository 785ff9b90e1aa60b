import * as assert from 'node:assert/strict';
import type { InvalidTestCase } from '@typescript-eslint/rule-tester';
import plugin from 'eslint-plugin-claimguard';
import { lintUnderBothParsers, runUnderBothParsers } from '../both-parsers';

type MessageIds = 'missingOwnershipCheck' | 'unscopedServiceCall' | 'ownedRecordWithoutAuthentication' | 'serviceAccessWithoutOwnerCheck';

const ruleName = 'require-ownership-check';
const rule = plugin.rules[ruleName];

// A NestJS controller behind the passport JWT guard: its methods start on line 8.
const NEST = `import { Controller, Delete, Get, Param, Put, Req, UseGuards } from '@nestjs/common';
import { AuthGuard } from '@nestjs/passport';
import { User } from '../user/user.decorator';
@Controller('articles')
@UseGuards(AuthGuard('jwt'))
export class ArticleController {
  constructor(private readonly articleService: ArticleService) {}`;

// Every Express case runs behind a verified token: handlers start on line 5.
const EXPRESS = `const express = require('express');
const { auth } = require('express-oauth2-jwt-bearer');
const app = express();
app.use(auth({ audience: 'https://api.example.com', issuerBaseURL: 'https://issuer.example.com/' }));
`;

function express(body: string, route = `app.get('/docs/:id', async (req, res) => {`): string {
  return `${EXPRESS}${route}\n${body}\n});`;
}

/** The error at the first `.method(` of the code, where the rule points. */
function at(code: string, method: string): { messageId: MessageIds; line: number; column: number } {
  const index = code.indexOf(`.${method}(`, EXPRESS.length > code.length ? 0 : code.indexOf('=>'));
  assert.ok(index >= 0, `no .${method}( in the case`);
  const before = code.slice(0, index + 1).split('\n');
  return { messageId: 'missingOwnershipCheck', line: before.length, column: before[before.length - 1]!.length + 1 };
}

function invalidCase(code: string, method: string): InvalidTestCase<MessageIds, []> {
  return { code, errors: [at(code, method)] };
}

// Express with Mongoose models declared in the file and no authentication: routes start on line 7.
const PUBLIC_MODELS = `const express = require('express');
const { Schema, model } = require('mongoose');
const app = express();
const Invoice = model('Invoice', new Schema({ userId: { type: Schema.Types.ObjectId, ref: 'User' }, total: Number }));
const Product = model('Product', new Schema({ sku: String, name: String, price: Number }));
const Note = model('Note', new Schema({ ownerId: String, title: String }));
`;

/** The error at `.method(` after the model declarations, with its message id. */
function modelError(code: string, method: string, messageId: MessageIds): { messageId: MessageIds; line: number; column: number } {
  const index = code.indexOf(`.${method}(`, code.indexOf('app.'));
  assert.ok(index >= 0, `no .${method}( in the case`);
  const before = code.slice(0, index + 1).split('\n');
  return { messageId, line: before.length, column: before[before.length - 1]!.length + 1 };
}

// A server-side session: requireLogin tests req.session.userId and answers 401; routes start on line 11.
const SESSION = `${PUBLIC_MODELS}function requireLogin(req, res, next) {
  if (!req.session.userId) return res.status(401).json({ error: 'login required' });
  next();
}
`;

const valid = [
  // The caller's own record, loaded by the verified subject: a Map in one of its fields is no table.
  express(`  const user = await User.findById(req.auth.payload.sub);
  user.profile.pictures.delete(req.params.provider.toLowerCase());
  user.tokens.delete(req.params.provider);
  await user.save();
  res.sendStatus(204);`),
  // Express: queries scoped by the verified subject or tenant
  express(`  res.json(await Doc.findOne({ _id: req.params.id, owner: req.auth.payload.sub }));`),
  express(`  res.json(await prisma.document.findFirst({ where: { id: req.params.id, ownerId: req.auth.payload.sub } }));`),
  express(`  res.json(await Doc.findOne({ where: { id: req.params.id, tenantId: req.auth.payload.tenant_id } }));`),
  express(`  await Doc.updateOne({ _id: req.params.id, owner: req.auth.payload.sub }, { $set: { title: req.body.title } });`),
  express(`  await Doc.findOneAndDelete({ _id: req.params.id, tenant: req.auth.payload.tenant });`),
  express(`  const { rows } = await db.query('SELECT * FROM docs WHERE id = $1 AND owner_id = $2', [req.params.id, req.auth.payload.sub]);
  res.json(rows);`),

  // Express: a load followed by an owner or tenant check against the verified subject
  express(`  const doc = await Doc.findById(req.params.id);
  if (doc.ownerId !== req.auth.payload.sub) return res.sendStatus(404);
  res.json(doc);`),
  express(`  const doc = await Doc.findById(req.params.id);
  if (doc.tenantId !== req.auth.payload.org_id) return res.sendStatus(403);
  res.json(doc);`),
  express(`  const claims = req.auth.payload;
  const doc = await Doc.findByPk(req.params.id);
  if (doc.userId !== claims.sub) throw new ForbiddenError();
  res.json(doc);`),
  express(`  const doc = await Doc.findById(req.params.id);
  if (!ability.can('read', doc)) return res.sendStatus(403);
  res.json(doc);`),
  express(`  res.json(await Doc.findOne({ _id: req.params.id, org: req.auth.payload.org_id }).lean());`),
  express(`  if (req.params.userId !== req.auth.payload.sub) return res.sendStatus(403);
  res.json(await User.findById(req.params.userId));`, `app.get('/users/:userId', async (req, res) => {`),
  `${EXPRESS}function requireSelf(req, res, next) {
  if (req.params.userId !== req.auth.payload.sub) return res.sendStatus(403);
  next();
}
app.get('/users/:userId/docs/:id', requireSelf, async (req, res) => {
  res.json(await Doc.findById(req.params.id));
});`,

  // Express: ids that are not the client's
  express(`  res.json(await User.findById(req.auth.payload.sub));`),
  express(`  res.json(await Settings.findByPk('global'));`),
  express(`  res.json(await Doc.findOne(req.body));`),
  express(`  res.json(await Doc.findOne({ userId: req.params.userId }));`),

  // Express: not lookups by id
  express(`  res.json(await Doc.find({ status: 'open' }).skip(Number(req.query.page)));`),
  express(`  res.json(await Doc.create({ title: req.body.title }));`),
  express(`  await db.query('INSERT INTO docs (title) VALUES ($1)', [req.body.title]);`),
  express(`  res.json(await db.query('SELECT * FROM docs'));`),
  express(`  const seen = new Set();
  seen.delete(req.params.id);
  res.json(Object.keys(req.query));`),
  express(`  res.json({ id: req.get('x-request-id') });`),

  // No verified caller: unauthenticated routes are the maturity grade's concern
  `const express = require('express');
const app = express();
app.get('/docs/:id', async (req, res) => res.json(await Doc.findById(req.params.id)));`,
  `async function main() { console.log(await Doc.findById(process.argv[2])); }`,
  `const express = require('express');
const app = express();
function apiKey(req, res, next) { return req.headers['x-api-key'] === process.env.KEY ? next() : res.sendStatus(401); }
app.get('/docs/:id', apiKey, async (req, res) => res.json(await Doc.findById(req.params.id)));`,

  // Koa
  `import Koa from 'koa';
import Router from '@koa/router';
import jwt from 'koa-jwt';
const app = new Koa();
const router = new Router();
app.use(jwt({ secret: process.env.KEY, algorithms: ['RS256'], issuer: 'https://issuer', audience: 'api' }));
router.get('/docs/:id', async (ctx) => {
  const doc = await Doc.findById(ctx.params.id);
  if (doc.owner !== ctx.state.user.sub) ctx.throw(404);
  ctx.body = doc;
});
app.use(router.routes());`,

  // Fastify
  `import Fastify from 'fastify';
const fastify = Fastify();
fastify.register(require('@fastify/jwt'), { secret: process.env.KEY });
fastify.addHook('onRequest', async (request) => { await request.jwtVerify(); });
fastify.get('/docs/:id', async (request) => Doc.findOne({ where: { id: request.params.id, ownerId: request.user.sub } }));`,

  // Hono
  `import { Hono } from 'hono';
import { jwt } from 'hono/jwt';
const app = new Hono();
app.use('/docs/*', jwt({ secret: process.env.KEY, alg: 'RS256' }));
app.get('/docs/:id', async (c) => {
  const doc = await Doc.findById(c.req.param('id'));
  if (doc.ownerId !== c.get('jwtPayload').sub) return c.text('not found', 404);
  return c.json(doc);
});`,

  // NestJS: a service handed the verified caller can check the owner; reads through services are left alone
  { code: `${NEST}
  @Delete(':slug')
  delete(@Param() params, @User('id') userId: number) { return this.articleService.delete(params.slug, userId); }
}`, filename: 'file.ts' },
  { code: `${NEST}
  @Put(':slug')
  update(@Param() params, @Req() req) { return this.articleService.update(params.slug, { author: req.user.id }); }
}`, filename: 'file.ts' },
  { code: `${NEST}
  @Get(':slug')
  findOne(@Param('slug') slug: string) { return this.articleService.findOne(slug); }
}`, filename: 'file.ts' },

  // Express routers
  `${EXPRESS}const router = express.Router();
router.delete('/docs/:id', async (req, res) => {
  await Doc.deleteOne({ _id: req.params.id, owner: req.auth.payload.sub });
  res.sendStatus(204);
});
app.use(router);`,
  `${EXPRESS}async function getDoc(req, res) {
  const doc = await Doc.findById(req.params.id);
  if (String(doc.ownerId) !== req.auth.payload.sub) return res.sendStatus(404);
  res.json(doc);
}
app.get('/docs/:id', getDoc);`,
  // Models: records of a model with no owner field on a route with no authentication are a public catalogue
  `${PUBLIC_MODELS}app.get('/products/:id', async (req, res) => res.json(await Product.findById(req.params.id)));`,
  // An owned record chosen by the caller's own verified identity, or scoped by it
  `${EXPRESS}const Invoice = model('Invoice', new Schema({ userId: String, total: Number }));
app.get('/invoices/:id', async (req, res) => res.json(await Invoice.findOne({ _id: req.params.id, userId: req.auth.payload.sub })));`,

  // Sessions: the session subject scopes the query, or the loaded record's owner is compared with it
  `${SESSION}app.get('/notes/:id', requireLogin, async (req, res) => res.json(await Note.findOne({ _id: req.params.id, ownerId: req.session.userId })));`,
  `${SESSION}app.get('/notes/:id', requireLogin, async (req, res) => {
  const note = await Note.findById(req.params.id);
  if (!note || !note.ownerId.equals(req.session.userId)) return res.sendStatus(404);
  res.json(note);
});`,

  // Role gates: a verified role checked on the chain lets staff reach any record
  `${EXPRESS}function requireRole(...roles) {
  return (req, res, next) => {
    const granted = req.auth.payload.roles ?? [];
    if (!roles.some((role) => granted.includes(role))) return res.status(403).json({ error: 'forbidden' });
    next();
  };
}
app.delete('/admin/invoices/:id', requireRole('admin'), async (req, res) => {
  await Invoice.findByIdAndDelete(req.params.id);
  res.sendStatus(204);
});`,

  // A filter whose owner key the caller feeds is no-untrusted-authorization's finding, not a second one here
  express(`  res.json(await Doc.findOne({ _id: req.params.id, ownerId: req.query.ownerId }));`),

  // GraphQL: an argument compared with the verified viewer before the record it names is used
  `import jwt from 'jsonwebtoken';
const resolvers = {
  Query: {
    invoice: async (_parent, args, context) => {
      const viewer = jwt.verify(context.token, process.env.KEY, { algorithms: ['RS256'], issuer: 'https://issuer', audience: 'api' });
      const invoice = await Invoice.findById(args.id);
      if (!invoice || invoice.ownerId !== viewer.sub) throw new Error('not found');
      return invoice;
    },
  },
};`,

  // Drizzle: the owner condition next to the id
  `import { Hono } from 'hono';
import { jwt } from 'hono/jwt';
import { and, eq } from 'drizzle-orm';
import { pgTable, text } from 'drizzle-orm/pg-core';
const notes = pgTable('notes', { id: text('id'), authorId: text('author_id') });
const app = new Hono();
app.use('/notes/*', jwt({ secret: process.env.KEY, alg: 'RS256' }));
app.delete('/notes/:id', async (c) => c.json(await db.delete(notes).where(and(eq(notes.id, c.req.param('id')), eq(notes.authorId, c.get('jwtPayload').sub)))));`,

  // A TypeORM repository whose entity has no owner field, read on a route with no authentication
  {
    code: `import { Controller, Get, Param } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Column, Entity, PrimaryGeneratedColumn, Repository } from 'typeorm';
@Entity()
export class Product {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column() name: string;
}
@Controller('products')
export class ProductsController {
  constructor(@InjectRepository(Product) private readonly catalogue: Repository<Product>) {}
  @Get(':id')
  findOne(@Param('id') id: string) { return this.catalogue.findOneBy({ id }); }
}`,
    filename: 'products.controller.ts',
  },
];

const invalid: InvalidTestCase<MessageIds, []>[] = [
  // Express: reads by a path id
  invalidCase(express(`  res.json(await Doc.findById(req.params.id));`), 'findById'),
  invalidCase(express(`  res.json(await Doc.findByPk(req.params.id));`), 'findByPk'),
  invalidCase(express(`  res.json(await Doc.findOne({ _id: req.params.id }));`), 'findOne'),
  invalidCase(express(`  res.json(await Doc.findOne({ where: { id: req.params.id } }));`), 'findOne'),
  invalidCase(express(`  res.json(await prisma.document.findUnique({ where: { id: req.params.id } }));`), 'findUnique'),
  invalidCase(express(`  res.json(await repo.findOneBy({ id: req.params.id }));`), 'findOneBy'),
  invalidCase(express(`  res.json(await Doc.findOne({ slug: req.params.slug }));`), 'findOne'),
  invalidCase(express(`  const { id } = req.params;
  res.json(await Doc.findById(id));`), 'findById'),
  invalidCase(express(`  const docId = req.params.docId;
  res.json(await Doc.findOne({ docId }));`), 'findOne'),

  // Express: reads by a query or body id
  invalidCase(express(`  res.json(await prisma.document.findFirst({ where: { id: req.query.id } }));`), 'findFirst'),
  invalidCase(express(`  res.json(await Invoice.findById(req.body.invoiceId));`), 'findById'),
  invalidCase(express(`  res.json(await Invoice.findById(String(req.query.invoice)));`), 'findById'),

  // Express: changes and deletes
  invalidCase(express(`  await prisma.document.delete({ where: { id: req.params.id } });`), 'delete'),
  invalidCase(express(`  await prisma.document.update({ where: { id: req.params.id }, data: { title: 'x' } });`), 'update'),
  invalidCase(express(`  await Doc.findByIdAndUpdate(req.params.id, { title: req.body.title });`), 'findByIdAndUpdate'),
  invalidCase(express(`  await Doc.findByIdAndDelete(req.params.id);`), 'findByIdAndDelete'),
  invalidCase(express(`  await Doc.deleteOne({ _id: req.params.id });`), 'deleteOne'),
  invalidCase(express(`  await Doc.updateOne({ _id: req.body.id }, { $set: { title: 'x' } });`), 'updateOne'),
  invalidCase(express(`  await documentRepository.delete(req.params.id);`), 'delete'),
  invalidCase(express(`  await Doc.destroy({ where: { id: req.params.id } });`), 'destroy'),
  invalidCase(express(`  await Order.findOneAndDelete({ _id: req.params.orderId });`), 'findOneAndDelete'),
  invalidCase(express(`  await Doc.remove({ _id: req.params.id });`), 'remove'),

  // Express: SQL
  invalidCase(express(`  res.json(await db.query('SELECT * FROM docs WHERE id = $1', [req.params.id]));`), 'query'),
  invalidCase(express(`  await db.query('DELETE FROM docs WHERE id = $1', [req.params.id]);`), 'query'),
  invalidCase(express(`  await pool.execute(\`UPDATE docs SET title = 'x' WHERE id = \${req.params.id}\`);`), 'execute'),

  // Express: a check on a caller-controlled value is no ownership check
  invalidCase(express(`  const doc = await Doc.findById(req.params.id);
  if (doc.ownerId !== req.headers['x-user-id']) return res.sendStatus(404);
  res.json(doc);`), 'findById'),

  // Express: routers and named handlers
  invalidCase(`${EXPRESS}const router = express.Router();
router.get('/docs/:id', async (req, res) => res.json(await Doc.findById(req.params.id)));
app.use(router);`, 'findById'),
  invalidCase(`${EXPRESS}async function getDoc(req, res) {
  res.json(await Doc.findById(req.params.id));
}
app.get('/docs/:id', getDoc);`, 'findById'),

  // Koa
  invalidCase(`import Koa from 'koa';
import Router from '@koa/router';
import jwt from 'koa-jwt';
const app = new Koa();
const router = new Router();
app.use(jwt({ secret: process.env.KEY, algorithms: ['RS256'], issuer: 'https://issuer', audience: 'api' }));
router.get('/docs/:id', async (ctx) => {
  ctx.body = await Doc.findById(ctx.params.id);
});
app.use(router.routes());`, 'findById'),

  // Fastify
  invalidCase(`import Fastify from 'fastify';
const fastify = Fastify();
fastify.register(require('@fastify/jwt'), { secret: process.env.KEY });
fastify.addHook('onRequest', async (request) => { await request.jwtVerify(); });
fastify.delete('/docs/:id', async (request) => Doc.findByIdAndDelete(request.params.id));`, 'findByIdAndDelete'),

  // NestJS: a delete or an update through a service by a client id, and the service never learns who asks
  {
    code: `${NEST}
  @Delete(':slug')
  delete(@Param() params) { return this.articleService.delete(params.slug); }
}`,
    filename: 'file.ts',
    errors: [{ messageId: 'unscopedServiceCall', line: 9, column: 56 }],
  },
  {
    code: `${NEST}
  @Put(':slug/comments/:id')
  updateComment(@Param('id') id: string, @Body() body) { return this.commentsService.updateOne(id, body); }
}`,
    filename: 'file.ts',
    errors: [{ messageId: 'unscopedServiceCall', line: 9, column: 86 }],
  },

  // Hono
  invalidCase(`import { Hono } from 'hono';
import { jwt } from 'hono/jwt';
const app = new Hono();
app.use('/docs/*', jwt({ secret: process.env.KEY, alg: 'RS256' }));
app.get('/docs/:id', async (c) => c.json(await Doc.findById(c.req.param('id'))));`, 'findById'),
  // Models: an owned record read, changed or deleted by a client id on a route with no authentication at all
  ...[
    `${PUBLIC_MODELS}app.get('/receipts/:id', async (req, res) => res.json(await Invoice.findById(req.params.id)));`,
    `${PUBLIC_MODELS}app.post('/notes/:id', async (req, res) => res.json(await Note.findByIdAndUpdate(req.params.id, { title: req.body.title })));`,
    `${PUBLIC_MODELS}app.delete('/notes/:id', async (req, res) => res.json(await Note.deleteOne({ _id: req.params.id })));`,
  ].map((code) => ({ code, errors: [modelError(code, code.includes('findById(') ? 'findById' : code.includes('findByIdAndUpdate') ? 'findByIdAndUpdate' : 'deleteOne', 'ownedRecordWithoutAuthentication')] })),

  // Sessions: the session subject is the verified caller, and a delete by id alone ignores it
  ((code) => ({ code, errors: [modelError(code, 'deleteOne', 'missingOwnershipCheck')] }))(
    `${SESSION}app.delete('/notes/:id', requireLogin, async (req, res) => {
  await Note.deleteOne({ _id: req.params.id });
  res.sendStatus(204);
});`,
  ),

  // Sequelize: a model class with init() whose attributes hold the tenant
  ((code) => ({ code, errors: [modelError(code, 'findByPk', 'ownedRecordWithoutAuthentication')] }))(
    `const express = require('express');
const { DataTypes, Model } = require('sequelize');
const app = express();
class Project extends Model {}
Project.init({ tenantId: DataTypes.UUID, name: DataTypes.STRING }, { sequelize });
app.get('/projects/:id', async (req, res) => res.json(await Project.findByPk(req.params.id)));`,
  ),

  // Drizzle: a row selected by a path id behind hono/jwt with no owner condition
  {
    code: `import { Hono } from 'hono';
import { jwt } from 'hono/jwt';
import { eq } from 'drizzle-orm';
import { pgTable, text } from 'drizzle-orm/pg-core';
const notes = pgTable('notes', { id: text('id'), authorId: text('author_id') });
const app = new Hono();
app.use('/notes/*', jwt({ secret: process.env.KEY, alg: 'RS256' }));
app.get('/notes/:id', async (c) => c.json(await db.select().from(notes).where(eq(notes.id, c.req.param('id')))));`,
    errors: [{ messageId: 'missingOwnershipCheck', line: 8, column: 73 }],
  },

  // TypeORM: a repository injected for an owned entity, whatever the property is called
  {
    code: `import { Controller, Get, Param, UseGuards } from '@nestjs/common';
import { AuthGuard } from '@nestjs/passport';
import { InjectRepository } from '@nestjs/typeorm';
import { Column, Entity, PrimaryGeneratedColumn, Repository } from 'typeorm';
@Entity()
export class Order {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column() userId: string;
}
@Controller('orders')
@UseGuards(AuthGuard('jwt'))
export class OrdersController {
  constructor(@InjectRepository(Order) private readonly ledger: Repository<Order>) {}
  @Get(':id')
  findOne(@Param('id') id: string) { return this.ledger.findOneBy({ id }); }
}`,
    filename: 'orders.controller.ts',
    errors: [{ messageId: 'missingOwnershipCheck', line: 15, column: 57 }],
  },

  // TypeORM: dataSource.getRepository(Entity) on a route with no authentication
  ((code) => ({ code, errors: [modelError(code, 'findOneBy', 'ownedRecordWithoutAuthentication')] }))(
    `const express = require('express');
const { EntitySchema } = require('typeorm');
const app = express();
const Invoice = new EntitySchema({ name: 'Invoice', columns: { id: { primary: true, type: 'uuid' }, accountId: { type: 'uuid' } } });
app.get('/invoices/:id', async (req, res) => res.json(await dataSource.getRepository(Invoice).findOneBy({ id: req.params.id })));`,
  ),

  // GraphQL: a resolver argument is a client-chosen id like a path parameter
  {
    code: `import { Schema, model } from 'mongoose';
const Invoice = model('Invoice', new Schema({ ownerId: String, total: Number }));
export const resolvers = {
  Query: {
    invoice: async (_parent, args) => Invoice.findById(args.id),
  },
};`,
    errors: [{ messageId: 'missingOwnershipCheck', line: 5, column: 47 }],
  },
];

describe('require-ownership-check', () => {
  it('is registered and in the strict and level-3 configs only', () => {
    assert.ok(rule, `rule ${ruleName} is not registered`);
    const rulesOf = (name: keyof typeof plugin.configs) => Object.assign({}, ...plugin.configs[name].map((config) => config.rules)) as Record<string, unknown>;
    assert.ok(rulesOf('strict')[`claimguard/${ruleName}`]);
    assert.ok(rulesOf('level-3')[`claimguard/${ruleName}`]);
    assert.equal(rulesOf('recommended')[`claimguard/${ruleName}`], undefined);
    assert.equal(rulesOf('level-2')[`claimguard/${ruleName}`], undefined);
  });

  it('names the model and its owner field for an owned record on a route with no authentication', () => {
    const [message] = lintUnderBothParsers(
      `${PUBLIC_MODELS}app.get('/receipts/:id', async (req, res) => res.json(await Invoice.findById(req.params.id)));`,
      { plugins: { claimguard: plugin as never }, rules: { [`claimguard/${ruleName}`]: 'error' } },
    );
    assert.match(message?.message ?? '', /^Reads a record of Invoice, which is owned through 'userId', by path param 'id' on a route that authenticates nobody/);
  });

  it('suggests the session subject as the remedy on a session-authenticated route', () => {
    const [message] = lintUnderBothParsers(
      `${SESSION}app.delete('/notes/:id', requireLogin, async (req, res) => res.json(await Note.deleteOne({ _id: req.params.id })));`,
      { plugins: { claimguard: plugin as never }, rules: { [`claimguard/${ruleName}`]: 'error' } },
    );
    assert.match(message?.message ?? '', /scope the query by the verified subject \(e\.g\. `ownerId: req\.session\.userId`\)/);
  });

  it('names the id of the user a passport login session restores, not a token claim', () => {
    const [message] = lintUnderBothParsers(
      `${PUBLIC_MODELS}const passport = require('passport');
app.use(passport.session());
app.delete('/notes/:id', async (req, res) => {
  if (!req.isAuthenticated()) return res.sendStatus(401);
  res.json(await Note.deleteOne({ _id: req.params.id }));
});`,
      { plugins: { claimguard: plugin as never }, rules: { [`claimguard/${ruleName}`]: 'error' } },
    );
    assert.match(message?.message ?? '', /scope the query by the verified subject \(e\.g\. `ownerId: req\.user\.id`\)/);
  });

  it('names the id the WHERE clause picks the record by, not a value the statement sets', () => {
    const config = { plugins: { claimguard: plugin as never }, rules: { [`claimguard/${ruleName}`]: 'error' } } as const;
    const [template] = lintUnderBothParsers(express(`  const { status } = req.body;
  await db.query(\`UPDATE queues SET status = '\${status}' WHERE id = \${req.params.id}\`);`, `app.post('/queues/:id', async (req, res) => {`), config);
    assert.match(template?.message ?? '', /^Changes a record by path param 'id'/);
    const [numbered] = lintUnderBothParsers(express(`  await db.query('UPDATE docs SET title = $1 WHERE id = $2', [req.body.title, req.params.id]);`), config);
    assert.match(numbered?.message ?? '', /^Changes a record by path param 'id'/);
    const [positional] = lintUnderBothParsers(express(`  await db.query('UPDATE docs SET title = ? WHERE id = ?', [req.body.title, req.query.id]);`), config);
    assert.match(positional?.message ?? '', /^Changes a record by query 'id'/);
  });

  it("takes a gate that admits the user whose id the path names, or an administrator, for the route's check", () => {
    const gate = (test: string) => `${PUBLIC_MODELS}const passport = require('passport');
const selfOrAdmin = (req, res, next) => {
  if (${test}) return res.sendStatus(403);
  next();
};
app.get('/users/:userId/invoices', passport.authenticate('jwt', { session: false }), selfOrAdmin, async (req, res) => {
  res.json(await Invoice.findOne({ _id: req.params.userId }));
});`;
    const config = { plugins: { claimguard: plugin as never }, rules: { [`claimguard/${ruleName}`]: 'error' } } as const;
    assert.deepEqual(lintUnderBothParsers(gate("req.params.userId !== req.user.id && req.user.role !== 'admin'"), config), []);
    // A test that the caller is signed in at all checks nobody's ownership.
    assert.equal(lintUnderBothParsers(gate('!req.user'), config).length, 1);
  });

  it('says a service may hold the check, and that it needs the caller to do so', () => {
    const [message] = lintUnderBothParsers(
      `${NEST}
  @Delete(':slug')
  delete(@Param() params) { return this.articleService.delete(params.slug); }
}`,
      { plugins: { claimguard: plugin as never }, rules: { [`claimguard/${ruleName}`]: 'error' } },
      'article.controller.ts',
    );
    assert.match(message?.message ?? '', /^Deletes a record through `articleService\.delete\(\)` by path param 'slug' with no ownership check here/);
    assert.match(message!.message, /unless the service checks the owner another way, pass the verified subject \(e\.g\. `req\.user\.sub`\)/);
  });
});

if (rule) runUnderBothParsers(ruleName, rule as never, { valid, invalid });
