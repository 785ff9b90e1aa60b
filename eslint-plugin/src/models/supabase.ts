import type { LibraryModel } from './library-model';

/**
 * Supabase Auth on the server: `supabase.auth.getUser(jwt)` asks the Auth server to check the token, while
 * `getSession()` only reads what the client stored (its own documentation says not to trust it on the server).
 */
export const supabase: LibraryModel = {
  id: 'supabase',
  modules: ['@supabase/supabase-js', '@supabase/ssr', '@supabase/auth-helpers-nextjs'],
  verifies: [{ call: [{ member: ['getUser', 'getClaims'] }], options: {} }],
  tokenCalls: [
    { name: 'getUser', result: { claims: 'verified', members: ['data.user'] }, traced: true },
    { name: 'getClaims', result: { claims: 'verified', members: ['data.claims'] }, traced: true },
    { name: 'getSession', result: { claims: 'unverified', members: ['data.session'] }, traced: true },
  ],
};
