import type { LibraryModel } from './library-model';

/**
 * @tsndr/cloudflare-worker-jwt: `verify(token, secret, algorithm | { algorithm })` checks the signature with the named
 * algorithm (HS256 unless named) and `exp`/`nbf` when the token has them, and returns `true` (version 2) or the
 * decoded `{ header, payload }` (version 3); `decode(token)` checks nothing. It has no issuer or audience option.
 */
export const cloudflareWorkerJwt: LibraryModel = {
  id: '@tsndr/cloudflare-worker-jwt',
  modules: ['@tsndr/cloudflare-worker-jwt'],
  verifies: [{ call: [{ export: ['verify'] }], options: { index: 2, singleAlgorithm: ['algorithm'], algorithmArgument: true, unchecked: ['issuer', 'audience'] }, key: { argument: 1 } }],
  keys: [{ call: [{ export: ['sign'] }], key: { argument: 1 }, role: 'sign', claims: { argument: 0 } }],
  tokenCalls: [
    { name: 'decode', result: { claims: 'unverified', members: ['payload', 'header'] }, traced: true },
    { name: 'verify', result: { claims: 'verified', members: ['payload'] }, traced: true },
  ],
  remedyModules: ['@tsndr/cloudflare-worker-jwt'],
};
