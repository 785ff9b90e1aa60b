import type { FrameworkModel } from './framework-model';

/**
 * graphql-resolvers: `combineResolvers(isAuthenticated, isAdmin, resolve)` runs each function in turn with the
 * resolver's `(parent, args, context)`; a guard returns `skip` to go on, or an error that answers the field.
 */
const graphqlResolvers: FrameworkModel = {
  kind: 'framework',
  id: 'graphql-resolvers',
  name: 'graphql-resolvers',
  packages: ['graphql-resolvers'],
  covers:
    "`combineResolvers(isAuthenticated, isAdmin, resolve)` as a field's resolver: the leading functions run as guards of the last, in this file or imported, like a middleware chain; each takes the resolver's `(parent, args, context)`, and a function that returns `skip` is a guard wherever it is declared (returning `new ForbiddenError()` or throwing denies)",
  routeFramework: 'graphql',
  resolverCombiners: { packages: ['graphql-resolvers'], combiners: ['combineResolvers'], pass: 'skip' },
};

export default graphqlResolvers;
