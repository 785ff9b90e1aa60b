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
