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
  covers: 'each procedure of `t.router({ … })` is a route (`GET` for `.query()`, `POST` for `.mutation()`, `/trpc/<router>.<procedure>` under the adapter\'s mount) through nested routers and imports up to `createExpressMiddleware`, `createHTTPServer` and `fetchRequestHandler`; builders named `…Procedure` run their `.use()` middleware first, also middleware made with `t.middleware()` and passed by name; adapters imported whole (`trpcExpress.createExpressMiddleware`) serve as the named import does; `input` is client input (`procedure input \'userId\'`), `ctx.req` the request, and the other members of `ctx` are what `createContext` returned (verified only when built from a verified token)',
  routeFramework: 'trpc',
  request: { hostRequestMembers: ['req'] },
  // `throw new TRPCError({ code: 'FORBIDDEN' })` answers 403, `'UNAUTHORIZED'` 401.
  denyCodes: ['FORBIDDEN', 'UNAUTHORIZED'],
  unauthenticatedCodes: ['UNAUTHORIZED'],
  procedures: {
    resolverMethods: ['query', 'mutation', 'subscription'],
    builders: ['*Procedure', 'procedure'],
    options: {
      input: { source: 'argument', label: 'procedure input' },
      ctx: { context: true },
    },
    middlewareMethods: ['use'],
    middlewareFactories: ['middleware'],
    routeMethods: { query: 'GET', mutation: 'POST', subscription: 'GET' },
    routerFactories: ['router', 'createTRPCRouter'],
    servers: [
      { name: 'createExpressMiddleware', instanceArgument: 0, instanceOption: 'router', contextOption: 'createContext' },
      { name: 'createHTTPHandler', instanceArgument: 0, instanceOption: 'router', contextOption: 'createContext' },
      { name: 'createHTTPServer', instanceArgument: 0, instanceOption: 'router', contextOption: 'createContext', standalone: true },
      { name: 'createNextApiHandler', instanceArgument: 0, instanceOption: 'router', contextOption: 'createContext' },
    ],
  },
};

export default trpc;
