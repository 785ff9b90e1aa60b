import type { LibraryModel } from './library-model';

export const passportHttp: LibraryModel = {
  id: 'passport-http',
  modules: ['passport-http'],
  schemes: [
    { kind: 'basic', call: [{ construct: ['BasicStrategy'] }] },
    { kind: 'digest', call: [{ construct: ['DigestStrategy'] }] },
  ],
  strategies: { basic: 'basic', digest: 'digest' },
};
