import type { LibraryModel } from './library-model';

/** Passport and its Nest wrapper choose a strategy by name; the strategy's own model says what it means. */
export const passport: LibraryModel = {
  id: 'passport',
  modules: ['passport', '@nestjs/passport'],
  strategySelectors: [{ method: 'authenticate' }, { export: ['AuthGuard'] }],
};
