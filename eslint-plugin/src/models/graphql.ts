import type { FrameworkModel } from './framework-model';

/** GraphQL resolver maps (Apollo Server and any server that takes `{ Query, Mutation, Subscription }` objects). */
const graphql: FrameworkModel = {
  kind: 'framework',
  id: 'graphql',
  name: 'GraphQL resolvers',
  packages: ['graphql', '@apollo/server', 'apollo-server', 'apollo-server-express', 'graphql-yoga', 'mercurius'],
  covers: 'resolver maps `{ Query: { field: (parent, args, context) => … } }`: `args` are client input, `context.req` is the request and `context.user`/`context.auth` verified identity',
  resolvers: { operations: ['Query', 'Mutation', 'Subscription'], argumentsParameter: 1, contextParameter: 2 },
};

export default graphql;
