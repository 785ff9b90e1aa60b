import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { forgetProjects } from '../../../eslint-plugin/out/project/index';
import { error, ruleCases, suggestion } from './rule-cases';

/** A route that requires the session of the app's own Auth.js `auth()` and reads the user from it. */
const ME_ROUTE = `import { auth } from '@/auth';
export async function GET() {
  const session = await auth();
  if (!session?.user) return Response.json({ error: 'unauthorized' }, { status: 401 });
  return Response.json({ name: session.user.name });
}`;

/** A route handler that requires the session of the `auth()` imported from `module`. */
function sessionRoute(module: string): string {
  return `import { auth } from '${module}';
export async function GET() {
  const session = await auth();
  if (!session?.user) return Response.json({ error: 'unauthorized' }, { status: 401 });
  return Response.json(await report());
}`;
}

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

/**
 * Auth.js v5: the app makes its helpers in its own `src/auth.ts` (`export const { handlers, auth } = NextAuth(config)`)
 * and its routes import `auth` from '@/auth'. Each case lints a route file of a small project written to a temporary
 * folder, so the project index follows '@/auth' (tsconfig `paths`) to that file on disk, as it would in the real app.
 */
describe('models: next-auth v5 (auth() from the app’s own auth.ts)', () => {
  const PROJECT = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'claimguard-authjs-')));
  const write = (name: string, text: string) => {
    fs.mkdirSync(path.dirname(path.join(PROJECT, name)), { recursive: true });
    fs.writeFileSync(path.join(PROJECT, name), text);
  };
  write('package.json', JSON.stringify({ name: 'authjs-cases', private: true, dependencies: { 'next-auth': '5.0.0-beta.25' } }));
  write('tsconfig.json', JSON.stringify({ compilerOptions: { paths: { '@/*': ['./src/*'] } } }));
  write('src/auth.ts', `import NextAuth from 'next-auth';
import GitHub from 'next-auth/providers/github';
export const { handlers, auth, signIn, signOut } = NextAuth({ providers: [GitHub] });
`);
  write('src/lib/legacy-auth.ts', `export async function auth() {
  return process.env.DEV_USER ? { user: { id: process.env.DEV_USER } } : null;
}
`);
  write('src/lib/partner-auth.ts', `import NextAuth from '@acme/session-kit';
export const { auth } = NextAuth({ realm: 'partners' });
`);
  // The bare middleware export redirects only where the configuration's `authorized` callback says, which is not here.
  write('src/middleware.ts', `export { auth as middleware } from '@/auth';
export const config = { matcher: ['/api/members/:path*'] };
`);
  write('src/lib/db.ts', `import { PrismaClient } from '@prisma/client';
export const db = new PrismaClient();
`);
  write('prisma/schema.prisma', `model Note {
  id      String @id
  title   String
  ownerId String
}
`);
  /** A route file of the project; the case's code is what gets linted, the file only has to exist. */
  const routeFile = (folder: string, extension = 'ts') => {
    const name = `src/app/api/${folder}/route.${extension}`;
    write(name, '');
    return path.join(PROJECT, name);
  };
  after(() => {
    fs.rmSync(PROJECT, { recursive: true, force: true });
    forgetProjects();
  });

  ruleCases('maturity-level', {
    valid: [],
    invalid: [
      {
        // Testing that the session holds a user is the authentication itself, as for getServerSession: Level 1.
        code: ME_ROUTE,
        filename: routeFile('me'),
        options: [{ minimumLevel: 2 }],
        errors: [error('belowMinimum', 2, 23)],
      },
      {
        // The same in JavaScript, under both parsers.
        code: ME_ROUTE,
        filename: routeFile('me-js', 'js'),
        options: [{ minimumLevel: 2 }],
        errors: [error('belowMinimum', 2, 23)],
      },
      {
        // A role from the session decides: Level 2, and a session has no token to pin.
        code: `import { auth } from '@/auth';
export async function GET() {
  const session = await auth();
  if (session?.user?.role !== 'admin') return Response.json({ error: 'forbidden' }, { status: 403 });
  return Response.json(await report());
}`,
        filename: routeFile('admin/audit'),
        errors: [error('belowMinimum', 2, 23)],
      },
      {
        // A handler wrapped by auth() reads the verified session as req.auth.
        code: `import { auth } from '@/auth';
export const GET = auth(function GET(req) {
  if (req.auth?.user?.role !== 'admin') return Response.json({ error: 'forbidden' }, { status: 403 });
  return Response.json(report());
});`,
        filename: routeFile('admin/export', 'js'),
        errors: [error('belowMinimum', 2, 20)],
      },
      {
        // A session read where there may be none (a greeting for guests) is no authentication of the route.
        code: `import { auth } from '@/auth';
export async function GET() {
  const session = await auth();
  return Response.json({ greeting: \`Hello \${session?.user?.name ?? 'guest'}\` });
}`,
        filename: routeFile('greeting'),
        errors: [error('unauthenticated', 2, 23)],
      },
      {
        // Nor is a handler wrapped by auth() that never requires req.auth.
        code: `import { auth } from '@/auth';
export const GET = auth((req) => Response.json({ signedIn: Boolean(req.auth) }));`,
        filename: routeFile('status', 'js'),
        errors: [error('unauthenticated', 2, 20)],
      },
      {
        // Under the bare `export { auth as middleware }`, a route that requires no session is not authenticated by it.
        code: `export async function GET() {
  return Response.json(await report());
}`,
        filename: routeFile('members/report'),
        errors: [error('unauthenticated', 1, 23)],
      },
      {
        // A function of the app's own named auth is no Auth.js session: nothing authenticates the route.
        code: sessionRoute('@/lib/legacy-auth'),
        filename: routeFile('legacy-report'),
        errors: [error('unauthenticated', 2, 23)],
      },
      {
        // A local function named auth, in the route file itself, is not followed as Auth.js either.
        code: `async function auth() {
  return { user: { name: 'dev' } };
}
export async function GET() {
  const session = await auth();
  if (!session?.user) return Response.json({ error: 'unauthorized' }, { status: 401 });
  return Response.json(await report());
}`,
        filename: routeFile('local-auth', 'js'),
        errors: [error('unauthenticated', 4, 23)],
      },
    ],
  });
  ruleCases('maturity-level', {
    // NextAuth of a package no model describes: what its auth() does is unknown, and unknown routes are not reported.
    valid: [
      {
        code: sessionRoute('@/lib/partner-auth'),
        filename: routeFile('partner-report'),
      },
    ],
    invalid: [],
  });
  ruleCases('require-ownership-check', {
    valid: [
      {
        code: `import { auth } from '@/auth';
import { db } from '@/lib/db';
export async function DELETE(request, { params }) {
  const session = await auth();
  if (!session?.user) return Response.json({ error: 'unauthorized' }, { status: 401 });
  const note = await db.note.findUnique({ where: { id: params.id } });
  if (!note || note.ownerId !== session.user.id) return Response.json({ error: 'not found' }, { status: 404 });
  await db.note.delete({ where: { id: note.id } });
  return new Response(null, { status: 204 });
}`,
        filename: routeFile('notes/[id]/js', 'js'),
      },
      {
        // Membership looked up by a compound unique key of the caller and the path id checks that id.
        code: `import { auth } from '@/auth';
import { db } from '@/lib/db';
export async function POST(request, { params }) {
  const session = await auth();
  if (!session) return Response.json({ error: 'unauthorized' }, { status: 401 });
  const member = await db.userConversation.findUnique({ where: { userId_conversationId: { userId: session.user.id, conversationId: params.id } } });
  if (!member) return Response.json({ error: 'forbidden' }, { status: 403 });
  await db.conversation.update({ where: { id: params.id }, data: { updatedAt: new Date() } });
  return new Response(null, { status: 204 });
}`,
        filename: routeFile('conversations/[id]/messages', 'js'),
      },
    ],
    invalid: [
      {
        code: `import { auth } from '@/auth';
import { db } from '@/lib/db';
export async function POST(request, { params }) {
  const session = await auth();
  if (!session) return Response.json({ error: 'unauthorized' }, { status: 401 });
  await db.conversation.update({ where: { id: params.id }, data: { updatedAt: new Date() } });
  return new Response(null, { status: 204 });
}`,
        filename: routeFile('conversations/[id]/touch', 'js'),
        errors: [error('missingOwnershipCheck', 6, 25)],
      },
      {
        code: `import { auth } from '@/auth';
import { db } from '@/lib/db';
export async function GET(request, { params }) {
  const session = await auth();
  if (!session?.user) return Response.json({ error: 'unauthorized' }, { status: 401 });
  return Response.json(await db.note.findUnique({ where: { id: params.id } }));
}`,
        filename: routeFile('notes/[id]/js', 'js'),
        // The remedy is the filter to write: the note's owner field and the session's subject, not a token's claims.
        errors: [{ ...error('missingOwnershipCheck', 6, 38), data: { operation: 'Reads', origin: "path param 'id'", claim: 'ownerId: session.user.id' } }],
      },
    ],
  });
});
