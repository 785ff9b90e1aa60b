import type { LibraryModel } from './library-model';

/** jwks-rsa hands out the issuer's RSA keys from its key set; its helpers plug into the verifying middleware. */
export const jwksRsa: LibraryModel = {
  id: 'jwks-rsa',
  modules: ['jwks-rsa'],
  rsaKeySets: ['expressJwtSecret', 'passportJwtSecret', 'koaJwtSecret', 'hapiJwt2Key', 'hapiJwt2KeyAsync', 'getSigningKey', 'getSigningKeys'],
};
