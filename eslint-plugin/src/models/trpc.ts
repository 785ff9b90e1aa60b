import type { FrameworkModel } from './framework-model';

/**
 * tRPC: procedures built from `t.procedure` and builders made from it (`protectedProcedure`), whose resolvers
 * `.query(({ ctx, input }) => …)` and `.mutation(…)` take the client's input and the context `createContext` built.
 */
const trpc: FrameworkModel = {
  kind: 'framework',
  id: 'trpc',
  name: 'tRPC',
  packages: ['@trpc/server'],
  covers: 'resolvers of `.query()`/`.mutation()`/`.subscription()` on `t.procedure` and builders named `…Procedure`: `input` is client input (`procedure input \'userId\'`), `ctx.req` the request; procedures are not yet graded as routes, and `ctx` members set by `createContext` are not yet read as verified',
  routeFramework: 'trpc',
  // `throw new TRPCError({ code: 'FORBIDDEN' })` answers 403, `'UNAUTHORIZED'` 401.
  denyCodes: ['FORBIDDEN', 'UNAUTHORIZED'],
  unauthenticatedCodes: ['UNAUTHORIZED'],
  procedures: {
    resolverMethods: ['query', 'mutation', 'subscription'],
    builders: ['*Procedure', 'procedure'],
    options: {
      input: { source: 'argument', label: 'procedure input' },
      ctx: { members: { req: { request: true } } },
    },
  },
};

export default trpc;
