import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import plugin from 'eslint-plugin-claimguard';
import { forgetProjects, projectFor } from '../../../eslint-plugin/out/project/index';
import { gradeRoutes } from '../../../eslint-plugin/out/project/grades';
import { runUnderBothParsers } from '../eslint-plugin/both-parsers';
import { writeTempProject } from '../project/temp-project';

// Decorators parse under @typescript-eslint/parser only, so every case is a TypeScript file. Resolvers start on line 8.
const HEADER = `import { ForbiddenException, UseGuards } from '@nestjs/common';
import { Args, Field, InputType, Mutation, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { AuthGuard } from '@nestjs/passport';
import { CurrentUser } from '../auth/current-user.decorator';
class GqlAuthGuard extends AuthGuard('jwt') {}
@InputType() class UpdateUserInput { @Field() displayName?: string; @Field() role?: string; }

`;
const FILE = 'src/users/users.resolver.ts';

/** Each route of a temporary project as `METHOD path Operation` with its level; the project is removed afterwards. */
function operationLevels(files: Record<string, string>): Record<string, string | number> {
  const root = writeTempProject(files, 'nestjs-graphql');
  try {
    forgetProjects();
    const graded = gradeRoutes(projectFor(path.join(root, Object.keys(files)[0]!), {}).routes(), []);
    return Object.fromEntries(graded.map((route) => [`${route.linked.route.method} ${route.path} ${route.linked.route.operation ?? ''}`.trim(), route.grade.level]));
  } finally {
    forgetProjects();
    fs.rmSync(root, { recursive: true, force: true });
  }
}

describe('NestJS GraphQL model', () => {
  describe('no-untrusted-authorization', () => {
    runUnderBothParsers('no-untrusted-authorization', plugin.rules['no-untrusted-authorization'] as never, {
      valid: [
        {
          // The verified caller's role decides.
          code: `${HEADER}@Resolver()
@UseGuards(GqlAuthGuard)
export class UsersResolver {
  @Mutation(() => Boolean)
  deleteUser(@CurrentUser() viewer: { role: string }, @Args('id') id: string) {
    if (viewer.role !== 'admin') throw new ForbiddenException();
    return this.users.remove(id);
  }
}`,
          filename: FILE,
        },
      ],
      invalid: [
        {
          // A GraphQL argument is whatever the caller sends.
          code: `${HEADER}@Resolver()
@UseGuards(GqlAuthGuard)
export class UsersResolver {
  @Mutation(() => Boolean)
  deleteUser(@Args('role') role: string, @Args('id') id: string) {
    if (role !== 'admin') throw new ForbiddenException();
    return this.users.remove(id);
  }
}`,
          filename: FILE,
          errors: [{ messageId: 'untrustedArgument', line: 13, column: 9, suggestions: [] }],
        },
      ],
    });
  });

  describe('no-privilege-from-request', () => {
    runUnderBothParsers('no-privilege-from-request', plugin.rules['no-privilege-from-request'] as never, {
      valid: [
        {
          // Only the display name is written.
          code: `${HEADER}@Resolver()
export class UsersResolver {
  @Mutation(() => Boolean)
  rename(@CurrentUser() user: { sub: string }, @Args('displayName') displayName: string) {
    return this.prisma.user.update({ where: { id: user.sub }, data: { displayName } });
  }
}`,
          filename: FILE,
        },
      ],
      invalid: [
        {
          // One named argument whose input type declares role, written whole.
          code: `${HEADER}@Resolver()
export class UsersResolver {
  @Mutation(() => Boolean)
  updateUser(@CurrentUser() user: { sub: string }, @Args('data') data: UpdateUserInput) {
    return this.prisma.user.update({ where: { id: user.sub }, data });
  }
}`,
          filename: FILE,
          errors: [{ messageId: 'massAssignment', line: 12, column: 63 }],
        },
      ],
    });
  });

  describe('routes', () => {
    const STRATEGY = `import { PassportStrategy } from '@nestjs/passport';
import { ExtractJwt, Strategy } from 'passport-jwt';
export class JwtStrategy extends PassportStrategy(Strategy) {
  constructor() {
    super({ jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(), secretOrKey: process.env.JWT_PUBLIC_KEY, algorithms: ['RS256'], issuer: 'https://id.example.com/', audience: 'api' });
  }
}
`;
    const GUARD = `import { AuthGuard } from '@nestjs/passport';
export class GqlAuthGuard extends AuthGuard('jwt') {}
`;
    const MAIN = `import { NestFactory } from '@nestjs/core';
import { AppModule } from './app.module';
async function bootstrap() {
  const app = await NestFactory.create(AppModule);
  app.setGlobalPrefix('api');
  await app.listen(3000);
}
void bootstrap();
`;

    it('makes each query and mutation a POST of the GraphQL endpoint, named by the decorator, its name option or the method', () => {
      const levels = operationLevels({
        'src/invoices/invoices.resolver.ts': `import { UseGuards } from '@nestjs/common';
import { Args, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { GqlAuthGuard } from '../auth/gql-auth.guard';

@Resolver('Invoice')
export class InvoicesResolver {
  @Query()
  currencies() { return ['EUR', 'USD']; }

  @UseGuards(GqlAuthGuard)
  @Query('invoice')
  findOne(@Args('id') id: string) { return this.invoices.findOne(id); }

  @UseGuards(GqlAuthGuard)
  @Mutation(() => Boolean, { name: 'archive' })
  archiveInvoice(@Args('id') id: string) { return this.invoices.archive(id); }

  @ResolveField('lines')
  lines(@Parent() invoice: { id: string }) { return this.lines.of(invoice.id); }
}
`,
        'src/auth/gql-auth.guard.ts': GUARD,
        'src/auth/jwt.strategy.ts': STRATEGY,
        'src/main.ts': MAIN,
      });
      assert.deepEqual(levels, {
        'POST /graphql Query.currencies': 'unauthenticated',
        'POST /graphql Query.invoice': 1,
        'POST /graphql Mutation.archive': 1,
      });
    });

    it('leaves resolvers of another library alone: type-graphql has its own guards and parameters', () => {
      const levels = operationLevels({
        'src/resolvers/invoice.ts': `import { Arg, Authorized, Query, Resolver } from 'type-graphql';

@Resolver()
export class InvoiceResolver {
  @Authorized()
  @Query(() => String)
  invoice(@Arg('id') id: string) { return id; }
}
`,
      });
      assert.deepEqual(levels, {});
    });
  });
});
