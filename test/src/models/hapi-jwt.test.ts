import { error, ruleCases, suggestion } from './rule-cases';

// Three lines every case starts with: the strategy is on line 4.
const PLUGIN = `const Jwt = require('@hapi/jwt');
const server = require('./server');
server.register(Jwt);
`;
const KEYS = "keys: { uri: 'https://id.example.com/.well-known/jwks.json', algorithms: ['RS256'] }";

describe('models: @hapi/jwt', () => {
  ruleCases('require-jwt-validation', {
    valid: [
      `${PLUGIN}server.auth.strategy('jwt', 'jwt', {
  ${KEYS},
  verify: { aud: 'api', iss: 'https://id.example.com/', sub: false, exp: true, timeSkewSec: 15 },
  validate: (artifacts) => ({ isValid: true, credentials: artifacts.decoded.payload }),
});`,
      // Another library's `auth.strategy()` in a file that does not import @hapi/jwt is not this model's.
      `server.auth.strategy('session', 'cookie', { cookie: { password: process.env.COOKIE_PASSWORD } });`,
    ],
    invalid: [
      {
        // Registered in another file: the scheme name with this library's `keys` option says whose strategy it is.
        code: `export const configureAuth = (server) => server.auth.strategy('jwt', 'jwt', { ${KEYS}, verify: { aud: false, iss: 'https://id.example.com/', sub: false } });`,
        errors: [error('missingAudience', 1, 175)],
      },
      {
        code: `${PLUGIN}server.auth.strategy('jwt', 'jwt', { ${KEYS}, verify: false, validate: () => ({ isValid: true }) });`,
        // One report per check the switch turns off: issuer, audience and expiry.
        errors: [error('disabledCheck', 4, 124), error('disabledCheck', 4, 124), error('disabledCheck', 4, 124)],
      },
      {
        code: `${PLUGIN}server.auth.strategy('jwt', 'jwt', { ${KEYS}, verify: { aud: false, iss: 'https://id.example.com/', sub: false } });`,
        errors: [error('missingAudience', 4, 134)],
      },
      {
        code: `${PLUGIN}server.auth.strategy('jwt', 'jwt', { keys: process.env.JWT_SECRET, verify: { aud: 'api', sub: false, exp: false } });`,
        errors: [
          {
            ...error('missingIssuer', 4, 1),
            suggestions: [
              suggestion(
                'suggestAddPlaceholders',
                `${PLUGIN}server.auth.strategy('jwt', 'jwt', { keys: process.env.JWT_SECRET, verify: { aud: 'api', sub: false, exp: false, iss: 'TODO: expected issuer' } });`,
              ),
            ],
          },
          { ...error('disabledCheck', 4, 102), suggestions: [] },
        ],
      },
    ],
  });

  // `token.decode()` returns artifacts that `token.verify(artifacts, key)` checks: once that statement has passed, the
  // function goes on with verified claims.
  const decodeThenVerify = (verify: string) => `const Jwt = require('@hapi/jwt');
async function requireAdmin(token) {
  const artifacts = Jwt.token.decode(token);
  const payload = artifacts.decoded.payload;
${verify}
  if (payload.role !== 'admin') throw new Error('forbidden');
  return payload;
}
module.exports = { requireAdmin };`;
  ruleCases('no-unverified-claims', {
    valid: [decodeThenVerify('  Jwt.token.verify(artifacts, process.env.JWT_SECRET);'), decodeThenVerify('  await Jwt.token.verify(artifacts, { key: process.env.JWT_SECRET }, { aud: false });')],
    invalid: [
      // The verification may not run: the claims are not known to be verified.
      { code: decodeThenVerify('  if (process.env.STRICT) Jwt.token.verify(artifacts, process.env.JWT_SECRET);'), errors: [error('unverifiedClaims', 6, 7)] },
      // Verifying another token says nothing of this one.
      { code: decodeThenVerify('  Jwt.token.verify(Jwt.token.decode(process.env.SERVICE_TOKEN), process.env.JWT_SECRET);'), errors: [error('unverifiedClaims', 6, 7)] },
      // Nothing verifies the artifacts at all.
      { code: decodeThenVerify('  console.log(artifacts.decoded.header);'), errors: [error('unverifiedClaims', 6, 7)] },
    ],
  });
});
