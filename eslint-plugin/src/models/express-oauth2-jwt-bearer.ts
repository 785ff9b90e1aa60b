import type { LibraryModel } from './library-model';

export const expressOauth2JwtBearer: LibraryModel = {
  id: 'express-oauth2-jwt-bearer',
  modules: ['express-oauth2-jwt-bearer'],
  verifies: [
    {
      call: [{ export: ['auth'] }],
      // The library requires an issuer and an audience (from options or its env variables) and takes the
      // algorithms from the issuer's metadata, so only explicit switches weaken it.
      options: {
        index: 0,
        singleAlgorithm: ['tokenSigningAlg'],
        switches: [
          { path: 'validators.alg', check: 'algorithms', value: false },
          { path: 'validators.iss', check: 'issuer', value: false },
          { path: 'validators.aud', check: 'audience', value: false },
          { path: 'validators.exp', check: 'expiry', value: false },
          { path: 'authRequired', check: 'credentials', value: false },
        ],
        clockTolerance: { paths: ['clockTolerance'], unit: 'seconds' },
      },
      key: { options: ['secret'] },
      middleware: true,
    },
  ],
  claims: { path: 'req.auth.payload', framework: 'express', impliedBy: ['express-oauth2-jwt-bearer'] },
  remedyModules: ['express-oauth2-jwt-bearer'],
};
