import * as assert from 'node:assert/strict';
import { Linter } from 'eslint';
import type { RunTests } from '@typescript-eslint/rule-tester';
import plugin from 'eslint-plugin-claimguard';
import { lintWithRule } from '../lint-one-rule';
import { runUnderBothParsers } from '../both-parsers';

type MessageIds = 'unverifiedClaims' | 'suggestVerify';

const ruleName = 'no-unverified-claims';
// Undefined until the rule is registered; the suite then fails with one clear test instead of a load error.
const rule = plugin.rules[ruleName] as (typeof plugin.rules)[string] | undefined;


// Reported at the operand inside the decision that carries the decoded claims.
function unverifiedClaims(line: number, column: number) {
  return { messageId: 'unverifiedClaims', line, column } as const;
}

const tests: RunTests<MessageIds, []> = {
  valid: [
    // jsonwebtoken: decisions on the verified payload
    `import jwt from 'jsonwebtoken';
app.get('/admin', (req, res) => {
  const token = req.headers.authorization.slice(7);
  const claims = jwt.verify(token, publicKey, { algorithms: ['RS256'], issuer, audience });
  if (claims.role !== 'admin') return res.sendStatus(403);
  res.json(report());
});`,
    `import jwt from 'jsonwebtoken';
app.get('/admin', (req, res) => {
  const decoded = jwt.verify(req.get('authorization').slice(7), publicKey, { algorithms: ['RS256'] });
  if (decoded.role !== 'admin') return res.sendStatus(403);
  res.json(report());
});`,
    // jsonwebtoken: peek at the header to pick the key, then verify
    `import jwt from 'jsonwebtoken';
app.get('/admin', async (req, res) => {
  const token = req.headers.authorization.slice(7);
  const { header } = jwt.decode(token, { complete: true });
  const key = await keyStore.get(header.kid);
  const claims = jwt.verify(token, key, { algorithms: ['RS256'], issuer, audience });
  if (claims.role !== 'admin') return res.sendStatus(403);
  res.json(report());
});`,
    `import jwt from 'jsonwebtoken';
app.use((req, res, next) => {
  const token = req.headers.authorization.slice(7);
  const decoded = jwt.decode(token, { complete: true });
  if (decoded.header.alg !== 'RS256') return res.sendStatus(401);
  req.claims = jwt.verify(token, publicKey, { algorithms: ['RS256'], issuer, audience });
  next();
});`,
    `import jwt from 'jsonwebtoken';
app.use((req, res, next) => {
  const token = req.headers.authorization.slice(7);
  const { header: { kid } } = jwt.decode(token, { complete: true });
  if (!kid) return res.sendStatus(401);
  req.claims = jwt.verify(token, keys[kid], { algorithms: ['RS256'], issuer, audience });
  next();
});`,
    `import jwt from 'jsonwebtoken';
app.use((req, res, next) => {
  const token = req.headers.authorization.slice(7);
  const decoded = jwt.decode(token, { complete: true });
  if (decoded.header.typ !== 'at+jwt') return res.sendStatus(401);
  next();
});`,
    `import jwt from 'jsonwebtoken';
app.use((req, res, next) => {
  const token = req.headers.authorization.slice(7);
  const { iss } = jwt.decode(token);
  if (!TRUSTED_ISSUERS.includes(iss)) return res.sendStatus(401);
  req.claims = jwt.verify(token, keyFor(iss), { algorithms: ['RS256'], issuer: iss, audience });
  next();
});`,
    // The decoded user is replaced by the verified one before the route: express-jwt told to leave its claims at `req.user`.
    `import express from 'express';
import jwt from 'jsonwebtoken';
import { expressjwt } from 'express-jwt';
const app = express();
app.use((req, res, next) => {
  req.user = jwt.decode((req.headers.authorization || '').replace('Bearer ', ''));
  next();
});
app.use(expressjwt({ secret: process.env.JWT_PUBLIC_KEY, algorithms: ['RS256'], issuer: 'https://id.example.com', audience: 'api', requestProperty: 'user' }));
app.get('/admin', (req, res) => {
  if (req.user.role !== 'admin') return res.sendStatus(403);
  res.json(report());
});`,
    // jsonwebtoken: decoded claims used for no decision
    `import jwt from 'jsonwebtoken';
app.use((req, res, next) => {
  const claims = jwt.decode(req.headers.authorization.slice(7));
  logger.info({ sub: claims.sub, role: claims.role }, 'request');
  next();
});`,
    `import jwt from 'jsonwebtoken';
app.get('/me/name', (req, res) => {
  const claims = jwt.decode(req.headers.authorization.slice(7));
  res.json({ name: claims.name });
});`,
    `import jwt from 'jsonwebtoken';
function isExpired(token) {
  const claims = jwt.decode(token);
  return claims.exp * 1000 < Date.now();
}`,
    `import jwt from 'jsonwebtoken';
function scheduleRefresh(token) {
  const { exp } = jwt.decode(token);
  if (exp * 1000 - Date.now() < 60000) refreshSoon();
}`,
    // Not decoded claims: the token itself, request values, verified middleware
    `app.use((req, res, next) => {
  const token = req.headers.authorization;
  if (!token) return res.sendStatus(401);
  if (!token.startsWith('Bearer ')) return res.sendStatus(401);
  next();
});`,
    `app.get('/admin', (req, res) => {
  if (req.headers['x-role'] !== 'admin') return res.sendStatus(403);
  res.json(report());
});`,
    `app.get('/admin', auth({ audience, issuerBaseURL }), (req, res) => {
  if (req.auth.payload.role !== 'admin') return res.sendStatus(403);
  res.json(report());
});`,
    `app.post('/import', (req, res) => {
  const payload = JSON.parse(req.body.payload);
  if (payload.role !== 'admin') return res.sendStatus(403);
  res.sendStatus(202);
});`,
    `app.get('/items', (req, res) => {
  const { offset } = JSON.parse(atob(req.query.cursor));
  if (offset > 1000) return res.status(400).send('cursor too far');
  res.json(items.slice(offset, offset + 20));
});`,

    // jose
    `import * as jose from 'jose';
app.get('/admin', async (req, res) => {
  const { payload } = await jose.jwtVerify(token, JWKS, { algorithms: ['RS256'], issuer, audience });
  if (payload.role !== 'admin') return res.sendStatus(403);
  res.json(report());
});`,
    `import * as jose from 'jose';
app.get('/admin', async (req, res) => {
  const token = req.headers.authorization.slice(7);
  const { iss } = jose.decodeJwt(token);
  const { payload } = await jose.jwtVerify(token, jwksFor(iss), { algorithms: ['RS256'], issuer: iss, audience });
  if (payload.role !== 'admin') return res.sendStatus(403);
  res.json(report());
});`,
    `import { decodeProtectedHeader, jwtVerify } from 'jose';
app.get('/admin', async (req, res) => {
  const token = req.headers.authorization.slice(7);
  const { kid, alg } = decodeProtectedHeader(token);
  if (alg !== 'RS256') return res.sendStatus(401);
  const { payload } = await jwtVerify(token, await keyFor(kid), { algorithms: ['RS256'], issuer, audience });
  if (!payload.scope.split(' ').includes('admin')) return res.sendStatus(403);
  res.json(report());
});`,

    // jwt-decode
    `import { jwtDecode } from 'jwt-decode';
function tokenAlgorithm(token) {
  const header = jwtDecode(token, { header: true });
  if (header.alg !== 'RS256') throw new UnauthorizedException();
  return header.alg;
}`,
    `import { jwtDecode } from 'jwt-decode';
export function showProfile(token) {
  const claims = jwtDecode(token);
  setProfile({ name: claims.name, picture: claims.picture });
}`,
    `import { jwtDecode } from 'jwt-decode';
export function needsRefresh(token) {
  const { exp } = jwtDecode(token);
  return exp * 1000 < Date.now() + 30000;
}`,

    // jwt-simple: decode with a key verifies the signature
    `const jwt = require('jwt-simple');
app.get('/admin', (req, res) => {
  const claims = jwt.decode(req.headers.authorization.slice(7), secret);
  if (claims.role !== 'admin') return res.sendStatus(403);
  res.json(report());
});`,
    `const jwt = require('jwt-simple');
app.get('/admin', (req, res) => {
  const token = req.headers.authorization.slice(7);
  const { iss } = jwt.decode(token, '', true);
  const claims = jwt.decode(token, secretFor(iss));
  if (claims.role !== 'admin') return res.sendStatus(403);
  res.json(report());
});`,

    // @fastify/jwt
    `fastify.get('/admin', async (request, reply) => {
  await request.jwtVerify();
  if (request.user.role !== 'admin') return reply.code(403).send();
  return report();
});`,
    `fastify.get('/admin', async (request, reply) => {
  const claims = await request.jwtVerify();
  if (claims.role !== 'admin') return reply.code(403).send();
  return report();
});`,
    `fastify.get('/admin', async (request, reply) => {
  const decoded = fastify.jwt.decode(request.headers.authorization.slice(7), { complete: true });
  if (decoded.header.alg !== 'RS256') return reply.code(401).send();
  await request.jwtVerify();
  if (request.user.role !== 'admin') return reply.code(403).send();
  return report();
});`,

    // @nestjs/jwt
    { code: `@Injectable()
export class AdminGuard implements CanActivate {
  async canActivate(context: ExecutionContext) {
    const req = context.switchToHttp().getRequest();
    const token = req.headers.authorization?.split(' ')[1];
    const payload = await this.jwtService.verifyAsync(token, { algorithms: ['RS256'], issuer, audience });
    return payload.role === 'admin';
  }
}`, filename: 'file.ts' },
    { code: `@Injectable()
export class AdminGuard implements CanActivate {
  async canActivate(context: ExecutionContext) {
    const req = context.switchToHttp().getRequest();
    const token = req.headers.authorization?.split(' ')[1];
    const { header } = this.jwtService.decode(token, { complete: true });
    const payload = await this.jwtService.verifyAsync(token, { secret: await this.keys.get(header.kid) });
    return payload.role === 'admin';
  }
}`, filename: 'file.ts' },
    { code: `@Controller('session')
export class SessionController {
  @Post('refresh')
  refresh(@Body('token') token: string, @Res() res) {
    const { exp } = this.jwtService.decode(token);
    res.cookie('session', token, { maxAge: exp * 1000 - Date.now(), httpOnly: true });
    return res.send();
  }
}`, filename: 'file.ts' },
    { code: `@Controller('admin')
export class AdminController {
  @UseGuards(JwtAuthGuard)
  @Get()
  report(@Req() req) {
    if (req.user.role !== 'admin') throw new ForbiddenException();
    return this.reports.all();
  }
}`, filename: 'file.ts' },

    // hono
    `import { jwt } from 'hono/jwt';
app.use('/admin/*', jwt({ secret: process.env.JWT_SECRET, alg: 'HS256' }));
app.get('/admin', (c) => {
  if (c.get('jwtPayload').role !== 'admin') return c.json({ error: 'forbidden' }, 403);
  return c.json(report());
});`,
    `import { decode, verify } from 'hono/jwt';
app.get('/admin', async (c) => {
  const token = c.req.header('authorization').slice(7);
  const { header } = decode(token);
  if (header.alg !== 'HS256') return c.json({ error: 'bad token' }, 401);
  const payload = await verify(token, process.env.JWT_SECRET, 'HS256');
  if (payload.role !== 'admin') return c.json({ error: 'forbidden' }, 403);
  return c.json(report());
});`,

    // Koa
    `router.get('/admin', async (ctx) => {
  if (ctx.state.user.role !== 'admin') ctx.throw(403);
  ctx.body = report();
});`,
    `import jwt from 'jsonwebtoken';
router.get('/admin', async (ctx) => {
  const { kid } = jwt.decode(ctx.get('authorization').slice(7), { complete: true }).header;
  const signingKey = await jwksClient.getSigningKey(kid);
  ctx.state.user = jwt.verify(ctx.get('authorization').slice(7), signingKey.getPublicKey(), { algorithms: ['RS256'], issuer, audience });
  if (ctx.state.user.role !== 'admin') ctx.throw(403);
  ctx.body = report();
});`,

    // Hand-rolled base64 parsing of the header only
    `app.use((req, res, next) => {
  const token = req.headers.authorization.slice(7);
  const header = JSON.parse(Buffer.from(token.split('.')[0], 'base64url').toString());
  if (!header.kid) return res.sendStatus(401);
  next();
});`,
    `import jwt from 'jsonwebtoken';
app.get('/orders', auth({ audience, issuerBaseURL }), async (req, res) => {
  const { exp } = jwt.decode(req.headers.authorization.slice(7));
  res.set('x-token-expires', String(exp));
  res.json(await Order.find({ tenantId: req.auth.payload.tenant_id }));
});`,
    `export function expiresAt(token) {
  const payload = JSON.parse(atob(token.split('.')[1]));
  return new Date(payload.exp * 1000);
}`,
    // Decode to find whose secret signs the token, then verify before acting: the null checks decide nothing.
    { code: `class AuthService {
  constructor(private jwtService: JwtService, private users: any) {}
  async resetPassword(hash: string, password: string) {
    const data = this.jwtService.decode(hash);
    const userId = data?.forgotUserId;
    const user = userId !== undefined && userId !== null ? await this.users.findById(userId) : null;
    if (!user) throw new Error('invalidHash');
    await this.jwtService.verifyAsync(hash, { secret: user.secret, algorithms: ['HS256'] });
    await this.users.update(user.id, { password });
  }
}`, filename: 'file.ts' },
  ],

  invalid: [
    // Middleware that puts decoded claims where verified ones usually live: `req.user` holds what it wrote.
    {
      code: `import express from 'express';
import jwt from 'jsonwebtoken';
const app = express();
app.use((req, res, next) => {
  req.user = jwt.decode((req.headers.authorization || '').replace('Bearer ', ''));
  next();
});
app.get('/admin', (req, res) => {
  if (!req.user || req.user.role !== 'admin') return res.sendStatus(403);
  res.json(report());
});`,
      errors: [unverifiedClaims(9, 20)],
    },
    // jsonwebtoken
    {
      code: `import jwt from 'jsonwebtoken';
app.get('/admin', (req, res) => {
  const token = req.headers.authorization.slice(7);
  const claims = jwt.decode(token);
  if (claims.role !== 'admin') return res.sendStatus(403);
  res.json(report());
});`,
      errors: [unverifiedClaims(5, 7)],
    },
    {
      code: `import jwt from 'jsonwebtoken';
app.get('/admin', (req, res) => {
  const token = req.headers.authorization.slice(7);
  const claims = jwt.decode(token);
  if (claims.role !== 'admin') return res.sendStatus(403);
  jwt.verify(token, publicKey, { algorithms: ['RS256'], issuer, audience });
  res.json(report());
});`,
      errors: [unverifiedClaims(5, 7)],
    },
    {
      code: `import jwt from 'jsonwebtoken';
app.use(expressjwt({ secret: publicKey, algorithms: ['RS256'], issuer, audience }));
app.get('/admin', (req, res) => {
  const { role } = jwt.decode(req.headers.authorization.split(' ')[1]);
  if (role !== 'admin') return res.sendStatus(403);
  res.json(report());
});`,
      errors: [unverifiedClaims(5, 7)],
    },
    {
      code: `import jwt from 'jsonwebtoken';
app.get('/admin', (req, res) => {
  const decoded = jwt.decode(req.headers.authorization.slice(7), { complete: true });
  if (decoded.payload.role !== 'admin') return res.sendStatus(403);
  res.json(report());
});`,
      errors: [unverifiedClaims(4, 7)],
    },
    {
      code: `import jwt from 'jsonwebtoken';
app.get('/reports', (req, res) => {
  const claims = jwt.decode(req.headers.authorization.slice(7));
  switch (claims.role) {
    case 'admin':
      return res.json(allReports());
    default:
      return res.sendStatus(403);
  }
});`,
      errors: [unverifiedClaims(4, 11)],
    },
    {
      code: `import jwt from 'jsonwebtoken';
function requireAdmin(req, res, next) {
  const claims = jwt.decode(req.headers.authorization.slice(7));
  return claims.isAdmin ? next() : res.status(403).end();
}`,
      errors: [unverifiedClaims(4, 10)],
    },
    {
      code: `import jwt from 'jsonwebtoken';
app.get('/orders', async (req, res) => {
  const claims = jwt.decode(req.headers.authorization.slice(7));
  res.json(await Order.find({ tenantId: claims.tenant_id }));
});`,
      errors: [unverifiedClaims(4, 41)],
    },
    {
      code: `import jwt from 'jsonwebtoken';
app.get('/invoices', async (req, res) => {
  const claims = jwt.decode(req.headers.authorization.slice(7));
  const { rows } = await db.query('SELECT * FROM invoices WHERE tenant_id = $1', [claims.tid]);
  res.json(rows);
});`,
      errors: [unverifiedClaims(4, 83)],
    },
    {
      code: `import jwt from 'jsonwebtoken';
app.delete('/orders/:id', async (req, res) => {
  const claims = jwt.decode(req.headers.authorization.slice(7));
  if (!hasPermission(claims.permissions, 'orders:delete')) return res.sendStatus(403);
  await Order.deleteOne({ _id: req.params.id });
});`,
      errors: [unverifiedClaims(4, 22)],
    },
    {
      code: `import jwt from 'jsonwebtoken';
app.use(async (req, res, next) => {
  const claims = jwt.decode(req.headers.authorization.slice(7));
  const allowed = await enforcer.enforce(claims.sub, req.path, req.method);
  return allowed ? next() : res.sendStatus(403);
});`,
      errors: [unverifiedClaims(4, 42)],
    },
    {
      code: `import jwt from 'jsonwebtoken';
function claimsFrom(req) {
  return jwt.decode(req.get('authorization').replace('Bearer ', ''));
}
app.get('/admin', (req, res) => {
  if (claimsFrom(req).scope !== 'admin') return res.sendStatus(403);
  res.json(report());
});`,
      errors: [unverifiedClaims(6, 7)],
    },
    {
      code: `import jwt from 'jsonwebtoken';
function requireAdmin(claims, res) {
  if (!claims.isAdmin) return res.sendStatus(403);
}
app.get('/admin', (req, res) => {
  requireAdmin(jwt.decode(req.headers.authorization.slice(7)), res);
  res.json(report());
});`,
      errors: [unverifiedClaims(3, 8)],
    },
    {
      code: `import jwt from 'jsonwebtoken';
function isAdmin(token) {
  const claims = jwt.decode(token);
  return claims.role === 'admin';
}`,
      errors: [unverifiedClaims(4, 10)],
    },
    {
      code: `import jwt from 'jsonwebtoken';
app.get('/users/:userId', (req, res) => {
  const claims = jwt.decode(req.headers.authorization.slice(7));
  if (claims.sub !== req.params.userId) return res.sendStatus(403);
  res.json(profile(req.params.userId));
});`,
      errors: [unverifiedClaims(4, 7)],
    },
    {
      code: `import jwt from 'jsonwebtoken';
router.get('/admin', async (ctx) => {
  const claims = jwt.decode(ctx.get('authorization').slice(7));
  if (claims.role !== 'admin') ctx.throw(403);
  ctx.body = report();
});`,
      errors: [unverifiedClaims(4, 7)],
    },

    // jose
    {
      code: `import * as jose from 'jose';
app.get('/admin', (req, res) => {
  const claims = jose.decodeJwt(req.headers.authorization.slice(7));
  if (!claims.scope.split(' ').includes('admin')) return res.sendStatus(403);
  res.json(report());
});`,
      errors: [unverifiedClaims(4, 8)],
    },
    {
      code: `import * as jose from 'jose';
app.get('/admin', async (req, res) => {
  const token = req.headers.authorization.slice(7);
  const claims = jose.decodeJwt(token);
  if (claims.role !== 'admin') return res.sendStatus(403);
  await jose.jwtVerify(token, JWKS, { algorithms: ['RS256'], issuer, audience });
  res.json(report());
});`,
      errors: [unverifiedClaims(5, 7)],
    },
    {
      code: `import { decodeJwt } from 'jose';
import { NextResponse } from 'next/server';
export function middleware(request: NextRequest) {
  const claims = decodeJwt(request.cookies.get('session')?.value ?? '');
  if (claims.role !== 'admin') return NextResponse.redirect(new URL('/login', request.url));
  return NextResponse.next();
}`,
    filename: 'file.ts',
      errors: [unverifiedClaims(5, 7)],
    },
    {
      code: `import { decodeJwt } from 'jose';
export async function GET(request: Request) {
  const claims = decodeJwt(request.headers.get('authorization').slice(7));
  const projects = await prisma.project.findMany({ where: { orgId: claims.org_id } });
  return Response.json(projects);
}`,
    filename: 'file.ts',
      errors: [unverifiedClaims(4, 68)],
    },

    // The file verifies or signs with a key in scope: decoding becomes verifying, with the algorithms the key implies
    {
      code: `import jwt from 'jsonwebtoken';
export const issue = (user) => jwt.sign({ sub: user.id, role: user.role }, process.env.JWT_SECRET, { expiresIn: '1h' });
app.get('/admin', (req, res) => {
  const claims = jwt.decode(req.headers.authorization.slice(7));
  if (claims.role !== 'admin') return res.sendStatus(403);
  res.json([]);
});`,
      errors: [
        {
          ...unverifiedClaims(5, 7),
          suggestions: [
            {
              messageId: 'suggestVerify',
              data: { call: "jwt.verify(req.headers.authorization.slice(7), process.env.JWT_SECRET, { algorithms: ['HS256'] })" },
              output: `import jwt from 'jsonwebtoken';
export const issue = (user) => jwt.sign({ sub: user.id, role: user.role }, process.env.JWT_SECRET, { expiresIn: '1h' });
app.get('/admin', (req, res) => {
  const claims = jwt.verify(req.headers.authorization.slice(7), process.env.JWT_SECRET, { algorithms: ['HS256'] });
  if (claims.role !== 'admin') return res.sendStatus(403);
  res.json([]);
});`,
            },
          ],
        },
      ],
    },
    {
      code: `const jwt = require('jsonwebtoken');
const { jwtSecret } = require('./config');
function issue(user) {
  return jwt.sign({ sub: user.id }, jwtSecret, { algorithm: 'HS512', issuer: 'https://auth.example.com', audience: 'orders-api' });
}
app.delete('/orders/:id', (req, res) => {
  const { scope } = jwt.decode(req.get('authorization').split(' ')[1]);
  if (!scope.includes('orders:delete')) return res.sendStatus(403);
  res.sendStatus(204);
});`,
      errors: [
        {
          ...unverifiedClaims(8, 8),
          suggestions: [
            {
              messageId: 'suggestVerify',
              output: `const jwt = require('jsonwebtoken');
const { jwtSecret } = require('./config');
function issue(user) {
  return jwt.sign({ sub: user.id }, jwtSecret, { algorithm: 'HS512', issuer: 'https://auth.example.com', audience: 'orders-api' });
}
app.delete('/orders/:id', (req, res) => {
  const { scope } = jwt.verify(req.get('authorization').split(' ')[1], jwtSecret, { algorithms: ['HS512'], issuer: 'https://auth.example.com', audience: 'orders-api' });
  if (!scope.includes('orders:delete')) return res.sendStatus(403);
  res.sendStatus(204);
});`,
            },
          ],
        },
      ],
    },
    // No rewrite without a usable key: none in the file, a literal, one out of scope, a key callback, an unknown kind
    {
      code: `import jwt from 'jsonwebtoken';
app.get('/admin', (req, res) => {
  const claims = jwt.decode(req.headers.authorization.slice(7));
  if (claims.role !== 'admin') return res.sendStatus(403);
});`,
      errors: [{ ...unverifiedClaims(4, 7), suggestions: [] }],
    },
    {
      code: `import jwt from 'jsonwebtoken';
const token = jwt.sign({ sub: 1 }, 'a-signing-secret-written-in-the-source-code-1234');
app.get('/admin', (req, res) => {
  const claims = jwt.decode(req.headers.authorization.slice(7));
  if (claims.role !== 'admin') return res.sendStatus(403);
});`,
      errors: [{ ...unverifiedClaims(5, 7), suggestions: [] }],
    },
    {
      code: `import jwt from 'jsonwebtoken';
function issue(user, signingSecret) {
  return jwt.sign({ sub: user.id }, signingSecret);
}
app.get('/admin', (req, res) => {
  const claims = jwt.decode(req.headers.authorization.slice(7));
  if (claims.role !== 'admin') return res.sendStatus(403);
});`,
      errors: [{ ...unverifiedClaims(7, 7), suggestions: [] }],
    },
    {
      code: `import jwt from 'jsonwebtoken';
const getKey = (header, callback) => keys.getSigningKey(header.kid, callback);
jwt.verify(someToken, getKey, { algorithms: ['RS256'], issuer: 'i', audience: 'a' }, done);
app.get('/admin', (req, res) => {
  const claims = jwt.decode(req.headers.authorization.slice(7));
  if (claims.role !== 'admin') return res.sendStatus(403);
});`,
      errors: [{ ...unverifiedClaims(6, 7), suggestions: [] }],
    },
    {
      code: `import jwt from 'jsonwebtoken';
const token = jwt.sign({ sub: 1 }, key);
app.get('/admin', (req, res) => {
  const claims = jwt.decode(req.headers.authorization.slice(7));
  if (claims.role !== 'admin') return res.sendStatus(403);
});`,
      errors: [{ ...unverifiedClaims(5, 7), suggestions: [] }],
    },
    // jwt-decode
    {
      code: `import { jwtDecode } from 'jwt-decode';
app.get('/admin', (req, res, next) => {
  const { role } = jwtDecode(req.headers.authorization.slice(7));
  if (role !== 'admin') throw createError(403);
  next();
});`,
      errors: [unverifiedClaims(4, 7)],
    },
    {
      code: `import { jwtDecode } from 'jwt-decode';
app.get('/admin', async (req, res) => {
  const token = req.headers.authorization.slice(7);
  const claims = jwtDecode(token);
  if (claims.role !== 'admin') return res.sendStatus(403);
  await verifyToken(token);
  res.json(report());
});`,
      errors: [unverifiedClaims(5, 7)],
    },
    {
      code: `import { jwtDecode } from 'jwt-decode';
app.use('/admin', (req, res, next) => {
  const claims = jwtDecode(req.cookies.token);
  if (claims.groups.includes('admins')) return next();
  return res.sendStatus(403);
});`,
      errors: [unverifiedClaims(4, 7)],
    },
    {
      code: `import { jwtDecode } from 'jwt-decode';
const resolvers = {
  Mutation: {
    deleteUser(parent, args, context) {
      const claims = jwtDecode(context.req.headers.authorization);
      if (!claims.permissions.includes('users:delete')) throw new ForbiddenError('not allowed');
      return User.deleteOne({ _id: args.id });
    },
  },
};`,
      errors: [unverifiedClaims(6, 12)],
    },

    // jwt-simple: decode with noVerify set
    {
      code: `const jwt = require('jwt-simple');
app.get('/admin', (req, res) => {
  const claims = jwt.decode(req.headers.authorization.slice(7), secret, true);
  if (claims.role !== 'admin') return res.sendStatus(403);
  res.json(report());
});`,
      errors: [unverifiedClaims(4, 7)],
    },
    {
      code: `const jwt = require('jwt-simple');
app.get('/admin', (req, res) => {
  const token = req.headers.authorization.slice(7);
  const peek = jwt.decode(token, '', true);
  if (!peek.admin) return res.sendStatus(403);
  jwt.decode(token, secret);
  res.json(report());
});`,
      errors: [unverifiedClaims(5, 8)],
    },

    // @fastify/jwt
    {
      code: `fastify.get('/admin', async (request, reply) => {
  const claims = await request.jwtDecode();
  if (claims.role !== 'admin') return reply.code(403).send();
  return report();
});`,
      errors: [unverifiedClaims(3, 7)],
    },
    {
      code: `fastify.get('/admin', async (request, reply) => {
  const claims = fastify.jwt.decode(request.headers.authorization.slice(7));
  if (!claims.admin) return reply.code(403).send();
  return report();
});`,
      errors: [unverifiedClaims(3, 8)],
    },
    {
      code: `fastify.get('/admin', async (request, reply) => {
  const claims = await request.jwtDecode();
  if (claims.role !== 'admin') return reply.code(403).send();
  await request.jwtVerify();
  return report();
});`,
      errors: [unverifiedClaims(3, 7)],
    },

    // @nestjs/jwt
    {
      code: `@Injectable()
export class AdminGuard implements CanActivate {
  canActivate(context: ExecutionContext) {
    const req = context.switchToHttp().getRequest();
    const payload = this.jwtService.decode(req.headers.authorization?.split(' ')[1]);
    return payload?.role === 'admin';
  }
}`,
    filename: 'file.ts',
      errors: [unverifiedClaims(6, 12)],
    },
    {
      code: `@Controller('admin')
export class AdminController {
  @Get()
  report(@Headers('authorization') authorization: string) {
    const payload = this.jwtService.decode(authorization.slice(7));
    if (payload.role !== 'admin') throw new ForbiddenException();
    return this.reports.all();
  }
}`,
    filename: 'file.ts',
      errors: [unverifiedClaims(6, 9)],
    },
    {
      code: `@Controller('admin')
export class AdminController {
  @Get()
  async report(@Headers('authorization') authorization: string) {
    const token = authorization.slice(7);
    const payload = this.jwtService.decode(token);
    if (payload.role !== 'admin') throw new ForbiddenException();
    await this.jwtService.verifyAsync(token);
    return this.reports.all();
  }
}`,
    filename: 'file.ts',
      errors: [unverifiedClaims(7, 9)],
    },

    // hono
    {
      code: `import { decode } from 'hono/jwt';
app.get('/admin', (c) => {
  const { payload } = decode(c.req.header('authorization').slice(7));
  if (payload.role !== 'admin') return c.json({ error: 'forbidden' }, 403);
  return c.json(report());
});`,
      errors: [unverifiedClaims(4, 7)],
    },
    {
      code: `import { decode, verify } from 'hono/jwt';
app.get('/admin', async (c) => {
  const token = c.req.header('authorization').slice(7);
  const { payload } = decode(token);
  if (payload.role !== 'admin') return c.json({ error: 'forbidden' }, 403);
  await verify(token, process.env.JWT_SECRET, 'HS256');
  return c.json(report());
});`,
      errors: [unverifiedClaims(5, 7)],
    },

    // Hand-rolled base64 parsing
    {
      code: `app.get('/admin', (req, res) => {
  const token = req.headers.authorization.slice(7);
  const claims = JSON.parse(Buffer.from(token.split('.')[1], 'base64').toString());
  if (claims.role !== 'admin') return res.sendStatus(403);
  res.json(report());
});`,
      errors: [unverifiedClaims(4, 7)],
    },
    {
      code: `export function middleware(request: NextRequest) {
  const token = request.cookies.get('session')?.value ?? '';
  const claims = JSON.parse(atob(token.split('.')[1]));
  if (!claims.isAdmin) return NextResponse.redirect(new URL('/login', request.url));
  return NextResponse.next();
}`,
    filename: 'file.ts',
      errors: [unverifiedClaims(4, 8)],
    },
    {
      code: `app.get('/orders', async (req, res) => {
  const [, body] = req.headers.authorization.slice(7).split('.');
  const { tenant } = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
  res.json(await Order.find({ tenantId: tenant }));
});`,
      errors: [unverifiedClaims(4, 41)],
    },
    {
      code: `function parseJwt(token) {
  return JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString('utf8'));
}
app.get('/admin', (req, res) => {
  const claims = parseJwt(req.headers.authorization.slice(7));
  if (claims.role !== 'admin') return res.sendStatus(403);
  res.json(report());
});`,
      errors: [unverifiedClaims(6, 7)],
    },
  ],
};

function lintMessages(code: string): Linter.LintMessage[] {
  return lintWithRule(ruleName, code);
}

describe(ruleName, () => {
  if (!rule) {
    it('is registered in the plugin', () => {
      assert.ok(rule, `eslint-plugin-claimguard does not export the rule ${ruleName}`);
    });
    return;
  }

  runUnderBothParsers(ruleName, rule, tests);

  describe('messages', () => {
    it('names the claim, the decode call and its line, and the remedy', () => {
      const [message] = lintMessages(`app.get('/admin', (req, res) => {
  const token = req.headers.authorization.slice(7);
  const claims = jwt.decode(token);
  if (claims.role !== 'admin') return res.sendStatus(403);
});`);
      assert.equal(
        message?.message,
        "Authorization decision uses claim 'role' of a token decoded by `jwt.decode()` (line 3) but never verified; verify the token (e.g. `jwt.verify` with pinned algorithms) and use the verified payload.",
      );
    });

    it('names the claim that scopes a query', () => {
      const [message] = lintMessages(`app.get('/orders', async (req, res) => {
  const claims = jwt.decode(req.headers.authorization.slice(7));
  res.json(await Order.find({ tenantId: claims.tenant_id }));
});`);
      assert.ok(message, 'expected a report');
      assert.match(message.message, /claim 'tenant_id' of a token decoded by `jwt\.decode\(\)` \(line 2\)/);
    });

    it('offers no suggestions', () => {
      const [message] = lintMessages(`fastify.get('/admin', async (request, reply) => {
  const claims = await request.jwtDecode();
  if (claims.role !== 'admin') return reply.code(403).send();
});`);
      assert.ok(message, 'expected a report');
      assert.equal(message.suggestions, undefined);
    });
  });
});
