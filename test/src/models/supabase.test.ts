import { error, ruleCases } from './rule-cases';

describe('models: supabase', () => {
  ruleCases('no-unverified-claims', {
    valid: [
      // getUser(jwt) asks the Auth server to check the token.
      `import { createClient } from '@supabase/supabase-js';
const supabase = createClient(process.env.SUPABASE_URL, process.env.SUPABASE_ANON_KEY);
app.get('/admin', async (req, res) => {
  const { data: { user } } = await supabase.auth.getUser(req.headers.authorization.slice(7));
  if (user.app_metadata.role !== 'admin') return res.sendStatus(403);
  res.json(report());
});`,
      `import { createClient } from '@supabase/supabase-js';
const supabase = createClient(process.env.SUPABASE_URL, process.env.SUPABASE_ANON_KEY);
app.get('/admin', async (req, res) => {
  const { data } = await supabase.auth.getUser(req.headers.authorization.slice(7));
  if (data.user.app_metadata.role !== 'admin') return res.sendStatus(403);
  res.json(report());
});`,
    ],
    invalid: [
      {
        code: `import { supabase } from '../services/supabase-client.js';
export default async function requireAdmin(req, res, next) {
  const { data } = await supabase.auth.getSession();
  if (data.session.user.app_metadata.role !== 'admin') return res.status(403).json({ error: 'forbidden' });
  next();
}`,
        errors: [error('unverifiedClaims', 4, 7)],
      },
      {
        // getSession() on the server returns what the client stored, unverified.
        code: `import { createClient } from '@supabase/supabase-js';
const supabase = createClient(process.env.SUPABASE_URL, process.env.SUPABASE_ANON_KEY);
app.get('/admin', async (req, res) => {
  const { data: { session } } = await supabase.auth.getSession();
  if (session.user.app_metadata.role !== 'admin') return res.sendStatus(403);
  res.json(report());
});`,
        errors: [error('unverifiedClaims', 5, 7)],
      },
      {
        code: `const { createServerClient } = require('@supabase/ssr');
async function handler(req, res) {
  const client = createServerClient(url, key, { cookies });
  const session = (await client.auth.getSession()).data.session;
  if (session.user.role !== 'admin') return res.status(403).end();
  res.json(report());
}
app.get('/admin', handler);`,
        errors: [error('unverifiedClaims', 5, 7)],
      },
    ],
  });
  ruleCases('maturity-level', {
    valid: [
      {
        // The client is made in another file of the project; getUser(jwt) still verifies the token.
        code: `import { supabase } from '../services/supabase-client.js';
app.get('/admin', async (req, res) => {
  const { data, error } = await supabase.auth.getUser(req.headers.authorization?.split(' ')[1]);
  if (error) return res.sendStatus(401);
  if (data.user.app_metadata.role !== 'admin') return res.sendStatus(403);
  res.json(report());
});`,
        options: [{ minimumLevel: 3 }],
      },
    ],
    invalid: [
      {
        // A project's own auth service with a getUser(id) method is not Supabase: nothing verifies a token here.
        code: `import { auth } from '../services/auth.js';
app.get('/admin', async (req, res) => {
  const { data } = await auth.getUser(req.params.id);
  if (data.user.role !== 'admin') return res.sendStatus(403);
  res.json(report());
});`,
        options: [{ minimumLevel: 3 }],
        errors: [error('unauthenticated', 2, 1)],
      },
    ],
  });
});

describe('models: supabase query builder', () => {
  // Behind a verified Supabase user: the handler's body starts on line 6.
  const handler = (body: string) => `import { createClient } from '@supabase/supabase-js';
const supabase = createClient(process.env.SUPABASE_URL, process.env.SUPABASE_SERVICE_KEY);
app.delete('/invoices/:id', async (req, res) => {
  const { data: { user } } = await supabase.auth.getUser(req.headers.authorization.slice(7));
  if (!user) return res.sendStatus(401);
${body}
  res.sendStatus(204);
});`;
  ruleCases('require-ownership-check', {
    valid: [
      // Scoped by the verified user, as a second filter or in a match object.
      handler("  await supabase.from('invoices').delete().eq('id', req.params.id).eq('user_id', user.id);"),
      handler("  await supabase.from('invoices').update({ paid: true }).match({ id: req.params.id, owner_id: user.id });"),
      // The caller's own rows only.
      handler("  await supabase.from('invoices').select('*').eq('user_id', user.id);"),
      // An array's filter is not a query.
      handler("  const kept = [req.params.id].filter((id) => id !== 'x');\n  await supabase.from('audit').insert({ kept });"),
    ],
    invalid: [
      { code: handler("  await supabase.from('invoices').delete().eq('id', req.params.id);"), errors: [error('missingOwnershipCheck', 6, 35)] },
      { code: handler("  await supabase.from('invoices').update({ paid: true }).match({ id: req.params.id });"), errors: [error('missingOwnershipCheck', 6, 35)] },
      { code: handler("  const { data } = await supabase.from('invoices').select('*').filter('id', 'eq', req.params.id).single();\n  res.json(data);"), errors: [error('missingOwnershipCheck', 6, 98)] },
    ],
  });
});
