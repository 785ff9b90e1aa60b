import type { LibraryModel } from './library-model';

/**
 * Auth.js / NextAuth: `getServerSession(authOptions)` and `getToken({ req })` return the verified session or token;
 * `getSession({ req })` from `next-auth/react` asks the session endpoint, which checks the session cookie.
 * Auth.js v5 apps write `export const { auth, handlers } = NextAuth(config)` in a file of their own: `auth()` returns
 * the session it verified from the cookie, and `auth(handler)` hands the handler a request whose `auth` holds it
 * (https://authjs.dev/reference/nextjs#auth).
 */
export const nextAuth: LibraryModel = {
  id: 'next-auth',
  modules: ['next-auth', 'next-auth/next', 'next-auth/jwt', 'next-auth/react'],
  verifies: [{ call: [{ export: ['getServerSession'] }, { export: ['getToken'] }, { export: ['getSession'] }], options: {}, session: true }],
  tokenCalls: [
    { name: 'getServerSession', result: { claims: 'verified', session: true }, traced: true },
    { name: 'getToken', result: { claims: 'verified', session: true }, traced: true },
    { name: 'getSession', result: { claims: 'verified', session: true }, traced: true },
  ],
  resultMembers: [{ of: [], member: 'auth', result: { claims: 'verified', session: true }, session: true, wrapsHandler: { requestProperty: 'auth' } }],
};
