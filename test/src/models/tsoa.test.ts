import type { InvalidTestCase, ValidTestCase } from '@typescript-eslint/rule-tester';
import plugin from 'eslint-plugin-claimguard';
import { runUnderBothParsers } from '../eslint-plugin/both-parsers';

type MaturityOptions = [{ minimumLevel?: 0 | 1 | 2 | 3; publicRoutes?: string[] }];
type MaturityMessages = 'belowMinimum' | 'unauthenticated';

// Decorators parse under @typescript-eslint/parser only, so every case is a TypeScript file. One line of imports.
const IMPORTS = `import { Controller, Route, Get, Post, Path, Query, Header, Body, BodyProp, Request, Security, NoSecurity } from 'tsoa';
`;
const FILE = 'src/controllers/invoices.ts';

describe('tsoa model', () => {
  describe('no-untrusted-authorization', () => {
    const rule = plugin.rules['no-untrusted-authorization']!;
    runUnderBothParsers('no-untrusted-authorization', rule as never, {
      valid: [
        // The caller's verified claims, from the request the authentication function filled, decide.
        {
          code: `${IMPORTS}@Route('invoices')
export class InvoicesController extends Controller {
  @Security('jwt', ['billing'])
  @Get('{invoiceId}')
  public async get(@Path() invoiceId: string, @Request() req: AuthedRequest) {
    if (!req.user.scopes.includes('billing')) throw new Error('forbidden');
    return this.invoices.find(invoiceId);
  }
}`,
          filename: FILE,
        },
        // Paging from the query is not a decision.
        {
          code: `${IMPORTS}@Route('invoices')
export class InvoicesController extends Controller {
  @Get()
  public async list(@Query() limit?: number) {
    return this.invoices.list(limit && limit > 0 ? limit : 20);
  }
}`,
          filename: FILE,
        },
      ],
      invalid: [
        {
          code: `${IMPORTS}@Route('admin')
export class AdminController extends Controller {
  @Post('reset')
  public async reset(@Header('x-role') role: string) {
    if (role !== 'admin') throw new Error('forbidden');
    return 'ok';
  }
}`,
          filename: FILE,
          errors: [{ messageId: 'untrustedHeader', line: 6, column: 9, suggestions: [] }],
        },
        {
          // \`@BodyProp()\` with no name reads the body field the parameter is named after.
          code: `${IMPORTS}@Route('users')
export class UsersController extends Controller {
  @Post('{userId}/promote')
  public async promote(@Path() userId: string, @BodyProp() isAdmin: boolean) {
    if (!isAdmin) throw new Error('forbidden');
    return this.users.promote(userId);
  }
}`,
          filename: FILE,
          errors: [{ messageId: 'untrustedBody', line: 6, column: 10, suggestions: [] }],
        },
      ],
    });
  });

  describe('maturity-level', () => {
    const rule = plugin.rules['maturity-level']!;
    const valid: ValidTestCase<MaturityOptions>[] = [
      // \`@NoSecurity()\` routes with no decision may be public; a controller with no security of its own may be
      // authenticated by the app that registers it.
      { code: `${IMPORTS}@Route('status')
export class StatusController extends Controller {
  @NoSecurity()
  @Get()
  public async get() { return { ok: true }; }
}`, filename: FILE },
    ];
    const invalid: InvalidTestCase<MaturityMessages, MaturityOptions>[] = [
      {
        // A jwt security scheme and no decision on the claims: Level 1, reported at the method's name.
        code: `${IMPORTS}@Route('invoices')
@Security('jwt')
export class InvoicesController extends Controller {
  @Get('{invoiceId}')
  public async get(@Path() invoiceId: string) { return this.invoices.find(invoiceId); }
}`,
        filename: FILE,
        errors: [{ messageId: 'belowMinimum', line: 6 }],
      },
    ];
    runUnderBothParsers('maturity-level', rule as never, { valid, invalid });
  });
});
