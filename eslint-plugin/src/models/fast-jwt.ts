import type { LibraryModel, VerifyOptions } from './library-model';

/** How fast-jwt spells the checks of `createVerifier(options)`; @fastify/jwt passes the same options on. */
export function fastJwtOptions(index: number, prefix = ''): VerifyOptions {
  return {
    index,
    algorithms: [`${prefix}algorithms`],
    issuer: [`${prefix}allowedIss`],
    audience: [`${prefix}allowedAud`],
    switches: [{ path: `${prefix}ignoreExpiration`, check: 'expiry', value: true }],
    clockTolerance: { paths: [`${prefix}clockTolerance`], unit: 'milliseconds' },
  };
}

/** fast-jwt's factories return the function that verifies or decodes: `const verify = createVerifier({ key })`. */
export const fastJwt: LibraryModel = {
  id: 'fast-jwt',
  modules: ['fast-jwt'],
  verifies: [{ call: [{ export: ['createVerifier'] }], options: fastJwtOptions(0), key: { options: ['key'] } }],
  keys: [
    {
      call: [{ export: ['createSigner'] }],
      key: { options: ['key'], optionsArgument: 0 },
      role: 'sign',
      options: { index: 0, algorithm: 'algorithm', issuer: 'iss', audience: 'aud', expiry: 'expiresIn' },
    },
  ],
  tokenCalls: [
    { name: 'createVerifier', result: { claims: 'verified' }, traced: true, returnsFunction: true },
    { name: 'createDecoder', result: { claims: 'unverified' }, traced: true, returnsFunction: true },
  ],
  remedyModules: ['fast-jwt'],
};
