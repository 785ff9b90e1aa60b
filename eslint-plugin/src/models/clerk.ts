import type { LibraryModel } from './library-model';

/** Clerk's middleware verifies the session token; `getAuth(req)` and `auth()` read what it verified. */
export const clerk: LibraryModel = {
  id: 'clerk',
  modules: ['@clerk/express', '@clerk/clerk-sdk-node', '@clerk/fastify', '@clerk/nextjs/server', '@clerk/nextjs'],
  verifies: [
    {
      call: [{ export: ['clerkMiddleware'] }, { export: ['requireAuth'] }, { export: ['ClerkExpressRequireAuth'] }, { export: ['ClerkExpressWithAuth'] }],
      options: {},
      middleware: true,
    },
  ],
  tokenCalls: [
    { name: 'getAuth', result: { claims: 'verified' }, traced: true },
    { name: 'auth', result: { claims: 'verified' }, traced: true },
    { name: 'currentUser', result: { claims: 'verified' }, traced: true },
  ],
  claims: { path: 'req.auth', framework: 'express' },
};
