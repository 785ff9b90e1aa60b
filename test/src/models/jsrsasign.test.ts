import { error, ruleCases, suggestion } from './rule-cases';

describe('models: jsrsasign', () => {
  ruleCases('require-jwt-validation', {
    valid: [
      `import { KJUR, KEYUTIL } from 'jsrsasign';
const key = KEYUTIL.getKey(publicPem);
export const valid = (token) => KJUR.jws.JWS.verifyJWT(token, key, { alg: ['RS256'], iss: ['https://issuer.example.com'], aud: ['api'], verifyAt: KJUR.jws.IntDate.getNow() });`,
      `const jsrsasign = require('jsrsasign');
exports.valid = (token) => jsrsasign.KJUR.jws.JWS.verify(token, key, ['RS256']);`,
    ],
    invalid: [
      {
        code: `import { KJUR } from 'jsrsasign';
export const valid = (token) => KJUR.jws.JWS.verifyJWT(token, key, { alg: ['RS256'] });`,
        errors: [
          {
            ...error('missingChecks', 2, 33),
            suggestions: [
              suggestion(
                'suggestAddPlaceholders',
                `import { KJUR } from 'jsrsasign';
export const valid = (token) => KJUR.jws.JWS.verifyJWT(token, key, { alg: ['RS256'], iss: 'TODO: expected issuer', aud: 'TODO: expected audience' });`,
              ),
            ],
          },
        ],
      },
      {
        // Without an algorithm list, the token's header picks the algorithm.
        code: `import { KJUR } from 'jsrsasign';
export const valid = (token) => KJUR.jws.JWS.verify(token, key);`,
        errors: [error('missingAlgorithms', 2, 33)],
      },
    ],
  });
  ruleCases('no-unverified-claims', {
    valid: [],
    invalid: [
      {
        code: `import { KJUR } from 'jsrsasign';
app.get('/admin', (req, res) => {
  const { payloadObj } = KJUR.jws.JWS.parse(req.headers.authorization.slice(7));
  if (payloadObj.role !== 'admin') return res.sendStatus(403);
  res.json(report());
});`,
        errors: [error('unverifiedClaims', 4, 7)],
      },
    ],
  });
});
