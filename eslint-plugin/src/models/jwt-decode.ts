import type { LibraryModel } from './library-model';

/** jwt-decode only decodes: nothing it returns is verified. */
export const jwtDecode: LibraryModel = {
  id: 'jwt-decode',
  modules: ['jwt-decode'],
  tokenCalls: [
    { name: 'jwtDecode', result: { claims: 'unverified' }, byName: true, anyImport: true },
    { name: 'jwt_decode', result: { claims: 'unverified' }, anyImport: true },
  ],
};
