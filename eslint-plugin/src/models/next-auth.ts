import type { LibraryModel } from './library-model';

/** Auth.js / NextAuth: `getServerSession(authOptions)` and `getToken({ req })` return the verified session or token. */
export const nextAuth: LibraryModel = {
  id: 'next-auth',
  modules: ['next-auth', 'next-auth/next', 'next-auth/jwt'],
  verifies: [{ call: [{ export: ['getServerSession'] }, { export: ['getToken'] }], options: {}, session: true }],
  tokenCalls: [
    { name: 'getServerSession', result: { claims: 'verified' }, traced: true },
    { name: 'getToken', result: { claims: 'verified' }, traced: true },
  ],
};
