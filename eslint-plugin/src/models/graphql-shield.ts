import type { FrameworkModel } from './framework-model';

/**
 * graphql-shield: `shield({ Query: { report: isAdmin }, Mutation: { '*': isAuthenticated } })` applied to a schema
 * with `applyMiddleware(schema, permissions)`; each rule is `rule()((parent, args, ctx, info) => …)`.
 */
const graphqlShield: FrameworkModel = {
  kind: 'framework',
  id: 'graphql-shield',
  name: 'graphql-shield',
  packages: ['graphql-shield', 'graphql-middleware'],
  covers:
    "`rule()((parent, args, ctx) => …)` as an authorization decision on what it reads (`ctx` as the resolvers' context, `args` as client input), combined with `and`/`or`/`chain`/`race`/`not`; the rules a `shield({ … })` map gives a field (by name, by `'*'`, or for the whole type) run before that field's resolver where `applyMiddleware(schema, permissions)` serves the schema, the shield made in the same file or imported from another; `allow` and `deny` decide nothing on data",
  routeFramework: 'graphql',
  permissionLayers: {
    packages: ['graphql-shield', 'graphql-middleware'],
    layers: ['shield'],
    ruleFactories: ['rule'],
    combinators: ['and', 'or', 'chain', 'race', 'not'],
    appliers: ['applyMiddleware'],
    wildcard: '*',
  },
};

export default graphqlShield;
