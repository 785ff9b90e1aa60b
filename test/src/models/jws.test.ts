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
      // verify-then-decode with the token read in place both times: the decoded claims are the ones just verified
      `import jws from 'jws';
app.get('/admin', (req, res) => {
  if (!jws.verify(req.cookies.session, 'RS256', publicKey)) return res.sendStatus(401);
  const { payload } = jws.decode(req.cookies.session, { json: true });
  if (payload.role !== 'admin') return res.sendStatus(403);
  res.json(report());
});`,
      // the same through the file's own helpers, with the token taken from the request by a helper call each time
      `import jws from 'jws';
const tokenFrom = ({ headers }) => headers.authorization?.replace('Bearer ', '');
const verify = (token) => (token ? jws.verify(token, 'RS256', publicKey) : false);
const decode = (token) => jws.decode(token)?.payload;
export const isAccounting = () => (req, res, next) => {
  const decoded = verify(tokenFrom(req)) && decode(tokenFrom(req));
  if (decoded?.data?.role === 'accounting') next();
  else res.status(403).json({ error: 'forbidden' });
};`,
    ],
    invalid: [
      {
        // The helper verifies the refresh token; the claims decided on are the access token's, never verified.
        code: `import jws from 'jws';
const tokenFrom = (req) => req.headers.authorization?.slice(7);
const refreshFrom = (req) => req.cookies.refresh;
const verify = (token) => jws.verify(token, 'RS256', publicKey);
const decode = (token) => jws.decode(token)?.payload;
app.get('/admin', (req, res) => {
  const claims = verify(refreshFrom(req)) && decode(tokenFrom(req));
  if (claims?.role !== 'admin') return res.sendStatus(403);
  res.json(report());
});`,
        errors: [error('unverifiedClaims', 8, 7)],
      },
      {
        // A helper named like a check that only decodes verifies nothing.
        code: `import jws from 'jws';
const verify = (token) => jws.decode(token);
app.get('/admin', (req, res) => {
  const claims = verify(req.cookies.session) && jws.decode(req.cookies.session).payload;
  if (claims.role !== 'admin') return res.sendStatus(403);
  res.json(report());
});`,
        errors: [error('unverifiedClaims', 5, 7)],
      },
      {
        // Verifying one cookie says nothing about another.
        code: `import jws from 'jws';
app.get('/admin', (req, res) => {
  if (!jws.verify(req.cookies.refresh, 'RS256', publicKey)) return res.sendStatus(401);
  const { payload } = jws.decode(req.cookies.session, { json: true });
  if (payload.role !== 'admin') return res.sendStatus(403);
  res.json(report());
});`,
        errors: [error('unverifiedClaims', 5, 7)],
      },
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
    valid: [],
    invalid: [
      {
        // A pinned algorithm, but jws checks the signature only: no expiry, issuer or audience.
        code: `import jws from 'jws';
export const valid = (token) => jws.verify(token, 'RS256', publicKey);`,
        errors: [error('uncheckable', 2, 33)],
      },
      {
        // The two-argument form takes the algorithm from the token's own header.
        code: `import jws from 'jws';
export const valid = (token) => jws.verify(token, publicKey);`,
        errors: [error('missingAlgorithms', 2, 33), error('uncheckable', 2, 33)],
      },
      {
        code: `import jws from 'jws';
export const valid = (token) => jws.verify(token, 'none', publicKey);`,
        errors: [error('uncheckable', 2, 33), error('noneAlgorithm', 2, 51)],
      },
    ],
  });
});
