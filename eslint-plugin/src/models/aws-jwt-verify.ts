import type { LibraryModel } from './library-model';

/**
 * aws-jwt-verify: `CognitoJwtVerifier.create({ userPoolId, tokenUse, clientId })` or `JwtRsaVerifier.create({
 * issuer, audience, jwksUri })`, then `await verifier.verify(token)`. The algorithms come from the issuer's key
 * set; an audience (`clientId`, `audience`) set to `null` switches its check off.
 */
export const awsJwtVerify: LibraryModel = {
  id: 'aws-jwt-verify',
  modules: ['aws-jwt-verify'],
  verifies: [
    {
      call: [{ export: ['CognitoJwtVerifier', 'create'] }, { export: ['JwtRsaVerifier', 'create'] }],
      options: { index: 0, issuer: ['issuer', 'userPoolId'], audience: ['audience', 'clientId'] },
    },
  ],
  tokenCalls: [
    { name: 'verify', result: { claims: 'verified' }, traced: true },
    { name: 'verifySync', result: { claims: 'verified' }, traced: true },
  ],
  remedyModules: ['aws-jwt-verify'],
};
