import type { FrameworkModel } from './framework-model';

/** GraphQL resolver maps (Apollo Server and any server that takes `{ Query, Mutation, Subscription }` objects). */
const graphql: FrameworkModel = {
  kind: 'framework',
  id: 'graphql',
  name: 'GraphQL resolvers',
  packages: ['graphql', '@apollo/server', 'apollo-server', 'apollo-server-express', 'graphql-yoga', 'mercurius'],
  covers: 'resolver maps `{ Query: { field: (parent, args, context) => … } }`: each resolver is a route (`POST` of the endpoint, named `Type.field`) found through variables, spreads, arrays and imports up to `new ApolloServer`, `makeExecutableSchema`, `buildSubgraphSchema`, `expressMiddleware` and `startStandaloneServer`; graphql-js schemas (`new GraphQLSchema({ query, mutation })` of `new GraphQLObjectType({ name: \'Query\', fields })`), where each field config\'s `resolve(parent, args, context)` is a route of an operation type (`Query`, `Mutation`, `Subscription`) and a nested type\'s field resolver takes client arguments but is no route; `args` are client input, `context.req` is the request, and the context\'s other members are what its `context` builder returned (verified only when built from a verified token)',
  routeFramework: 'graphql',
  // `throw new GraphQLError('…', { extensions: { code: 'FORBIDDEN' } })`, Apollo's error codes.
  denyCodes: ['FORBIDDEN', 'UNAUTHENTICATED'],
  unauthenticatedCodes: ['UNAUTHENTICATED'],
  resolvers: {
    operations: ['Query', 'Mutation', 'Subscription'],
    argumentsParameter: 1,
    contextParameter: 2,
    // Every operation is a POST of the endpoint (GET queries exist, but a server that takes POST takes every operation).
    method: 'POST',
    schemaBuilders: [
      { name: 'ApolloServer', mapOptions: ['resolvers', 'schema'], contextOption: 'context' },
      { name: 'makeExecutableSchema', mapOptions: ['resolvers'] },
      { name: 'buildSubgraphSchema', mapOptions: ['resolvers'] },
      { name: 'createYoga', mapOptions: ['schema'], contextOption: 'context' },
      { name: 'createSchema', mapOptions: ['resolvers'] },
      // graphql-js: `new GraphQLSchema({ query: QueryType, mutation: MutationType })`, object types in each slot.
      {
        name: 'GraphQLSchema',
        mapOptions: ['query', 'mutation', 'subscription'],
        operationOptions: { query: 'Query', mutation: 'Mutation', subscription: 'Subscription' },
      },
    ],
    servers: [
      { name: 'expressMiddleware', instanceArgument: 0, contextOption: 'context' },
      { name: 'koaMiddleware', instanceArgument: 0, contextOption: 'context' },
      { name: 'startStandaloneServer', instanceArgument: 0, contextOption: 'context', standalone: true },
    ],
    objectTypes: { constructors: ['GraphQLObjectType'], packages: ['graphql'], nameOption: 'name', fieldsOption: 'fields', resolveKey: 'resolve', typeKey: 'type' },
  },
};

export default graphql;
