import type { InvalidTestCase, ValidTestCase } from '@typescript-eslint/rule-tester';
import type { TSESLint } from '@typescript-eslint/utils';
import plugin from 'eslint-plugin-claimguard';
import * as assert from 'node:assert/strict';
import { runUnderBothParsers } from '../both-parsers';
import { lintWithRule } from '../lint-one-rule';

type MessageIds =
  | 'missingAlgorithms'
  | 'noneAlgorithm'
  | 'mixedAlgorithms'
  | 'missingIssuer'
  | 'missingAudience'
  | 'missingChecks'
  | 'disabledCheck'
  | 'optionalCredentials'
  | 'excessiveClockTolerance'
  | 'unresolvedOptions'
  | 'placeholderOption'
  | 'suggestAddOption'
  | 'suggestAddPlaceholders';
type Options = [
  {
    requireAlgorithms?: boolean;
    requireIssuer?: boolean;
    requireAudience?: boolean;
    requireExpiry?: boolean;
    requireCredentials?: boolean;
    maxClockToleranceSeconds?: number;
    reportUnresolved?: boolean;
  }?,
];

const rule = plugin.rules['require-jwt-validation'] as unknown as TSESLint.RuleModule<MessageIds, Options>;

const ALG = "algorithms: ['TODO: allowed algorithm, e.g. RS256']";
const ISS = "issuer: 'TODO: expected issuer'";
const AUD = "audience: 'TODO: expected audience'";
const ALL = `${ALG}, ${ISS}, ${AUD}`;
/** A file that signs with an issuer and audience, and verifies without them. */
const SIGNS_AND_VERIFIES = `import jwt from 'jsonwebtoken';
export const issue = (user) => jwt.sign({ sub: user.id }, process.env.JWT_SECRET, { issuer: 'https://auth.example.com', audience: 'orders-api', expiresIn: '15m' });
export const check = (token) => jwt.verify(token, process.env.JWT_SECRET);`;

/** What a suggestion writes for the algorithms of an HMAC secret. */
const HMAC = "algorithms: ['HS256']";

/** A Nest module without verification defaults, and a call that pins only the algorithm. */
const NEST_CALL = `import { JwtModule, JwtService } from '@nestjs/jwt';
JwtModule.register({ secret: process.env.JWT_SECRET });
class AuthGuard {
  constructor(private readonly jwtService: JwtService) {}
  check(token: string) { return this.jwtService.verifyAsync(token, { secret: process.env.JWT_SECRET, algorithms: ['HS256'] }); }
}`;
const NEST_CALL_JS = `import { JwtModule, JwtService } from '@nestjs/jwt';
JwtModule.register({ secret: process.env.JWT_SECRET });
class AuthGuard {
  constructor(jwtService) { this.jwtService = jwtService; }
  check(token) { return this.jwtService.verifyAsync(token, { secret: process.env.JWT_SECRET, algorithms: ['HS256'] }); }
}`;

/** Code nested about as deep as the parser accepts: the analysis walks it without recursion. */
function deeplyNested(levels: number): string {
  return `import jwt from 'jsonwebtoken';\n${'if (a) { '.repeat(levels)}jwt.verify(t, k, { algorithms: ['RS256'], issuer: 'i', audience: 'a' });${' }'.repeat(levels)}`;
}

const valid: ValidTestCase<Options>[] = [
  // jsonwebtoken
  { code: `import jwt from 'jsonwebtoken';\njwt.verify(token, key, { algorithms: ['RS256'], issuer: 'https://issuer.example', audience: 'orders-api' });` },
  {
    code: `import jwt from 'jsonwebtoken';
const VERIFY_OPTIONS = { algorithms: ['RS256'], issuer: ISSUER, audience: AUDIENCE };
jwt.verify(token, getKey, VERIFY_OPTIONS, (err, claims) => done(err, claims));`,
  },
  {
    code: `import jwt from 'jsonwebtoken';
const base = { algorithms: ['ES256'] };
jwt.verify(token, key, { ...base, issuer: 'https://issuer.example', audience: 'api' });`,
  },
  {
    code: `const jwt = require('jsonwebtoken');
const config = { jwt: { algorithms: ['RS256'], issuer: 'https://issuer.example', audience: ['api', 'admin-api'] } };
jwt.verify(token, publicKey, config.jwt);`,
  },
  { code: `import { verify } from 'jsonwebtoken';\nverify(token, key, { algorithms: ['PS256'], issuer: 'i', audience: 'a', ignoreExpiration: false });` },
  {
    code: `const jwt = require('jsonwebtoken');
jwt.verify(token, key, { algorithms: ['HS256'], issuer: process.env.ISSUER, audience: process.env.AUDIENCE, clockTolerance: 30 });`,
  },
  { code: `import * as jwt from 'jsonwebtoken';\njwt['verify'](token, key, { algorithms: ['RS256'], issuer: 'i', audience: 'a' });` },
  // An unknown spread may carry every option: unknown is not missing unless the team asks for strictness.
  { code: `import jwt from 'jsonwebtoken';\njwt.verify(token, key, { ...options });` },
  { code: `import jwt from 'jsonwebtoken';\njwt.verify(token, key, loadVerifyOptions());` },
  { code: `import jwt from 'jsonwebtoken';\njwt.verify(...args);` },
  { code: `import jwt from 'jsonwebtoken';\njwt.sign({ sub: user.id }, key, { algorithm: 'RS256', expiresIn: '1h' });` },
  { code: `import jwt from 'jsonwebtoken';\nconst claims = jwt.decode(token);` },
  // Same names from other libraries are not JWT verification.
  { code: `const jwt = require('./my-jwt-helpers');\njwt.verify(token, key);` },
  { code: `import { verify } from 'argon2';\nawait verify(hash, password);` },
  // jose
  {
    code: `import { jwtVerify, createRemoteJWKSet } from 'jose';
const JWKS = createRemoteJWKSet(new URL('https://issuer.example/.well-known/jwks.json'));
const issuer = 'https://issuer.example';
const audience = 'orders-api';
const { payload } = await jwtVerify(token, JWKS, { algorithms: ['RS256'], issuer, audience });`,
  },
  { code: `import * as jose from 'jose';\nawait jose.jwtVerify(token, secret, { algorithms: ['HS256'], issuer: 'i', audience: 'a', clockTolerance: '30s' });` },
  { code: `import { decodeJwt } from 'jose';\nconst claims = decodeJwt(token);` },
  // fast-jwt
  { code: `import { createVerifier } from 'fast-jwt';\nconst verify = createVerifier({ key: getKey, algorithms: ['RS256'], allowedIss: 'i', allowedAud: 'a' });` },
  // express-jwt
  {
    code: `import { expressjwt } from 'express-jwt';
import jwksRsa from 'jwks-rsa';
app.use(expressjwt({
  secret: jwksRsa.expressJwtSecret({ jwksUri: 'https://issuer.example/.well-known/jwks.json' }),
  algorithms: ['RS256'],
  issuer: 'https://issuer.example/',
  audience: 'orders-api',
}));`,
  },
  { code: `const jwt = require('express-jwt');\napp.use(jwt({ secret: publicKey, algorithms: ['RS256'], issuer: 'i', audience: 'a' }));` },
  // express-oauth2-jwt-bearer: issuer and audience are mandatory in the library itself.
  { code: `import { auth } from 'express-oauth2-jwt-bearer';\napp.use(auth({ issuerBaseURL: 'https://issuer.example', audience: 'orders-api' }));` },
  { code: `import { auth } from 'express-oauth2-jwt-bearer';\napp.use(auth());` },
  { code: `import { auth } from 'express-oauth2-jwt-bearer';\napp.use(auth({ issuer: 'i', audience: 'a', jwksUri: uri, tokenSigningAlg: 'RS256' }));` },
  // passport-jwt
  {
    code: `import { Strategy as JwtStrategy, ExtractJwt } from 'passport-jwt';
passport.use(new JwtStrategy({
  jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
  secretOrKeyProvider: provider,
  algorithms: ['RS256'],
  issuer: 'https://issuer.example',
  audience: 'orders-api',
}, (payload, done) => done(null, payload)));`,
  },
  {
    code: `import { PassportStrategy } from '@nestjs/passport';
import { ExtractJwt, Strategy } from 'passport-jwt';
export class JwtStrategy extends PassportStrategy(Strategy) {
  constructor() {
    super({ jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(), secretOrKey: key, algorithms: ['RS256'], issuer: 'i', audience: 'a' });
  }
}`,
  },
  // @fastify/jwt
  {
    code: `import fastifyJwt from '@fastify/jwt';
fastify.register(fastifyJwt, {
  secret: { public: publicKey, private: privateKey },
  verify: { algorithms: ['RS256'], allowedIss: 'https://issuer.example', allowedAud: 'orders-api' },
});`,
  },
  // koa-jwt
  { code: `import koaJwt from 'koa-jwt';\napp.use(koaJwt({ secret: publicKey, algorithms: ['RS256'], issuer: 'i', audience: 'a' }));` },
  // hono: the middleware pins one algorithm (HS256 unless told otherwise).
  { code: `import { jwt } from 'hono/jwt';\napp.use('/api/*', jwt({ secret: env.JWT_KEY, alg: 'HS256', verification: { iss: 'i', aud: 'a' } }));` },
  { code: `import { verify } from 'hono/jwt';\nconst payload = await verify(token, publicKey, { alg: 'RS256', iss: 'i', aud: 'a' });` },
  // @nestjs/jwt: per-call options add to the module's defaults, so absent ones are unknown here.
  {
    code: `import { JwtService } from '@nestjs/jwt';
class AuthService {
  constructor(private readonly jwtService: JwtService) {}
  check(token: string) { return this.jwtService.verify(token); }
}`,
    filename: 'file.ts',
  },
  {
    code: `import { JwtModule } from '@nestjs/jwt';
JwtModule.register({ secret: process.env.JWT_SECRET, verifyOptions: { algorithms: ['HS256'], issuer: 'i', audience: 'a' } });`,
  },
  // @nestjs/jwt: an empty module registration defers to the calls, which pin everything themselves.
  {
    code: `import { JwtModule, JwtService } from '@nestjs/jwt';
JwtModule.register({});
class AuthGuard {
  constructor(private readonly jwtService: JwtService) {}
  check(token: string) {
    return this.jwtService.verifyAsync(token, { secret: process.env.JWT_SECRET, algorithms: ['HS256'], issuer: 'i', audience: 'a' });
  }
}`,
    filename: 'file.ts',
  },
  // Values that merely contain a placeholder word are real values
  { code: `import jwt from 'jsonwebtoken';\njwt.verify(token, key, { algorithms: ['RS256'], issuer: 'https://todo.example.com/', audience: 'todo-api' });` },
  // Options
  {
    code: `import jwt from 'jsonwebtoken';\njwt.verify(token, key, { algorithms: ['RS256'], issuer: 'self' });`,
    options: [{ requireAudience: false }],
  },
  {
    code: `import jwt from 'jsonwebtoken';\njwt.verify(token, key, { algorithms: ['RS256'], issuer: 'i', audience: 'a', clockTolerance: 600 });`,
    options: [{ maxClockToleranceSeconds: 600 }],
  },
  {
    code: `import { expressjwt } from 'express-jwt';\napp.use(expressjwt({ secret: key, algorithms: ['RS256'], issuer: 'i', audience: 'a', credentialsRequired: false }));`,
    options: [{ requireCredentials: false }],
  },
  // Deeply nested code
  { code: deeplyNested(250) },
];

const invalid: InvalidTestCase<MessageIds, Options>[] = [
  // jsonwebtoken
  {
    code: `import jwt from 'jsonwebtoken';\njwt.verify(token, key);`,
    errors: [
      {
        messageId: 'missingChecks',
        line: 2,
        column: 1,
        suggestions: [{ messageId: 'suggestAddPlaceholders', output: `import jwt from 'jsonwebtoken';\njwt.verify(token, key, { ${ALL} });` }],
      },
    ],
  },
  {
    code: `const jwt = require('jsonwebtoken');\njwt.verify(token, key, (err, claims) => done(err, claims));`,
    errors: [
      {
        messageId: 'missingChecks',
        line: 2,
        column: 1,
        suggestions: [
          {
            messageId: 'suggestAddPlaceholders',
            output: `const jwt = require('jsonwebtoken');\njwt.verify(token, key, { ${ALL} }, (err, claims) => done(err, claims));`,
          },
        ],
      },
    ],
  },
  {
    code: `import jwt from 'jsonwebtoken';\njwt.verify(token, key, { algorithms: ['RS256'], issuer: 'i' });`,
    errors: [
      {
        messageId: 'missingAudience',
        line: 2,
        column: 1,
        suggestions: [
          { messageId: 'suggestAddPlaceholders', output: `import jwt from 'jsonwebtoken';\njwt.verify(token, key, { algorithms: ['RS256'], issuer: 'i', ${AUD} });` },
        ],
      },
    ],
  },
  {
    code: `import jwt from 'jsonwebtoken';\njwt.verify(token, key, { algorithms: ['none'], issuer: 'i', audience: 'a' });`,
    errors: [{ messageId: 'noneAlgorithm', line: 2, column: 26 }],
  },
  {
    code: `import jwt from 'jsonwebtoken';\njwt.verify(token, key, { algorithms: ['HS256', 'RS256'], issuer: 'i', audience: 'a' });`,
    errors: [{ messageId: 'mixedAlgorithms', line: 2, column: 26 }],
  },
  {
    code: `import jwt from 'jsonwebtoken';\njwt.verify(token, key, { algorithms: ['RS256'], issuer: 'i', audience: 'a', ignoreExpiration: true });`,
    errors: [{ messageId: 'disabledCheck', line: 2, column: 77 }],
  },
  {
    code: `import jwt from 'jsonwebtoken';\njwt.verify(token, key, { algorithms: ['RS256'], issuer: 'i', audience: 'a', clockTolerance: 60 * 60 });`,
    errors: [{ messageId: 'excessiveClockTolerance', line: 2, column: 77 }],
  },
  {
    code: `import jwt from 'jsonwebtoken';
const opts = { algorithms: ['RS256'], audience: 'a' };
jwt.verify(token, key, opts);`,
    errors: [
      {
        messageId: 'missingIssuer',
        line: 3,
        column: 1,
        suggestions: [
          {
            messageId: 'suggestAddPlaceholders',
            output: `import jwt from 'jsonwebtoken';
const opts = { algorithms: ['RS256'], audience: 'a', ${ISS} };
jwt.verify(token, key, opts);`,
          },
        ],
      },
    ],
  },
  {
    code: `import jwt from 'jsonwebtoken';
const base = { issuer: 'i', audience: 'a' };
jwt.verify(token, key, { ...base });`,
    errors: [
      {
        messageId: 'missingAlgorithms',
        line: 3,
        column: 1,
        suggestions: [
          {
            messageId: 'suggestAddPlaceholders',
            output: `import jwt from 'jsonwebtoken';
const base = { issuer: 'i', audience: 'a' };
jwt.verify(token, key, { ...base, ${ALG} });`,
          },
        ],
      },
    ],
  },
  {
    code: `import jwt from 'jsonwebtoken';\njwt.verify(token, key, { algorithms: [], issuer: 'i', audience: 'a' });`,
    errors: [{ messageId: 'missingAlgorithms', line: 2, column: 26 }],
  },
  {
    code: `import jwt from 'jsonwebtoken';\njwt.verify(token, key, { algorithms: ['RS256'], issuer: '', audience: 'a' });`,
    errors: [{ messageId: 'missingIssuer', line: 2, column: 49 }],
  },
  {
    code: `import jwt from 'jsonwebtoken';
const config = { auth: { algorithms: ['RS256'], issuer: 'i', audience: 'a', ignoreExpiration: true } };
jwt.verify(token, key, config.auth);`,
    errors: [{ messageId: 'disabledCheck', line: 2, column: 77 }],
  },
  {
    code: `import jwt from 'jsonwebtoken';\njwt.verify(token, key, { ...options });`,
    options: [{ reportUnresolved: true }],
    errors: [{ messageId: 'unresolvedOptions', line: 2, column: 1 }],
  },
  // jose
  {
    code: `import { jwtVerify } from 'jose';\nconst { payload } = await jwtVerify(token, JWKS);`,
    errors: [
      {
        messageId: 'missingChecks',
        line: 2,
        column: 27,
        suggestions: [{ messageId: 'suggestAddPlaceholders', output: `import { jwtVerify } from 'jose';\nconst { payload } = await jwtVerify(token, JWKS, { ${ALL} });` }],
      },
    ],
  },
  {
    code: `import * as jose from 'jose';\nawait jose.jwtVerify(token, JWKS, { issuer: 'i', audience: 'a' });`,
    errors: [
      {
        messageId: 'missingAlgorithms',
        line: 2,
        column: 7,
        suggestions: [
          { messageId: 'suggestAddPlaceholders', output: `import * as jose from 'jose';\nawait jose.jwtVerify(token, JWKS, { issuer: 'i', audience: 'a', ${ALG} });` },
        ],
      },
    ],
  },
  {
    code: `import { jwtVerify } from 'jose';\nawait jwtVerify(token, JWKS, { algorithms: ['RS256'], issuer: 'i', audience: 'a', clockTolerance: '2h' });`,
    errors: [{ messageId: 'excessiveClockTolerance', line: 2, column: 83 }],
  },
  {
    code: `import { jwtVerify } from 'jose';\nawait jwtVerify(token, key, { algorithms: ['RS256', 'HS256'], issuer: 'i', audience: 'a' });`,
    errors: [{ messageId: 'mixedAlgorithms', line: 2, column: 31 }],
  },
  // fast-jwt
  {
    code: `import { createVerifier } from 'fast-jwt';\nconst verify = createVerifier({ key });`,
    errors: [
      {
        messageId: 'missingChecks',
        line: 2,
        column: 16,
        suggestions: [
          {
            messageId: 'suggestAddPlaceholders',
            output: `import { createVerifier } from 'fast-jwt';\nconst verify = createVerifier({ key, ${ALG}, allowedIss: 'TODO: expected issuer', allowedAud: 'TODO: expected audience' });`,
          },
        ],
      },
    ],
  },
  {
    code: `import { createVerifier } from 'fast-jwt';\ncreateVerifier({ key, algorithms: ['RS256'], allowedIss: 'i', allowedAud: 'a', ignoreExpiration: true });`,
    errors: [{ messageId: 'disabledCheck', line: 2, column: 80 }],
  },
  {
    code: `import { createVerifier } from 'fast-jwt';\ncreateVerifier({ key, algorithms: ['RS256'], allowedIss: 'i', allowedAud: 'a', clockTolerance: 600000 });`,
    errors: [{ messageId: 'excessiveClockTolerance', line: 2, column: 80 }],
  },
  // express-jwt
  {
    code: `import { expressjwt } from 'express-jwt';\napp.use(expressjwt({ secret: process.env.JWT_SECRET, algorithms: ['HS256'] }));`,
    errors: [
      {
        messageId: 'missingChecks',
        line: 2,
        column: 9,
        suggestions: [
          {
            messageId: 'suggestAddPlaceholders',
            output: `import { expressjwt } from 'express-jwt';\napp.use(expressjwt({ secret: process.env.JWT_SECRET, algorithms: ['HS256'], ${ISS}, ${AUD} }));`,
          },
        ],
      },
    ],
  },
  {
    code: `import { expressjwt } from 'express-jwt';\napp.use(expressjwt({ secret: key, algorithms: ['RS256'], issuer: 'i', audience: 'a', credentialsRequired: false }));`,
    errors: [{ messageId: 'optionalCredentials', line: 2, column: 86 }],
  },
  {
    code: `const jwt = require('express-jwt');\napp.use(jwt({ secret: key, algorithms: ['RS256', 'none'], issuer: 'i', audience: 'a' }));`,
    errors: [{ messageId: 'noneAlgorithm', line: 2, column: 28 }],
  },
  // express-oauth2-jwt-bearer
  {
    code: `import { auth } from 'express-oauth2-jwt-bearer';\napp.use(auth({ issuerBaseURL: url, audience: 'a', validators: { iss: false } }));`,
    errors: [{ messageId: 'disabledCheck', line: 2, column: 65 }],
  },
  {
    code: `import { auth } from 'express-oauth2-jwt-bearer';\napp.use(auth({ issuerBaseURL: url, audience: 'a', authRequired: false }));`,
    errors: [{ messageId: 'optionalCredentials', line: 2, column: 51 }],
  },
  // passport-jwt
  {
    code: `import { Strategy as JwtStrategy } from 'passport-jwt';\npassport.use(new JwtStrategy({ jwtFromRequest, secretOrKey: key }, verifyUser));`,
    errors: [
      {
        messageId: 'missingChecks',
        line: 2,
        column: 14,
        suggestions: [
          {
            messageId: 'suggestAddPlaceholders',
            output: `import { Strategy as JwtStrategy } from 'passport-jwt';\npassport.use(new JwtStrategy({ jwtFromRequest, secretOrKey: key, ${ALL} }, verifyUser));`,
          },
        ],
      },
    ],
  },
  {
    code: `const { Strategy } = require('passport-jwt');\nnew Strategy({ jwtFromRequest, secretOrKey: key, algorithms: ['RS256'], issuer: 'i', audience: 'a', ignoreExpiration: true }, cb);`,
    errors: [{ messageId: 'disabledCheck', line: 2, column: 101 }],
  },
  {
    code: `import { PassportStrategy } from '@nestjs/passport';
import { Strategy } from 'passport-jwt';
export class JwtStrategy extends PassportStrategy(Strategy) {
  constructor() {
    super({ jwtFromRequest, secretOrKey: key });
  }
}`,
    errors: [
      {
        messageId: 'missingChecks',
        line: 5,
        column: 5,
        suggestions: [
          {
            messageId: 'suggestAddPlaceholders',
            output: `import { PassportStrategy } from '@nestjs/passport';
import { Strategy } from 'passport-jwt';
export class JwtStrategy extends PassportStrategy(Strategy) {
  constructor() {
    super({ jwtFromRequest, secretOrKey: key, ${ALL} });
  }
}`,
          },
        ],
      },
    ],
  },
  // @fastify/jwt
  {
    code: `import fastifyJwt from '@fastify/jwt';\nfastify.register(fastifyJwt, { secret: process.env.JWT_SECRET });`,
    errors: [
      {
        messageId: 'missingChecks',
        line: 2,
        column: 1,
        suggestions: [
          {
            messageId: 'suggestAddPlaceholders',
            // A secret from JWT_SECRET is an HMAC secret: the algorithm is determined, the issuer and audience are not.
            output: `import fastifyJwt from '@fastify/jwt';\nfastify.register(fastifyJwt, { secret: process.env.JWT_SECRET, verify: { ${HMAC}, allowedIss: 'TODO: expected issuer', allowedAud: 'TODO: expected audience' } });`,
          },
        ],
      },
    ],
  },
  {
    code: `fastify.register(require('@fastify/jwt'), { secret: key, verify: { algorithms: ['RS256'] } });`,
    errors: [
      {
        messageId: 'missingChecks',
        line: 1,
        column: 1,
        suggestions: [
          {
            messageId: 'suggestAddPlaceholders',
            output: `fastify.register(require('@fastify/jwt'), { secret: key, verify: { algorithms: ['RS256'], allowedIss: 'TODO: expected issuer', allowedAud: 'TODO: expected audience' } });`,
          },
        ],
      },
    ],
  },
  // koa-jwt
  {
    code: `import koaJwt from 'koa-jwt';\napp.use(koaJwt({ secret: key, algorithms: ['RS256'], issuer: 'i', audience: 'a', passthrough: true }));`,
    errors: [{ messageId: 'optionalCredentials', line: 2, column: 82 }],
  },
  {
    code: `import koaJwt from 'koa-jwt';\napp.use(koaJwt({ secret: key }));`,
    errors: [
      {
        messageId: 'missingChecks',
        line: 2,
        column: 9,
        suggestions: [{ messageId: 'suggestAddPlaceholders', output: `import koaJwt from 'koa-jwt';\napp.use(koaJwt({ secret: key, ${ALL} }));` }],
      },
    ],
  },
  // hono
  {
    code: `import { jwt } from 'hono/jwt';\napp.use('/api/*', jwt({ secret: env.KEY, alg: 'HS256' }));`,
    errors: [
      {
        messageId: 'missingChecks',
        line: 2,
        column: 19,
        suggestions: [
          {
            messageId: 'suggestAddPlaceholders',
            output: `import { jwt } from 'hono/jwt';\napp.use('/api/*', jwt({ secret: env.KEY, alg: 'HS256', verification: { iss: 'TODO: expected issuer', aud: 'TODO: expected audience' } }));`,
          },
        ],
      },
    ],
  },
  {
    code: `import { jwt } from 'hono/jwt';\napp.use(jwt({ secret: env.KEY, verification: { iss: 'i', aud: 'a', exp: false } }));`,
    errors: [{ messageId: 'disabledCheck', line: 2, column: 68 }],
  },
  {
    code: `import { verify } from 'hono/jwt';\nconst payload = await verify(token, key, 'HS256');`,
    errors: [{ messageId: 'missingChecks', line: 2, column: 23 }],
  },
  // @nestjs/jwt
  {
    code: `import { JwtService } from '@nestjs/jwt';
class AuthService {
  constructor(private readonly jwtService: JwtService) {}
  check(token: string) { return this.jwtService.verifyAsync(token, { ignoreExpiration: true }); }
}`,
    filename: 'file.ts',
    errors: [{ messageId: 'disabledCheck', line: 4, column: 70 }],
  },
  {
    code: `import { JwtModule } from '@nestjs/jwt';\nJwtModule.register({ secret: process.env.JWT_SECRET, verifyOptions: { algorithms: ['HS256'] } });`,
    errors: [
      {
        messageId: 'missingChecks',
        line: 2,
        column: 1,
        suggestions: [
          {
            messageId: 'suggestAddPlaceholders',
            output: `import { JwtModule } from '@nestjs/jwt';\nJwtModule.register({ secret: process.env.JWT_SECRET, verifyOptions: { algorithms: ['HS256'], ${ISS}, ${AUD} } });`,
          },
        ],
      },
    ],
  },
  {
    code: `import { JwtModule } from '@nestjs/jwt';\nJwtModule.register({ secret: process.env.JWT_SECRET });`,
    errors: [
      {
        messageId: 'missingChecks',
        line: 2,
        column: 1,
        suggestions: [
          {
            messageId: 'suggestAddPlaceholders',
            output: `import { JwtModule } from '@nestjs/jwt';\nJwtModule.register({ secret: process.env.JWT_SECRET, verifyOptions: { ${HMAC}, ${ISS}, ${AUD} } });`,
          },
        ],
      },
    ],
  },
  // @nestjs/jwt: with no module defaults, the calls are judged on their own options and the module is not reported.
  {
    code: NEST_CALL,
    filename: 'file.ts',
    errors: [
      {
        messageId: 'missingChecks',
        line: 5,
        column: 33,
        suggestions: [{ messageId: 'suggestAddPlaceholders', output: NEST_CALL.replace("algorithms: ['HS256'] }", `algorithms: ['HS256'], ${ISS}, ${AUD} }`) }],
      },
    ],
  },
  // The same guard in plain JavaScript.
  {
    code: NEST_CALL_JS,
    errors: [
      {
        messageId: 'missingChecks',
        line: 5,
        column: 25,
        suggestions: [{ messageId: 'suggestAddPlaceholders', output: NEST_CALL_JS.replace("algorithms: ['HS256'] }", `algorithms: ['HS256'], ${ISS}, ${AUD} }`) }],
      },
    ],
  },
  // …but a registration whose options weaken validation is still reported.
  {
    code: `import { JwtModule, JwtService } from '@nestjs/jwt';
JwtModule.register({ verifyOptions: { algorithms: ['HS256', 'none'], issuer: 'i', audience: 'a' } });
class AuthGuard {
  constructor(private readonly jwtService: JwtService) {}
  check(token: string) { return this.jwtService.verifyAsync(token, { algorithms: ['HS256'], issuer: 'i', audience: 'a' }); }
}`,
    filename: 'file.ts',
    errors: [{ messageId: 'noneAlgorithm', line: 2, column: 39 }],
  },
  // Placeholders pin nothing: each is reported as a placeholder
  {
    code: `import jwt from 'jsonwebtoken';\njwt.verify(token, key, { algorithms: ['RS256'], issuer: 'TODO: expected issuer', audience: 'orders-api' });`,
    errors: [{ messageId: 'placeholderOption', line: 2, column: 49, data: { option: 'issuer', value: 'TODO: expected issuer', library: 'jsonwebtoken', check: 'the issuer' } }],
  },
  {
    code: `import jwt from 'jsonwebtoken';\njwt.verify(token, key, { algorithms: ['TODO: allowed algorithm, e.g. RS256'], issuer: 'https://issuer.example', audience: '<your audience>' });`,
    errors: [
      { messageId: 'placeholderOption', line: 2, column: 26, data: { option: 'algorithms', value: 'TODO: allowed algorithm, e.g. RS256', library: 'jsonwebtoken', check: 'the algorithm' } },
      { messageId: 'placeholderOption', line: 2, column: 113, data: { option: 'audience', value: '<your audience>', library: 'jsonwebtoken', check: 'the audience' } },
    ],
  },
  // Real values where the file determines them: the algorithm from the key, the issuer and audience it signs with
  {
    code: SIGNS_AND_VERIFIES,
    errors: [
      {
        messageId: 'missingChecks',
        line: 3,
        column: 33,
        suggestions: [
          {
            messageId: 'suggestAddOption',
            data: {
              option: "`algorithms: ['HS256']`, `issuer: 'https://auth.example.com'`, `audience: 'orders-api'`",
              reason: 'the key is an HMAC secret; the issuer this file uses; the audience this file uses',
            },
            output: SIGNS_AND_VERIFIES.replace('jwt.verify(token, process.env.JWT_SECRET)', "jwt.verify(token, process.env.JWT_SECRET, { algorithms: ['HS256'], issuer: 'https://auth.example.com', audience: 'orders-api' })"),
          },
        ],
      },
    ],
  },
  {
    code: `import jwt from 'jsonwebtoken';
const token = jwt.sign({ sub: user.id }, process.env.JWT_SECRET, { algorithm: 'HS512', expiresIn: '1h' });
jwt.verify(token, process.env.JWT_SECRET, { issuer: 'i', audience: 'a' });`,
    errors: [
      {
        messageId: 'missingAlgorithms',
        line: 3,
        column: 1,
        suggestions: [
          {
            messageId: 'suggestAddOption',
            data: { option: "`algorithms: ['HS512']`", reason: 'the algorithm this file signs tokens with' },
            output: `import jwt from 'jsonwebtoken';
const token = jwt.sign({ sub: user.id }, process.env.JWT_SECRET, { algorithm: 'HS512', expiresIn: '1h' });
jwt.verify(token, process.env.JWT_SECRET, { issuer: 'i', audience: 'a', algorithms: ['HS512'] });`,
          },
        ],
      },
    ],
  },
  {
    code: `import { expressjwt } from 'express-jwt';
import jwksRsa from 'jwks-rsa';
app.use(expressjwt({ secret: jwksRsa.expressJwtSecret({ jwksUri }), issuer: 'https://issuer.example/', audience: 'api' }));`,
    errors: [
      {
        messageId: 'missingAlgorithms',
        line: 3,
        column: 9,
        suggestions: [
          {
            messageId: 'suggestAddOption',
            data: { option: "`algorithms: ['RS256']`", reason: 'the key is an RSA public key' },
            output: `import { expressjwt } from 'express-jwt';
import jwksRsa from 'jwks-rsa';
app.use(expressjwt({ secret: jwksRsa.expressJwtSecret({ jwksUri }), issuer: 'https://issuer.example/', audience: 'api', algorithms: ['RS256'] }));`,
          },
        ],
      },
    ],
  },
  // A public key of unknown family determines no algorithm: a placeholder, which stays reported
  {
    code: `import jwt from 'jsonwebtoken';\njwt.verify(token, publicKey, { issuer: 'i', audience: 'a' });`,
    errors: [
      {
        messageId: 'missingAlgorithms',
        line: 2,
        column: 1,
        suggestions: [{ messageId: 'suggestAddPlaceholders', output: `import jwt from 'jsonwebtoken';\njwt.verify(token, publicKey, { issuer: 'i', audience: 'a', ${ALG} });` }],
      },
    ],
  },
  // Options
  {
    code: `import jwt from 'jsonwebtoken';\njwt.verify(token, key, { algorithms: ['RS256'] });`,
    options: [{ requireAudience: false }],
    errors: [
      {
        messageId: 'missingIssuer',
        line: 2,
        column: 1,
        suggestions: [{ messageId: 'suggestAddPlaceholders', output: `import jwt from 'jsonwebtoken';\njwt.verify(token, key, { algorithms: ['RS256'], ${ISS} });` }],
      },
    ],
  },
  {
    code: `import jwt from 'jsonwebtoken';\njwt.verify(token, key, { algorithms: ['RS256'], issuer: 'i', audience: 'a', clockTolerance: 30 });`,
    options: [{ maxClockToleranceSeconds: 10 }],
    errors: [{ messageId: 'excessiveClockTolerance', line: 2, column: 77 }],
  },
];

runUnderBothParsers('require-jwt-validation', rule, { valid, invalid });

describe('require-jwt-validation suggestions', () => {
  const findings = (code: string) => lintWithRule('require-jwt-validation', code).map((message) => message.messageId);

  it('never makes the finding disappear with placeholders: the placeholders are reported instead', () => {
    const applied = `import jwt from 'jsonwebtoken';\njwt.verify(token, key, { ${ALL} });`;
    assert.deepEqual(findings(`import jwt from 'jsonwebtoken';\njwt.verify(token, key);`), ['missingChecks']);
    assert.deepEqual(findings(applied), ['placeholderOption', 'placeholderOption', 'placeholderOption']);
  });

  it('leaves nothing to report once it wrote real values the file determines', () => {
    const applied = SIGNS_AND_VERIFIES.replace('jwt.verify(token, process.env.JWT_SECRET)', "jwt.verify(token, process.env.JWT_SECRET, { algorithms: ['HS256'], issuer: 'https://auth.example.com', audience: 'orders-api' })");
    assert.deepEqual(findings(applied), []);
  });
});
