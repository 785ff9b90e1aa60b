import * as assert from 'node:assert/strict';
import { Linter } from 'eslint';
import type { ESLint } from 'eslint';
import type { InvalidTestCase, ValidTestCase } from '@typescript-eslint/rule-tester';
import type { TSESLint } from '@typescript-eslint/utils';
import plugin from 'eslint-plugin-claimguard';
import { getFindingDetails } from 'eslint-plugin-claimguard/api';
import { configFor, JS_FILENAME, parsersFor, runUnderBothParsers } from '../both-parsers';

type MessageIds = 'apiKeyAuth' | 'passwordAuth';
type Options = [{ allowRoutes?: string[] }?];

const rule = plugin.rules['no-api-key-auth'] as unknown as TSESLint.RuleModule<MessageIds, Options>;

/** Line and column of the first occurrence of `snippet` in `code`. */
function at(code: string, snippet: string): { line: number; column: number } {
  const index = code.indexOf(snippet);
  if (index < 0) throw new Error(`snippet not in test code: ${snippet}`);
  const before = code.slice(0, index).split('\n');
  return { line: before.length, column: before[before.length - 1].length + 1 };
}

function invalidCase(code: string, messageId: MessageIds, snippet: string, options?: Options): InvalidTestCase<MessageIds, Options> {
  return { code, ...(options ? { options } : {}), errors: [{ messageId, ...at(code, snippet) }] };
}

/** An Express middleware around one condition, as these checks are usually written. */
function middleware(condition: string): string {
  return `app.use((req, res, next) => {
  if (${condition}) return res.status(401).json({ error: 'unauthorized' });
  next();
});`;
}

const valid: ValidTestCase<Options>[] = [
  // Express: reading or forwarding a key is not authenticating with one
  { code: `app.get('/proxy', async (req, res) => res.json(await fetch(url, { headers: { 'x-api-key': req.headers['x-api-key'] } })));` },
  { code: middleware(`!req.headers['x-api-key']`) },
  { code: middleware(`req.headers['x-api-key'] === undefined`) },
  { code: middleware(`typeof req.query.api_key !== 'string'`) },
  { code: middleware(`req.headers['x-api-key'].length === 0`) },
  { code: middleware(`req.headers['x-role'] !== 'admin'`) },
  { code: middleware(`req.query.page === '1'`) },
  { code: `const upstream = await fetch(url, { headers: { 'x-api-key': process.env.API_KEY } });` },
  { code: `if (!process.env.API_KEY) throw new Error('API_KEY is not set');` },
  { code: `if (apiKeyName === 'primary') rotate();` },
  // Bearer tokens are the remedy, not the problem
  {
    code: `app.use((req, res, next) => {
  const [scheme, token] = (req.headers.authorization ?? '').split(' ');
  if (scheme !== 'Bearer' || !token) return res.sendStatus(401);
  next();
});`,
  },
  { code: middleware(`!req.headers.authorization?.startsWith('Bearer ')`) },
  { code: middleware(`req.headers.authorization !== \`Bearer \${token}\``) },
  { code: `import { expressjwt } from 'express-jwt';\napp.use(expressjwt({ secret: getKey, algorithms: ['RS256'] }));` },
  { code: `app.get('/me', passport.authenticate('jwt', { session: false }), (req, res) => res.json(req.user));` },
  { code: `import { AuthGuard } from '@nestjs/passport';\nconst guard = AuthGuard('jwt');` },
  { code: `import { Strategy as LocalStrategy } from 'passport-local';\npassport.use(new LocalStrategy(verifyPassword));` },
  // Clients that send Basic credentials to someone else's API
  { code: `await fetch(url, { headers: { Authorization: 'Basic ' + btoa(user + ':' + pass) } });` },
  { code: `res.set('WWW-Authenticate', 'Bearer realm="api"');` },
  // Same names from other modules
  { code: `import basicAuth from './my-basic-auth';\napp.use(basicAuth({ users }));` },
  { code: `const auth = require('./auth');\nconst user = auth(req);` },
  // Koa
  { code: `app.use(async (ctx, next) => {\n  if (!ctx.get('authorization').startsWith('Bearer ')) ctx.throw(401);\n  await next();\n});` },
  // Hono
  { code: `app.use(async (c, next) => {\n  if (c.req.header('x-request-id') === lastId) return c.text('duplicate', 409);\n  await next();\n});` },
  // Next.js
  { code: `export async function GET(request) {\n  if (request.headers.get('x-forwarded-for') === blockedIp) return new Response(null, { status: 403 });\n}` },
  // Webhooks are signed, not keyed
  { code: `import { timingSafeEqual } from 'node:crypto';\nif (!timingSafeEqual(Buffer.from(signature), Buffer.from(expected))) throw new Error('bad signature');` },
  // CSRF double submit: the cookie's token against the header's, both the caller's, whatever the variables are called.
  {
    code: `const crypto = require('crypto');
module.exports = function csrfProtection(req, res, next) {
  const cookieToken = req.cookies['csrf_token'];
  const headerToken = req.get('x-csrf-token');
  if (!cookieToken || !headerToken) return res.status(403).json({ error: 'missing csrf token' });
  const a = Buffer.from(cookieToken);
  const b = Buffer.from(headerToken);
  if (a.length !== b.length || !crypto.timingSafeEqual(a, b)) return res.status(403).json({ error: 'bad csrf token' });
  next();
};`,
  },
  { code: `import fastifyJwt from '@fastify/jwt';\nfastify.register(fastifyJwt, { secret: { public: pub } });` },
  // A plain word compared with the Authorization header is a name, not a key
  { code: middleware(`req.headers.authorization === 'admin'`) },
  // A header checked against a configured secret only counts when the answer denies the request
  { code: `app.post('/hook', async (c) => {\n  if (!checkSignature(c.env.HOOK_SECRET, c.req.header('x-signature'))) logger.warn('unsigned hook');\n  return c.json({});\n});` },
  // A Bearer token that the file verifies as a JWT is the remedy
  {
    code: `import jwt from 'jsonwebtoken';
function verifyBearer(header, secret) {
  return jwt.verify(header.slice(7), secret, { algorithms: ['HS256'], issuer: 'i', audience: 'a' });
}
app.use((req, res, next) => {
  if (!verifyBearer(req.headers.authorization, process.env.JWT_SECRET)) return res.sendStatus(401);
  next();
});`,
  },
  // Allow-listed routes
  { code: `import basicAuth from 'express-basic-auth';\napp.get('/health', basicAuth({ users }), health);`, options: [{ allowRoutes: ['/health'] }] },
  {
    code: `function requireKey(req, res, next) {
  if (req.headers['x-api-key'] !== process.env.METRICS_KEY) return res.sendStatus(401);
  next();
}
app.get('/metrics', requireKey, metrics);`,
    options: [{ allowRoutes: ['/metrics'] }],
  },
  {
    code: `const requireKey = (req, res, next) => (req.get('x-api-key') === process.env.JOBS_KEY ? next() : res.sendStatus(401));
app.use('/internal/jobs', requireKey);
app.post('/internal/reindex', requireKey, reindex);`,
    options: [{ allowRoutes: ['/internal/*'] }],
  },
  { code: `import { basicAuth } from 'hono/basic-auth';\napp.use('/metrics', basicAuth({ username, password }));`, options: [{ allowRoutes: ['/metrics'] }] },
];

const invalid: InvalidTestCase<MessageIds, Options>[] = [
  // Express
  invalidCase(middleware(`req.headers['x-api-key'] !== process.env.API_KEY`), 'apiKeyAuth', `req.headers['x-api-key'] !==`),
  invalidCase(`const API_KEY = process.env.API_KEY;\n${middleware(`req.get('X-API-Key') !== API_KEY`)}`, 'apiKeyAuth', `req.get('X-API-Key')`),
  invalidCase(middleware(`req.header('x-api-key') !== config.apiKey`), 'apiKeyAuth', `req.header(`),
  invalidCase(middleware(`req.query.api_key !== KEY`), 'apiKeyAuth', `req.query.api_key`),
  invalidCase(
    `app.use((req, res, next) => {
  const apiKey = req.headers['x-api-key'];
  if (apiKey !== process.env.API_KEY) return res.sendStatus(401);
  next();
});`,
    'apiKeyAuth',
    'apiKey !==',
  ),
  invalidCase(
    `app.use((req, res, next) => {
  const { 'x-api-key': key } = req.headers;
  if (key !== SECRET_KEY) return res.sendStatus(401);
  next();
});`,
    'apiKeyAuth',
    'key !==',
  ),
  invalidCase(middleware(`!API_KEYS.includes(req.headers['x-api-key'])`), 'apiKeyAuth', 'API_KEYS.includes'),
  invalidCase(middleware(`!validKeys.has(req.query.apikey)`), 'apiKeyAuth', 'validKeys.has'),
  invalidCase(middleware(`req.headers.authorization !== \`Bearer \${process.env.API_TOKEN}\``), 'apiKeyAuth', 'req.headers.authorization'),
  invalidCase(middleware(`req.headers.authorization !== process.env.ADMIN_TOKEN`), 'apiKeyAuth', 'req.headers.authorization'),
  invalidCase(middleware(`req.headers.authorization !== 'Bearer 8f3a9c71d2'`), 'apiKeyAuth', 'req.headers.authorization'),
  invalidCase(`const ADMIN_TOKEN = 'supersecret';\n${middleware(`req.headers.authorization !== ADMIN_TOKEN`)}`, 'apiKeyAuth', 'req.headers.authorization'),
  invalidCase(`function isValidKey(key) {\n  return key === process.env.API_KEY;\n}`, 'apiKeyAuth', 'key ==='),
  // Koa
  invalidCase(`app.use(async (ctx, next) => {\n  if (ctx.get('x-api-key') !== process.env.API_KEY) ctx.throw(401);\n  await next();\n});`, 'apiKeyAuth', `ctx.get(`),
  invalidCase(`app.use(async (ctx, next) => {\n  if (ctx.request.headers['x-api-key'] !== KEY) ctx.throw(401);\n  await next();\n});`, 'apiKeyAuth', 'ctx.request'),
  // Fastify
  invalidCase(
    `fastify.addHook('onRequest', async (request, reply) => {\n  if (request.headers['x-api-key'] !== fastify.config.API_KEY) reply.code(401).send();\n});`,
    'apiKeyAuth',
    `request.headers['x-api-key']`,
  ),
  // Hono
  invalidCase(`app.use(async (c, next) => {\n  if (c.req.header('x-api-key') !== c.env.API_KEY) return c.text('no', 401);\n  await next();\n});`, 'apiKeyAuth', 'c.req.header'),
  invalidCase(`app.use(async (c, next) => {\n  if (c.req.query('apikey') !== KEY) return c.text('no', 401);\n  await next();\n});`, 'apiKeyAuth', 'c.req.query'),
  // Next.js
  invalidCase(
    `export async function GET(request) {\n  if (request.headers.get('x-api-key') !== process.env.API_KEY) return new Response(null, { status: 401 });\n}`,
    'apiKeyAuth',
    'request.headers.get',
  ),
  invalidCase(
    `import { headers } from 'next/headers';\nexport async function GET() {\n  if ((await headers()).get('x-api-key') !== process.env.API_KEY) return new Response(null, { status: 401 });\n}`,
    'apiKeyAuth',
    '(await headers())',
  ),
  // Hand-rolled HTTP Basic
  invalidCase(middleware(`!(req.headers.authorization ?? '').startsWith('Basic ')`), 'passwordAuth', `(req.headers.authorization ?? '').startsWith`),
  invalidCase(
    `app.use((req, res, next) => {
  const [scheme, encoded] = (req.headers.authorization ?? '').split(' ');
  if (scheme !== 'Basic') return res.sendStatus(401);
  const [user, pass] = Buffer.from(encoded, 'base64').toString().split(':');
  next();
});`,
    'passwordAuth',
    `scheme !== 'Basic'`,
  ),
  invalidCase(middleware(`!/^Basic /i.test(req.headers.authorization)`), 'passwordAuth', '/^Basic /i.test'),
  // Libraries
  invalidCase(`import basicAuth from 'express-basic-auth';\napp.use(basicAuth({ users: { admin: process.env.ADMIN_PASSWORD } }));`, 'passwordAuth', 'basicAuth({'),
  invalidCase(`const auth = require('basic-auth');\napp.use((req, res, next) => {\n  const credentials = auth(req);\n  next();\n});`, 'passwordAuth', 'auth(req)'),
  invalidCase(`import { BasicStrategy } from 'passport-http';\npassport.use(new BasicStrategy((user, pass, done) => check(user, pass, done)));`, 'passwordAuth', 'new BasicStrategy'),
  invalidCase(`const { DigestStrategy } = require('passport-http');\npassport.use(new DigestStrategy({ qop: 'auth' }, findUser));`, 'passwordAuth', 'new DigestStrategy'),
  invalidCase(`app.get('/admin', passport.authenticate('basic', { session: false }), admin);`, 'passwordAuth', 'passport.authenticate'),
  invalidCase(`fastify.register(require('@fastify/basic-auth'), { validate, authenticate: true });`, 'passwordAuth', 'fastify.register'),
  invalidCase(`import auth from 'koa-basic-auth';\napp.use(auth({ name: 'admin', pass: process.env.ADMIN_PASSWORD }));`, 'passwordAuth', 'auth({'),
  invalidCase(`import { basicAuth } from 'hono/basic-auth';\napp.use('/admin/*', basicAuth({ username, password }));`, 'passwordAuth', 'basicAuth({'),
  invalidCase(
    `import { HeaderAPIKeyStrategy } from 'passport-headerapikey';\npassport.use(new HeaderAPIKeyStrategy({ header: 'x-api-key', prefix: '' }, false, findClient));`,
    'apiKeyAuth',
    'new HeaderAPIKeyStrategy',
  ),
  // NestJS
  {
    ...invalidCase(
      `import { AuthGuard } from '@nestjs/passport';
class ReportsController {
  @UseGuards(AuthGuard('api-key'))
  list() {}
}`,
      'apiKeyAuth',
      `AuthGuard('api-key')`,
    ),
    filename: 'file.ts',
  },
  invalidCase(
    `import { PassportStrategy } from '@nestjs/passport';
import { BasicStrategy } from 'passport-http';
export class AdminStrategy extends PassportStrategy(BasicStrategy) {
  constructor() { super({ passReqToCallback: true }); }
}`,
    'passwordAuth',
    'super(',
  ),
  // Values followed through variables and into same-file helpers
  invalidCase(
    `function isValid(key) { return key === storedKey; }
app.use((req, res, next) => (isValid(req.headers['x-api-key']) ? next() : res.sendStatus(401)));`,
    'apiKeyAuth',
    'key === storedKey',
  ),
  invalidCase(
    `app.use((req, res, next) => {
  const incoming = req.headers;
  const presented = incoming['x-api-key'];
  if (presented !== storedKey) return res.sendStatus(401);
  next();
});`,
    'apiKeyAuth',
    'presented !==',
  ),
  // Static tokens under any header name, checked against a configured secret before a 401/403
  invalidCase(
    `import { verifyBootstrapToken } from './bootstrap';
app.post('/setup', async (c) => {
  if (!verifyBootstrapToken(c.env.BOOTSTRAP_TOKEN, c.req.header('X-HonoWarden-Bootstrap-Token'))) return c.json({}, 403);
  return c.json(await setup(c));
});`,
    'apiKeyAuth',
    'verifyBootstrapToken(c.env',
  ),
  invalidCase(middleware(`req.headers['x-bootstrap-token'] !== process.env.BOOTSTRAP_TOKEN`), 'apiKeyAuth', `req.headers['x-bootstrap-token']`),
  invalidCase(
    middleware(`!crypto.timingSafeEqual(Buffer.from(req.get('x-deploy-token')), Buffer.from(config.deployToken))`),
    'apiKeyAuth',
    'crypto.timingSafeEqual',
  ),
  // One scheme, one report: the username parsed from Basic credentials is not a second, key-based scheme
  invalidCase(
    `router.get('/export', async (ctx) => {
  const header = ctx.get('authorization');
  if (!header.startsWith('Basic ')) ctx.throw(401);
  const [user, password] = Buffer.from(header.slice(6), 'base64').toString('utf8').split(':');
  if (user !== 'accounting' || !credentialsMatch(password, process.env.EXPORT_PASSWORD)) ctx.throw(401);
  ctx.body = await Invoice.find().lean();
});`,
    'passwordAuth',
    'header.startsWith',
  ),
  invalidCase(
    `router.get('/export', async (ctx) => {
  const header = ctx.get('authorization');
  if (!header.startsWith('Basic ')) ctx.throw(401);
  const [user, password] = Buffer.from(header.slice(6), 'base64').toString('utf8').split(':');
  if (user !== 'accounting' || !checkPassword(password, process.env.EXPORT_PASSWORD)) ctx.throw(401);
});`,
    'passwordAuth',
    'header.startsWith',
  ),
  // Allow-lists cover only the routes they name
  invalidCase(
    `import basicAuth from 'express-basic-auth';\napp.get('/health', basicAuth({ users }), health);\napp.get('/admin', basicAuth({ users }), admin);`,
    'passwordAuth',
    `basicAuth({ users }), admin`,
    [{ allowRoutes: ['/health'] }],
  ),
  invalidCase(
    `function requireKey(req, res, next) {
  if (req.headers['x-api-key'] !== process.env.METRICS_KEY) return res.sendStatus(401);
  next();
}
app.get('/metrics', requireKey, metrics);
app.use(requireKey);`,
    'apiKeyAuth',
    `req.headers['x-api-key'] !==`,
    [{ allowRoutes: ['/metrics'] }],
  ),
];

runUnderBothParsers('no-api-key-auth', rule, { valid, invalid });

describe('no-api-key-auth finding details', () => {
  for (const parser of parsersFor(JS_FILENAME)) {
    it(`records the header read as the origin of a key comparison, for editors (${parser})`, () => {
    const code = `function isValid(key) { return key === storedKey; }
app.use((req, res, next) => (isValid(req.headers['x-api-key']) ? next() : res.sendStatus(401)));`;
    const linter = new Linter({ configType: 'flat' });
    const messages = linter.verify(
      code,
      configFor(parser, JS_FILENAME, { plugins: { claimguard: plugin as unknown as ESLint.Plugin }, rules: { 'claimguard/no-api-key-auth': 'warn' } }),
      JS_FILENAME,
    );
    assert.equal(messages.length, 1);
    const details = getFindingDetails(linter.getSourceCode() as never);
    assert.equal(details.length, 1);
    assert.equal(details[0].ruleId, 'claimguard/no-api-key-auth');
    assert.deepEqual(details[0].span.start, { line: messages[0].line, column: messages[0].column - 1 });
    assert.equal(details[0].origin?.description, "header 'x-api-key'");
    assert.equal(details[0].origin?.span.start.line, 2);
    assert.equal(details[0].origin?.span.start.column, code.split('\n')[1].indexOf('req.headers'));
    });
  }
});
