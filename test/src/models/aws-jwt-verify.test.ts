import { error, ruleCases, suggestion } from './rule-cases';

describe('models: aws-jwt-verify', () => {
  ruleCases('no-unverified-claims', {
    valid: [
      `import { CognitoJwtVerifier } from 'aws-jwt-verify';
const verifier = CognitoJwtVerifier.create({ userPoolId: 'eu-west-1_abc', tokenUse: 'access', clientId: 'client' });
app.get('/admin', async (req, res) => {
  const payload = await verifier.verify(req.headers.authorization.slice(7));
  if (!payload['cognito:groups'].includes('admin')) return res.sendStatus(403);
  res.json(report());
});`,
    ],
    invalid: [
      {
        // The verifier is there, but the decision reads a decoded copy.
        code: `import { CognitoJwtVerifier } from 'aws-jwt-verify';
import { jwtDecode } from 'jwt-decode';
const verifier = CognitoJwtVerifier.create({ userPoolId: 'eu-west-1_abc', tokenUse: 'access', clientId: 'client' });
app.get('/admin', async (req, res) => {
  const claims = jwtDecode(req.headers.authorization.slice(7));
  if (!claims['cognito:groups'].includes('admin')) return res.sendStatus(403);
  res.json(report());
});`,
        errors: [error('unverifiedClaims', 6, 8)],
      },
    ],
  });
  ruleCases('require-jwt-validation', {
    valid: [
      `import { CognitoJwtVerifier } from 'aws-jwt-verify';
export const verifier = CognitoJwtVerifier.create({ userPoolId: 'eu-west-1_abc', tokenUse: 'access', clientId: 'client' });`,
      `const { JwtRsaVerifier } = require('aws-jwt-verify');
exports.verifier = JwtRsaVerifier.create({ issuer: 'https://issuer.example.com', audience: 'api', jwksUri: 'https://issuer.example.com/jwks' });`,
    ],
    invalid: [
      {
        // `clientId: null` switches the audience check off.
        code: `import { CognitoJwtVerifier } from 'aws-jwt-verify';
export const verifier = CognitoJwtVerifier.create({ userPoolId: 'eu-west-1_abc', tokenUse: 'access', clientId: null });`,
        errors: [{ ...error('missingAudience', 2, 102), data: { library: 'aws-jwt-verify', option: 'clientId' } }],
      },
      {
        code: `import { JwtRsaVerifier } from 'aws-jwt-verify';
export const verifier = JwtRsaVerifier.create({ jwksUri: 'https://issuer.example.com/jwks', audience: 'api' });`,
        errors: [
          {
            ...error('missingIssuer', 2, 25),
            suggestions: [
              suggestion(
                'suggestAddPlaceholders',
                `import { JwtRsaVerifier } from 'aws-jwt-verify';
export const verifier = JwtRsaVerifier.create({ jwksUri: 'https://issuer.example.com/jwks', audience: 'api', issuer: 'TODO: expected issuer' });`,
              ),
            ],
          },
        ],
      },
    ],
  });
});
