import type { LibraryModel } from './library-model';

/** `app.use(auth({ … }))` validates the ID token and keeps the session; `req.oidc.user` holds its claims. */
export const expressOpenidConnect: LibraryModel = {
  id: 'express-openid-connect',
  modules: ['express-openid-connect'],
  verifies: [
    {
      call: [{ export: ['auth'] }],
      options: { index: 0, singleAlgorithm: ['idTokenSigningAlg'], switches: [{ path: 'authRequired', check: 'credentials', value: false }] },
      middleware: true,
      session: true,
    },
    { call: [{ export: ['requiresAuth'] }], options: {}, middleware: true, session: true },
  ],
  claims: { path: 'req.oidc.user', framework: 'express', impliedBy: ['express-openid-connect'] },
  verifiedPaths: ['req.oidc.user', 'req.oidc.idTokenClaims'],
};
