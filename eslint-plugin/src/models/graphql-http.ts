import type { FrameworkModel } from './framework-model';

/**
 * graphql-http: `createHandler({ schema, rootValue, context })` from any of its adapters; the root object's functions
 * resolve the schema's fields with `(args, context, info)`, and the context is what the `context` function returns.
 */
const graphqlHttp: FrameworkModel = {
  kind: 'framework',
  id: 'graphql-http',
  name: 'graphql-http',
  packages: ['graphql-http'],
  covers:
    "each function of the `rootValue` object given to `createHandler` (in the same file, through variables and spreads) is a route (`POST` of the endpoint, named `Type.field` as the `buildSchema` SDL of the schema it is served with says, in the same file or imported); its first parameter is client input, its second the context the `context` option's function returned (verified only when built from a verified token); a `schema` of graphql-js object types serves its operation types' fields as routes of the endpoint",
  routeFramework: 'graphql',
  rootValues: {
    argumentsParameter: 0,
    contextParameter: 1,
    schemaBuilders: ['buildSchema'],
    servers: [{ name: 'createHandler', packages: ['graphql-http'], rootOption: 'rootValue', contextOption: 'context' }],
  },
};

export default graphqlHttp;
