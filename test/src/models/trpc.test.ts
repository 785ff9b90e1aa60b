import * as assert from 'node:assert/strict';
import plugin from 'eslint-plugin-claimguard';
import { lintUnderBothParsers, runUnderBothParsers } from '../eslint-plugin/both-parsers';

// Four lines every case starts with: procedures begin on line 5.
const TRPC = `import { initTRPC, TRPCError } from '@trpc/server';
const t = initTRPC.create();
const publicProcedure = t.procedure;
const protectedProcedure = t.procedure.use(({ ctx, next }) => next());
`;

describe('tRPC model', () => {
  describe('no-untrusted-authorization', () => {
    const rule = plugin.rules['no-untrusted-authorization']!;
    runUnderBothParsers('no-untrusted-authorization', rule as never, {
      valid: [
        // Paging from the input is not a decision.
        `${TRPC}export const postRouter = t.router({
  feed: publicProcedure.input(feedInput).query(({ ctx, input }) => ctx.db.post.findMany({ take: 20, skip: input.cursor ? 1 : 0 })),
});`,
        // Scoped by the context's user, not by the input.
        `${TRPC}export const postRouter = t.router({
  mine: protectedProcedure.query(({ ctx }) => ctx.db.post.findMany({ where: { authorId: ctx.user.id } })),
});`,
        // \`.query()\` on something that is not a procedure builder is not a resolver.
        `const rows = knex('posts').query(({ input }) => input.userId === 'admin' ? all() : none());`,
      ],
      invalid: [
        {
          code: `${TRPC}export const accountRouter = t.router({
  orgStats: publicProcedure.query(({ ctx }) => {
    if (ctx.req.headers['x-org-role'] !== 'owner') throw new TRPCError({ code: 'FORBIDDEN' });
    return ctx.db.post.count();
  }),
});`,
          errors: [{ messageId: 'untrustedHeader', line: 7, column: 9, suggestions: [] }],
        },
        {
          code: `${TRPC}export const accountRouter = t.router({
  setRole: protectedProcedure.input(roleInput).mutation((opts) => {
    if (opts.input.role !== 'admin') throw new TRPCError({ code: 'FORBIDDEN' });
    return 'ok';
  }),
});`,
          errors: [{ messageId: 'untrustedArgument', line: 7, column: 9, suggestions: [] }],
        },
      ],
    });
  });

  describe('messages', () => {
    it('names procedure input as such', () => {
      const messages = lintUnderBothParsers(
        `${TRPC}export const accountRouter = t.router({
  draftsOf: protectedProcedure.input(draftsInput).query(({ ctx, input }) => {
    if (input.userId !== 'me') throw new TRPCError({ code: 'FORBIDDEN' });
    return [];
  }),
});`,
        { plugins: { claimguard: plugin }, rules: { 'claimguard/no-untrusted-authorization': 'error' } },
      );
      assert.equal(messages.length, 1);
      assert.match(messages[0]!.message, /procedure input 'userId'/);
    });
  });
});

/** A tRPC server in one file: routers on lines 9 and 10, served under /trpc with a context builder. */
function trpcServer(context: string, procedures: string): string {
  return `import { initTRPC, TRPCError } from '@trpc/server';
import { createExpressMiddleware } from '@trpc/server/adapters/express';
import express from 'express';
import { decodeJwt, jwtVerify } from 'jose';
const t = initTRPC.context().create();
const publicProcedure = t.procedure;
const protectedProcedure = t.procedure.use(({ ctx, next }) => { if (!ctx.user) throw new TRPCError({ code: 'UNAUTHORIZED' }); return next(); });
${context}
const postRouter = t.router({ ${procedures} });
const appRouter = t.router({ post: postRouter });
const app = express();
app.use('/trpc', createExpressMiddleware({ router: appRouter, createContext }));
`;
}

const VERIFIED = "async function createContext({ req }) { const { payload } = await jwtVerify(req.headers.authorization, JWKS, { algorithms: ['ES256'], issuer: 'https://id.example', audience: 'api' }); return { db, user: { id: payload.sub, role: payload.role } }; }";
const DECODED = 'async function createContext({ req }) { const claims = decodeJwt(req.headers.authorization); return { db, user: { id: claims.sub, role: claims.role } }; }';

describe('tRPC procedures as routes', () => {
  const config = { plugins: { claimguard: plugin }, rules: { 'claimguard/maturity-level': 'error' } } as const;

  it('grades each procedure as GET (query) or POST (mutation) of /trpc/<router>.<procedure>, public builders as unauthenticated', () => {
    const code = trpcServer(
      VERIFIED,
      `feed: publicProcedure.query(() => []),
  mine: protectedProcedure.query(({ ctx }) => ctx.db.post.findMany({ where: { authorId: ctx.user.id } })),
  archive: protectedProcedure.mutation(({ ctx }) => ctx.db.post.updateMany({ data: { archived: true } })),`,
    );
    const messages = lintUnderBothParsers(code, config);
    assert.deepEqual(
      messages.map((message) => [message.line, message.message.split(':')[0]]),
      [
        [9, 'Unauthenticated route GET /trpc/post.feed'],
        [11, 'Level 1'],
      ],
    );
  });

  it('reads middleware made with t.middleware and passed by name, and the Express adapter imported as a namespace', () => {
    const code = `import { initTRPC, TRPCError } from '@trpc/server';
import * as trpcExpress from '@trpc/server/adapters/express';
import express from 'express';
import { jwtVerify } from 'jose';
const t = initTRPC.context().create();
const isAuthed = t.middleware(({ ctx, next }) => { if (!ctx.user) throw new TRPCError({ code: 'UNAUTHORIZED' }); return next(); });
const protectedProcedure = t.procedure.use(isAuthed);
${VERIFIED}
const appRouter = t.router({ me: protectedProcedure.query(({ ctx }) => ctx.user.id), stats: t.procedure.query(() => 1) });
const app = express();
app.use('/trpc', trpcExpress.createExpressMiddleware({ router: appRouter, createContext }));
`;
    const messages = lintUnderBothParsers(code, config);
    assert.deepEqual(
      messages.map((message) => [message.line, message.message.split(':')[0]]),
      [
        [9, 'Level 1'],
        [9, 'Unauthenticated route GET /trpc/stats'],
      ],
    );
  });

  describe('no-unverified-claims: ctx is what createContext returned', () => {
    const rule = plugin.rules['no-unverified-claims']!;
    const adminOnly = `report: protectedProcedure.query(({ ctx }) => { if (ctx.user.role !== 'admin') throw new TRPCError({ code: 'FORBIDDEN' }); return []; }),`;
    runUnderBothParsers('no-unverified-claims', rule as never, {
      valid: [trpcServer(VERIFIED, adminOnly)],
      invalid: [
        {
          code: trpcServer(DECODED, adminOnly),
          // protectedProcedure's sign-in gate lets a forged token through too.
          errors: [
            { messageId: 'unverifiedClaims', line: 7, column: 70 },
            { messageId: 'unverifiedClaims', line: 9, column: 83 },
          ],
        },
      ],
    });
  });

  describe('require-ownership-check: a post loaded by procedure input', () => {
    const rule = plugin.rules['require-ownership-check']!;
    runUnderBothParsers('require-ownership-check', rule as never, {
      valid: [
        // The author compared with the verified user before anything is returned.
        trpcServer(
          VERIFIED,
          `remove: protectedProcedure.input(idInput).mutation(async ({ ctx, input }) => {
    const post = await ctx.db.post.findUnique({ where: { id: input.id } });
    if (!post || post.authorId !== ctx.user.id) throw new TRPCError({ code: 'NOT_FOUND' });
    return ctx.db.post.delete({ where: { id: post.id } });
  }),`,
        ),
      ],
      invalid: [
        {
          code: trpcServer(VERIFIED, `byId: protectedProcedure.input(idInput).query(({ ctx, input }) => ctx.db.post.findUnique({ where: { id: input.id } })),`),
          errors: [{ messageId: 'missingOwnershipCheck', line: 9, column: 109 }],
        },
      ],
    });
  });
});
