import type { LibraryModel } from './library-model';

/**
 * `new OktaJwtVerifier({ issuer, clientId })`, then `verifyAccessToken(token, audience)`: the library pins RS256
 * and the issuer's keys and checks expiry; the claims are in the result's `claims`.
 */
export const oktaJwtVerifier: LibraryModel = {
  id: '@okta/jwt-verifier',
  modules: ['@okta/jwt-verifier'],
  verifies: [{ call: [{ construct: [] }], options: { index: 0, issuer: ['issuer'] } }],
  tokenCalls: [
    { name: 'verifyAccessToken', result: { claims: 'verified', members: ['claims'] }, traced: true },
    { name: 'verifyIdToken', result: { claims: 'verified', members: ['claims'] }, traced: true },
  ],
};
