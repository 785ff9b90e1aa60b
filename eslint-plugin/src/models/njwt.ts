import type { LibraryModel } from './library-model';

/**
 * njwt: `verify(token, key, algorithm)` (HS256 unless named) returns the token, its claims in `body`. It checks the
 * signature, the algorithm and expiry; it has no issuer or audience check.
 */
export const njwt: LibraryModel = {
  id: 'njwt',
  modules: ['njwt'],
  verifies: [{ call: [{ export: ['verify'] }], options: { index: 2, algorithmArgument: true, unchecked: ['issuer', 'audience'] }, key: { argument: 1 } }],
  keys: [{ call: [{ export: ['create'] }], key: { argument: 1 }, role: 'sign' }],
  tokenCalls: [{ name: 'verify', result: { claims: 'verified' }, traced: true }],
};
