import * as assert from 'node:assert/strict';
import { Linter } from 'eslint';
import type { InvalidTestCase, ValidTestCase } from '@typescript-eslint/rule-tester';
import plugin from 'eslint-plugin-claimguard';
import { lintWithRule } from '../lint-one-rule';
import { lintUnder, runUnderBothParsers } from '../both-parsers';

type MessageIds =
  | 'untrustedHeader'
  | 'untrustedPathParam'
  | 'untrustedQuery'
  | 'untrustedCookie'
  | 'untrustedBody'
  | 'untrustedArgument'
  | 'suggestVerifiedClaim'
  | 'suggestVerifiedClaimTest'
  | 'suggestVerifyRoute';

const RULE_NAME = 'no-untrusted-authorization';
// Undefined until the rule is registered; the suite then fails with one clear test instead of a load error.
const rule = plugin.rules[RULE_NAME] as (typeof plugin.rules)[string] | undefined;


const valid: (string | ValidTestCase<[]>)[] = [
  // A header compared with the verified tenant, tested for presence first: one check against the claim.
  `router.get('/tenants/:id/reports', async (ctx) => {
  const tenant = ctx.get('x-tenant-id');
  if (!tenant || tenant !== String(ctx.state.user.tenantId)) ctx.throw(403, 'wrong tenant');
  ctx.body = await reports(tenant);
});`,
  // The same helper handing its callback the verified role.
  `function withRole(req, cb) {
  cb(req.auth.payload.role);
}
app.get('/owner', (req, res) => {
  withRole(req, (role) => {
    if (role !== 'owner') return res.sendStatus(403);
    res.json({});
  });
});`,
  // Express
  `app.get('/admin/users', (req, res) => {
  if (req.auth.payload.role !== 'admin') return res.sendStatus(403);
  res.json(listUsers());
});`,
  `router.delete('/posts/:id', passport.authenticate('jwt', { session: false }), (req, res) => {
  if (!req.user.roles.includes('editor')) return res.status(403).end();
  res.sendStatus(204);
});`,
  `app.post('/billing', (req, res) => {
  if (res.locals.claims.scope !== 'billing:write') return res.sendStatus(403);
  res.sendStatus(202);
});`,
  `app.get('/reports', (req, res) => {
  const token = (req.headers.authorization ?? '').replace(/^Bearer /, '');
  const claims = jwt.verify(token, publicKey, { algorithms: ['RS256'], issuer, audience });
  if (claims.role !== 'analyst') return res.sendStatus(403);
  res.json(reports());
});`,
  `app.use('/api', (req, res, next) => {
  if (!req.headers.authorization) return res.sendStatus(401);
  next();
});`,
  `function bearer(req, res, next) {
  const header = req.get('authorization') ?? '';
  if (!header.startsWith('Bearer ')) {
    return res.status(401).json({ error: 'missing bearer token' });
  }
  req.token = header.slice(7);
  next();
}`,
  `app.get('/dashboard', (req, res) => {
  if (!req.cookies.token) return res.redirect('/login');
  res.render('dashboard');
});`,
  `app.get('/orders', (req, res) => {
  if (req.headers.accept === 'text/csv') return res.type('csv').send(toCsv(orders));
  res.json(orders);
});`,
  `app.get('/help', (req, res) => {
  const lang = req.get('accept-language')?.startsWith('de') ? 'de' : 'en';
  res.render(\`help.\${lang}\`);
});`,
  `app.get('/items', (req, res) => {
  const limit = Number(req.query.limit ?? 20);
  if (limit > 100) return res.status(400).json({ error: 'limit too large' });
  res.json(items.slice(0, limit));
});`,
  `app.get('/products', (req, res) => {
  const order = req.query.sort === 'price' ? 'price' : 'name';
  res.json(sortBy(products, order));
});`,
  `app.get('/status', (req, res) => {
  if (req.query.debug === '1') res.set('x-debug', 'on');
  res.json(status());
});`,
  `app.get('/home', (req, res) => {
  if (req.cookies.beta === '1') res.locals.layout = 'beta';
  res.render('home', { lang: req.cookies.lang || 'en' });
});`,
  `app.get('/invoices/:id', (req, res) => {
  if (req.query.format === 'pdf') return res.download(pdfPath(req.params.id));
  res.json(invoice(req.params.id));
});`,
  `app.post('/signup', (req, res) => {
  if (typeof req.body.email !== 'string' || !req.body.email.includes('@')) {
    return res.status(400).json({ error: 'invalid email' });
  }
  res.sendStatus(201);
});`,
  `app.post('/settings', (req, res) => {
  if (req.get('x-csrf-token') !== req.cookies.csrf) return res.sendStatus(403);
  res.sendStatus(204);
});`,
  // Origin, Referer and Fetch Metadata checks refuse cross-site requests: CSRF defences, not decisions on who acts.
  `const ALLOWED_ORIGINS = ['https://app.example.com'];
app.use((req, res, next) => {
  const origin = req.headers.origin;
  if (origin && !ALLOWED_ORIGINS.includes(req.headers.origin)) return res.status(403).json({ error: 'bad origin' });
  if (req.get('sec-fetch-site') === 'cross-site') return res.sendStatus(403);
  if (req.method !== 'GET' && !String(req.headers.referer ?? '').startsWith('https://app.example.com/')) return res.sendStatus(403);
  next();
});`,
  `app.post('/webhooks/billing', (req, res) => {
  const signature = Buffer.from(req.get('x-signature') ?? '', 'hex');
  const expected = crypto.createHmac('sha256', webhookSecret).update(req.rawBody).digest();
  if (signature.length !== expected.length || !crypto.timingSafeEqual(signature, expected)) {
    return res.sendStatus(401);
  }
  res.sendStatus(204);
});`,
  `app.put('/docs/:id', async (req, res) => {
  const doc = await Doc.findById(req.params.id);
  if (doc.ownerId !== req.auth.sub) return res.sendStatus(403);
  res.json(await doc.save());
});`,
  `app.get('/articles/:slug', async (req, res) => {
  const article = await Article.findOne({ slug: req.params.slug });
  if (!article) return res.sendStatus(404);
  res.json(article);
});`,
  `app.use((req, res, next) => {
  const hits = counter.increment(req.ip);
  if (hits > 100) return res.sendStatus(429);
  next();
});`,
  `app.use((req, res, next) => {
  logger.info({ role: req.headers['x-role'] }, 'incoming request');
  console.log('tenant header', req.get('x-tenant-id'));
  next();
});`,
  `app.use('/internal', (req, res, next) => {
  if (req.get('x-api-key') !== process.env.INTERNAL_API_KEY) return res.sendStatus(401);
  next();
});`,
  `app.use((req, res, next) => {
  if (req.method !== 'GET' && req.protocol !== 'https') return res.sendStatus(403);
  if (!allowedHosts.has(req.hostname) || blockedIps.has(req.ip)) return res.sendStatus(403);
  if (req.path.startsWith('/.git')) return res.sendStatus(403);
  next();
});`,
  // Decoded-but-unverified claims are `no-unverified-claims`' finding, not this rule's.
  `app.get('/me', (req, res) => {
  const claims = jwt.decode(req.cookies.token);
  if (claims.role !== 'admin') return res.sendStatus(403);
  res.json(claims);
});`,

  // Koa
  `router.delete('/users/:id', async (ctx) => {
  if (ctx.state.user.role !== 'admin') ctx.throw(403);
  await User.deleteOne({ _id: ctx.params.id });
  ctx.status = 204;
});`,
  `app.use(async (ctx, next) => {
  if (!ctx.get('Authorization')) ctx.throw(401, 'token required');
  await next();
});`,
  `router.get('/events', async (ctx) => {
  const page = Math.max(1, Number(ctx.query.page) || 1);
  ctx.body = await Event.find().skip((page - 1) * 20).limit(20);
});`,
  `app.use(async (ctx, next) => {
  ctx.state.locale = ctx.get('accept-language').startsWith('fr') ? 'fr' : 'en';
  await next();
});`,
  `router.post('/comments', async (ctx) => {
  if (!ctx.request.body.text) ctx.throw(400, 'text is required');
  ctx.body = await Comment.create({ text: ctx.request.body.text, authorId: ctx.state.user.sub });
});`,
  `router.post('/profile', async (ctx) => {
  if (ctx.get('x-xsrf-token') !== ctx.cookies.get('XSRF-TOKEN')) ctx.throw(403);
  ctx.body = await saveProfile(ctx.state.user.sub, ctx.request.body);
});`,

  // Fastify
  `fastify.get('/admin/metrics', async (request, reply) => {
  await request.jwtVerify();
  if (!request.user.roles.includes('admin')) return reply.code(403).send();
  return metrics();
});`,
  `fastify.post('/orders', async (request, reply) => {
  const claims = await request.jwtVerify();
  if (claims.scope !== 'orders:write') return reply.code(403).send();
  return createOrder(request.body.items, claims.sub);
});`,
  `fastify.get('/logs', async (request) => {
  const limit = Math.min(Number(request.query.limit) || 50, 500);
  return readLogs(limit);
});`,
  `fastify.put('/profile', async (request, reply) => {
  if (request.body.displayName.length > 64) return reply.code(400).send({ error: 'too long' });
  return saveProfile(request.user.sub, request.body.displayName);
});`,
  `fastify.post('/hooks/git', async (request, reply) => {
  const given = Buffer.from(String(request.headers['x-hub-signature-256']));
  const wanted = Buffer.from('sha256=' + hmac(request.rawBody));
  if (given.length !== wanted.length || !timingSafeEqual(given, wanted)) return reply.code(401).send();
  return queue(request.body);
});`,

  // Node http
  `http.createServer((req, res) => {
  if (req.headers.accept?.includes('application/json')) {
    res.setHeader('content-type', 'application/json');
  }
  res.end(render());
});`,
  `const server = http.createServer((req, res) => {
  const url = new URL(req.url, 'http://localhost');
  const page = Number(url.searchParams.get('page') ?? '1');
  if (page < 1) {
    res.writeHead(400);
    return res.end();
  }
  res.end(JSON.stringify(list(page)));
});`,
  `http.createServer((req, res) => {
  const token = (req.headers.authorization || '').slice(7);
  const claims = jwt.verify(token, publicKey, { algorithms: ['ES256'] });
  if (claims.role !== 'admin') {
    res.writeHead(403);
    return res.end();
  }
  res.end('ok');
});`,

  // Hono
  `app.get('/admin/*', (c) => {
  if (c.get('jwtPayload').role !== 'admin') return c.json({ error: 'forbidden' }, 403);
  return c.text('ok');
});`,
  `app.get('/search', (c) => {
  const page = Number(c.req.query('page') ?? '1');
  const lang = c.req.header('accept-language') ?? 'en';
  return c.json(search(page, lang));
});`,
  `app.use('/api/*', async (c, next) => {
  const auth = c.req.header('authorization');
  if (!auth || !auth.startsWith('Bearer ')) return c.json({ error: 'unauthorized' }, 401);
  await next();
});`,
  `app.get('/users/:userId/orders', async (c) => {
  if (c.req.param('userId') !== c.get('jwtPayload').sub) return c.json({ error: 'forbidden' }, 403);
  return c.json(await db.order.findMany({ where: { userId: c.req.param('userId') } }));
});`,

  // NestJS (TypeScript, decorators)
  { code: `@Controller('admin')
export class AdminController {
  @Get('users')
  list(@Req() req: Request) {
    if (!req.user.roles.includes('admin')) throw new ForbiddenException();
    return this.users.findAll();
  }
}`, filename: 'file.ts' },
  { code: `@Injectable()
export class RolesGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    const { user } = context.switchToHttp().getRequest();
    return user.roles.includes('admin');
  }
}`, filename: 'file.ts' },
  { code: `@Injectable()
export class AuthGuard implements CanActivate {
  constructor(private readonly jwtService: JwtService) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest();
    const [type, token] = request.headers.authorization?.split(' ') ?? [];
    if (type !== 'Bearer' || !token) throw new UnauthorizedException();
    const payload = await this.jwtService.verifyAsync(token, { algorithms: ['RS256'] });
    return payload.scope === 'admin';
  }
}`, filename: 'file.ts' },
  { code: `@Controller('articles')
export class ArticlesController {
  @Get()
  list(@Query('page') page: string, @Headers('accept-language') lang: string) {
    if (Number(page) < 1) throw new BadRequestException('page must be positive');
    return this.articles.list(Number(page), lang);
  }
}`, filename: 'file.ts' },
  { code: `@Controller('notes')
export class NotesController {
  @Delete(':id')
  async remove(@Param('id') id: string, @Req() req: Request) {
    const note = await this.notes.findById(id);
    if (note.ownerId !== req.user.sub) throw new ForbiddenException();
    await this.notes.delete(id);
  }
}`, filename: 'file.ts' },

  // Next.js (route handlers, middleware, next/headers)
  {
    filename: 'app/api/users/route.ts',
    code: `import { jwtVerify } from 'jose';

export async function GET(request: Request) {
  const token = request.headers.get('authorization')?.slice(7) ?? '';
  const { payload } = await jwtVerify(token, key, { issuer, audience, algorithms: ['RS256'] });
  if (payload.role !== 'admin') return Response.json({ error: 'forbidden' }, { status: 403 });
  return Response.json(await listUsers());
}`,
  },
  {
    filename: 'middleware.ts',
    code: `import { NextResponse } from 'next/server';
import type { NextRequest } from 'next/server';

export function middleware(request: NextRequest) {
  if (!request.cookies.get('token')) {
    return NextResponse.redirect(new URL('/login', request.url));
  }
  return NextResponse.next();
}`,
  },
  {
    filename: 'app/api/posts/route.ts',
    code: `import type { NextRequest } from 'next/server';

export async function GET(request: NextRequest) {
  const page = Number(request.nextUrl.searchParams.get('page') ?? '1');
  const locale = request.headers.get('accept-language')?.split(',')[0] ?? 'en';
  return Response.json(await listPosts(page, locale));
}`,
  },
  {
    filename: 'app/api/posts/[id]/route.ts',
    code: `export async function DELETE(request: Request, { params }: { params: { id: string } }) {
  const session = await verifySession(request);
  const post = await db.post.findUnique({ where: { id: params.id } });
  if (post.authorId !== session.userId) return new Response(null, { status: 403 });
  await db.post.delete({ where: { id: params.id } });
  return new Response(null, { status: 204 });
}`,
  },

  // GraphQL resolvers
  `const resolvers = {
  Query: {
    posts: (_parent, args, context) => context.db.post.findMany({ take: args.first, orderBy: { createdAt: args.order } }),
  },
};`,
  `const resolvers = {
  Mutation: {
    deletePost: async (_parent, args, context) => {
      const post = await context.db.post.findUnique({ where: { id: args.id } });
      if (post.authorId !== context.req.auth.payload.sub) throw new GraphQLError('Forbidden');
      return context.db.post.delete({ where: { id: args.id } });
    },
  },
};`,

  // Fetch Request
  { code: `export default {
  async fetch(request: Request): Promise<Response> {
    if (request.headers.get('content-type') !== 'application/json') {
      return new Response('expected JSON', { status: 415 });
    }
    return handle(await request.json());
  },
};`, filename: 'file.ts' },
  { code: `import { jwtVerify } from 'jose';

export default {
  async fetch(request: Request): Promise<Response> {
    const auth = request.headers.get('authorization');
    if (!auth?.startsWith('Bearer ')) return new Response('Unauthorized', { status: 401 });
    const { payload } = await jwtVerify(auth.slice(7), jwks, { issuer, audience });
    if (payload.role !== 'admin') return new Response(null, { status: 403 });
    return new Response(await secrets());
  },
};`, filename: 'file.ts' },

  // Propagation: promises, lookups and class fields of verified values
  `const jwt = require('jsonwebtoken');
const claimsOf = async (req) => jwt.verify(req.headers.authorization, process.env.KEY, { algorithms: ['RS256'] });
app.get('/reports', (req, res) => {
  claimsOf(req).then((claims) => {
    if (claims.role !== 'admin') return res.sendStatus(403);
    res.json([]);
  });
});`,
  `const PERMISSIONS = { 'ops-team': { isAdmin: true } };
app.delete('/users/:id', (req, res) => {
  if (!PERMISSIONS[req.auth.payload.sub].isAdmin) return res.sendStatus(403);
  res.sendStatus(204);
});`,
  // A record picked by the path id whose owner is compared with the verified subject: an ownership check.
  `const DOCUMENTS = new Map();
app.get('/documents/:id', (req, res) => {
  const doc = DOCUMENTS[req.params.id];
  if (doc.ownerId !== req.auth.payload.sub) return res.sendStatus(403);
  res.json(doc);
});`,
  // A server-side map from the bearer token to its holder is a session store: the entry is whoever holds the token.
  `const sessions = {};
const tokenFrom = (req) => req.headers.authorization?.split(' ')[1];
app.get('/admin', (req, res) => {
  if (sessions[tokenFrom(req)]?.role !== 'admin') return res.sendStatus(403);
  res.json([]);
});`,
  // Middleware that overwrites the body's owner with the token holder's id, as looked up in that store.
  `const authenticatedUsers = { tokenMap: {} };
const appendUserId = () => (req, res, next) => {
  req.body.UserId = authenticatedUsers.tokenMap[req.cookies.token].data.id;
  next();
};
app.get('/addresses', appendUserId(), async (req, res) => {
  res.json(await Address.findAll({ where: { UserId: req.body.UserId } }));
});`,
  // The same store behind a helper that takes the token: the caller's value is settled at each call.
  `const tokenMap = {};
const userOf = (token) => tokenMap[token];
const appendUserId = (req, res, next) => {
  req.body.UserId = userOf(req.cookies.token).id;
  next();
};
app.get('/orders', appendUserId, async (req, res) => {
  res.json(await Order.findAll({ where: { UserId: req.body.UserId } }));
});`,
  `class Access {
  constructor(req) { this.role = req.auth.payload.role; }
  allows() { return this.role === 'admin'; }
}
app.get('/admin', (req, res) => {
  if (!new Access(req).allows()) return res.sendStatus(403);
  res.json([]);
});`,
  // Propagation
  `app.get('/admin', (req, res) => {
  const { role } = req.auth.payload;
  if (role !== 'admin') return res.sendStatus(403);
  res.json(stats());
});`,
  `function roleOf(req) {
  return req.auth.payload.role;
}
app.get('/admin', (req, res) => {
  if (roleOf(req) !== 'admin') return res.sendStatus(403);
  res.json(stats());
});`,
  `function isAdmin(user) {
  return user.role === 'admin';
}
app.get('/admin', (req, res) => {
  if (!isAdmin(req.user)) return res.sendStatus(403);
  res.json(stats());
});`,
  `function check(role, res) {
  if (role !== 'admin') return res.sendStatus(403);
}
app.get('/admin', (req, res) => {
  check(req.user.role, res);
  res.json(stats());
});`,
  `const requireRole = (role) => (req, res, next) => (req.user.roles.includes(role) ? next() : res.sendStatus(403));
app.get('/admin', requireRole('admin'), listUsers);`,

  // Data scoping
  `app.get('/orders', async (req, res) => {
  res.json(await Order.find({ userId: req.auth.payload.sub }));
});`,
  `app.get('/users/:userId/orders', async (req, res) => {
  if (req.params.userId !== req.auth.payload.sub) return res.sendStatus(403);
  res.json(await Order.find({ userId: req.params.userId }));
});`,
  `app.get('/catalog/:category', async (req, res) => {
  res.json(await Product.find({ category: req.params.category, status: req.query.status }));
});`,
  `app.get('/catalog', async (req, res) => {
  res.json(await db.query('SELECT * FROM products WHERE category = $1', [req.query.category]));
});`,
  `router.get('/invoices', async (ctx) => {
  ctx.body = await prisma.invoice.findMany({ where: { tenantId: ctx.state.user.tenant_id } });
});`,
  `app.get('/notes', async (c) => {
  return c.json(await db.note.findMany({ where: { ownerId: c.get('jwtPayload').sub } }));
});`,

  // Authorization APIs
  `app.delete('/users/:id', (req, res) => {
  if (!hasRole(req.auth.payload, 'admin')) return res.sendStatus(403);
  res.sendStatus(204);
});`,
  `app.put('/articles/:id', async (req, res) => {
  const ability = defineAbilityFor(req.user);
  const article = await Article.findById(req.params.id);
  if (!ability.can('update', subject('Article', article))) return res.sendStatus(403);
  res.json(await article.save());
});`,
  `app.use(async (req, res, next) => {
  const allowed = await enforcer.enforce(req.auth.payload.sub, req.path, req.method);
  if (!allowed) return res.sendStatus(403);
  next();
});`,
  `app.get('/videos', (req, res) => {
  const permission = ac.can(req.user.role).readAny('video');
  if (!permission.granted) return res.sendStatus(403);
  res.json(permission.filter(videos));
});`,
  `app.post('/invoices', (req, res) => {
  if (!authorize(req.user, 'invoices:write')) return res.sendStatus(403);
  res.sendStatus(201);
});`,
  `app.get('/files/:resource', async (req, res) => {
  if (!(await acl.isAllowed(req.auth.payload.sub, req.params.resource, 'read'))) return res.sendStatus(403);
  res.sendFile(filePath(req.params.resource));
});`,

  // Settings
  {
    code: `app.get('/orders', async (req, res) => {
  res.json(await Order.find({ userId: req.get('x-authenticated-userid') }));
});`,
    settings: { claimguard: { trustedHeaders: ['x-authenticated-userid'] } },
  },
  {
    code: `app.get('/admin', (req, res) => {
  if (req.headers['x-authenticated-role'] !== 'admin') return res.sendStatus(403);
  res.json(stats());
});`,
    settings: { claimguard: { trustedHeaders: ['X-Authenticated-Role'] } },
  },
  {
    code: `app.get('/admin', (req, res) => {
  if (req.session.claims.role !== 'admin') return res.sendStatus(403);
  res.json(stats());
});`,
    settings: { claimguard: { verifiedClaims: ['req.session.claims'] } },
  },
  {
    code: `router.get('/reports', async (ctx) => {
  if (!ctx.state.jwt.scope.includes('reports:read')) ctx.throw(403);
  ctx.body = await reports();
});`,
    settings: { claimguard: { verifiedClaims: ['ctx.state.jwt'] } },
  },
  {
    code: `app.get('/reports', async (req, res) => {
  await checkAccess(req.auth.payload.role, 'reports');
  res.json(await reports());
});`,
    settings: { claimguard: { authorizationFunctions: ['checkAccess'] } },
  },
  // Without the setting, `policy.allows` is an unknown function whose result is not a claim.
  `app.get('/reports', async (req, res) => {
  const ok = policy.allows(req.get('x-role'), 'reports:read');
  if (!ok) return res.sendStatus(403);
  res.json(await reports());
});`,

  // ── Patterns seen in open-source APIs ──
  // Input validation of body fields: type and length checks answered with `return null`.
  { code: `export async function parseNotification(request: Request) {
  const value: any = await request.json();
  const userId = value.userId;
  const type = value.type;
  if (typeof userId !== 'string' || userId.length < 1 || userId.length > 128 || (type !== 'pending' && type !== 'response')) {
    return null;
  }
  return { userId, type };
}`, filename: 'file.ts' },
  // Presence and length checks of a one-time code, answered with 404.
  `app.get('/auth-requests/:id/response', async (c) => {
  const id = c.req.param('id');
  const accessCode = c.req.query('code');
  if (!id || !accessCode || accessCode.length < 20) return c.json({ message: 'not found' }, 404);
  return c.json({ id });
});`,
  // passport.authenticate's callback receives the verified user; comparing the path id with it is the ownership check.
  `const auth = () => (req, res, next) =>
  passport.authenticate('jwt', { session: false }, (err, user) => {
    if (err || !user) return res.status(401).end();
    if (user.role !== 'admin' && req.params.userId !== user.id) return res.status(403).end();
    next();
  })(req, res, next);`,
  // A custom token header checked for presence and then verified is a credential, not an authorization value.
  `const getMe = async (req) => {
  const token = req.headers['x-session'];
  if (token) {
    try {
      return await jwt.verify(token, process.env.SECRET, { algorithms: ['HS256'] });
    } catch (e) {
      throw new AuthenticationError('expired');
    }
  }
};`,
  // A passport callback built by a same-file factory still receives the verified user.
  `const verifyCallback = (req, resolve, reject) => async (err, user) => {
  if (err || !user) return reject(new ApiError(401, 'Please authenticate'));
  if (user.role !== 'admin' && req.params.userId !== user.id) return reject(new ApiError(403, 'Forbidden'));
  resolve();
};
const auth = () => (req, res, next) =>
  new Promise((resolve, reject) => passport.authenticate('jwt', { session: false }, verifyCallback(req, resolve, reject))(req, res, next));`,
  // The row is bound to a person the server determined (the authenticated user), so the path id cannot widen it.
  `app.get('/organizations/:id', async (c) => {
  const auth = await authenticate(c);
  const organization = await findOrganizationForMember({ organizationId: c.req.param('id'), userId: auth.user.id });
  return c.json(organization);
});`,
  // A filter that also matches the verified caller cannot reach another caller's rows, whatever the header says.
  `app.get('/projects', async (c) => {
  const caller = c.get('jwtPayload').sub;
  return c.json(await db.project.findMany({ where: { tenantId: c.req.header('x-tenant-id'), caller } }));
});`,
  // A filter on a path id that is also scoped by the verified subject.
  `app.get('/api/organizations/:id', async (c) => {
  const payload = c.get('jwtPayload');
  const org = await db.findOrganizationForMember({ organizationId: c.req.param('id'), userId: payload.sub });
  if (!org) return c.json({ error: 'not found' }, 404);
  return c.json(org);
});`,
  // An owner compared with a body field is input validation, not a decision on who the caller is.
  `app.put('/docs/:id', async (req, res) => {
  const doc = await Doc.findById(req.params.id);
  if (doc.ownerId !== req.body.ownerId) return res.status(400).json({ error: 'owner mismatch' });
  res.json(doc);
});`,

  // ── Checks of what the caller knows or sends, not of who the caller is ──
  // The answer to a challenge the server stored: the caller proves knowledge, the server's value decides.
  `app.post('/feedback', async (req, res, next) => {
  const challenge = await Challenge.findOne({ where: { id: req.body.challengeId } });
  if (challenge && req.body.response === challenge.answer) return next();
  res.status(401).send('wrong answer');
});`,
  // A password the caller types, checked against the stored hash.
  `app.post('/password', async (req, res) => {
  const user = await User.findByPk(req.auth.sub);
  if (hash(req.query.current) !== user.passwordHash) return res.status(401).send('current password is not correct');
  res.sendStatus(204);
});`,
  // A secret the caller sends (a private key, a one-time code) is a credential, whatever it is compared with.
  `app.post('/wallet/unlock', (req, res) => {
  if (req.body.privateKey === wallet.address) return res.status(401).json({ error: 'that is the public address' });
  if (req.body.otp !== pending.get(req.body.device)) return res.status(401).end();
  res.sendStatus(204);
});`,
  // Two values the caller sends that must agree: a confirmation, which the caller can always satisfy.
  `app.post('/password/reset', (req, res) => {
  if (req.body.new !== req.body.repeat) return res.status(401).send('new and repeated password do not match');
  res.sendStatus(204);
});`,
  // Required fields and the sentinel strings a form sends for missing ones.
  `app.post('/password/reset', (req, res, next) => {
  const { email, answer } = req.body;
  if (!email || !req.body.new || req.body.new === 'undefined') return res.status(401).send('missing fields');
  next();
});`,
  // A path segment checked for its shape (no slashes): a traversal guard, answered with 403.
  `app.get('/files/:file', (req, res) => {
  const file = req.params.file;
  if (file.includes('/') || file.startsWith('.')) return res.status(403).end();
  res.sendFile(path.resolve('public/', file));
});`,
  // An allow-list of what a value is (a file type) decides on the value, not on who sends it.
  `app.post('/uploads', (req, res) => {
  if (!ALLOWED_EXTENSIONS.includes(path.extname(req.body.filename))) return res.status(415).end();
  res.sendStatus(201);
});`,
  { code: `export const checkAnswer = () => async (req: Request, res: Response, next: NextFunction) => {
  const challenge = await ChallengeModel.findOne({ where: { id: req.body.challengeId } });
  if (challenge != null && req.body.captcha === challenge.answer) {
    next();
  } else {
    res.status(401).send('Wrong answer');
  }
};`, filename: 'file.ts' },
  // An error passed to next that says it is no refusal of access (a failed payment, a rejected redirect target).
  `app.post('/orders', async (req, res, next) => {
  if (req.body.paymentId === 'wallet') {
    const wallet = await Wallet.findOne({ where: { UserId: req.auth.payload.sub } });
    if (wallet == null || wallet.balance < req.body.total) {
      next(new Error('Insufficient wallet balance.'));
      return;
    }
  }
  res.sendStatus(201);
});`,
  `const allowedTargets = ['https://github.com/', 'https://blog.example.com/'];
const isRedirectAllowed = (url) => allowedTargets.some((allowed) => url.includes(allowed));
app.get('/redirect', (req, res, next) => {
  if (isRedirectAllowed(req.query.to)) {
    res.redirect(req.query.to);
  } else {
    res.status(406);
    next(new Error('Unrecognized target URL for redirect: ' + req.query.to));
  }
});`,
  // A membership helper asked about a verified claim decides on the claim.
  `const STAFF = ['admin', 'support'];
const isStaff = (role) => STAFF.includes(role);
app.get('/tickets', checkJwt, (req, res) => {
  if (!isStaff(req.auth.payload.role)) return res.sendStatus(403);
  res.json([]);
});`,
  `function hasScope(granted, scope) {
  return granted.split(' ').includes(scope);
}
app.get('/reports', checkJwt, (req, res) => {
  if (!hasScope(req.auth.payload.scope, 'reports:read')) return res.sendStatus(403);
  res.json([]);
});`,
];

/** Express with express-oauth2-jwt-bearer's verifier declared as `checkJwt`: routes start on line 5. */
const EXPRESS_JWT = `const express = require('express');
const { auth } = require('express-oauth2-jwt-bearer');
const app = express();
const checkJwt = auth({ audience: 'https://api.example.com', issuerBaseURL: 'https://issuer.example.com/' });
`;

const invalid: InvalidTestCase<MessageIds, []>[] = [
  // A value a same-file helper hands its callback: what the helper calls it with.
  {
    code: `function withRole(req, cb) {
  cb(req.cookies && req.cookies.role);
}
app.get('/owner', (req, res) => {
  withRole(req, (role) => {
    if (role !== 'owner') return res.sendStatus(403);
    res.json({});
  });
});`,
    errors: [{ messageId: 'untrustedCookie', line: 6, column: 9, suggestions: [] }],
  },
  // Express
  {
    code: `app.get('/admin', (req, res) => {
  if (req.headers['x-role'] !== 'admin') {
    return res.sendStatus(403);
  }
  res.send('ok');
});`,
    errors: [{ messageId: 'untrustedHeader', line: 2, column: 7, suggestions: [] }],
  },
  {
    code: `app.delete('/users/:id', (req, res) => {
  if (req.get('x-role') !== 'admin') return res.sendStatus(403);
  audit(req.auth.payload.sub);
  res.sendStatus(204);
});`,
    errors: [
      {
        messageId: 'untrustedHeader',
        line: 2,
        column: 7,
        suggestions: [
          {
            messageId: 'suggestVerifiedClaim',
            output: `app.delete('/users/:id', (req, res) => {
  if (req.auth.payload.role !== 'admin') return res.sendStatus(403);
  audit(req.auth.payload.sub);
  res.sendStatus(204);
});`,
          },
        ],
      },
    ],
  },
  {
    code: `app.get('/users', async (req, res) => {
  if (req.header('x-admin') === 'true') {
    return res.json(await User.find());
  }
  res.json([]);
});`,
    errors: [{ messageId: 'untrustedHeader', line: 2, column: 7, suggestions: [] }],
  },
  {
    code: `app.get('/users', async (req, res) => {
  const users = await User.find({ org: req.auth.payload.org_id });
  if (req.query.isAdmin === 'true') return res.json(users);
  res.json(users.map(publicFields));
});`,
    errors: [
      {
        messageId: 'untrustedQuery',
        line: 3,
        column: 7,
        // A switch becomes a test of the verified role: the function already reads the verified claims.
        suggestions: [
          {
            messageId: 'suggestVerifiedClaimTest',
            data: { test: "req.auth.payload.role === 'admin'" },
            output: `app.get('/users', async (req, res) => {
  const users = await User.find({ org: req.auth.payload.org_id });
  if (req.auth.payload.role === 'admin') return res.json(users);
  res.json(users.map(publicFields));
});`,
          },
        ],
      },
    ],
  },
  {
    code: `app.post('/admin/reindex', (req, res, next) => {
  if (req.cookies.role === 'admin') next();
  else res.sendStatus(403);
});`,
    errors: [{ messageId: 'untrustedCookie', line: 2, column: 7, suggestions: [] }],
  },
  {
    code: `app.get('/admin', (req, res) => {
  if (req.signedCookies.role !== 'admin') return res.redirect('/login');
  res.render('admin');
});`,
    errors: [{ messageId: 'untrustedCookie', line: 2, column: 7, suggestions: [] }],
  },
  {
    code: `app.post('/reports', async (req, res) => {
  if (req.body.role === 'admin') {
    await unlockAllReports();
  }
  res.sendStatus(202);
});`,
    errors: [{ messageId: 'untrustedBody', line: 2, column: 7, suggestions: [] }],
  },
  {
    code: `app.use('/acme', (req, res, next) => {
  if (req.headers.tenant !== 'acme') return next(createError(403));
  next();
});`,
    errors: [{ messageId: 'untrustedHeader', line: 2, column: 7, suggestions: [] }],
  },
  {
    code: `function requireAdmin(req, res, next) {
  if (req.get('x-admin') === 'true') return next();
  res.status(403).end();
}
app.use('/admin', requireAdmin);`,
    errors: [{ messageId: 'untrustedHeader', line: 2, column: 7, suggestions: [] }],
  },
  {
    code: `import type { Request, Response, NextFunction } from 'express';

export function gate(incoming: Request, out: Response, next: NextFunction) {
  if (incoming.headers['x-role'] !== 'admin') return out.sendStatus(403);
  next();
}`,
    filename: 'file.ts',
    errors: [{ messageId: 'untrustedHeader', line: 4, column: 7, suggestions: [] }],
  },
  {
    code: `app.post('/refunds', (incoming, out) => {
  if (incoming.body.role !== 'support') return out.sendStatus(403);
  out.sendStatus(202);
});`,
    errors: [{ messageId: 'untrustedBody', line: 2, column: 7, suggestions: [] }],
  },
  {
    code: `app.get('/dashboard', (req, res) => {
  const view = req.headers['x-role'] === 'admin' ? adminView : userView;
  res.render(view);
});`,
    errors: [{ messageId: 'untrustedHeader', line: 2, column: 16, suggestions: [] }],
  },
  {
    code: `app.get('/records', (req, res) => {
  switch (req.query.role) {
    case 'admin':
      return res.json(allRecords());
    default:
      return res.sendStatus(403);
  }
});`,
    errors: [{ messageId: 'untrustedQuery', line: 2, column: 11, suggestions: [] }],
  },
  {
    code: `app.get('/panel', (req, res) => {
  req.cookies.isAdmin === 'yes' && res.set('x-admin-tools', 'on');
  res.render('panel');
});`,
    errors: [{ messageId: 'untrustedCookie', line: 2, column: 3, suggestions: [] }],
  },
  {
    code: `function isAdmin(req) {
  return req.get('x-role') === 'admin';
}`,
    errors: [{ messageId: 'untrustedHeader', line: 2, column: 10, suggestions: [] }],
  },

  // Koa
  {
    code: `router.get('/admin', async (ctx) => {
  if (ctx.get('x-role') !== 'admin') ctx.throw(403);
  ctx.body = await listUsers();
});`,
    errors: [{ messageId: 'untrustedHeader', line: 2, column: 7, suggestions: [] }],
  },
  {
    code: `router.post('/reports', async (ctx) => {
  if (ctx.request.body.role !== 'admin') {
    ctx.status = 403;
    return;
  }
  ctx.body = await buildReport();
});`,
    errors: [{ messageId: 'untrustedBody', line: 2, column: 7, suggestions: [] }],
  },
  {
    code: `app.use(async (ctx, next) => {
  if (ctx.headers['x-role'] !== 'admin') ctx.throw(403, 'admins only');
  await next();
});`,
    errors: [{ messageId: 'untrustedHeader', line: 2, column: 7, suggestions: [] }],
  },
  {
    code: `router.get('/billing', async (ctx) => {
  if (ctx.cookies.get('plan_owner') !== 'yes') ctx.throw(401);
  ctx.body = await billing();
});`,
    errors: [{ messageId: 'untrustedCookie', line: 2, column: 7, suggestions: [] }],
  },
  {
    code: `router.get('/users', async (ctx) => {
  ctx.body = ctx.query.admin === '1' ? await User.find() : [];
});`,
    errors: [{ messageId: 'untrustedQuery', line: 2, column: 14, suggestions: [] }],
  },
  {
    code: `router.get('/scopes', async (ctx) => {
  if (ctx.request.query.scope !== 'read:all') ctx.throw(403);
  ctx.body = await everything();
});`,
    errors: [{ messageId: 'untrustedQuery', line: 2, column: 7, suggestions: [] }],
  },
  {
    code: `router.get('/users/:userId/orders', async (ctx) => {
  log.info({ caller: ctx.state.user.sub });
  ctx.body = await Order.find({ userId: ctx.params.userId });
});`,
    errors: [
      {
        messageId: 'untrustedPathParam',
        line: 3,
        column: 41,
        suggestions: [
          {
            messageId: 'suggestVerifiedClaim',
            output: `router.get('/users/:userId/orders', async (ctx) => {
  log.info({ caller: ctx.state.user.sub });
  ctx.body = await Order.find({ userId: ctx.state.user.sub });
});`,
          },
        ],
      },
    ],
  },
  {
    code: `router.get('/orders', async (ctx) => {
  ctx.body = await Order.find({ ownerId: ctx.request.headers['x-user-id'] });
});`,
    errors: [{ messageId: 'untrustedHeader', line: 2, column: 42, suggestions: [] }],
  },

  // Fastify
  {
    code: `fastify.get('/admin/stats', async (request, reply) => {
  if (request.headers['x-role'] !== 'admin') {
    return reply.code(403).send({ error: 'Forbidden' });
  }
  return stats();
});`,
    errors: [{ messageId: 'untrustedHeader', line: 2, column: 7, suggestions: [] }],
  },
  {
    code: `fastify.get('/accounts/:accountId/invoices', async (request) => {
  log.info({ caller: request.user.sub });
  return Invoice.findAll({ where: { accountId: request.params.accountId } });
});`,
    errors: [
      {
        messageId: 'untrustedPathParam',
        line: 3,
        column: 48,
        suggestions: [
          {
            messageId: 'suggestVerifiedClaim',
            output: `fastify.get('/accounts/:accountId/invoices', async (request) => {
  log.info({ caller: request.user.sub });
  return Invoice.findAll({ where: { accountId: request.user.sub } });
});`,
          },
        ],
      },
    ],
  },
  {
    code: `fastify.post('/flags', async (request, reply) => {
  if (!request.body.isAdmin) return reply.code(403).send();
  return saveFlags(request.body.flags);
});`,
    errors: [{ messageId: 'untrustedBody', line: 2, column: 8, suggestions: [] }],
  },
  {
    code: `fastify.get('/audit', async (request, reply) => {
  if (request.query.role === 'auditor') return reply.send(await auditLog());
  return reply.code(403).send();
});`,
    errors: [{ messageId: 'untrustedQuery', line: 2, column: 7, suggestions: [] }],
  },
  {
    code: `import type { FastifyReply, FastifyRequest } from 'fastify';

export async function tenantOnly(incoming: FastifyRequest, out: FastifyReply) {
  if (incoming.headers['x-tenant-id'] !== 'acme') return out.code(403).send();
}`,
    filename: 'file.ts',
    errors: [{ messageId: 'untrustedHeader', line: 4, column: 7, suggestions: [] }],
  },
  {
    code: `fastify.addHook('preHandler', async (request, reply) => {
  if (request.headers['x-admin'] !== 'true') reply.code(401).send();
});`,
    errors: [{ messageId: 'untrustedHeader', line: 2, column: 7, suggestions: [] }],
  },

  // Node http
  {
    code: `http.createServer((req, res) => {
  const url = new URL(req.url, 'http://localhost');
  if (url.searchParams.get('admin') === '1') {
    return res.end(JSON.stringify(allUsers()));
  }
  res.end('[]');
});`,
    errors: [{ messageId: 'untrustedQuery', line: 3, column: 7, suggestions: [] }],
  },
  {
    code: `http.createServer((req, res) => {
  if (req.headers['x-user-role'] !== 'admin') {
    res.statusCode = 403;
    return res.end();
  }
  res.end(secret());
});`,
    errors: [{ messageId: 'untrustedHeader', line: 2, column: 7, suggestions: [] }],
  },
  {
    code: `import type { IncomingMessage, ServerResponse } from 'node:http';

function onRequest(message: IncomingMessage, out: ServerResponse) {
  if (message.headers['x-role'] !== 'admin') {
    out.writeHead(403).end();
    return;
  }
  out.end('ok');
}`,
    filename: 'file.ts',
    errors: [{ messageId: 'untrustedHeader', line: 4, column: 7, suggestions: [] }],
  },

  // Hono
  {
    code: `app.get('/admin', (c) => {
  if (c.req.header('x-role') !== 'admin') {
    return c.json({ error: 'forbidden' }, 403);
  }
  return c.json(stats());
});`,
    errors: [{ messageId: 'untrustedHeader', line: 2, column: 7, suggestions: [] }],
  },
  {
    code: `app.get('/users/:userId/notes', async (c) => {
  return c.json(await prisma.note.findMany({ where: { ownerId: c.req.param('userId') } }));
});`,
    errors: [{ messageId: 'untrustedPathParam', line: 2, column: 64, suggestions: [] }],
  },
  {
    code: `app.get('/users', async (c) => {
  if (c.req.query('admin') === 'true') return c.json(await allUsers());
  return c.json([]);
});`,
    errors: [{ messageId: 'untrustedQuery', line: 2, column: 7, suggestions: [] }],
  },
  {
    code: `app.post('/settings', async (c) => {
  const body = await c.req.json();
  if (body.role !== 'admin') return c.text('Forbidden', 403);
  return c.json(await saveSettings(body.settings));
});`,
    errors: [{ messageId: 'untrustedBody', line: 3, column: 7, suggestions: [] }],
  },
  {
    code: `app.get('/projects', async (c) => {
  const caller = c.get('jwtPayload').sub;
  const projects = await db.project.findMany({ where: { tenantId: c.req.header('x-tenant-id') } });
  return c.json({ caller, projects });
});`,
    errors: [
      {
        messageId: 'untrustedHeader',
        line: 3,
        column: 67,
        suggestions: [
          {
            messageId: 'suggestVerifiedClaim',
            output: `app.get('/projects', async (c) => {
  const caller = c.get('jwtPayload').sub;
  const projects = await db.project.findMany({ where: { tenantId: c.get('jwtPayload').tenant_id } });
  return c.json({ caller, projects });
});`,
          },
        ],
      },
    ],
  },

  // NestJS (TypeScript, decorators)
  {
    code: `@Controller('admin')
export class AdminController {
  @Get('users')
  list(@Headers('x-role') role: string) {
    if (role !== 'admin') throw new ForbiddenException();
    return this.users.findAll();
  }
}`,
    filename: 'file.ts',
    errors: [{ messageId: 'untrustedHeader', line: 5, column: 9, suggestions: [] }],
  },
  {
    code: `@Controller('users')
export class OrdersController {
  @Get(':id/orders')
  orders(@Param('id') id: string) {
    return this.orders.find({ where: { userId: id } });
  }
}`,
    filename: 'file.ts',
    errors: [{ messageId: 'untrustedPathParam', line: 5, column: 48, suggestions: [] }],
  },
  {
    code: `@Controller('users')
export class UsersController {
  @Get()
  list(@Query('admin') admin: string) {
    if (admin === 'true') return this.users.findAllWithSecrets();
    return this.users.findAll();
  }
}`,
    filename: 'file.ts',
    errors: [{ messageId: 'untrustedQuery', line: 5, column: 9, suggestions: [] }],
  },
  {
    code: `@Controller('settings')
export class SettingsController {
  @Put()
  update(@Body() dto: UpdateSettingsDto) {
    if (dto.role !== 'owner') throw new UnauthorizedException();
    return this.settings.update(dto);
  }
}`,
    filename: 'file.ts',
    errors: [{ messageId: 'untrustedBody', line: 5, column: 9, suggestions: [] }],
  },
  {
    code: `@Controller('reports')
export class ReportsController {
  @Get()
  list(@Req() req: Request) {
    if (req.headers['x-tenant'] !== 'acme') throw new ForbiddenException();
    return this.reports.all();
  }
}`,
    filename: 'file.ts',
    errors: [{ messageId: 'untrustedHeader', line: 5, column: 9, suggestions: [] }],
  },
  {
    code: `@Injectable()
export class RolesGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest();
    return request.headers['x-role'] === 'admin';
  }
}`,
    filename: 'file.ts',
    errors: [{ messageId: 'untrustedHeader', line: 5, column: 12, suggestions: [] }],
  },
  {
    code: `@Injectable()
export class AdminGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    const req = context.switchToHttp().getRequest<Request>();
    if (req.query.isAdmin !== 'true') return false;
    return true;
  }
}`,
    filename: 'file.ts',
    errors: [{ messageId: 'untrustedQuery', line: 5, column: 9, suggestions: [] }],
  },

  // Next.js (route handlers, middleware, next/headers)
  {
    filename: 'app/api/users/route.ts',
    code: `import { NextResponse } from 'next/server';

export async function GET(request: Request) {
  if (request.headers.get('x-role') !== 'admin') {
    return NextResponse.json({ error: 'Forbidden' }, { status: 403 });
  }
  return NextResponse.json(await listUsers());
}`,
    errors: [{ messageId: 'untrustedHeader', line: 4, column: 7, suggestions: [] }],
  },
  {
    filename: 'app/api/audit/route.ts',
    code: `import { NextResponse, type NextRequest } from 'next/server';

export async function GET(request: NextRequest) {
  if (request.nextUrl.searchParams.get('admin') !== 'true') {
    return NextResponse.json({ error: 'Unauthorized' }, { status: 401 });
  }
  return NextResponse.json(await auditLog());
}`,
    errors: [{ messageId: 'untrustedQuery', line: 4, column: 7, suggestions: [] }],
  },
  {
    filename: 'app/api/projects/route.ts',
    code: `export async function GET(request: Request) {
  const { searchParams } = new URL(request.url);
  const projects = await db.project.findMany({ where: { tenantId: searchParams.get('tenant') } });
  return Response.json(projects);
}`,
    errors: [{ messageId: 'untrustedQuery', line: 3, column: 67, suggestions: [] }],
  },
  {
    filename: 'app/api/users/[userId]/orders/route.ts',
    code: `export async function GET(request: Request, { params }: { params: { userId: string } }) {
  const orders = await prisma.order.findMany({ where: { userId: params.userId } });
  return Response.json(orders);
}`,
    errors: [{ messageId: 'untrustedPathParam', line: 2, column: 65, suggestions: [] }],
  },
  {
    filename: 'app/api/admin/route.ts',
    code: `import { cookies } from 'next/headers';

export async function GET() {
  const role = cookies().get('role')?.value;
  if (role !== 'admin') return new Response('Forbidden', { status: 403 });
  return Response.json(await adminData());
}`,
    errors: [{ messageId: 'untrustedCookie', line: 5, column: 7, suggestions: [] }],
  },
  {
    filename: 'app/api/notes/route.ts',
    code: `import { headers } from 'next/headers';

export async function GET() {
  const notes = await db.note.findMany({ where: { ownerId: headers().get('x-user-id') } });
  return Response.json(notes);
}`,
    errors: [{ messageId: 'untrustedHeader', line: 4, column: 60, suggestions: [] }],
  },
  {
    filename: 'middleware.ts',
    code: `import { NextResponse } from 'next/server';
import type { NextRequest } from 'next/server';

export function middleware(request: NextRequest) {
  if (request.cookies.get('role')?.value !== 'admin') {
    return NextResponse.redirect(new URL('/login', request.url));
  }
  return NextResponse.next();
}`,
    errors: [{ messageId: 'untrustedCookie', line: 5, column: 7, suggestions: [] }],
  },

  // GraphQL resolvers
  {
    code: `const resolvers = {
  Query: {
    users: (parent, args, context) => {
      if (context.req.headers['x-role'] !== 'admin') {
        throw new GraphQLError('Forbidden', { extensions: { code: 'FORBIDDEN' } });
      }
      return context.db.user.findMany();
    },
  },
};`,
    errors: [{ messageId: 'untrustedHeader', line: 4, column: 11, suggestions: [] }],
  },
  {
    code: `const resolvers = {
  Query: {
    orders: (_parent, args, context) => context.db.order.findMany({ where: { userId: args.userId } }),
  },
};`,
    errors: [{ messageId: 'untrustedArgument', line: 3, column: 86, suggestions: [] }],
  },
  {
    code: `const resolvers = {
  Mutation: {
    deleteUser: async (_parent, args, context) => {
      if (!args.isAdmin) throw new GraphQLError('Forbidden');
      return context.db.user.delete({ where: { id: args.id } });
    },
  },
};`,
    errors: [{ messageId: 'untrustedArgument', line: 4, column: 12, suggestions: [] }],
  },

  // Fetch Request
  {
    code: `export default {
  async fetch(request: Request): Promise<Response> {
    if (request.headers.get('x-admin') !== 'true') {
      return new Response('Forbidden', { status: 403 });
    }
    return new Response(await secrets());
  },
};`,
    filename: 'file.ts',
    errors: [{ messageId: 'untrustedHeader', line: 3, column: 9, suggestions: [] }],
  },
  {
    code: `Deno.serve(async (req: Request) => {
  const url = new URL(req.url);
  if (url.searchParams.get('role') === 'admin') return Response.json(await everyone());
  return new Response(null, { status: 403 });
});`,
    filename: 'file.ts',
    errors: [{ messageId: 'untrustedQuery', line: 3, column: 7, suggestions: [] }],
  },
  {
    code: `export default {
  async fetch(request: Request): Promise<Response> {
    const body = await request.json();
    if (body.role !== 'admin') return new Response(null, { status: 403 });
    return new Response(await secrets());
  },
};`,
    filename: 'file.ts',
    errors: [{ messageId: 'untrustedBody', line: 4, column: 9, suggestions: [] }],
  },

  // Propagation: variables
  {
    code: `app.get('/admin', (req, res) => {
  const role = req.headers['x-role'];
  if (role !== 'admin') return res.sendStatus(403);
  res.json({ by: req.auth.payload.sub });
});`,
    errors: [
      {
        messageId: 'untrustedHeader',
        line: 3,
        column: 7,
        suggestions: [
          {
            messageId: 'suggestVerifiedClaim',
            output: `app.get('/admin', (req, res) => {
  const role = req.auth.payload.role;
  if (role !== 'admin') return res.sendStatus(403);
  res.json({ by: req.auth.payload.sub });
});`,
          },
        ],
      },
    ],
  },
  {
    code: `app.get('/admin', (req, res) => {
  let role = 'guest';
  role = req.get('x-role');
  if (role !== 'admin') return res.sendStatus(403);
  res.json(stats());
});`,
    errors: [{ messageId: 'untrustedHeader', line: 4, column: 7, suggestions: [] }],
  },
  // Propagation: promises, lookups and class fields
  {
    code: `async function roleOf(req) {
  return req.headers['x-role'];
}
app.get('/reports', (req, res) => {
  roleOf(req).then((role) => {
    if (role !== 'admin') return res.sendStatus(403);
    res.json([]);
  });
});`,
    errors: [{ messageId: 'untrustedHeader', line: 6, column: 9, suggestions: [] }],
  },
  {
    code: `app.get('/reports', (req, res) => {
  Promise.resolve(req.query.role).then((role) => {
    if (role !== 'admin') return res.sendStatus(403);
    res.json([]);
  });
});`,
    errors: [{ messageId: 'untrustedQuery', line: 3, column: 9, suggestions: [] }],
  },
  {
    // The caller picks the record, so its flags are the caller's choice too.
    code: `const PERMISSIONS = { 'ops@example.com': { isAdmin: true } };
const permissionsOf = (email) => PERMISSIONS[email] || {};
app.delete('/users/:email', (req, res) => {
  if (!permissionsOf(req.params.email).isAdmin) return res.sendStatus(403);
  res.sendStatus(204);
});`,
    errors: [{ messageId: 'untrustedPathParam', line: 4, column: 8, suggestions: [] }],
  },
  {
    // An entry of a server-side map picked by a caller's plain value (not a credential) is still the caller's choice.
    code: `const authenticatedUsers = { tokenMap: {} };
const appendUserId = () => (req, res, next) => {
  req.body.UserId = authenticatedUsers.tokenMap[req.query.user].data.id;
  next();
};
app.get('/addresses', appendUserId(), async (req, res) => {
  res.json(await Address.findAll({ where: { UserId: req.body.UserId } }));
});`,
    errors: [{ messageId: 'untrustedBody', line: 7, column: 53, suggestions: [] }],
  },
  {
    code: `const tokenMap = {};
const userOf = (token) => tokenMap[token];
app.get('/orders', async (req, res) => {
  res.json(await Order.findAll({ where: { UserId: userOf(req.query.user).id } }));
});`,
    errors: [{ messageId: 'untrustedQuery', line: 4, column: 51, suggestions: [] }],
  },
  {
    code: `class Access {
  constructor(req) {
    this.role = req.headers['x-role'];
  }
  allows() {
    return this.role === 'admin';
  }
}
app.get('/admin', (req, res) => {
  if (!new Access(req).allows()) return res.sendStatus(403);
  res.json([]);
});`,
    errors: [{ messageId: 'untrustedHeader', line: 10, column: 8, suggestions: [] }],
  },
  {
    // A TypeScript parameter property stores the argument the class is made with.
    code: `class Access {
  constructor(private readonly role: string) {}
  allows(): boolean {
    return this.role === 'admin';
  }
}
app.get('/admin', (req, res) => {
  if (!new Access(req.get('x-role')).allows()) return res.sendStatus(403);
  res.json([]);
});`,
    filename: 'file.ts',
    errors: [{ messageId: 'untrustedHeader', line: 8, column: 8, suggestions: [] }],
  },
  // Propagation: destructuring
  {
    code: `app.post('/admin/users', (req, res) => {
  const { role } = req.body;
  if (role !== 'admin') return res.sendStatus(403);
  res.sendStatus(201);
});`,
    errors: [{ messageId: 'untrustedBody', line: 3, column: 7, suggestions: [] }],
  },
  {
    code: `app.post('/admin/users', (req, res) => {
  const { user: { role = 'guest' } = {} } = req.body;
  if (role !== 'admin') return res.sendStatus(403);
  res.sendStatus(201);
});`,
    errors: [{ messageId: 'untrustedBody', line: 3, column: 7, suggestions: [] }],
  },
  {
    code: `app.get('/admin', (req, res) => {
  const { 'x-role': callerRole } = req.headers;
  if (callerRole !== 'admin') return res.sendStatus(403);
  res.json(stats());
});`,
    errors: [{ messageId: 'untrustedHeader', line: 3, column: 7, suggestions: [] }],
  },
  {
    code: `app.get('/users/:userId/orders', async (req, res) => {
  const { userId } = req.params;
  res.json(await Order.find({ userId: userId }));
});`,
    errors: [{ messageId: 'untrustedPathParam', line: 3, column: 39, suggestions: [] }],
  },
  // Propagation: ??, ||, ternaries
  {
    code: `app.get('/admin', (req, res) => {
  const role = req.get('x-role') ?? 'guest';
  if (role !== 'admin') return res.sendStatus(403);
  res.json(stats());
});`,
    errors: [{ messageId: 'untrustedHeader', line: 3, column: 7, suggestions: [] }],
  },
  {
    code: `app.get('/projects', async (req, res) => {
  const tenant = req.query.tenant || 'default';
  res.json(await Project.find({ tenantId: tenant }));
});`,
    errors: [{ messageId: 'untrustedQuery', line: 3, column: 43, suggestions: [] }],
  },
  {
    code: `app.get('/admin', (req, res) => {
  const role = req.query.role ? String(req.query.role) : 'viewer';
  if (role !== 'admin') return res.sendStatus(403);
  res.json(stats());
});`,
    errors: [{ messageId: 'untrustedQuery', line: 3, column: 7, suggestions: [] }],
  },
  // Propagation: templates, concatenation, string methods, conversions
  {
    code: `app.get('/admin', (req, res) => {
  const label = \`role:\${req.get('x-role')}\`;
  if (label !== 'role:admin') return res.sendStatus(403);
  res.json(stats());
});`,
    errors: [{ messageId: 'untrustedHeader', line: 3, column: 7, suggestions: [] }],
  },
  {
    code: `app.get('/vault', (req, res) => {
  const level = 'lvl-' + req.query.level;
  if (level !== 'lvl-9') return res.sendStatus(403);
  res.json(vault());
});`,
    errors: [{ messageId: 'untrustedQuery', line: 3, column: 7, suggestions: [] }],
  },
  {
    code: `app.get('/admin', (req, res) => {
  const role = req.get('x-role').trim().toLowerCase();
  if (role !== 'admin') return res.sendStatus(403);
  res.json(stats());
});`,
    errors: [{ messageId: 'untrustedHeader', line: 3, column: 7, suggestions: [] }],
  },
  {
    code: `app.get('/admin', (req, res) => {
  const groups = req.headers['x-groups'].split(',');
  if (!groups.includes('admins')) return res.sendStatus(403);
  res.json(stats());
});`,
    errors: [{ messageId: 'untrustedHeader', line: 3, column: 8, suggestions: [] }],
  },
  {
    code: `app.get('/vault', (req, res) => {
  const level = parseInt(req.query.accessLevel, 10);
  if (level < 5) return res.sendStatus(403);
  res.json(vault());
});`,
    errors: [{ messageId: 'untrustedQuery', line: 3, column: 7, suggestions: [] }],
  },
  {
    code: `app.get('/users', (req, res) => {
  const admin = Boolean(req.cookies.admin);
  if (admin) return res.json(allUsers());
  res.json([]);
});`,
    errors: [{ messageId: 'untrustedCookie', line: 3, column: 7, suggestions: [] }],
  },
  {
    code: `app.get('/accounts/:uid', async (req, res) => {
  const uid = Number(req.params.uid);
  res.json(await Account.findOne({ where: { accountId: uid } }));
});`,
    errors: [{ messageId: 'untrustedPathParam', line: 3, column: 56, suggestions: [] }],
  },
  // Propagation: TypeScript assertions
  {
    code: `app.get('/admin', (req: Request, res: Response) => {
  const role = req.headers['x-role'] as string;
  const tenant = req.get('x-tenant')!;
  if (role !== 'admin' || tenant !== 'acme') return res.sendStatus(403);
  res.json(stats());
});`,
    filename: 'file.ts',
    errors: [
      { messageId: 'untrustedHeader', line: 4, column: 7, suggestions: [] },
      { messageId: 'untrustedHeader', line: 4, column: 27, suggestions: [] },
    ],
  },
  // Propagation: wrapped in an object or an array
  {
    code: `app.get('/admin', (req, res) => {
  const u = { role: req.headers['x-role'] };
  if (u.role !== 'admin') return res.sendStatus(403);
  res.json(stats());
});`,
    errors: [{ messageId: 'untrustedHeader', line: 3, column: 7, suggestions: [] }],
  },
  {
    code: `app.get('/admin', (req, res) => {
  const claims = { role: req.get('x-role') } satisfies Partial<Claims>;
  if (claims.role !== 'admin') return res.sendStatus(403);
  res.json(stats());
});`,
    filename: 'file.ts',
    errors: [{ messageId: 'untrustedHeader', line: 3, column: 7, suggestions: [] }],
  },
  {
    code: `app.get('/admin', (req, res) => {
  const pair = [req.get('x-role'), 'guest'];
  if (pair[0] !== 'admin') return res.sendStatus(403);
  res.json(stats());
});`,
    errors: [{ messageId: 'untrustedHeader', line: 3, column: 7, suggestions: [] }],
  },
  // Propagation: same-file helpers, both ways
  {
    code: `function roleOf(req) {
  return req.get('x-role');
}
app.get('/admin', (req, res) => {
  if (roleOf(req) !== 'admin') return res.sendStatus(403);
  res.json(stats());
});`,
    errors: [{ messageId: 'untrustedHeader', line: 5, column: 7, suggestions: [] }],
  },
  {
    code: `async function callerRole(req) {
  return req.get('x-role');
}
app.get('/admin', async (req, res) => {
  const role = await callerRole(req);
  if (role !== 'admin') return res.sendStatus(403);
  res.json(stats());
});`,
    errors: [{ messageId: 'untrustedHeader', line: 6, column: 7, suggestions: [] }],
  },
  {
    code: `function check(role, res) {
  if (role !== 'admin') return res.sendStatus(403);
}
app.get('/admin', (req, res) => {
  check(req.get('x-role'), res);
  res.json(stats());
});`,
    errors: [{ messageId: 'untrustedHeader', line: 2, column: 7, suggestions: [] }],
  },
  {
    code: `const ensureRole = (role, res) => {
  if (role !== 'admin') return res.sendStatus(403);
};
app.get('/admin', (req, res) => {
  ensureRole(req.user.role, res);
  res.json(stats());
});
app.get('/legacy-admin', (req, res) => {
  ensureRole(req.cookies.role, res);
  res.json(stats());
});`,
    // The cookie is read on a route that verifies no token: \`req.user.role\` there would throw, so no rewrite.
    errors: [{ messageId: 'untrustedCookie', line: 2, column: 7, suggestions: [] }],
  },
  // Propagation: middleware factories
  {
    code: `function requireRole(expected) {
  return (req, res, next) => {
    if (req.get('x-role') !== expected) return res.sendStatus(403);
    next();
  };
}
app.get('/admin', requireRole('admin'), listUsers);`,
    errors: [{ messageId: 'untrustedHeader', line: 3, column: 9, suggestions: [] }],
  },
  {
    code: `const allow = (...roles) => (req, res, next) => (roles.includes(req.headers['x-role']) ? next() : res.sendStatus(403));
app.delete('/users/:id', allow('admin', 'support'), deleteUser);`,
    errors: [{ messageId: 'untrustedHeader', line: 1, column: 65, suggestions: [] }],
  },
  // Propagation: compared with another untrusted value
  {
    code: `router.get('/accounts/:id', (req, res) => {
  const callerId = req.header('x-user-id');
  if (callerId !== req.params.id) {
    return res.status(403).json({ error: 'forbidden' });
  }
  res.json(load(req.params.id));
});`,
    errors: [
      { messageId: 'untrustedHeader', line: 3, column: 7, suggestions: [] },
      { messageId: 'untrustedPathParam', line: 3, column: 20, suggestions: [] },
    ],
  },
  {
    code: `app.get('/tenants/:tenant/reports', (req, res) => {
  if (req.cookies.tenant !== req.params.tenant) return res.sendStatus(403);
  res.json(reports(req.params.tenant));
});`,
    errors: [
      { messageId: 'untrustedCookie', line: 2, column: 7, suggestions: [] },
      { messageId: 'untrustedPathParam', line: 2, column: 30, suggestions: [] },
    ],
  },

  // Data scoping
  {
    code: `app.get('/users/:userId/orders', async (req, res) => {
  res.json(await Order.find({ userId: req.params.userId }));
});`,
    errors: [{ messageId: 'untrustedPathParam', line: 2, column: 39, suggestions: [] }],
  },
  {
    code: `app.get('/invoices', async (req, res) => {
  const invoices = await prisma.invoice.findMany({
    where: { tenantId: req.headers['x-tenant-id'], status: 'open' },
  });
  res.json(invoices);
});`,
    errors: [{ messageId: 'untrustedHeader', line: 3, column: 24, suggestions: [] }],
  },
  {
    code: `app.get('/orders', async (req, res) => {
  const { rows } = await pool.query('SELECT * FROM orders WHERE tenant_id = $1', [req.get('x-tenant-id')]);
  res.json(rows);
});`,
    errors: [{ messageId: 'untrustedHeader', line: 2, column: 83, suggestions: [] }],
  },
  {
    code: `app.get('/docs', async (req, res) => {
  const docs = await db.query(\`SELECT * FROM docs WHERE owner_id = \${req.query.owner}\`);
  res.json(docs);
});`,
    errors: [{ messageId: 'untrustedQuery', line: 2, column: 70, suggestions: [] }],
  },
  {
    code: `app.get('/shipments', async (req, res) => {
  res.json(await knex('shipments').where({ ownerId: req.query.ownerId }));
});`,
    errors: [{ messageId: 'untrustedQuery', line: 2, column: 53, suggestions: [] }],
  },
  {
    code: `app.post('/drafts/archive', async (req, res) => {
  await Draft.updateMany({ createdBy: req.body.userId }, { archived: true });
  res.sendStatus(204);
});`,
    errors: [{ messageId: 'untrustedBody', line: 2, column: 39, suggestions: [] }],
  },
  {
    code: `app.get('/projects', async (req, res) => {
  const { tenantId } = req.query;
  res.json(await Project.find({ tenantId }));
});`,
    errors: [{ messageId: 'untrustedQuery', line: 3, column: 33, suggestions: [] }],
  },
  {
    code: `app.get('/notes', async (req, res) => {
  res.json(await Note.find({ owner: req.cookies.uid }));
});`,
    errors: [{ messageId: 'untrustedCookie', line: 2, column: 37, suggestions: [] }],
  },
  {
    code: `app.get('/transfers', async (req, res) => {
  const accountId = req.get('x-account-id');
  res.json(await Transfer.findAll({ where: { accountId } }));
});`,
    errors: [{ messageId: 'untrustedHeader', line: 3, column: 46, suggestions: [] }],
  },

  // Authorization APIs
  {
    code: `app.delete('/users/:id', (req, res) => {
  if (!hasRole(req.get('x-role'), 'admin')) return res.sendStatus(403);
  res.sendStatus(204);
});`,
    errors: [{ messageId: 'untrustedHeader', line: 2, column: 16, suggestions: [] }],
  },
  {
    code: `app.get('/exports', (req, res) => {
  if (!hasPermission(req.query.permission, 'exports')) return res.sendStatus(403);
  res.json(exportAll());
});`,
    errors: [{ messageId: 'untrustedQuery', line: 2, column: 22, suggestions: [] }],
  },
  {
    code: `app.put('/articles/:id', async (req, res) => {
  const ability = defineAbilityFor(req.user);
  if (!ability.can(req.body.action, 'Article')) return res.sendStatus(403);
  res.json(await updateArticle(req.params.id));
});`,
    errors: [{ messageId: 'untrustedBody', line: 3, column: 20, suggestions: [] }],
  },
  {
    code: `app.use(async (req, res, next) => {
  const allowed = await enforcer.enforce(req.get('x-user-id'), req.path, req.method);
  if (!allowed) return res.sendStatus(403);
  next();
});`,
    errors: [{ messageId: 'untrustedHeader', line: 2, column: 42, suggestions: [] }],
  },
  {
    code: `app.get('/videos', (req, res) => {
  const permission = ac.can(req.headers['x-role']).readAny('video');
  if (!permission.granted) return res.sendStatus(403);
  res.json(permission.filter(videos));
});`,
    errors: [{ messageId: 'untrustedHeader', line: 2, column: 29, suggestions: [] }],
  },
  {
    code: `app.get('/billing', async (req, res) => {
  await authorize(req.cookies.role, 'billing:read');
  res.json(await billing());
});`,
    errors: [{ messageId: 'untrustedCookie', line: 2, column: 19, suggestions: [] }],
  },
  {
    code: `app.get('/users/:userId/reports', async (req, res) => {
  if (!(await acl.isAllowed(req.params.userId, 'reports', 'view'))) return res.sendStatus(403);
  res.json(await reports());
});`,
    errors: [{ messageId: 'untrustedPathParam', line: 2, column: 29, suggestions: [] }],
  },
  {
    code: `app.post('/invoices', async (req, res) => {
  await authorize('invoices:write', req.headers['x-user-id']);
  res.sendStatus(201);
});`,
    errors: [{ messageId: 'untrustedHeader', line: 2, column: 37, suggestions: [] }],
  },
  {
    code: `app.get('/admin', (req, res) => {
  if (!isAuthorized(req.query.role, 'admin-panel')) return res.sendStatus(403);
  res.json(stats());
});`,
    errors: [{ messageId: 'untrustedQuery', line: 2, column: 21, suggestions: [] }],
  },

  // Settings
  {
    code: `app.get('/projects', async (req, res) => {
  res.json(await Project.find({ tenantId: req.session.tenant }));
});`,
    settings: { claimguard: { sources: { 'req.session.tenant': 'cookie' } } },
    errors: [{ messageId: 'untrustedCookie', line: 2, column: 43, suggestions: [] }],
  },
  {
    code: `app.get('/admin', (req, res) => {
  if (req.context.callerRole !== 'admin') return res.sendStatus(403);
  res.json(stats());
});`,
    settings: { claimguard: { sources: { 'req.context.callerRole': 'header' } } },
    errors: [{ messageId: 'untrustedHeader', line: 2, column: 7, suggestions: [] }],
  },
  {
    code: `app.get('/admin', (req, res) => {
  if (req.headers['x-role'] !== 'admin') return res.sendStatus(403);
  res.json(stats());
});`,
    settings: { claimguard: { claimsPath: 'req.auth' } },
    // The setting names the claims object, but this route verifies no token: the claim is named, not written in.
    errors: [
      {
        messageId: 'untrustedHeader',
        line: 2,
        column: 7,
        data: {
          origin: "header 'x-role'",
          where: '',
          remedy: 'no token is verified on the route, so first verify one, then use the verified claim `req.auth.role`',
        },
        suggestions: [],
      },
    ],
  },
  {
    code: `app.get('/orders', async (req, res) => {
  res.json(await Order.find({ userId: req.get('x-user-id') }));
});`,
    settings: { claimguard: { claimsPath: 'request.user' } },
    errors: [{ messageId: 'untrustedHeader', line: 2, column: 39, suggestions: [] }],
  },
  {
    code: `app.get('/teams', async (req, res) => {
  const teams = await Team.find({ member: req.session.claims.sub });
  if (req.query.groups !== 'staff') return res.sendStatus(403);
  res.json(teams);
});`,
    settings: { claimguard: { verifiedClaims: ['req.session.claims'] } },
    errors: [
      {
        messageId: 'untrustedQuery',
        line: 3,
        column: 7,
        suggestions: [
          {
            messageId: 'suggestVerifiedClaim',
            output: `app.get('/teams', async (req, res) => {
  const teams = await Team.find({ member: req.session.claims.sub });
  if (req.session.claims.groups !== 'staff') return res.sendStatus(403);
  res.json(teams);
});`,
          },
        ],
      },
    ],
  },
  {
    code: `app.get('/workspaces', async (req, res) => {
  const mine = await Workspace.find({ tenant: req.auth.payload.tenant });
  if (req.get('x-tenant') !== 'acme') return res.sendStatus(403);
  res.json(mine);
});`,
    errors: [
      {
        messageId: 'untrustedHeader',
        line: 3,
        column: 7,
        suggestions: [
          {
            messageId: 'suggestVerifiedClaim',
            output: `app.get('/workspaces', async (req, res) => {
  const mine = await Workspace.find({ tenant: req.auth.payload.tenant });
  if (req.auth.payload.tenant !== 'acme') return res.sendStatus(403);
  res.json(mine);
});`,
          },
        ],
      },
    ],
  },
  {
    code: `app.get('/orders', async (req, res) => {
  res.json(await Order.find({ userId: req.get('x-authenticated-userid') }));
});`,
    errors: [{ messageId: 'untrustedHeader', line: 2, column: 39, suggestions: [] }],
  },
  {
    code: `app.get('/admin', async (req, res) => {
  if (req.get('x-role') !== 'admin') return res.sendStatus(403);
  res.json(await Order.find({ userId: req.get('x-authenticated-userid') }));
});`,
    settings: { claimguard: { trustedHeaders: ['x-authenticated-userid'] } },
    errors: [{ messageId: 'untrustedHeader', line: 2, column: 7, suggestions: [] }],
  },
  {
    code: `app.get('/reports', async (req, res) => {
  await checkAccess(req.get('x-role'), 'reports');
  res.json(await reports());
});`,
    settings: { claimguard: { authorizationFunctions: ['checkAccess'] } },
    errors: [{ messageId: 'untrustedHeader', line: 2, column: 21, suggestions: [] }],
  },
  {
    code: `app.get('/reports', async (req, res) => {
  const ok = policy.allows(req.get('x-role'), 'reports:read');
  if (!ok) return res.sendStatus(403);
  res.json(await reports());
});`,
    settings: { claimguard: { authorizationFunctions: ['policy.allows'] } },
    errors: [{ messageId: 'untrustedHeader', line: 2, column: 28, suggestions: [] }],
  },
  {
    code: `export function gate(incoming, out, next) {
  if (incoming.headers['x-role'] !== 'admin') return out.sendStatus(403);
  next();
}`,
    settings: { claimguard: { requestNames: ['incoming'] } },
    errors: [{ messageId: 'untrustedHeader', line: 2, column: 7, suggestions: [] }],
  },
  // One decision that tests the same value twice is reported once.
  {
    code: `app.delete('/posts/:id', (req, res) => {
  const role = req.get('x-role');
  if (role !== 'admin' && role !== 'editor') return res.sendStatus(403);
  res.sendStatus(204);
});`,
    errors: [{ messageId: 'untrustedHeader', line: 3, column: 7, suggestions: [] }],
  },
  // Helpers on a class, called as `this.helper(…)`, are followed like same-file functions.
  {
    code: `export class RolesGuard {
  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest();
    if (!this.isAdmin(request.headers['x-role'])) throw new ForbiddenException();
    return true;
  }
  private isAdmin(role: string) {
    return role === 'admin';
  }
}`,
    filename: 'file.ts',
    errors: [{ messageId: 'untrustedHeader', line: 4, column: 10, suggestions: [] }],
  },
  {
    code: `export class OrdersController {
  list(@Req() req: Request) {
    return this.ordersFor(req.query.userId);
  }
  private ordersFor(userId: string) {
    return this.orders.find({ userId });
  }
}`,
    filename: 'file.ts',
    errors: [{ messageId: 'untrustedQuery', line: 6, column: 31, suggestions: [] }],
  },
  // A server-side tenant value does not bind the row to the caller: the header-chosen owner still decides.
  {
    code: `app.get('/orders', async (req, res) => {
  const tenant = await currentTenant();
  res.json(await Order.find({ tenantId: tenant, ownerId: req.get('x-owner-id') }));
});`,
    errors: [{ messageId: 'untrustedHeader', line: 3, column: 58, suggestions: [] }],
  },
  // Suggestions only where the claims exist: the route's chain verifies a token that provides them
  {
    code: `${EXPRESS_JWT}app.get('/admin', checkJwt, (req, res) => {
  if (req.headers['x-role'] !== 'admin') return res.sendStatus(403);
  res.json([]);
});`,
    errors: [
      {
        messageId: 'untrustedHeader',
        line: 6,
        column: 7,
        suggestions: [
          {
            messageId: 'suggestVerifiedClaim',
            data: { claim: 'req.auth.payload.role' },
            output: `${EXPRESS_JWT}app.get('/admin', checkJwt, (req, res) => {
  if (req.auth.payload.role !== 'admin') return res.sendStatus(403);
  res.json([]);
});`,
          },
        ],
      },
    ],
  },
  {
    code: `app.get('/admin', passport.authenticate('jwt', { session: false }), (request, res) => {
  if (request.get('x-role') !== 'admin') return res.sendStatus(403);
  res.json([]);
});`,
    errors: [
      {
        messageId: 'untrustedHeader',
        line: 2,
        column: 7,
        suggestions: [
          {
            messageId: 'suggestVerifiedClaim',
            output: `app.get('/admin', passport.authenticate('jwt', { session: false }), (request, res) => {
  if (request.user.role !== 'admin') return res.sendStatus(403);
  res.json([]);
});`,
          },
        ],
      },
    ],
  },
  // …or the same function verifies the token itself
  {
    code: `import jwt from 'jsonwebtoken';
app.get('/reports', (req, res) => {
  const claims = jwt.verify(req.get('authorization').slice(7), publicKey, { algorithms: ['RS256'], issuer, audience });
  if (req.headers['x-role'] !== 'analyst') return res.sendStatus(403);
  res.json(reports(claims.sub));
});`,
    errors: [
      {
        messageId: 'untrustedHeader',
        line: 4,
        column: 7,
        suggestions: [
          {
            messageId: 'suggestVerifiedClaim',
            output: `import jwt from 'jsonwebtoken';
app.get('/reports', (req, res) => {
  const claims = jwt.verify(req.get('authorization').slice(7), publicKey, { algorithms: ['RS256'], issuer, audience });
  if (claims.role !== 'analyst') return res.sendStatus(403);
  res.json(reports(claims.sub));
});`,
          },
        ],
      },
    ],
  },
  {
    code: `import { jwtVerify } from 'jose';
app.get('/reports', async (req, res) => {
  const { payload: claims } = await jwtVerify(req.get('authorization').slice(7), JWKS, { algorithms: ['RS256'], issuer, audience });
  if (req.query.tenant !== 'acme') return res.sendStatus(403);
  res.json(claims);
});`,
    errors: [
      {
        messageId: 'untrustedQuery',
        line: 4,
        column: 7,
        suggestions: [
          {
            messageId: 'suggestVerifiedClaim',
            output: `import { jwtVerify } from 'jose';
app.get('/reports', async (req, res) => {
  const { payload: claims } = await jwtVerify(req.get('authorization').slice(7), JWKS, { algorithms: ['RS256'], issuer, audience });
  if (claims.tenant_id !== 'acme') return res.sendStatus(403);
  res.json(claims);
});`,
          },
        ],
      },
    ],
  },
  // A token verified after the read is no help where the read is
  {
    code: `import jwt from 'jsonwebtoken';
app.get('/reports', (req, res) => {
  if (req.headers['x-role'] !== 'analyst') return res.sendStatus(403);
  const claims = jwt.verify(req.get('authorization').slice(7), publicKey, { algorithms: ['RS256'], issuer, audience });
  res.json(reports(claims.sub));
});`,
    errors: [{ messageId: 'untrustedHeader', line: 3, column: 7, suggestions: [] }],
  },
  // No verification on the route: no claim rewrite, which would throw at run time; add the file's verifier instead
  {
    code: `${EXPRESS_JWT}app.get('/reports', (req, res) => {
  if (req.headers['x-role'] !== 'admin') return res.sendStatus(403);
  res.json([]);
});`,
    errors: [
      {
        messageId: 'untrustedHeader',
        line: 6,
        column: 7,
        data: {
          origin: "header 'x-role'",
          where: '',
          remedy: 'no token is verified on the route, so first verify one (add `checkJwt`), then use the verified claim `req.auth.payload.role`',
        },
        suggestions: [
          {
            messageId: 'suggestVerifyRoute',
            data: { routes: 'GET /reports', middleware: 'checkJwt' },
            output: `${EXPRESS_JWT}app.get('/reports', checkJwt, (req, res) => {
  if (req.headers['x-role'] !== 'admin') return res.sendStatus(403);
  res.json([]);
});`,
          },
        ],
      },
    ],
  },
  {
    code: `${EXPRESS_JWT}function requireAdmin(req, res, next) {
  if (req.get('x-role') !== 'admin') return res.sendStatus(403);
  next();
}
app.get('/users', requireAdmin, listUsers);
app.delete('/users/:id', requireAdmin, deleteUser);`,
    errors: [
      {
        messageId: 'untrustedHeader',
        line: 6,
        column: 7,
        suggestions: [
          {
            messageId: 'suggestVerifyRoute',
            data: { routes: 'GET /users, DELETE /users/:id', middleware: 'checkJwt' },
            output: `${EXPRESS_JWT}function requireAdmin(req, res, next) {
  if (req.get('x-role') !== 'admin') return res.sendStatus(403);
  next();
}
app.get('/users', checkJwt, requireAdmin, listUsers);
app.delete('/users/:id', checkJwt, requireAdmin, deleteUser);`,
          },
        ],
      },
    ],
  },
  // Middleware declared after the route does not exist yet where the route is registered
  {
    code: `const { auth } = require('express-oauth2-jwt-bearer');
const app = require('express')();
app.get('/reports', (req, res) => {
  if (req.headers['x-role'] !== 'admin') return res.sendStatus(403);
  res.json([]);
});
const checkJwt = auth({ audience: 'https://api.example.com', issuerBaseURL: 'https://issuer.example.com/' });`,
    errors: [
      {
        messageId: 'untrustedHeader',
        line: 4,
        column: 7,
        data: {
          origin: "header 'x-role'",
          where: '',
          remedy: 'no token is verified on the route, so first verify one (e.g. with express-oauth2-jwt-bearer, which this file imports), then use the verified claim `req.auth.payload.role`',
        },
        suggestions: [],
      },
    ],
  },
  {
    code: `import Koa from 'koa';
import Router from '@koa/router';
import jwt from 'koa-jwt';
const app = new Koa();
const router = new Router();
const requireToken = jwt({ secret: process.env.JWT_SECRET, algorithms: ['HS256'], issuer: 'i', audience: 'a' });
router.get('/reports', async (ctx) => {
  if (ctx.get('x-role') !== 'admin') ctx.throw(403);
  ctx.body = [];
});
router.get('/audit', requireToken, async (ctx) => {
  if (ctx.get('x-role') !== 'auditor') ctx.throw(403);
  ctx.body = [];
});
app.use(router.routes());`,
    errors: [
      {
        messageId: 'untrustedHeader',
        line: 8,
        column: 7,
        suggestions: [
          {
            messageId: 'suggestVerifyRoute',
            output: `import Koa from 'koa';
import Router from '@koa/router';
import jwt from 'koa-jwt';
const app = new Koa();
const router = new Router();
const requireToken = jwt({ secret: process.env.JWT_SECRET, algorithms: ['HS256'], issuer: 'i', audience: 'a' });
router.get('/reports', requireToken, async (ctx) => {
  if (ctx.get('x-role') !== 'admin') ctx.throw(403);
  ctx.body = [];
});
router.get('/audit', requireToken, async (ctx) => {
  if (ctx.get('x-role') !== 'auditor') ctx.throw(403);
  ctx.body = [];
});
app.use(router.routes());`,
          },
        ],
      },
      {
        messageId: 'untrustedHeader',
        line: 12,
        column: 7,
        suggestions: [
          {
            messageId: 'suggestVerifiedClaim',
            output: `import Koa from 'koa';
import Router from '@koa/router';
import jwt from 'koa-jwt';
const app = new Koa();
const router = new Router();
const requireToken = jwt({ secret: process.env.JWT_SECRET, algorithms: ['HS256'], issuer: 'i', audience: 'a' });
router.get('/reports', async (ctx) => {
  if (ctx.get('x-role') !== 'admin') ctx.throw(403);
  ctx.body = [];
});
router.get('/audit', requireToken, async (ctx) => {
  if (ctx.state.user.role !== 'auditor') ctx.throw(403);
  ctx.body = [];
});
app.use(router.routes());`,
          },
        ],
      },
    ],
  },
  {
    code: `import { Hono } from 'hono';
import { jwt } from 'hono/jwt';
const app = new Hono();
app.use('/api/*', jwt({ secret: process.env.JWT_SECRET, alg: 'HS256', verification: { iss: 'i', aud: 'a' } }));
app.get('/api/reports', (c) => {
  if (c.req.header('x-role') !== 'admin') return c.text('Forbidden', 403);
  return c.json([]);
});
export default app;`,
    filename: 'src/index.js',
    errors: [
      {
        messageId: 'untrustedHeader',
        line: 6,
        column: 7,
        suggestions: [
          {
            messageId: 'suggestVerifiedClaim',
            output: `import { Hono } from 'hono';
import { jwt } from 'hono/jwt';
const app = new Hono();
app.use('/api/*', jwt({ secret: process.env.JWT_SECRET, alg: 'HS256', verification: { iss: 'i', aud: 'a' } }));
app.get('/api/reports', (c) => {
  if (c.get('jwtPayload').role !== 'admin') return c.text('Forbidden', 403);
  return c.json([]);
});
export default app;`,
          },
        ],
      },
    ],
  },
  // A router exported to be mounted elsewhere may be verified there: the claim is named, not written in
  {
    code: `const router = require('express').Router();
router.get('/reports', (req, res) => {
  if (req.headers['x-role'] !== 'admin') return res.sendStatus(403);
  res.json([]);
});
module.exports = router;`,
    settings: { claimguard: { claimsPath: 'req.auth.payload' } },
    errors: [
      {
        messageId: 'untrustedHeader',
        line: 3,
        column: 7,
        data: { origin: "header 'x-role'", where: '', remedy: 'use the verified claim `req.auth.payload.role` instead' },
        suggestions: [],
      },
    ],
  },
  // Query flags: the test itself becomes a test of the verified role, only on a verified route
  {
    code: `${EXPRESS_JWT}app.get('/users', checkJwt, async (req, res) => {
  if (req.query.isAdmin === 'true') return res.json(await User.find());
  if (!req.query.admin) return res.sendStatus(403);
  res.json([]);
});`,
    errors: [
      {
        messageId: 'untrustedQuery',
        line: 6,
        column: 7,
        suggestions: [
          {
            messageId: 'suggestVerifiedClaimTest',
            data: { test: "req.auth.payload.role === 'admin'" },
            output: `${EXPRESS_JWT}app.get('/users', checkJwt, async (req, res) => {
  if (req.auth.payload.role === 'admin') return res.json(await User.find());
  if (!req.query.admin) return res.sendStatus(403);
  res.json([]);
});`,
          },
        ],
      },
      {
        messageId: 'untrustedQuery',
        line: 7,
        column: 8,
        suggestions: [
          {
            messageId: 'suggestVerifiedClaimTest',
            data: { test: "req.auth.payload.role !== 'admin'" },
            output: `${EXPRESS_JWT}app.get('/users', checkJwt, async (req, res) => {
  if (req.query.isAdmin === 'true') return res.json(await User.find());
  if (req.auth.payload.role !== 'admin') return res.sendStatus(403);
  res.json([]);
});`,
          },
        ],
      },
    ],
  },
  {
    code: `app.get('/users', async (req, res) => {
  if (req.query.isAdmin === 'true') return res.json(await User.find());
  res.json([]);
});`,
    errors: [{ messageId: 'untrustedQuery', line: 2, column: 7, suggestions: [] }],
  },
  // An owner compared with an identity header: who the caller is comes from a header any caller can set.
  {
    code: `app.delete('/docs/:id', async (req, res) => {
  const doc = await Doc.findById(req.params.id);
  if (doc.ownerId !== req.headers['x-user-id']) return res.sendStatus(404);
  res.sendStatus(204);
});`,
    errors: [{ messageId: 'untrustedHeader', line: 3, column: 23, suggestions: [] }],
  },
  // Traps beside the checks of what the caller knows: these decide on who the caller says it is.
  // A stored value that is not a secret (an owner) compared with a header.
  {
    code: `app.post('/projects/:id/archive', async (req, res) => {
  const project = await Project.findByPk(req.params.id);
  if (req.get('x-user-id') !== project.ownerId) return res.status(401).end();
  res.sendStatus(204);
});`,
    errors: [{ messageId: 'untrustedHeader', line: 3, column: 7, suggestions: [] }],
  },
  // Presence of a privilege header is the whole decision.
  {
    code: `app.delete('/cache', (req, res) => {
  if (!req.headers['x-admin']) return res.sendStatus(403);
  res.sendStatus(204);
});`,
    errors: [{ messageId: 'untrustedHeader', line: 2, column: 8, suggestions: [] }],
  },
  // Two caller values, one of them the identity a header claims.
  {
    code: `app.get('/users/:userId/orders', (req, res) => {
  if (req.headers['x-user-id'] !== req.params.userId) return res.sendStatus(403);
  res.json([]);
});`,
    errors: [
      { messageId: 'untrustedHeader', line: 2, column: 7, suggestions: [] },
      { messageId: 'untrustedPathParam', line: 2, column: 36, suggestions: [] },
    ],
  },
  // An allow-list of roles is about privilege, whatever else it allows.
  {
    code: `app.use((req, res, next) => {
  if (allowedRoles.includes(req.headers['x-role'])) return next();
  res.status(406).end();
});`,
    errors: [{ messageId: 'untrustedHeader', line: 2, column: 29, suggestions: [] }],
  },
  // A caller value compared with a word, not checked for its shape.
  {
    code: `app.get('/reports', (req, res) => {
  if (!req.query.plan.includes('pro')) return res.status(403).end();
  res.json([]);
});`,
    errors: [{ messageId: 'untrustedQuery', line: 2, column: 8, suggestions: [] }],
  },
  // Errors handed to next that refuse access, by their message or status.
  {
    code: `app.use((req, res, next) => {
  if (req.headers['x-plan'] !== 'pro') return next(new Error('Authentication error'));
  next();
});`,
    errors: [{ messageId: 'untrustedHeader', line: 2, column: 7, suggestions: [] }],
  },
  {
    code: `app.get('/profile', (req, res, next) => {
  if (req.cookies.plan !== 'pro') {
    next(new Error('Blocked illegal activity by ' + req.socket.remoteAddress));
    return;
  }
  res.json({});
});`,
    errors: [{ messageId: 'untrustedCookie', line: 2, column: 7, suggestions: [] }],
  },
  {
    code: `app.delete('/users/:id', (req, res, next) => {
  if (req.get('x-plan') !== 'pro') return next(createError(403));
  res.sendStatus(204);
});`,
    errors: [{ messageId: 'untrustedHeader', line: 2, column: 7, suggestions: [] }],
  },
  // A helper that tests its argument against an allow-list decides on whatever the caller passes it.
  {
    code: `const allowedRoles = ['admin', 'support'];
const roleAllowed = (role) => allowedRoles.includes(role);
app.get('/tickets', (req, res) => {
  if (!roleAllowed(req.headers['x-role'])) return res.sendStatus(403);
  res.json([]);
});`,
    errors: [{ messageId: 'untrustedHeader', line: 4, column: 8, suggestions: [] }],
  },
  {
    code: `function isInternal(origin) {
  return /^internal-/.test(origin);
}
app.get('/metrics', (req, res) => {
  if (!isInternal(req.get('x-origin-service'))) return res.sendStatus(403);
  res.json({});
});`,
    errors: [{ messageId: 'untrustedHeader', line: 5, column: 8, suggestions: [] }],
  },
  {
    code: `app.get('/admin', (req, res) => {
  const privileged = ['admin', 'owner'].includes(req.cookies.role);
  if (!privileged) return res.sendStatus(403);
  res.json({});
});`,
    errors: [{ messageId: 'untrustedCookie', line: 3, column: 8, suggestions: [] }],
  },
];

function lintMessages(code: string, settings: Record<string, unknown> = {}): Linter.LintMessage[] {
  return lintWithRule(RULE_NAME, code, settings);
}

describe(RULE_NAME, () => {
  if (!rule) {
    it('is registered in the plugin', () => {
      assert.ok(rule, `eslint-plugin-claimguard does not export the rule ${RULE_NAME}`);
    });
    return;
  }

  runUnderBothParsers(RULE_NAME, rule, { valid, invalid });

  describe('messages', () => {
    it('names the origin, the line it was read on, and the claim path the file already uses', () => {
      const [message] = lintMessages(`app.get('/admin', (req, res) => {
  audit(req.auth.payload.sub);
  const role = req.headers['x-role'];
  if (role !== 'admin') return res.sendStatus(403);
});`);
      assert.equal(
        message?.message,
        "Authorization decision uses header 'x-role' (line 3), which any caller can set; use the verified claim `req.auth.payload.role` instead.",
      );
    });

    it('leaves out the line when the value is read inside the decision', () => {
      const [message] = lintMessages(`app.get('/admin', (req, res) => {
  if (req.headers['x-role'] !== 'admin') return res.sendStatus(403);
  res.json({ by: req.auth.payload.sub });
});`);
      assert.ok(message, 'expected a report');
      assert.match(message.message, /header 'x-role', which any caller can set/);
      assert.doesNotMatch(message.message, /\(line \d+\)/);
    });

    it('names the claim to read when the file has no verified claims object', () => {
      const [message] = lintMessages(`app.get('/users/:userId/orders', async (req, res) => {
  res.json(await Order.find({ userId: req.params.userId }));
});`);
      assert.ok(message, 'expected a report');
      assert.match(message.message, /path param 'userId'/);
      assert.match(message.message, /no token is verified on the route, so first verify one, then take it from the verified claims \(e\.g\. the 'sub' claim\)/);
    });

    it('uses settings.claimguard.claimsPath in the remedy', () => {
      const [message] = lintMessages(
        `app.get('/admin', (req, res) => {
  if (req.query.scope !== 'admin:all') return res.sendStatus(403);
});`,
        { claimguard: { claimsPath: 'req.auth.payload' } },
      );
      assert.ok(message, 'expected a report');
      assert.match(message.message, /query 'scope'/);
      assert.match(message.message, /`req\.auth\.payload\.scope`/);
    });

    it('links every report to the rule documentation', () => {
      assert.match(rule.meta.docs?.url ?? '', /eslint-plugin\/docs\/rules\/no-untrusted-authorization\.md$/);
    });
  });

  describe('bad input', () => {
    for (const parser of ['espree', 'typescript-eslint'] as const) {
      it(`reports a file that does not parse as a parse error, not a rule crash (${parser})`, () => {
        // The parsers word their errors differently, so each is checked on its own.
        const messages = lintUnder(parser, `app.get('/admin', (req, res) => {
  if (req.headers['x-role'] !== 'admin' return res.sendStatus(403);
});`, { plugins: { claimguard: plugin as never }, rules: { [`claimguard/${RULE_NAME}`]: 'error' } });
        assert.equal(messages.length, 1);
        assert.equal(messages[0]?.fatal, true);
        assert.equal(messages[0]?.ruleId, null);
      });
    }

    it('rejects malformed settings with a message that names the setting', () => {
      assert.throws(
        () => lintMessages(`if (req.get('x-role') !== 'admin') res.sendStatus(403);`, { claimguard: { sources: { 'req.session.role': 'session' } } }),
        /settings\.claimguard\.sources/,
      );
    });
  });
});
