import type { InvalidTestCase, ValidTestCase } from '@typescript-eslint/rule-tester';
import type { TSESLint } from '@typescript-eslint/utils';
import plugin from 'eslint-plugin-claimguard';
import { runUnderBothParsers } from '../both-parsers';

type MessageIds = 'timingUnsafeComparison' | 'suggestTimingSafeEqual';

const rule = plugin.rules['no-timing-unsafe-compare'] as unknown as TSESLint.RuleModule<MessageIds, []>;

const IMPORT = `import { createHash, timingSafeEqual } from 'node:crypto';\n`;
/** What the suggestion adds to a CommonJS file. */
const REQUIRE = `const { createHash, timingSafeEqual } = require('node:crypto');\n`;

function at(code: string, snippet: string): { line: number; column: number } {
  const index = code.indexOf(snippet);
  if (index < 0) throw new Error(`snippet not in test code: ${snippet}`);
  const before = code.slice(0, index).split('\n');
  return { line: before.length, column: before[before.length - 1].length + 1 };
}

/** The constant-time comparison the suggestion writes: SHA-256 digests are always the same length. */
function safeEqual(left: string, right: string, negated: boolean, crypto?: string): string {
  const qualify = (name: string) => (crypto ? `${crypto}.${name}` : name);
  const digest = (value: string) => `${qualify('createHash')}('sha256').update(${value}).digest()`;
  return `${negated ? '!' : ''}${qualify('timingSafeEqual')}(${digest(left)}, ${digest(right)})`;
}

/** `body` inside an Express middleware: the comparison runs on every request, so a caller can time it. */
function inHandler(body: string, imports = ''): string {
  return `${imports}app.use((req, res, next) => {\n  ${body}\n});`;
}

/**
 * A case whose comparison is `left operator right`; `prefix` is how the suggestion's output starts
 * (the import it adds, or nothing when the file already reaches crypto) and `crypto` the binding it uses.
 */
function comparison(
  code: string,
  left: string,
  operator: '===' | '!==' | '==' | '!=',
  right: string,
  options: { prefix?: string; crypto?: string; filename?: string } = {},
): InvalidTestCase<MessageIds, []> {
  const text = `${left} ${operator} ${right}`;
  const prefix = options.prefix ?? (options.filename?.endsWith('.cjs') ? REQUIRE : IMPORT);
  const output = code.replace(text, safeEqual(left, right, operator.startsWith('!'), options.crypto));
  return {
    code,
    ...(options.filename ? { filename: options.filename } : {}),
    errors: [
      {
        messageId: 'timingUnsafeComparison',
        ...at(code, text),
        suggestions: [{ messageId: 'suggestTimingSafeEqual', output: prefix + output }],
      },
    ],
  };
}

const valid: ValidTestCase<[]>[] = [
  // CSRF double-submit: the cookie and the header both come from the caller, who learns nothing by timing them.
  { code: inHandler(`if (!req.cookies.csrf || req.get('x-csrf-token') !== req.cookies.csrf) return res.status(403).end();\n  next();`) },
  { code: inHandler(`if (req.headers['x-csrf-token'] !== req.cookies['csrf-token']) return res.sendStatus(403);\n  next();`) },
  // Presence and type checks leak nothing
  { code: `if (typeof token === 'string') use(token);` },
  { code: `if (token === undefined || token === null || token === '') throw new Error('missing token');` },
  { code: `if (apiKey.length === 0) throw new Error('empty key');` },
  { code: `if (hmac === undefined) init();` },
  { code: `const isTokenValid = check(); if (isTokenValid === true) next();` },
  { code: `if (passwordResetRequired === false) next();` },
  { code: `if (token === 'null') token = undefined;` },
  // Constant-time and hashing APIs are the remedy
  { code: `import { timingSafeEqual } from 'node:crypto';\nif (!timingSafeEqual(Buffer.from(signature), Buffer.from(expected))) throw new Error('bad signature');` },
  { code: `import bcrypt from 'bcrypt';\nif (!(await bcrypt.compare(password, user.passwordHash))) throw new Error('denied');` },
  { code: `import argon2 from 'argon2';\nconst ok = await argon2.verify(user.passwordHash, password);` },
  // Metadata about secrets is not a secret
  { code: `if (tokenType === 'refresh') rotate();` },
  { code: `if (token.type === 'Punctuator') skip();` },
  { code: `if (token.kind === SyntaxKind.Identifier) visit(token);` },
  { code: `if (secretName === process.env.SECRET_NAME) load();` },
  { code: `if (passwordLength === 8) warn();` },
  { code: `if (tokenExpiresAt === now) refresh();` },
  { code: `if (signatureAlgorithm === 'RS256') pick();` },
  { code: `if (secretKeyId === keyId) rotate();` },
  { code: `if (secretsManagerEndpoint === url) connect();` },
  { code: `if (scheme === 'Bearer') parse(token);` },
  // Keyboard keys, cursors, cancellation tokens and form confirmations
  { code: `window.addEventListener('keydown', (event) => { if (event.key === 'Enter') submit(); });` },
  { code: `if (nextPageToken === undefined) done();` },
  { code: `if (pageToken === cursor) stop();` },
  { code: `if (cancellationToken === CancellationToken.None) start();` },
  { code: `if (req.body.password !== req.body.passwordConfirmation) return res.status(400).send('passwords differ');`,
    filename: 'file.cjs' },
  { code: `if (password === confirmPassword) save();` },
  { code: `if (newPassword === currentPassword) return res.status(400).send('choose a new password');`,
    filename: 'file.cjs' },
  // Lexer tokens compared with punctuation
  { code: `if (token !== '(') throw new SyntaxError('expected (');` },
  // Ordinary values
  { code: `if (req.query.page === '1') first();` },
  { code: `if (user.role === 'admin') allow();` },
  { code: `if (keys.length === 0) empty();` },
  // Offline scripts: digests of server-side data compared with each other are no timing oracle
  {
    code: `import { createHash } from 'node:crypto';
export async function verifyRelease(bytes, release) {
  const digest = createHash('sha256').update(bytes).digest('hex');
  if (digest !== release.sha256) throw new Error(\`checksum mismatch for \${release.name}\`);
}`,
  },
  { code: `function assertSameRelations(a, b) {\n  if (relationSignature(a) !== relationSignature(b)) throw new Error('relations differ');\n}` },
  // A service deciding whether to re-hash a changed password: no caller probes this comparison
  {
    code: `class UsersService {
  async update(id: string, dto: UpdateUserDto) {
    const user = await this.users.findOne(id);
    let password = user?.password;
    if (dto.password && user?.password !== dto.password) password = await bcrypt.hash(dto.password, 10);
    return this.users.save({ ...user, ...dto, password });
  }
}`,
    filename: 'file.ts',
  },
];

const invalid: InvalidTestCase<MessageIds, []>[] = [
  // Express
  comparison(
    `app.use((req, res, next) => {\n  if (req.headers['x-api-key'] !== process.env.API_KEY) return res.sendStatus(401);\n  next();\n});`,
    `req.headers['x-api-key']`,
    '!==',
    'process.env.API_KEY',
  ),
  comparison(
    `import crypto from 'node:crypto';\napp.post('/login', (req, res) => {\n  if (req.body.password !== user.password) return res.sendStatus(401);\n});`,
    'req.body.password',
    '!==',
    'user.password',
    { prefix: '', crypto: 'crypto' },
  ),
  comparison(
    inHandler(`if (apiKey == process.env.API_KEY) next();`, `const crypto = require('crypto');\n`),
    'apiKey',
    '==',
    'process.env.API_KEY',
    { prefix: '', crypto: 'crypto' },
  ),
  comparison(inHandler(`if (secret != provided) deny();`, `import { timingSafeEqual, createHash } from 'crypto';\n`), 'secret', '!=', 'provided', { prefix: '' }),
  {
    code: inHandler(`if (signature === expectedSignature) accept();`, `import { createHmac } from 'node:crypto';\n`),
    errors: [
      {
        messageId: 'timingUnsafeComparison',
        line: 3,
        column: 7,
        suggestions: [
          {
            messageId: 'suggestTimingSafeEqual',
            output: inHandler(`if (${safeEqual('signature', 'expectedSignature', false)}) accept();`, `import { createHmac } from 'node:crypto';\n${IMPORT}`),
          },
        ],
      },
    ],
  },
  comparison(inHandler(`if (token === storedToken) next();`), 'token', '===', 'storedToken'),
  comparison(inHandler(`if (refreshToken !== user.refreshToken) throw new Error('revoked');`), 'refreshToken', '!==', 'user.refreshToken'),
  // A top-level `return` makes this snippet a CommonJS file.
  comparison(`if (session.csrfToken !== req.body._csrf) return res.sendStatus(403);`, 'session.csrfToken', '!==', 'req.body._csrf', { filename: 'file.cjs' }),
  comparison(inHandler(`if (otp !== expectedOtp) fail();`), 'otp', '!==', 'expectedOtp'),
  comparison(inHandler(`if (clientSecret !== client.secret) return deny();`), 'clientSecret', '!==', 'client.secret'),
  comparison(`if (process.env.WEBHOOK_SECRET === req.query.secret) handle();`, 'process.env.WEBHOOK_SECRET', '===', 'req.query.secret'),
  comparison(inHandler(`next(key === MASTER_KEY ? undefined : new Error('denied'));`), 'key', '===', 'MASTER_KEY'),
  comparison(inHandler(`if (resetToken === user.resetPasswordToken) allowReset();`), 'resetToken', '===', 'user.resetPasswordToken'),
  comparison(inHandler(`if (authToken !== expected) deny();`), 'authToken', '!==', 'expected'),
  comparison(inHandler(`if (passphrase === input) unlock();`), 'passphrase', '===', 'input'),
  comparison(inHandler(`if (sig !== expected) reject();`), 'sig', '!==', 'expected'),
  comparison(inHandler(`if (signingKey !== storedKey) rotate();`), 'signingKey', '!==', 'storedKey'),
  comparison(inHandler(`if (accessToken === session.accessToken) reuse();`), 'accessToken', '===', 'session.accessToken'),
  comparison(inHandler(`if (hash(password) === user.passwordHash) login();`), 'hash(password)', '===', 'user.passwordHash'),
  comparison(inHandler(`if (password === 'hunter2-admin') grant();`), 'password', '===', `'hunter2-admin'`),
  // Webhook signatures (GitHub, Stripe, Slack)
  comparison(
    `import crypto from 'node:crypto';\nconst digest = crypto.createHmac('sha256', secret).update(body).digest('hex');\nif (digest !== req.headers['x-hub-signature-256']) return res.sendStatus(401);`,
    'digest',
    '!==',
    `req.headers['x-hub-signature-256']`,
    // An import beside a top-level `return` is valid JavaScript in neither module kind; only the TypeScript parser takes it.
    { prefix: '', crypto: 'crypto', filename: 'file.ts' },
  ),
  comparison(
    inHandler(`if (crypto.createHmac('sha256', secret).update(body).digest('hex') === sig) ok();`, `import crypto from 'node:crypto';\n`),
    `crypto.createHmac('sha256', secret).update(body).digest('hex')`,
    '===',
    'sig',
    { prefix: '', crypto: 'crypto' },
  ),
  // Koa
  comparison(`app.use(async (ctx, next) => {\n  if (ctx.get('x-signature') === expected) await next();\n});`, `ctx.get('x-signature')`, '===', 'expected'),
  // Hono
  comparison(`app.use(async (c, next) => {\n  if (c.req.header('x-api-key') === c.env.API_KEY) await next();\n});`, `c.req.header('x-api-key')`, '===', 'c.env.API_KEY'),
  // Next.js
  comparison(
    `export async function POST(request) {\n  if (request.headers.get('stripe-signature') !== computed) return new Response(null, { status: 400 });\n}`,
    `request.headers.get('stripe-signature')`,
    '!==',
    'computed',
  ),
  // NestJS
  comparison(
    `class AuthService {\n  validate(dto: LoginDto, user: User) {\n    if (dto.password !== user.password) throw new UnauthorizedException();\n  }\n}`,
    'dto.password',
    '!==',
    'user.password',
    { filename: 'file.ts' },
  ),
  comparison(`class KeyGuard {\n  canActivate(provided: string) {\n    return provided === this.apiKey;\n  }\n}`, 'provided', '===', 'this.apiKey', { filename: 'file.ts' }),
  // The same classes in plain JavaScript
  comparison(
    `class AuthService {\n  validate(dto, user) {\n    if (dto.password !== user.password) throw new UnauthorizedException();\n  }\n}`,
    'dto.password',
    '!==',
    'user.password',
  ),
  comparison(`class KeyGuard {\n  #apiKey = process.env.API_KEY;\n  canActivate(provided) {\n    return provided === this.#apiKey;\n  }\n}`, 'provided', '===', 'this.#apiKey'),
  // A helper outside any handler, fed a request header by its caller
  comparison(
    `function isValidToken(token) {\n  return token === storedToken;\n}\napp.use((req, res, next) => (isValidToken(req.headers['x-token']) ? next() : res.sendStatus(401)));`,
    'token',
    '===',
    'storedToken',
  ),
  // A NestJS controller method: its parameters come from the request
  comparison(
    `@Controller('admin')
class AdminController {
  @Post('unlock')
  unlock(@Body() body: UnlockDto) {
    if (body.passphrase !== this.passphrase) return { ok: false };
    return { ok: true };
  }
}`,
    'body.passphrase',
    '!==',
    'this.passphrase',
    { filename: 'file.ts' },
  ),
  // TypeScript
  {
    code: inHandler(`if ((token as string) === stored) next();`),
    filename: 'file.ts',
    errors: [
      {
        messageId: 'timingUnsafeComparison',
        line: 2,
        column: 7,
        suggestions: [{ messageId: 'suggestTimingSafeEqual', output: `${IMPORT}${inHandler(`if (${safeEqual('token as string', 'stored', false)}) next();`)}` }],
      },
    ],
  },
  comparison(inHandler(`if (webhookSecret! !== header) reject();`), 'webhookSecret!', '!==', 'header', { filename: 'file.ts' }),
  // localeCompare is no better than ===; no automatic suggestion, since its result is a number
  {
    code: inHandler(`if (secret.localeCompare(provided) === 0) allow();`),
    errors: [{ messageId: 'timingUnsafeComparison', line: 2, column: 7 }],
  },
];

runUnderBothParsers('no-timing-unsafe-compare', rule, { valid, invalid });
