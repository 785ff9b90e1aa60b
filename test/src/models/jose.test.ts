import { error, ruleCases, suggestion } from './rule-cases';

describe('models: jose', () => {
  ruleCases('no-unverified-claims', {
    valid: [
      // jwtVerify against the issuer's remote key set: its payload is verified
      `import { createRemoteJWKSet, jwtVerify } from 'jose';
const JWKS = createRemoteJWKSet(new URL('https://issuer.example.com/.well-known/jwks.json'));
app.get('/admin', async (req, res) => {
  const { payload } = await jwtVerify(req.headers.authorization.slice(7), JWKS, { algorithms: ['RS256'], issuer: 'https://issuer.example.com/', audience: 'api' });
  if (payload.role !== 'admin') return res.sendStatus(403);
  res.json(report());
});`,
      // verify first, then peek at the header: the decision uses the verified payload
      `import * as jose from 'jose';
app.get('/admin', async (req, res) => {
  const token = req.headers.authorization.slice(7);
  const { kid } = jose.decodeProtectedHeader(token);
  const { payload } = await jose.jwtVerify(token, keys[kid], { algorithms: ['RS256'], issuer, audience });
  if (payload.role !== 'admin') return res.sendStatus(403);
  res.json(report());
});`,
    ],
    invalid: [
      {
        code: `import { decodeJwt } from 'jose';
app.get('/admin', (req, res) => {
  const claims = decodeJwt(req.headers.authorization.slice(7));
  if (claims.role !== 'admin') return res.sendStatus(403);
  res.json(report());
});`,
        errors: [error('unverifiedClaims', 4, 7)],
      },
      {
        // An unsecured JWT carries no signature at all.
        code: `import { UnsecuredJWT } from 'jose';
app.get('/admin', (req, res) => {
  const { payload } = UnsecuredJWT.decode(req.headers.authorization.slice(7));
  if (payload.role !== 'admin') return res.sendStatus(403);
  res.json(report());
});`,
        errors: [error('unverifiedClaims', 4, 7)],
      },
    ],
  });
  ruleCases('require-jwt-validation', {
    valid: [
      `import { createRemoteJWKSet, jwtVerify } from 'jose';
const JWKS = createRemoteJWKSet(new URL('https://issuer.example.com/.well-known/jwks.json'));
export async function claimsOf(token) {
  return (await jwtVerify(token, JWKS, { algorithms: ['RS256'], issuer: 'https://issuer.example.com/', audience: 'api' })).payload;
}`,
    ],
    invalid: [
      {
        code: `import { createRemoteJWKSet, jwtVerify } from 'jose';
const JWKS = createRemoteJWKSet(new URL('https://issuer.example.com/.well-known/jwks.json'));
export async function claimsOf(token) {
  return (await jwtVerify(token, JWKS, { algorithms: ['RS256'] })).payload;
}`,
        errors: [
          {
            ...error('missingChecks', 4, 17),
            suggestions: [
              suggestion(
                'suggestAddPlaceholders',
                `import { createRemoteJWKSet, jwtVerify } from 'jose';
const JWKS = createRemoteJWKSet(new URL('https://issuer.example.com/.well-known/jwks.json'));
export async function claimsOf(token) {
  return (await jwtVerify(token, JWKS, { algorithms: ['RS256'], issuer: 'TODO: expected issuer', audience: 'TODO: expected audience' })).payload;
}`,
              ),
            ],
          },
        ],
      },
    ],
  });
});
