import { error, ruleCases } from './rule-cases';

describe('models: njwt', () => {
  ruleCases('no-unverified-claims', {
    valid: [
      `import nJwt from 'njwt';
app.get('/admin', (req, res) => {
  const verified = nJwt.verify(req.headers.authorization.slice(7), process.env.SIGNING_KEY, 'HS256');
  if (verified.body.role !== 'admin') return res.sendStatus(403);
  res.json(report());
});`,
    ],
    invalid: [],
  });
  ruleCases('require-jwt-validation', {
    valid: [`import nJwt from 'njwt';
export const claimsOf = (token) => nJwt.verify(token, process.env.SIGNING_KEY, 'HS256').body;`],
    invalid: [
      {
        code: `import nJwt from 'njwt';
export const claimsOf = (token) => nJwt.verify(token, process.env.SIGNING_KEY, 'none').body;`,
        errors: [error('noneAlgorithm', 2, 80)],
      },
    ],
  });
  ruleCases('no-hardcoded-jwt-secret', {
    valid: [`import nJwt from 'njwt';
export const tokenFor = (user) => nJwt.create({ sub: user.id }, process.env.SIGNING_KEY).compact();`],
    invalid: [
      {
        code: `import nJwt from 'njwt';
export const tokenFor = (user) => nJwt.create({ sub: user.id }, 'secret').compact();`,
        errors: [error('weakSecret', 2, 65)],
      },
    ],
  });
});
