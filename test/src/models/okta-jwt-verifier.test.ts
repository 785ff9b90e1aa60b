import { error, ruleCases } from './rule-cases';

describe('models: @okta/jwt-verifier', () => {
  ruleCases('no-unverified-claims', {
    valid: [
      `import OktaJwtVerifier from '@okta/jwt-verifier';
const oktaJwtVerifier = new OktaJwtVerifier({ issuer: 'https://example.okta.com/oauth2/default' });
app.get('/admin', async (req, res) => {
  const jwt = await oktaJwtVerifier.verifyAccessToken(req.headers.authorization.slice(7), 'api://default');
  if (!jwt.claims.scp.includes('admin')) return res.sendStatus(403);
  res.json(report());
});`,
      `const OktaJwtVerifier = require('@okta/jwt-verifier');
const verifier = new OktaJwtVerifier({ issuer: 'https://example.okta.com/oauth2/default' });
app.get('/admin', async (req, res) => {
  const { claims } = await verifier.verifyAccessToken(req.headers.authorization.slice(7), 'api://default');
  if (claims.role !== 'admin') return res.sendStatus(403);
  res.json(report());
});`,
    ],
    invalid: [],
  });
  ruleCases('require-jwt-validation', {
    valid: [
      `import OktaJwtVerifier from '@okta/jwt-verifier';
export const verifier = new OktaJwtVerifier({ issuer: 'https://example.okta.com/oauth2/default', clientId: 'client' });`,
    ],
    invalid: [
      {
        code: `import OktaJwtVerifier from '@okta/jwt-verifier';
export const verifier = new OktaJwtVerifier({ issuer: 'TODO: expected issuer' });`,
        errors: [error('placeholderOption', 2, 47)],
      },
    ],
  });
});
