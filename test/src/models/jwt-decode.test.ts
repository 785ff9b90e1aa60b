import { error, ruleCases } from './rule-cases';

describe('models: jwt-decode', () => {
  ruleCases('no-unverified-claims', {
    valid: [
      // Decoding only to show the user their own name decides nothing.
      `import { jwtDecode } from 'jwt-decode';
app.get('/me', (req, res) => {
  const claims = jwtDecode(req.headers.authorization.slice(7));
  res.json({ greeting: 'Hello ' + claims.name });
});`,
      // verify-then-decode: the path verified the same token before decoding it
      `import { jwtDecode } from 'jwt-decode';
import jwt from 'jsonwebtoken';
app.get('/admin', (req, res) => {
  const token = req.headers.authorization.slice(7);
  const verified = jwt.verify(token, publicKey, { algorithms: ['RS256'], issuer, audience });
  if (verified.role !== 'admin') return res.sendStatus(403);
  res.json(jwtDecode(token));
});`,
    ],
    invalid: [
      {
        code: `import { jwtDecode } from 'jwt-decode';
app.get('/admin', (req, res) => {
  const claims = jwtDecode(req.headers.authorization.slice(7));
  if (claims.role !== 'admin') return res.sendStatus(403);
  res.json(report());
});`,
        errors: [error('unverifiedClaims', 4, 7)],
      },
      {
        // jwt-decode 3 exported the function as its default.
        code: `const jwt_decode = require('jwt-decode');
app.get('/admin', (req, res) => {
  const { role } = jwt_decode(req.headers.authorization.slice(7));
  if (role !== 'admin') return res.sendStatus(403);
  res.json(report());
});`,
        errors: [error('unverifiedClaims', 4, 7)],
      },
    ],
  });
});
