import type { FrameworkModel } from './framework-model';
import nestjs from './nestjs';

const nest = nestjs.decoratedControllers!;

/**
 * NestJS GraphQL (`@nestjs/graphql`, code-first and schema-first): `@Resolver` classes whose `@Query`, `@Mutation`
 * and `@Subscription` methods are operations of the one GraphQL endpoint. Guards, gates, public markers and
 * parameter decorators are NestJS's own; global guards and module wiring reach resolvers as they reach controllers.
 */
const nestjsGraphql: FrameworkModel = {
  kind: 'framework',
  id: 'nestjs-graphql',
  name: 'NestJS GraphQL',
  packages: ['@nestjs/graphql'],
  covers: '`@Resolver` classes: each `@Query`/`@Mutation`/`@Subscription` method is a route (`POST /graphql`, named `Type.field` after the decorator\'s name argument or `name` option, else the method), with NestJS\'s `@UseGuards` (a guard reading `GqlExecutionContext`), gates, `@Public()` opt-outs and global guards; `@Args` are client input, `@CurrentUser()`-style decorators verified; `@ResolveField` methods are no routes; the REST global prefix does not move the endpoint',
  routeFramework: 'nest',
  verifierHint: "a GqlAuthGuard extending AuthGuard('jwt') from @nestjs/passport",
  decoratedControllers: {
    controllers: ['Resolver'],
    routes: { Query: 'POST', Mutation: 'POST', Subscription: 'POST' },
    operations: { endpoint: '/graphql', nameOption: 'name' },
    guards: nest.guards!,
    gates: nest.gates!,
    publicMarkers: nest.publicMarkers!,
    parameters: nest.parameters,
  },
};

export default nestjsGraphql;
