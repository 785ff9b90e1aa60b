import { error, ruleCases, suggestion } from './rule-cases';

describe('models: next-auth', () => {
  ruleCases('no-untrusted-authorization', {
    valid: [
      {
        code: `import { getServerSession } from 'next-auth';
import { authOptions } from './auth-options';
export async function DELETE(request, { params }) {
  const session = await getServerSession(authOptions);
  if (session.user.id !== params.id) return Response.json({ error: 'forbidden' }, { status: 403 });
  return new Response(null, { status: 204 });
}`,
        filename: 'app/api/users/[id]/route.ts',
      },
      {
        code: `import { getToken } from 'next-auth/jwt';
export async function GET(request) {
  const token = await getToken({ req: request });
  if (token.role !== 'admin') return Response.json({ error: 'forbidden' }, { status: 403 });
  return Response.json(await report());
}`,
        filename: 'app/api/admin/route.ts',
      },
      // next-connect style middleware: the session endpoint checks the cookie.
      `import { getSession } from 'next-auth/react';
export default async function handler(req, res) {
  const session = await getSession({ req });
  if (session.user.id !== req.query.ownerId) return res.status(403).end('Forbidden');
  res.json(await projectsOf(session.user.id));
}`,
    ],
    invalid: [
      {
        code: `import { getServerSession } from 'next-auth';
export async function GET(request) {
  const session = await getServerSession();
  if (!session || request.headers.get('x-role') !== 'admin') return Response.json({ error: 'forbidden' }, { status: 403 });
  return Response.json(await report());
}`,
        filename: 'app/api/admin/route.ts',
        errors: [
          {
            ...error('untrustedHeader', 4, 19),
            suggestions: [
              suggestion(
                'suggestVerifiedClaim',
                `import { getServerSession } from 'next-auth';
export async function GET(request) {
  const session = await getServerSession();
  if (!session || session.role !== 'admin') return Response.json({ error: 'forbidden' }, { status: 403 });
  return Response.json(await report());
}`,
              ),
            ],
          },
        ],
      },
    ],
  });
  ruleCases('maturity-level', {
    valid: [],
    invalid: [
      {
        // A session decides, but a session pins no algorithms, issuer or audience: Level 2, not 3.
        code: `import { getServerSession } from 'next-auth';
export async function GET() {
  const session = await getServerSession(authOptions);
  if (session?.user?.role !== 'admin') return Response.json({ error: 'forbidden' }, { status: 403 });
  return Response.json(await report());
}`,
        filename: 'app/api/admin/route.ts',
        options: [{ minimumLevel: 3 }],
        errors: [error('belowMinimum', 2, 23)],
      },
    ],
  });
});
