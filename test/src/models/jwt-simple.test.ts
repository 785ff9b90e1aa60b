import { error, ruleCases } from './rule-cases';

describe('models: jwt-simple', () => {
  ruleCases('no-unverified-claims', {
    valid: [
      `import jwt from 'jwt-simple';
app.get('/admin', (req, res) => {
  const claims = jwt.decode(req.headers.authorization.slice(7), process.env.JWT_SECRET);
  if (claims.role !== 'admin') return res.sendStatus(403);
  res.json(report());
});`,
    ],
    invalid: [
      {
        // The third argument, noVerify, skips the signature check.
        code: `import jwt from 'jwt-simple';
app.get('/admin', (req, res) => {
  const claims = jwt.decode(req.headers.authorization.slice(7), process.env.JWT_SECRET, true);
  if (claims.role !== 'admin') return res.sendStatus(403);
  res.json(report());
});`,
        errors: [error('unverifiedClaims', 4, 7)],
      },
    ],
  });
  ruleCases('no-hardcoded-jwt-secret', {
    valid: [`import jwt from 'jwt-simple';
export const tokenFor = (user) => jwt.encode({ sub: user.id }, process.env.JWT_SECRET);`],
    invalid: [
      {
        code: `import jwt from 'jwt-simple';
export const tokenFor = (user) => jwt.encode({ sub: user.id }, process.env.JWT_SECRET || 'keyboard cat');`,
        errors: [error('fallbackSecret', 2, 64)],
      },
    ],
  });
});
