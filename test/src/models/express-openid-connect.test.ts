import { error, ruleCases } from './rule-cases';

describe('models: express-openid-connect', () => {
  ruleCases('no-untrusted-authorization', {
    valid: [
      // req.oidc.user holds the claims of the ID token the middleware validated.
      `import { auth, requiresAuth } from 'express-openid-connect';
app.use(auth({ issuerBaseURL: 'https://issuer.example.com', baseURL, clientID, secret: process.env.SESSION_SECRET }));
app.delete('/users/:id', requiresAuth(), (req, res) => {
  if (req.oidc.user.sub !== req.params.id) return res.sendStatus(403);
  res.sendStatus(204);
});`,
    ],
    invalid: [],
  });
  ruleCases('require-jwt-validation', {
    valid: [
      `import { auth } from 'express-openid-connect';
app.use(auth({ issuerBaseURL: 'https://issuer.example.com', baseURL, clientID, secret: process.env.SESSION_SECRET }));`,
    ],
    invalid: [
      {
        code: `import { auth } from 'express-openid-connect';
app.use(auth({ authRequired: false, issuerBaseURL: 'https://issuer.example.com', baseURL, clientID, secret: process.env.SESSION_SECRET }));`,
        errors: [error('optionalCredentials', 2, 16)],
      },
      {
        code: `import { auth } from 'express-openid-connect';
app.use(auth({ idTokenSigningAlg: 'none', issuerBaseURL: 'https://issuer.example.com', baseURL, clientID, secret: process.env.SESSION_SECRET }));`,
        errors: [error('noneAlgorithm', 2, 16)],
      },
    ],
  });
});
