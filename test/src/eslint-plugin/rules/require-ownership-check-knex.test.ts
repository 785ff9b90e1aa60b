import * as assert from 'node:assert/strict';
import type { InvalidTestCase } from '@typescript-eslint/rule-tester';
import plugin from 'eslint-plugin-claimguard';
import { runUnderBothParsers } from '../both-parsers';

/**
 * Knex query builders as record access: a chain opened on a table name (`db('invoices')`, `knex.from('invoices')`)
 * and filtered with `where`, read, changed or deleted by a client-chosen key, and the shapes that only look alike.
 */

type MessageIds = 'missingOwnershipCheck' | 'ownedRecordWithoutAuthentication';

const ruleName = 'require-ownership-check';
const rule = plugin.rules[ruleName];

// Every case runs behind a verified token: handlers start on line 6.
const VERIFIED = `const express = require('express');
const { auth } = require('express-oauth2-jwt-bearer');
const db = require('knex')({ client: 'pg' });
const app = express();
app.use(auth({ audience: 'https://api.example.com', issuerBaseURL: 'https://issuer.example.com/' }));
`;

function route(body: string, header = VERIFIED): string {
  return `${header}app.get('/invoices/:id', async (req, res) => {\n${body}\n});`;
}

// Koa behind koa-jwt: the handler starts on line 6.
const KOA = `const Router = require('koa-router');
const jwt = require('koa-jwt');
const db = require('knex')({ client: 'pg' });
const router = new Router();
router.use(jwt({ secret: process.env.KEY }));
`;

function koa(body: string): string {
  return `${KOA}router.put('/articles/:slug', async (ctx) => {\n  const article = await db('articles').first().where({ slug: ctx.params.slug });\n${body}\n});`;
}

/** One error at each of the first `count` occurrences of `.method(` inside the handler, where the rule points. */
function invalidCase(code: string, method: string, count = 1): InvalidTestCase<MessageIds, []> {
  const errors: InvalidTestCase<MessageIds, []>['errors'][number][] = [];
  let index = code.indexOf('=>');
  for (let found = 0; found < count; found++) {
    index = code.indexOf(`.${method}(`, index + 1);
    assert.ok(index >= 0, `no .${method}( number ${found + 1} in the case`);
    const before = code.slice(0, index + 1).split('\n');
    errors.push({ messageId: 'missingOwnershipCheck', line: before.length, column: before[before.length - 1]!.length + 1 });
  }
  return { code, errors };
}

/** One error at the first `.method(` of each method in turn (see invalidCase). */
function combined(code: string, methods: readonly string[]): InvalidTestCase<MessageIds, []> {
  return { code, errors: methods.flatMap((method) => invalidCase(code, method).errors) };
}

const valid = [
  // Scoped by the verified subject, in the object filter or a second condition
  route(`  await db('invoices').where({ id: req.params.id, user_id: req.auth.payload.sub }).del();\n  res.sendStatus(204);`),
  route(`  await db('invoices').where('id', req.params.id).andWhere('user_id', req.auth.payload.sub).update(req.body);\n  res.sendStatus(204);`),
  route(`  res.json(await db('articles').where({ slug: req.params.id, author: req.auth.payload.sub }).first());`),
  // A row read by a client key whose owner is compared with the subject afterwards
  route(`  const row = await db('articles').where({ slug: req.params.id }).first();
  if (row.author !== req.auth.payload.sub) return res.sendStatus(403);
  res.json(row);`),
  // The owner compared with the subject by an assertion whose message says whose record it is, whatever its status
  koa(`  ctx.assert(article.author === ctx.state.user.id, 422, 'not owned by user');\n  await db('articles').update(ctx.request.body).where({ slug: ctx.params.slug });`),
  koa(`  ctx.assert(article.author === ctx.state.user.id, 422, new ValidationError(['not owned by user'], '', 'article'));\n  await db('articles').where({ slug: ctx.params.slug }).del();`),
  // Callables that are no query builder: an HTTP client, i18n, an array library, a DOM query
  route(`  const items = await axios('https://api.example.com/items/' + req.params.id).then((response) => response.data);\n  res.json(items);`),
  route(`  res.send(t('title', { id: req.params.id }));`),
  route(`  res.json(_.where(cache, { id: req.params.id }));`),
  route(`  res.json($('#invoice').find(req.params.id));`),
  route(`  res.json(await fetchRows('https://example.com/x').where({ id: req.params.id }));`),
  // Paging, sorting and filters by columns that choose no single record
  route(`  res.json(await db('articles').where({ published: true }).orderBy(req.query.sort).limit(req.query.limit));`),
  route(`  res.json(await db('invoices').where('status', req.query.status).select('*'));`),
  // A public table with no owner column on an unauthenticated route: a catalogue
  `const express = require('express');
const db = require('knex')({ client: 'pg' });
const app = express();
app.get('/products/:id', async (req, res) => res.json(await db('products').where({ id: req.params.id }).first()));`,
  // A condition written as SQL text names no column
  route(`  res.json(await db('invoices').where('id = ' + req.params.id, []).first());`),
  // A server-chosen id
  route(`  res.json(await db('settings').where({ id: 1 }).first());`),
  // A tally of what callers do with a record they do not own (a like, a view)
  route(`  await db('articles').increment('favorites_count', 1).where({ id: req.params.id });\n  res.sendStatus(204);`),
  route(`  await knex('articles').where('id', req.params.id).increment('views');\n  res.sendStatus(204);`),
];

const invalid: InvalidTestCase<MessageIds, []>[] = [
  // Read by a client-chosen key
  invalidCase(route(`  const article = await db('articles').where({ slug: req.params.id }).first();\n  res.json(article);`), 'first'),
  // Deleted with `del()` and `delete()`, by `(column, value)`
  invalidCase(route(`  await knex('invoices').where('id', req.params.id).del();\n  res.sendStatus(204);`), 'del'),
  invalidCase(route(`  await trx('invoices').where('invoices.id', req.params.id).delete();\n  res.sendStatus(204);`), 'delete'),
  // Changed with the body, by an object filter, and by `(column, op, value)`
  invalidCase(route(`  await db('invoices').where({ id: req.params.id }).update(req.body);\n  res.sendStatus(204);`), 'update'),
  invalidCase(route(`  await db('invoices').where('id', '=', req.params.id).increment('total', 1);\n  res.sendStatus(204);`), 'increment'),
  // A counter moved by what the caller sends is no tally
  invalidCase(route(`  await db('articles').where({ id: req.params.id }).increment('favorites_count', req.body.step);\n  res.sendStatus(204);`), 'increment'),
  // Opened by `select(…).from(table)` and by `table(…)`
  invalidCase(route(`  res.json(await knex.select('*').from('invoices').where('id', req.params.id).first());`), 'first'),
  invalidCase(route(`  res.json(await this.knex.table('invoices').whereIn('id', req.query.id).del());`), 'del'),
  // The awaited chain itself reads, through a constant naming the table
  invalidCase(route(`  const TABLE = 'invoices';\n  res.json(await db(TABLE).where({ id: req.params.id }));`), 'where'),
  // A 422 assertion that validates input is no ownership check
  // The read is reported at its outermost call, the change at the call that changes.
  combined(koa(`  ctx.assert(ctx.request.body.title, 422, 'title is required');\n  await db('articles').update(ctx.request.body).where({ slug: ctx.params.slug });`), ['where', 'update']),
  // A promise chain after the builder
  invalidCase(route(`  db('invoices').where({ id: req.params.id }).first().then((row) => res.json(row));`), 'first'),
];

if (rule) runUnderBothParsers(ruleName, rule as never, { valid, invalid });
