import type { LibraryModel } from './library-model';

/**
 * Passport and its Nest wrapper choose a strategy by name; the strategy's own model says what it means. After a login
 * (`passport.authenticate('local')`), `passport.session()` restores the logged-in user from the server-side session
 * onto `req.user` on every later request, and lets requests without one through
 * (https://www.passportjs.org/concepts/authentication/sessions/).
 */
export const passport: LibraryModel = {
  id: 'passport',
  modules: ['passport', '@nestjs/passport'],
  verifies: [{ call: [{ member: ['session'] }], options: {}, middleware: true, session: true, restores: 'req.user' }],
  strategySelectors: [{ method: 'authenticate' }, { export: ['AuthGuard'] }],
};
