import type { InvalidTestCase, ValidTestCase } from '@typescript-eslint/rule-tester';
import type { TSESLint } from '@typescript-eslint/utils';
import plugin from 'eslint-plugin-claimguard';
import { runUnderBothParsers } from '../both-parsers';

type MessageIds = 'hardcodedSecret' | 'weakSecret' | 'fallbackSecret';
type Options = [{ minimumLength?: number; checkFallbacks?: boolean }?];

const rule = plugin.rules['no-hardcoded-jwt-secret'] as unknown as TSESLint.RuleModule<MessageIds, Options>;

/** Line and column of the last occurrence of `snippet` in `code` (where the secret is used). */
function at(code: string, snippet: string): { line: number; column: number } {
  const index = code.lastIndexOf(snippet);
  if (index < 0) throw new Error(`snippet not in test code: ${snippet}`);
  const before = code.slice(0, index).split('\n');
  return { line: before.length, column: before[before.length - 1].length + 1 };
}

/** One expected error on the last occurrence of `snippet`. */
function invalidCase(code: string, messageId: MessageIds, snippet: string, options?: Options): InvalidTestCase<MessageIds, Options> {
  return { code, ...(options ? { options } : {}), errors: [{ messageId, ...at(code, snippet) }] };
}

const LONG_SECRET = 'a8f5f167f44f4964e6c998dee827110ca8f5f167f44f4964e6c998dee827110c';

const valid: ValidTestCase<Options>[] = [
  // jsonwebtoken
  { code: `import jwt from 'jsonwebtoken';\njwt.sign({ sub: user.id }, process.env.JWT_SECRET, { expiresIn: '15m' });` },
  { code: `import jwt from 'jsonwebtoken';\njwt.verify(token, process.env.JWT_SECRET, { algorithms: ['HS256'] });` },
  { code: `import jwt from 'jsonwebtoken';\nconst SECRET = process.env.JWT_SECRET;\njwt.sign(payload, SECRET);` },
  { code: `import jwt from 'jsonwebtoken';\nimport fs from 'node:fs';\njwt.sign(payload, fs.readFileSync('keys/private.pem'), { algorithm: 'RS256' });` },
  { code: `const jwt = require('jsonwebtoken');\nconst privateKey = fs.readFileSync(path.join(__dirname, 'key.pem'));\njwt.sign(payload, privateKey, { algorithm: 'RS256' });` },
  { code: `import jwt from 'jsonwebtoken';\njwt.verify(token, getKey, { algorithms: ['RS256'] }, callback);` },
  {
    code: `import jwt from 'jsonwebtoken';
const PUBLIC_KEY = '-----BEGIN PUBLIC KEY-----\\nMFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE\\n-----END PUBLIC KEY-----';
jwt.verify(token, PUBLIC_KEY, { algorithms: ['ES256'] });`,
  },
  { code: `import jwt from 'jsonwebtoken';\njwt.sign(payload, config.get('jwt.secret'));` },
  { code: `import jwt from 'jsonwebtoken';\njwt.sign(payload, await secrets.getSecretValue({ SecretId: 'jwt' }));` },
  { code: `import jwt from 'jsonwebtoken';\njwt.sign(payload, process.env.JWT_SECRET ?? missing('JWT_SECRET'));` },
  // An empty fallback signs nothing anyone can guess: verification simply fails.
  { code: `import jwt from 'jsonwebtoken';\njwt.sign(payload, process.env.JWT_SECRET || '');` },
  // Either branch from the environment, or a branch that fails: no literal key.
  { code: `import jwt from 'jsonwebtoken';\njwt.sign(payload, process.env.NODE_ENV === 'production' ? process.env.JWT_SECRET : process.env.DEV_JWT_SECRET);` },
  { code: `import jwt from 'jsonwebtoken';\njwt.sign(payload, process.env.JWT_SECRET ? process.env.JWT_SECRET : '');` },
  { code: `const jwt = require('./jwt');\njwt.sign(payload, 'not the jsonwebtoken package');` },
  { code: `import jwt from 'jsonwebtoken';\nconst claims = jwt.decode(token);` },
  // jose
  {
    code: `import { SignJWT, importPKCS8 } from 'jose';
const privateKey = await importPKCS8(process.env.SIGNING_KEY, 'RS256');
const token = await new SignJWT(claims).setProtectedHeader({ alg: 'RS256' }).sign(privateKey);`,
  },
  { code: `import { jwtVerify, createRemoteJWKSet } from 'jose';\nawait jwtVerify(token, createRemoteJWKSet(new URL(process.env.JWKS_URL)));` },
  { code: `import { jwtVerify } from 'jose';\nawait jwtVerify(token, new TextEncoder().encode(process.env.JWT_SECRET));` },
  // fast-jwt
  { code: `import { createSigner } from 'fast-jwt';\nconst sign = createSigner({ key: process.env.JWT_SECRET });` },
  { code: `import { createSigner } from 'fast-jwt';\nconst sign = createSigner({ key: async () => fetchSigningKey() });` },
  // express-jwt
  {
    code: `import { expressjwt } from 'express-jwt';
import jwksRsa from 'jwks-rsa';
app.use(expressjwt({ secret: jwksRsa.expressJwtSecret({ jwksUri }), algorithms: ['RS256'] }));`,
  },
  { code: `import { expressjwt } from 'express-jwt';\napp.use(expressjwt({ secret: process.env.JWT_SECRET, algorithms: ['HS256'] }));` },
  // koa-jwt
  { code: `import koaJwt from 'koa-jwt';\napp.use(koaJwt({ secret: jwksRsa.koaJwtSecret({ jwksUri }) }));` },
  // passport-jwt
  { code: `import { Strategy } from 'passport-jwt';\npassport.use(new Strategy({ secretOrKey: process.env.JWT_SECRET, jwtFromRequest }, verifyUser));` },
  { code: `import { Strategy } from 'passport-jwt';\npassport.use(new Strategy({ secretOrKeyProvider: passportJwtSecret({ jwksUri }), jwtFromRequest }, verifyUser));` },
  // @fastify/jwt
  {
    code: `import fastifyJwt from '@fastify/jwt';
fastify.register(fastifyJwt, { secret: { private: readFileSync('private.pem'), public: readFileSync('public.pem') } });`,
  },
  // hono
  { code: `import { jwt } from 'hono/jwt';\napp.use('/api/*', (c, next) => jwt({ secret: c.env.JWT_SECRET })(c, next));` },
  { code: `import { sign } from 'hono/jwt';\nconst token = await sign(payload, env.JWT_SECRET);` },
  // @nestjs/jwt
  { code: `import { JwtModule } from '@nestjs/jwt';\nJwtModule.register({ secret: process.env.JWT_SECRET });` },
  { code: `import { JwtModule } from '@nestjs/jwt';\nJwtModule.registerAsync({ useFactory: (config) => ({ secret: config.get('JWT_SECRET') }) });` },
  {
    code: `import { JwtService } from '@nestjs/jwt';
class Tokens {
  constructor(private jwtService: JwtService, private config: ConfigService) {}
  issue(payload: object) { return this.jwtService.sign(payload, { secret: this.config.get('JWT_SECRET') }); }
}`,
    filename: 'file.ts',
  },
  // jwt-simple
  { code: `const jwt = require('jwt-simple');\nconst token = jwt.encode(payload, process.env.JWT_SECRET);` },
  // express-oauth2-jwt-bearer
  { code: `import { auth } from 'express-oauth2-jwt-bearer';\napp.use(auth({ secret: process.env.JWT_SECRET, tokenSigningAlg: 'HS256', issuer: 'i', audience: 'a' }));` },
  // Options
  { code: `import jwt from 'jsonwebtoken';\njwt.sign(payload, process.env.JWT_SECRET || 'dev-only-secret');`, options: [{ checkFallbacks: false }] },
];

const invalid: InvalidTestCase<MessageIds, Options>[] = [
  // jsonwebtoken
  invalidCase(`import jwt from 'jsonwebtoken';\njwt.sign({ sub: user.id }, 'secret');`, 'weakSecret', `'secret'`),
  invalidCase(`const jwt = require('jsonwebtoken');\njwt.verify(token, 'keyboard cat', { algorithms: ['HS256'] });`, 'weakSecret', `'keyboard cat'`),
  invalidCase(`import jwt from 'jsonwebtoken';\nconst JWT_SECRET = '${LONG_SECRET}';\njwt.sign(payload, JWT_SECRET);`, 'hardcodedSecret', 'JWT_SECRET)'),
  invalidCase(`import jwt from 'jsonwebtoken';\njwt.sign(payload, process.env.JWT_SECRET || 'dev-secret');`, 'fallbackSecret', 'process.env'),
  invalidCase(`import jwt from 'jsonwebtoken';\njwt.verify(token, process.env.JWT_SECRET ?? '${LONG_SECRET}');`, 'fallbackSecret', 'process.env'),
  invalidCase(`import jwt from 'jsonwebtoken';\nconst SECRET = process.env.JWT_SECRET || 'changeme';\njwt.sign(payload, SECRET);`, 'fallbackSecret', 'SECRET)'),
  // A literal for the environments a condition picks (development, tests) is still in every build.
  invalidCase(`import jwt from 'jsonwebtoken';\njwt.sign(payload, process.env.NODE_ENV === 'production' ? process.env.JWT_SECRET : 'dev-secret');`, 'fallbackSecret', 'process.env.NODE_ENV'),
  invalidCase(`import jwt from 'jsonwebtoken';\nconst SECRET = isTest ? 'test-secret' : process.env.JWT_SECRET;\njwt.verify(token, SECRET, { algorithms: ['HS256'] });`, 'fallbackSecret', 'SECRET,'),
  invalidCase(`import jwt from 'jsonwebtoken';\nconst config = { auth: { secret: 'short-one' } };\njwt.sign(payload, config.auth.secret);`, 'weakSecret', 'config.auth.secret'),
  invalidCase(`import jwt from 'jsonwebtoken';\njwt.sign(payload, Buffer.from('${LONG_SECRET}', 'hex'));`, 'hardcodedSecret', 'Buffer.from'),
  invalidCase(`import jwt from 'jsonwebtoken';\njwt.sign(payload, \`${LONG_SECRET}\`);`, 'hardcodedSecret', '`a8f5'),
  invalidCase(
    `import jwt from 'jsonwebtoken';\nconst KEY = '-----BEGIN PRIVATE KEY-----\\nMIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQg\\n-----END PRIVATE KEY-----';\njwt.sign(payload, KEY, { algorithm: 'ES256' });`,
    'hardcodedSecret',
    'KEY,',
  ),
  invalidCase(`import { sign } from 'jsonwebtoken';\nsign(payload, 'a-long-random-looking-value-0123456789');`, 'hardcodedSecret', `'a-long`),
  invalidCase(`import jwt from 'jsonwebtoken';\njwt.sign(payload, 'abcdefghijklmnop');`, 'hardcodedSecret', `'abcdefghijklmnop'`, [{ minimumLength: 12 }]),
  invalidCase(`import jwt from 'jsonwebtoken';\njwt.sign(payload, 'abcdefghijklmnop');`, 'weakSecret', `'abcdefghijklmnop'`),
  // jose
  invalidCase(
    `import { SignJWT } from 'jose';\nconst token = await new SignJWT(claims).setProtectedHeader({ alg: 'HS256' }).sign(new TextEncoder().encode('secret'));`,
    'weakSecret',
    'new TextEncoder()',
  ),
  invalidCase(
    `import { jwtVerify } from 'jose';\nconst key = new TextEncoder().encode('my-jwt-secret');\nawait jwtVerify(token, key, { algorithms: ['HS256'] });`,
    'weakSecret',
    'key,',
  ),
  invalidCase(
    `import * as jose from 'jose';\nimport { createSecretKey } from 'node:crypto';\nawait jose.jwtVerify(token, createSecretKey(Buffer.from('${LONG_SECRET}')));`,
    'hardcodedSecret',
    'createSecretKey(Buffer',
  ),
  // fast-jwt
  invalidCase(`import { createSigner } from 'fast-jwt';\nconst sign = createSigner({ key: 'secret' });`, 'weakSecret', `'secret'`),
  invalidCase(`import { createVerifier } from 'fast-jwt';\nconst verify = createVerifier({ key: '${LONG_SECRET}', algorithms: ['HS256'] });`, 'hardcodedSecret', `'${LONG_SECRET}'`),
  // express-jwt
  invalidCase(`import { expressjwt } from 'express-jwt';\napp.use(expressjwt({ secret: 'shhhhhhared-secret', algorithms: ['HS256'] }));`, 'weakSecret', `'shhhhhhared-secret'`),
  invalidCase(
    `import { expressjwt } from 'express-jwt';\nconst SECRET = '${LONG_SECRET}';\nconst options = { secret: SECRET, algorithms: ['HS256'] };\napp.use(expressjwt(options));`,
    'hardcodedSecret',
    'SECRET,',
  ),
  // koa-jwt
  invalidCase(`import koaJwt from 'koa-jwt';\napp.use(koaJwt({ secret: 'shared-secret' }));`, 'weakSecret', `'shared-secret'`),
  // passport-jwt
  invalidCase(`import { Strategy } from 'passport-jwt';\npassport.use(new Strategy({ secretOrKey: 'secret', jwtFromRequest }, verifyUser));`, 'weakSecret', `'secret'`),
  invalidCase(
    `import { PassportStrategy } from '@nestjs/passport';
import { Strategy } from 'passport-jwt';
export class JwtStrategy extends PassportStrategy(Strategy) {
  constructor() { super({ jwtFromRequest, secretOrKey: '${LONG_SECRET}' }); }
}`,
    'hardcodedSecret',
    `'${LONG_SECRET}'`,
  ),
  // @fastify/jwt
  invalidCase(`import fastifyJwt from '@fastify/jwt';\nfastify.register(fastifyJwt, { secret: 'supersecret' });`, 'weakSecret', `'supersecret'`),
  // hono
  invalidCase(`import { jwt } from 'hono/jwt';\napp.use('/auth/*', jwt({ secret: 'it-is-very-secret' }));`, 'weakSecret', `'it-is-very-secret'`),
  invalidCase(`import { sign } from 'hono/jwt';\nconst token = await sign(payload, 'hono-secret');`, 'weakSecret', `'hono-secret'`),
  // @nestjs/jwt
  invalidCase(`import { JwtModule } from '@nestjs/jwt';\nJwtModule.register({ secret: 'secretKey', signOptions: { expiresIn: '60s' } });`, 'weakSecret', `'secretKey'`),
  {
    ...invalidCase(
      `import { JwtService } from '@nestjs/jwt';
class Tokens {
  constructor(private jwtService: JwtService) {}
  issue(payload: object) { return this.jwtService.sign(payload, { secret: 'abc' }); }
}`,
      'weakSecret',
      `'abc'`,
    ),
    filename: 'file.ts',
  },
  // The same service in plain JavaScript, with a class field and a private method.
  invalidCase(
    `import { JwtService } from '@nestjs/jwt';
class Tokens {
  ttl = '15m';
  constructor(jwtService) { this.jwtService = jwtService; }
  issue(payload) { return this.#sign(payload); }
  #sign(payload) { return this.jwtService.sign(payload, { secret: 'abc', expiresIn: this.ttl }); }
}`,
    'weakSecret',
    `'abc'`,
  ),
  invalidCase(
    `import { JwtModule } from '@nestjs/jwt';
export const jwtConstants = { secret: 'DO NOT USE THIS VALUE. CREATE A COMPLEX SECRET AND KEEP IT OUT OF THE SOURCE.' };
JwtModule.register({ global: true, secret: jwtConstants.secret });`,
    'hardcodedSecret',
    'jwtConstants.secret',
  ),
  // jwt-simple
  invalidCase(`const jwt = require('jwt-simple');\nconst token = jwt.encode(payload, 'xxx');`, 'weakSecret', `'xxx'`),
  invalidCase(`const jwt = require('jwt-simple');\nconst claims = jwt.decode(token, 'xxx');`, 'weakSecret', `'xxx'`),
  // express-oauth2-jwt-bearer
  invalidCase(
    `import { auth } from 'express-oauth2-jwt-bearer';\napp.use(auth({ secret: '${LONG_SECRET}', tokenSigningAlg: 'HS256', issuer: 'i', audience: 'a' }));`,
    'hardcodedSecret',
    `'${LONG_SECRET}'`,
  ),
];

runUnderBothParsers('no-hardcoded-jwt-secret', rule, { valid, invalid });
