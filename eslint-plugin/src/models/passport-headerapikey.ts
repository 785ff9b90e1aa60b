import type { LibraryModel } from './library-model';

export const passportHeaderApiKey: LibraryModel = {
  id: 'passport-headerapikey',
  modules: ['passport-headerapikey'],
  schemes: [{ kind: 'api-key', call: [{ construct: ['HeaderAPIKeyStrategy'] }, { construct: [] }] }],
  strategies: { headerapikey: 'api-key', 'api-key': 'api-key', apikey: 'api-key', localapikey: 'api-key' },
};
