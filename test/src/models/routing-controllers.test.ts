import * as assert from 'node:assert/strict';
import type { InvalidTestCase, ValidTestCase } from '@typescript-eslint/rule-tester';
import plugin from 'eslint-plugin-claimguard';
import { lintUnderBothParsers, runUnderBothParsers } from '../eslint-plugin/both-parsers';

type MaturityOptions = [{ minimumLevel?: 0 | 1 | 2 | 3; publicRoutes?: string[] }];
type MaturityMessages = 'belowMinimum' | 'unauthenticated';

// Decorators parse under @typescript-eslint/parser only, so every case is a TypeScript file. Two lines of imports.
const IMPORTS = `import { JsonController, Controller, Get, Post, Delete, Param, HeaderParam, QueryParam, BodyParam, CookieParam, CurrentUser, Authorized, UseBefore } from 'routing-controllers';
import { ForbiddenError } from 'routing-controllers';
`;
const FILE = 'src/controllers/users.ts';

describe('routing-controllers model', () => {
  describe('no-untrusted-authorization', () => {
    const rule = plugin.rules['no-untrusted-authorization']!;
    runUnderBothParsers('no-untrusted-authorization', rule as never, {
      valid: [
        // The verified user decides.
        {
          code: `${IMPORTS}@JsonController('/admin')
export class AdminController {
  @Authorized()
  @Get('/users')
  list(@CurrentUser() user: User) {
    if (!user.roles.includes('admin')) throw new ForbiddenError();
    return this.users.findAll();
  }
}`,
          filename: FILE,
        },
        // A header that only picks a language decides nothing.
        {
          code: `${IMPORTS}@JsonController('/docs')
export class DocsController {
  @Get('/')
  list(@HeaderParam('accept-language') language: string) {
    return this.docs.list(language === 'de' ? 'de' : 'en');
  }
}`,
          filename: FILE,
        },
      ],
      invalid: [
        {
          code: `${IMPORTS}@JsonController('/admin')
export class AdminController {
  @Get('/users')
  list(@HeaderParam('x-role') role: string) {
    if (role !== 'admin') throw new ForbiddenError();
    return this.users.findAll();
  }
}`,
          filename: FILE,
          errors: [{ messageId: 'untrustedHeader', line: 7, column: 9, suggestions: [] }],
        },
        {
          code: `${IMPORTS}@Controller('/users')
export class UsersController {
  @Post('/:id/role')
  setRole(@QueryParam('admin') admin: string, @CookieParam('role') role: string) {
    if (admin !== 'true' && role !== 'admin') throw new ForbiddenError();
    return 'ok';
  }
}`,
          filename: FILE,
          errors: [
            { messageId: 'untrustedQuery', line: 7, column: 9, suggestions: [] },
            { messageId: 'untrustedCookie', line: 7, column: 29, suggestions: [] },
          ],
        },
      ],
    });
  });

  describe('maturity-level', () => {
    const rule = plugin.rules['maturity-level']!;
    const valid: ValidTestCase<MaturityOptions>[] = [
      // With no authentication of its own, a controller may be authenticated by the app that mounts it.
      {
        code: `${IMPORTS}@JsonController('/items')
export class ItemsController {
  @Get('/')
  list() { return []; }
}`,
        filename: FILE,
      },
      // \`@Authorized()\` and a decision on the verified user: Level 2, the most a checker configured elsewhere shows.
      {
        code: `${IMPORTS}@JsonController('/admin')
export class AdminController {
  @Authorized()
  @Delete('/users/:id')
  remove(@CurrentUser() user: User, @Param('id') id: string) {
    if (!user.roles.includes('admin')) throw new ForbiddenError();
    return this.users.remove(id);
  }
}`,
        filename: FILE,
        options: [{ minimumLevel: 2 }],
      },
    ];
    const invalid: InvalidTestCase<MaturityMessages, MaturityOptions>[] = [
      {
        // \`@Authorized()\` on the class authenticates every route; nothing decides on the user: Level 1.
        code: `${IMPORTS}@Authorized()
@JsonController('/orders')
export class OrdersController {
  @Get('/')
  list() { return this.orders.all(); }
}`,
        filename: FILE,
        errors: [{ messageId: 'belowMinimum', line: 7 }],
      },
    ];
    runUnderBothParsers('maturity-level', rule as never, { valid, invalid });
  });

  describe('grades', () => {
    it('names the authorization checker as the route\'s authentication', () => {
      const messages = lintUnderBothParsers(
        `${IMPORTS}@JsonController('/reports')
export class ReportsController {
  @Authorized()
  @Get('/')
  list() { return []; }
}`,
        { plugins: { claimguard: plugin }, rules: { 'claimguard/maturity-level': 'error' } },
        FILE,
      );
      assert.equal(messages.length, 1);
      assert.match(messages[0]!.message, /^Level 1: token verified by the auth strategy of @Authorized\(\)/);
    });
  });
});
