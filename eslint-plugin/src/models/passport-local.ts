import type { LibraryModel } from './library-model';

/**
 * passport-local checks a user name and password. Behind a login route it starts a session; chosen with
 * `{ session: false }` on an API route, every request carries the password.
 */
export const passportLocal: LibraryModel = {
  id: 'passport-local',
  modules: ['passport-local'],
  strategies: { local: { kind: 'password', when: { option: 'session', value: false } } },
};
