import * as assert from 'node:assert/strict';
import { tempProjectLevels, untrustedDecisions } from './temp-project';

/**
 * A context builder in a file of its own (`createContext({ req })` for tRPC, Apollo's `context`): its file cannot
 * tell that `req` is the request, but the server it is given to can. What it copies from the request's headers is
 * those headers, however the context names it (`ctx.user.role`). ESM JavaScript (espree) and TypeScript.
 */
describe('context builders of another file that copy request headers', function () {
  this.timeout(60_000);

  const ROUTER = `import { TRPCError } from '@trpc/server';
import { router, protectedProcedure } from './trpc.js';
export const appRouter = router({
  adminStats: protectedProcedure.query(({ ctx }) => {
    if (ctx.user.role !== 'admin') throw new TRPCError({ code: 'FORBIDDEN' });
    return { count: 1 };
  }),
});
`;
  const TRPC = `import { initTRPC, TRPCError } from '@trpc/server';
const t = initTRPC.context().create();
export const router = t.router;
export const protectedProcedure = t.procedure.use(({ ctx, next }) => {
  if (!ctx.user) throw new TRPCError({ code: 'UNAUTHORIZED' });
  return next({ ctx });
});
`;
  const INDEX = `import { createHTTPServer } from '@trpc/server/adapters/standalone';
import { appRouter } from './router.js';
import { createContext } from './context.js';
createHTTPServer({ router: appRouter, createContext }).listen(3000);
`;

  it('reads a tRPC context built from headers as those headers', async () => {
    const files = {
      'server/index.js': INDEX,
      'server/trpc.js': TRPC,
      'server/router.js': ROUTER,
      'server/context.js': `export async function createContext({ req }) {
  const userId = req.headers['x-user-id'];
  return { user: userId ? { id: userId, role: req.headers['x-user-role'] } : null };
}
`,
    };
    assert.deepEqual(await untrustedDecisions(files, 'context-builders'), ["server/router.js:5 Authorization decision uses header 'x-user-role'"]);
    assert.deepEqual(tempProjectLevels(files, 'context-builders'), { 'GET /adminStats': 'unauthenticated' });
  });

  it('keeps a context built from a verified token verified', async () => {
    const files = {
      'server/index.js': INDEX,
      'server/trpc.js': TRPC,
      'server/router.js': ROUTER,
      'server/context.js': `import jwt from 'jsonwebtoken';
export async function createContext({ req }) {
  const token = (req.headers.authorization ?? '').slice(7);
  const claims = jwt.verify(token, process.env.JWT_PUBLIC_KEY, { algorithms: ['RS256'], issuer: 'https://id.example.com', audience: 'api' });
  return { user: { id: claims.sub, role: claims.role } };
}
`,
    };
    assert.deepEqual(await untrustedDecisions(files, 'context-builders'), []);
    assert.deepEqual(tempProjectLevels(files, 'context-builders'), { 'GET /adminStats': 3 });
  });

  it('reads an Apollo context function of another file the same way', async () => {
    const files = {
      'src/server.ts': `import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { resolvers } from './resolvers.js';
import { context } from './context.js';
const server = new ApolloServer({ typeDefs: 'type Query { report: String }', resolvers });
await startStandaloneServer(server, { context });
`,
      'src/context.ts': `import type { IncomingMessage } from 'node:http';
export const context = async ({ req }: { req: IncomingMessage }) => ({ viewer: { role: req.headers['x-role'] } });
`,
      'src/resolvers.ts': `export const resolvers = {
  Query: {
    report: (_: unknown, __: unknown, ctx: { viewer: { role: string } }) => {
      if (ctx.viewer.role !== 'admin') throw new Error('Forbidden');
      return 'report';
    },
  },
};
`,
    };
    assert.deepEqual(await untrustedDecisions(files, 'context-builders'), ["src/resolvers.ts:4 Authorization decision uses header 'x-role'"]);
  });
});
