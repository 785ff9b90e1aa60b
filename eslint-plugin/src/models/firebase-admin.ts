import type { LibraryModel } from './library-model';

/** `admin.auth().verifyIdToken(idToken)` checks the algorithm, issuer, audience and expiry itself. */
export const firebaseAdmin: LibraryModel = {
  id: 'firebase-admin',
  modules: ['firebase-admin', 'firebase-admin/auth'],
  // `admin.auth()` or `getAuth()` is often made in another file and exported as `auth`.
  verifies: [{ call: [{ member: ['verifyIdToken', 'verifySessionCookie'], receivers: ['auth', 'getAuth', 'adminAuth'] }], options: {} }],
  tokenCalls: [
    { name: 'verifyIdToken', result: { claims: 'verified' }, traced: true, receivers: ['auth', 'getAuth', 'adminAuth'] },
    { name: 'verifySessionCookie', result: { claims: 'verified' }, traced: true, receivers: ['auth', 'getAuth', 'adminAuth'] },
  ],
};
