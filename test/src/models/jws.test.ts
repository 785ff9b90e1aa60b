import { error, ruleCases } from './rule-cases';

describe('models: jws', () => {
  ruleCases('no-unverified-claims', {
    valid: [
      `import jws from 'jws';
app.get('/admin', (req, res) => {
  const token = req.headers.authorization.slice(7);
  if (!jws.verify(token, 'RS256', publicKey)) return res.sendStatus(401);
  res.json(report());
});`,
    ],
    invalid: [
      {
        code: `const jws = require('jws');
app.get('/admin', (req, res) => {
  const { payload } = jws.decode(req.headers.authorization.slice(7), { json: true });
  if (payload.role !== 'admin') return res.sendStatus(403);
  res.json(report());
});`,
        errors: [error('unverifiedClaims', 4, 7)],
      },
    ],
  });
  ruleCases('require-jwt-validation', {
    valid: [
      `import jws from 'jws';
export const valid = (token) => jws.verify(token, 'RS256', publicKey);`,
    ],
    invalid: [
      {
        // The two-argument form takes the algorithm from the token's own header.
        code: `import jws from 'jws';
export const valid = (token) => jws.verify(token, publicKey);`,
        errors: [error('missingAlgorithms', 2, 33)],
      },
      {
        code: `import jws from 'jws';
export const valid = (token) => jws.verify(token, 'none', publicKey);`,
        errors: [error('noneAlgorithm', 2, 51)],
      },
    ],
  });
});
