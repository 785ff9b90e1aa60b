import { error, ruleCases } from './rule-cases';

describe('models: fast-jwt', () => {
  ruleCases('no-unverified-claims', {
    valid: [
      `import { createVerifier } from 'fast-jwt';
const verify = createVerifier({ key: process.env.JWT_KEY, algorithms: ['HS256'], allowedIss: 'auth', allowedAud: 'api' });
app.get('/admin', (req, res) => {
  const claims = verify(req.headers.authorization.slice(7));
  if (claims.role !== 'admin') return res.sendStatus(403);
  res.json(report());
});`,
    ],
    invalid: [
      {
        code: `import { createDecoder } from 'fast-jwt';
const decode = createDecoder();
app.get('/admin', (req, res) => {
  const claims = decode(req.headers.authorization.slice(7));
  if (claims.role !== 'admin') return res.sendStatus(403);
  res.json(report());
});`,
        errors: [error('unverifiedClaims', 5, 7)],
      },
      {
        code: `const fastJwt = require('fast-jwt');
const decodeToken = fastJwt.createDecoder({ complete: false });
app.get('/admin', (req, res) => {
  const { role } = decodeToken(req.headers.authorization.slice(7));
  if (role !== 'admin') return res.sendStatus(403);
  res.json(report());
});`,
        errors: [error('unverifiedClaims', 5, 7)],
      },
    ],
  });
  ruleCases('require-jwt-validation', {
    valid: [
      `import { createVerifier } from 'fast-jwt';
export const verify = createVerifier({ key: process.env.JWT_KEY, algorithms: ['HS256'], allowedIss: 'auth', allowedAud: 'api' });`,
    ],
    invalid: [
      {
        code: `import { createVerifier } from 'fast-jwt';
export const verify = createVerifier({ key: process.env.JWT_KEY, algorithms: ['HS256'], allowedIss: 'auth', allowedAud: 'api', ignoreExpiration: true });`,
        errors: [error('disabledCheck', 2, 128)],
      },
    ],
  });
  ruleCases('maturity-level', {
    valid: [
      // The verifier is made once at module level and called in the handler: its pinned options grade the route.
      `import { createVerifier } from 'fast-jwt';
const verify = createVerifier({ key: process.env.JWT_KEY, algorithms: ['RS256'], allowedIss: 'https://id.example.com', allowedAud: 'api' });
app.get('/reports', (req, res) => {
  const claims = verify(req.headers.authorization.slice(7));
  if (!claims.scope.includes('read:reports')) return res.sendStatus(403);
  res.json(report());
});`,
    ],
    invalid: [
      {
        code: `import { createVerifier } from 'fast-jwt';
const verify = createVerifier({ key: process.env.JWT_KEY, algorithms: ['RS256'] });
app.get('/reports', (req, res) => {
  const claims = verify(req.headers.authorization.slice(7));
  if (!claims.scope.includes('read:reports')) return res.sendStatus(403);
  res.json(report());
});`,
        errors: [error('belowMinimum', 3, 1)],
      },
    ],
  });
});
