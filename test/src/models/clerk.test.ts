import { ruleCases } from './rule-cases';

describe('models: clerk', () => {
  ruleCases('no-untrusted-authorization', {
    valid: [
      `import { clerkMiddleware, getAuth } from '@clerk/express';
app.use(clerkMiddleware());
app.delete('/projects/:ownerId', (req, res) => {
  const { userId } = getAuth(req);
  if (userId !== req.params.ownerId) return res.sendStatus(403);
  res.sendStatus(204);
});`,
      {
        code: `import { auth } from '@clerk/nextjs/server';
export async function DELETE(request, { params }) {
  const { userId } = await auth();
  if (userId !== params.ownerId) return Response.json({ error: 'forbidden' }, { status: 403 });
  return new Response(null, { status: 204 });
}`,
        filename: 'app/api/projects/[ownerId]/route.ts',
      },
    ],
    invalid: [],
  });
  ruleCases('no-unverified-claims', {
    valid: [
      `import { getAuth } from '@clerk/express';
app.get('/admin', (req, res) => {
  const { sessionClaims } = getAuth(req);
  if (sessionClaims.metadata.role !== 'admin') return res.sendStatus(403);
  res.json(report());
});`,
    ],
    invalid: [],
  });
});
