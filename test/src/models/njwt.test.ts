import { error, ruleCases } from './rule-cases';

const ADMIN_GATE = `import express from 'express';
import nJwt from 'njwt';
const app = express();
app.get('/admin', (req, res) => {
  const verified = nJwt.verify(req.headers.authorization.slice(7), process.env.SIGNING_KEY, 'HS256');
  if (verified.body.role !== 'admin') return res.sendStatus(403);
  res.json(report());
});`;

describe('models: njwt', () => {
  ruleCases('no-unverified-claims', {
    valid: [ADMIN_GATE],
    invalid: [],
  });
  // A role from the verified body decides, but issuer and audience can never be pinned: Level 2, not 3.
  ruleCases('maturity-level', {
    valid: [{ code: ADMIN_GATE, options: [{ minimumLevel: 2 }] }],
    invalid: [{ code: ADMIN_GATE, options: [{ minimumLevel: 3 }], errors: [error('belowMinimum', 4, 1)] }],
  });
  ruleCases('require-jwt-validation', {
    valid: [],
    invalid: [
      {
        // njwt checks the signature, the algorithm and expiry, and has no issuer or audience check at all.
        code: `import nJwt from 'njwt';
export const claimsOf = (token) => nJwt.verify(token, process.env.SIGNING_KEY, 'HS256').body;`,
        errors: [error('uncheckable', 2, 36)],
      },
      {
        code: `const nJwt = require('njwt');
module.exports = (token) => nJwt.verify(token, process.env.SIGNING_KEY).body;`,
        errors: [error('uncheckable', 2, 29)],
      },
      {
        code: `import nJwt from 'njwt';
export const claimsOf = (token) => nJwt.verify(token, process.env.SIGNING_KEY, 'none').body;`,
        errors: [error('uncheckable', 2, 36), error('noneAlgorithm', 2, 80)],
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
