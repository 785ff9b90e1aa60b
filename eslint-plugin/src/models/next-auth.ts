import type { LibraryModel } from './library-model';

/**
 * Auth.js / NextAuth: `getServerSession(authOptions)` and `getToken({ req })` return the verified session or token;
 * `getSession({ req })` from `next-auth/react` asks the session endpoint, which checks the session cookie.
 */
export const nextAuth: LibraryModel = {
  id: 'next-auth',
  modules: ['next-auth', 'next-auth/next', 'next-auth/jwt', 'next-auth/react'],
  verifies: [{ call: [{ export: ['getServerSession'] }, { export: ['getToken'] }, { export: ['getSession'] }], options: {}, session: true }],
  tokenCalls: [
    { name: 'getServerSession', result: { claims: 'verified' }, traced: true },
    { name: 'getToken', result: { claims: 'verified' }, traced: true },
    { name: 'getSession', result: { claims: 'verified' }, traced: true },
  ],
};
