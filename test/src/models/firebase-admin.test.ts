import { error, ruleCases } from './rule-cases';

describe('models: firebase-admin', () => {
  ruleCases('no-unverified-claims', {
    valid: [
      `import admin from 'firebase-admin';
app.get('/admin', async (req, res) => {
  const decoded = await admin.auth().verifyIdToken(req.headers.authorization.slice(7));
  if (!decoded.admin) return res.sendStatus(403);
  res.json(report());
});`,
      `import { getAuth } from 'firebase-admin/auth';
const auth = getAuth();
app.get('/admin', async (req, res) => {
  const { role } = await auth.verifyIdToken(req.headers.authorization.slice(7), true);
  if (role !== 'admin') return res.sendStatus(403);
  res.json(report());
});`,
    ],
    invalid: [
      {
        // An ID token decoded by hand is not verified, whoever issued it.
        code: `import admin from 'firebase-admin';
app.get('/admin', async (req, res) => {
  const [, body] = req.headers.authorization.slice(7).split('.');
  const claims = JSON.parse(Buffer.from(body, 'base64url').toString());
  if (!claims.admin) return res.sendStatus(403);
  res.json(report());
});`,
        errors: [error('unverifiedClaims', 5, 8)],
      },
    ],
  });
  ruleCases('no-untrusted-authorization', {
    valid: [
      `const admin = require('firebase-admin');
app.delete('/users/:id', async (req, res) => {
  const user = await admin.auth().verifyIdToken(req.get('authorization').slice(7));
  if (user.uid !== req.params.id && !user.admin) return res.sendStatus(403);
  res.sendStatus(204);
});`,
    ],
    invalid: [],
  });
  ruleCases('maturity-level', {
    valid: [
      {
        // `auth` made in another file (`export const auth = admin.auth()`): verifyIdToken still authenticates the route.
        code: `import { auth } from './firebase.js';
app.get('/admin', async (req, res) => {
  const decoded = await auth.verifyIdToken(req.headers.authorization.slice(7));
  if (decoded.role !== 'admin') return res.sendStatus(403);
  res.json(report());
});`,
        options: [{ minimumLevel: 3 }],
      },
    ],
    invalid: [],
  });
});
