import * as assert from 'node:assert/strict';
import { tempProjectLevels, untrustedDecisions } from './temp-project';

/**
 * NestJS parameter decorators the project makes with `createParamDecorator(fn)` inject what `fn` returns, whatever
 * they are called: the verified user a guard left on the request (`@UserEntity()`, `@Viewer()`), or a header the
 * caller sends. Declared in their own file and imported, or beside the controller, in TypeScript.
 */
describe('parameter decorators made with createParamDecorator', function () {
  this.timeout(60_000);

  const STRATEGY = `import { PassportStrategy } from '@nestjs/passport';
import { ExtractJwt, Strategy } from 'passport-jwt';
export class JwtStrategy extends PassportStrategy(Strategy) {
  constructor() {
    super({ jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(), secretOrKey: process.env.JWT_PUBLIC_KEY, algorithms: ['RS256'], issuer: 'https://id.example.com/', audience: 'api' });
  }
}
`;
  const DECORATORS = `import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';

export const UserEntity = createParamDecorator((_data: unknown, ctx: ExecutionContext) => GqlExecutionContext.create(ctx).getContext().req.user);
export const RestUser = createParamDecorator((_data: unknown, ctx: ExecutionContext) => ctx.switchToHttp().getRequest().user);
export const Tenant = createParamDecorator((_data: unknown, ctx: ExecutionContext) => ctx.switchToHttp().getRequest().headers['x-tenant-role']);
`;
  const files = (resolver: string, controller: string) => ({
    'src/posts/posts.resolver.ts': resolver,
    'src/posts/posts.controller.ts': controller,
    'src/common/decorators/user.decorator.ts': DECORATORS,
    'src/auth/jwt.strategy.ts': STRATEGY,
    'src/auth/gql-auth.guard.ts': `import { AuthGuard } from '@nestjs/passport';
export class GqlAuthGuard extends AuthGuard('jwt') {}
`,
  });

  const RESOLVER = `import { ForbiddenException, UseGuards } from '@nestjs/common';
import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { GqlAuthGuard } from '../auth/gql-auth.guard';
import { UserEntity } from '../common/decorators/user.decorator';

@Resolver()
@UseGuards(GqlAuthGuard)
export class PostsResolver {
  @Mutation(() => Boolean)
  publish(@UserEntity() user: { role: string }, @Args('id') id: string) {
    if (user.role !== 'editor') throw new ForbiddenException();
    return this.posts.publish(id);
  }
}
`;
  const CONTROLLER = `import { Controller, ForbiddenException, Post, UseGuards } from '@nestjs/common';
import { AuthGuard } from '@nestjs/passport';
import { RestUser, Tenant } from '../common/decorators/user.decorator';

@Controller('posts')
@UseGuards(AuthGuard('jwt'))
export class PostsController {
  @Post('archive')
  archive(@RestUser() user: { role: string }) {
    if (user.role !== 'editor') throw new ForbiddenException();
    return this.posts.archiveAll();
  }

  @Post('purge')
  purge(@Tenant() role: string) {
    if (role !== 'owner') throw new ForbiddenException();
    return this.posts.purgeAll();
  }
}
`;

  it('takes what an imported decorator returns from the request as the verified user', () => {
    // Only the header decides on purge: a verified caller and nothing verified deciding is Level 1.
    assert.deepEqual(tempProjectLevels(files(RESOLVER, CONTROLLER), 'param-decorators'), { 'POST /graphql': 3, 'POST /posts/archive': 3, 'POST /posts/purge': 1 });
  });

  it('takes what an imported decorator returns from a request header as the header', async () => {
    assert.deepEqual(await untrustedDecisions(files(RESOLVER, CONTROLLER), 'param-decorators'), ["src/posts/posts.controller.ts:16 Authorization decision uses header 'x-tenant-role' (line 15)"]);
  });

  it('reads a decorator declared beside the controller', () => {
    const levels = tempProjectLevels(
      {
        'src/posts/posts.controller.ts': `import { Controller, createParamDecorator, ExecutionContext, ForbiddenException, Post, UseGuards } from '@nestjs/common';
import { AuthGuard } from '@nestjs/passport';

const Viewer = createParamDecorator((_data: unknown, ctx: ExecutionContext) => ctx.switchToHttp().getRequest().user);

@Controller('posts')
@UseGuards(AuthGuard('jwt'))
export class PostsController {
  @Post('archive')
  archive(@Viewer() viewer: { role: string }) {
    if (viewer.role !== 'editor') throw new ForbiddenException();
    return this.posts.archiveAll();
  }
}
`,
        'src/auth/jwt.strategy.ts': STRATEGY,
      },
      'param-decorators-local',
    );
    assert.deepEqual(levels, { 'POST /posts/archive': 3 });
  });
});
