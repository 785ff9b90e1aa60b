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
      // verify-then-decode with a decision on what decoding read: the claims are the verified ones
      `import { jwtDecode } from 'jwt-decode';
import jwt from 'jsonwebtoken';
app.get('/admin', (req, res) => {
  const token = req.headers.authorization.slice(7);
  jwt.verify(token, publicKey, { algorithms: ['RS256'], issuer, audience });
  const claims = jwtDecode(token);
  if (claims.role !== 'admin') return res.sendStatus(403);
  res.json(report());
});`,
      // the same, with the verification behind a service whose method says it verifies the token
      `import { jwtDecode } from 'jwt-decode';
export async function authenticate(request, tokens) {
  const accessToken = request.headers.authorization.split(' ')[1];
  const result = tokens.verifyAccessToken(accessToken);
  if (result instanceof Error) throw new Error('unauthorized');
  const { user } = jwtDecode(accessToken);
  if (!user.roles.includes('admin')) throw new Error('forbidden');
  return user;
}`,
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
      {
        // A verification of another token, or one in another function, proves nothing about this one.
        code: `import { jwtDecode } from 'jwt-decode';
import jwt from 'jsonwebtoken';
function check(token) { return jwt.verify(token, publicKey, { algorithms: ['RS256'], issuer, audience }); }
app.get('/admin', (req, res) => {
  const token = req.headers.authorization.slice(7);
  const refresh = req.cookies.refresh;
  jwt.verify(refresh, publicKey, { algorithms: ['RS256'], issuer, audience });
  const claims = jwtDecode(token);
  if (claims.role !== 'admin') return res.sendStatus(403);
  res.json(report());
});`,
        errors: [error('unverifiedClaims', 9, 7)],
      },
    ],
  });
});
