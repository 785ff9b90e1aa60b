import type { LibraryModel } from './library-model';

/** `admin.auth().verifyIdToken(idToken)` checks the algorithm, issuer, audience and expiry itself. */
export const firebaseAdmin: LibraryModel = {
  id: 'firebase-admin',
  modules: ['firebase-admin', 'firebase-admin/auth'],
  verifies: [{ call: [{ member: ['verifyIdToken', 'verifySessionCookie'] }], options: {} }],
  tokenCalls: [
    { name: 'verifyIdToken', result: { claims: 'verified' }, traced: true },
    { name: 'verifySessionCookie', result: { claims: 'verified' }, traced: true },
  ],
};
