import type { LibraryModel } from './library-model';

/**
 * Names, not libraries: receivers named like a token library (`jwt`, `tokenService`) and project helpers named
 * `decodeToken` are read as token code wherever they come from.
 */
export const tokenConventions: LibraryModel = {
  id: 'token helpers',
  modules: [],
  tokenCalls: [{ name: 'decodeToken', result: { claims: 'unverified' }, anyImport: true }],
  receiverWords: ['jwt', 'jose', 'jsonwebtoken', 'token'],
};
