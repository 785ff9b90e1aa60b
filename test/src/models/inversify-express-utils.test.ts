import type { InvalidTestCase, ValidTestCase } from '@typescript-eslint/rule-tester';
import plugin from 'eslint-plugin-claimguard';
import { runUnderBothParsers } from '../eslint-plugin/both-parsers';

type MaturityOptions = [{ minimumLevel?: 0 | 1 | 2 | 3; publicRoutes?: string[] }];
type MaturityMessages = 'belowMinimum' | 'unauthenticated';

// Decorators parse under @typescript-eslint/parser only, so every case is a TypeScript file. Four lines of setup.
const SETUP = `import { controller, httpGet, httpDelete, requestHeaders, requestParam } from 'inversify-express-utils';
import { Request } from 'express';
import { auth } from 'express-oauth2-jwt-bearer';
const checkJwt = auth({ audience: 'https://api.example.com', issuerBaseURL: 'https://issuer.example.com/', tokenSigningAlg: 'RS256' });
`;
const FILE = 'src/controllers/admin.ts';

describe('inversify-express-utils model', () => {
  describe('no-untrusted-authorization', () => {
    const rule = plugin.rules['no-untrusted-authorization']!;
    runUnderBothParsers('no-untrusted-authorization', rule as never, {
      valid: [
        {
          code: `${SETUP}@controller('/admin', checkJwt)
export class AdminController {
  @httpDelete('/users/:id')
  remove(req: Request, @requestParam('id') id: string) {
    if (req.auth.payload.role !== 'admin') throw new Error('forbidden');
    return this.users.remove(id);
  }
}`,
          filename: FILE,
        },
      ],
      invalid: [
        {
          code: `${SETUP}@controller('/admin', checkJwt)
export class AdminController {
  @httpDelete('/users/:id')
  remove(@requestHeaders('x-role') role: string, @requestParam('id') id: string) {
    if (role !== 'admin') throw new Error('forbidden');
    return this.users.remove(id);
  }
}`,
          filename: FILE,
          errors: [{ messageId: 'untrustedHeader', line: 9, column: 9, suggestions: [] }],
        },
      ],
    });
  });

  describe('maturity-level', () => {
    const rule = plugin.rules['maturity-level']!;
    const valid: ValidTestCase<MaturityOptions>[] = [
      // The verifier after the route's path, and a decision on its claims: Level 3.
      {
        code: `${SETUP}@controller('/admin')
export class AdminController {
  @httpDelete('/users/:id', checkJwt)
  remove(req: Request, @requestParam('id') id: string) {
    if (req.auth.payload.role !== 'admin') throw new Error('forbidden');
    return this.users.remove(id);
  }
}`,
        filename: FILE,
        options: [{ minimumLevel: 3 }],
      },
    ];
    const invalid: InvalidTestCase<MaturityMessages, MaturityOptions>[] = [
      {
        // The controller's verifier runs before every route; nothing decides on the claims: Level 1.
        code: `${SETUP}@controller('/reports', checkJwt)
export class ReportsController {
  @httpGet('/')
  list() { return this.reports.all(); }
}`,
        filename: FILE,
        options: [{ minimumLevel: 3 }],
        errors: [{ messageId: 'belowMinimum', line: 8 }],
      },
    ];
    runUnderBothParsers('maturity-level', rule as never, { valid, invalid });
  });
});
