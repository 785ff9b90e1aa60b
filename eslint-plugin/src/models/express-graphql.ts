import type { FrameworkModel } from './framework-model';

/**
 * express-graphql: `graphqlHTTP({ schema, rootValue, context })`, where the root object's functions resolve the
 * schema's fields with `(args, context, info)`, and the context is the request unless the options say otherwise.
 */
const expressGraphql: FrameworkModel = {
  kind: 'framework',
  id: 'express-graphql',
  name: 'express-graphql',
  packages: ['express-graphql'],
  covers:
    "each function of the `rootValue` object (in the file that calls `graphqlHTTP`, through variables and spreads) is a route (`POST` of the endpoint, named `Type.field` as the `buildSchema` SDL of the schema it is served with says, in the same file or imported); its first parameter is client input (`GraphQL argument 'id'`), its second the context: the request itself when the options give none (so `context.auth` behind express-jwt on the mount is verified), otherwise what the `context` option builds, also when `graphqlHTTP((req) => ({ … }))` builds the options per request; a `schema` of graphql-js object types, with or without a root object, serves its operation types' fields as routes of the endpoint, their resolvers taking the same context",
  routeFramework: 'graphql',
  rootValues: {
    argumentsParameter: 0,
    contextParameter: 1,
    schemaBuilders: ['buildSchema'],
    servers: [{ name: 'graphqlHTTP', packages: ['express-graphql'], rootOption: 'rootValue', contextOption: 'context', requestIsDefaultContext: true, optionsPerRequest: true }],
  },
};

export default expressGraphql;
