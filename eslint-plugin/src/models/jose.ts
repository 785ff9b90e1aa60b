import type { LibraryModel } from './library-model';

export const jose: LibraryModel = {
  id: 'jose',
  modules: ['jose'],
  verifies: [
    {
      call: [{ export: ['jwtVerify'] }],
      options: { index: 2, algorithms: ['algorithms'], issuer: ['issuer'], audience: ['audience'], clockTolerance: { paths: ['clockTolerance'], unit: 'timespan' } },
      key: { argument: 1 },
      resultMember: 'payload',
    },
  ],
  keys: [{ call: [{ chain: ['SignJWT'], method: 'sign' }], key: { argument: 0 }, role: 'sign', claims: { chainArgument: 0 }, expiryMethod: 'setExpirationTime' }],
  tokenCalls: [
    { name: 'jwtVerify', result: { claims: 'verified', members: ['payload'] }, byName: true },
    { name: 'decodeJwt', result: { claims: 'unverified' }, byName: true, anyImport: true },
    { name: 'decodeProtectedHeader', result: { claims: 'unverified' }, anyImport: true },
    // `UnsecuredJWT.decode(token)`: an unsigned token's `{ payload, header }`.
    { name: 'decode', result: { claims: 'unverified', members: ['payload', 'header'] }, traced: true },
  ],
  // `jwtVerify(token, EmbeddedJWK)` verifies a token with the key it carries: anyone can sign one.
  embeddedKeys: ['EmbeddedJWK'],
  remedyModules: ['jose'],
};
