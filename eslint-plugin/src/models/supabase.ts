import type { LibraryModel } from './library-model';

/**
 * Supabase Auth on the server: `supabase.auth.getUser(jwt)` asks the Auth server to check the token, while
 * `getSession()` only reads what the client stored (its own documentation says not to trust it on the server).
 */
export const supabase: LibraryModel = {
  id: 'supabase',
  modules: ['@supabase/supabase-js', '@supabase/ssr', '@supabase/auth-helpers-nextjs'],
  // The client is often made in another file: `supabase.auth.getUser(…)` is read by its `auth` receiver too, where
  // the client's name or module says Supabase (a project's own `auth.getUser(id)` is something else).
  verifies: [{ call: [{ member: ['getUser', 'getClaims'], receivers: ['auth'], receiverRoots: ['supabase'] }], options: {} }],
  tokenCalls: [
    { name: 'getUser', result: { claims: 'verified', members: ['data.user'] }, traced: true, receivers: ['auth'], receiverRoots: ['supabase'] },
    { name: 'getClaims', result: { claims: 'verified', members: ['data.claims'] }, traced: true, receivers: ['auth'], receiverRoots: ['supabase'] },
    { name: 'getSession', result: { claims: 'unverified', members: ['data.session'] }, traced: true, receivers: ['auth'], receiverRoots: ['supabase'] },
  ],
};
