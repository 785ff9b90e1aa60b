import { error, ruleCases } from './rule-cases';

/** Issuers that neither rule reports: secrets from the environment or the constructor, and tokens that expire. */
const SAFE_ISSUERS = `import jwt from 'jsonwebtoken';
import { SignJWT } from 'jose';
export const issue = (user) => jwt.sign({ sub: user.id, exp: Math.floor(Date.now() / 1000) + 900 }, process.env.JWT_SECRET);
export const issue2 = (user, key) => new SignJWT({ sub: user.id }).setProtectedHeader({ alg: 'ES256' }).setExpirationTime('15m').sign(key);
export const issue3 = (claims) => jwt.sign(claims, process.env.JWT_SECRET, signOptions);
export class TokenService {
  constructor(secret) {
    this.secret = secret;
  }
  issue(user) {
    return jwt.sign({ sub: user.id }, this.secret, { expiresIn: '15m' });
  }
}`;

// Token issuance: secrets with a literal fallback wherever they are kept, secrets in claims, tokens that never expire.
describe('token issuance', () => {
  ruleCases('no-hardcoded-jwt-secret', {
    valid: [
      // Secrets from the environment, or handed to the constructor.
      SAFE_ISSUERS,
    ],
    invalid: [
      {
        // A class field with a literal fallback.
        code: `import jwt from 'jsonwebtoken';
export class TokenService {
  secret = process.env.JWT_SECRET || 'dev-secret';
  issue(user) {
    return jwt.sign({ sub: user.id }, this.secret, { expiresIn: '15m' });
  }
}`,
        errors: [error('fallbackSecret', 5, 39)],
      },
      {
        // A fallback assigned in the constructor.
        code: `import jwt from 'jsonwebtoken';
export class TokenService {
  constructor() {
    this.secret = process.env.JWT_SECRET ?? 'changeme';
  }
  issue(user) {
    return jwt.sign({ sub: user.id }, this.secret, { expiresIn: '15m' });
  }
}`,
        errors: [error('fallbackSecret', 7, 39)],
      },
      {
        // A config object in the same module.
        code: `import jwt from 'jsonwebtoken';
const config = { jwt: { secret: process.env.JWT_SECRET || 'secret', expiresIn: '1h' } };
export const issue = (user) => jwt.sign({ sub: user.id }, config.jwt.secret, { expiresIn: config.jwt.expiresIn });`,
        errors: [error('fallbackSecret', 3, 59)],
      },
      {
        // A password put in the claims.
        code: `import jwt from 'jsonwebtoken';
export const issue = (user) => jwt.sign({ sub: user.id, password: user.password }, process.env.JWT_SECRET, { expiresIn: '1h' });`,
        errors: [error('secretInClaims', 2, 57)],
      },
      {
        // A claim named innocently that carries the password hash, or the account's TOTP secret.
        code: `import jwt from 'jsonwebtoken';
export const issue = (user) => jwt.sign({ sub: user.id, h: user.passwordHash, mfa: user.totpSecret }, process.env.JWT_SECRET, { expiresIn: '1h' });`,
        errors: [error('secretInClaims', 2, 57), error('secretInClaims', 2, 79)],
      },
    ],
  });
  // Claims that only look like secrets by their neighbours: an id, a flag that says a password is set.
  ruleCases('no-hardcoded-jwt-secret', {
    valid: [
      `import jwt from 'jsonwebtoken';
export const issue = (user) => jwt.sign({ sub: user.id, pwdSet: user.hasPassword, secretQuestionId: user.secretQuestion.id }, process.env.JWT_SECRET, { expiresIn: '1h' });`,
    ],
    invalid: [],
  });
  ruleCases('require-jwt-validation', {
    valid: [
      // An exp claim, setExpirationTime(), or options the file cannot read.
      SAFE_ISSUERS,
    ],
    invalid: [
      {
        // sign() with no expiresIn and no exp claim.
        code: `import jwt from 'jsonwebtoken';
export const issue = (user) => jwt.sign({ sub: user.id, role: user.role }, process.env.JWT_SECRET);`,
        errors: [error('unexpiringToken', 2, 32)],
      },
      {
        // A SignJWT chain without setExpirationTime().
        code: `import { SignJWT } from 'jose';
export const issue = (user, key) => new SignJWT({ sub: user.id }).setProtectedHeader({ alg: 'ES256' }).setIssuedAt().sign(key);`,
        errors: [error('unexpiringToken', 2, 37)],
      },
    ],
  });
});
