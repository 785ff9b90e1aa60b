import * as assert from 'node:assert/strict';
import type { InvalidTestCase, ValidTestCase } from '@typescript-eslint/rule-tester';
import plugin from 'eslint-plugin-claimguard';
import { lintUnderBothParsers, runUnderBothParsers } from '../eslint-plugin/both-parsers';

type MaturityOptions = [{ minimumLevel?: 0 | 1 | 2 | 3; publicRoutes?: string[] }];
type MaturityMessages = 'belowMinimum' | 'unauthenticated';

// One line every TypeScript case starts with: the handler begins on line 2.
const TYPES = `import type { APIGatewayProxyEvent, APIGatewayProxyEventV2WithJWTAuthorizer } from 'aws-lambda';
`;

describe('AWS Lambda / API Gateway model', () => {
  describe('no-untrusted-authorization', () => {
    const rule = plugin.rules['no-untrusted-authorization']!;
    runUnderBothParsers('no-untrusted-authorization', rule as never, {
      valid: [
        // The authorizer's verified claims decide.
        {
          code: `${TYPES}export const handler = async (event: APIGatewayProxyEvent) => {
  const groups = String(event.requestContext.authorizer?.claims['cognito:groups'] ?? '').split(',');
  if (!groups.includes('admin')) return { statusCode: 403, body: '' };
  return { statusCode: 200, body: '[]' };
};`,
          filename: 'src/handlers/report.ts',
        },
        // HTTP APIs put JWT authorizer claims under `jwt.claims`.
        {
          code: `${TYPES}export const handler = async (event: APIGatewayProxyEventV2WithJWTAuthorizer) => {
  if (event.requestContext.authorizer.jwt.claims.scope !== 'admin') return { statusCode: 403 };
  return { statusCode: 204 };
};`,
          filename: 'src/handlers/admin.ts',
        },
        // Paging from the query string is not a decision.
        `exports.handler = async (event) => {
  const limit = Math.min(Number(event.queryStringParameters?.limit ?? 25), 100);
  return { statusCode: 200, body: JSON.stringify(await list(limit)) };
};`,
        // A browser event handler's \`event\` is not an API Gateway event.
        `button.addEventListener('click', (event) => {
  if (event.headers && event.headers.role === 'admin') showAdmin();
});`,
      ],
      invalid: [
        {
          code: `exports.handler = async (event) => {
  if (event.headers['x-role'] !== 'admin') return { statusCode: 403, body: '' };
  return { statusCode: 200, body: 'ok' };
};`,
          errors: [{ messageId: 'untrustedHeader', line: 2, column: 7, suggestions: [] }],
        },
        {
          code: `${TYPES}export async function handler(event: APIGatewayProxyEvent) {
  if (event.pathParameters?.userId !== 'me' && event.queryStringParameters?.admin === 'true') return { statusCode: 200, body: 'all' };
  return { statusCode: 403, body: '' };
}`,
          filename: 'src/handlers/users.ts',
          errors: [
            { messageId: 'untrustedPathParam', line: 3, column: 7, suggestions: [] },
            { messageId: 'untrustedQuery', line: 3, column: 48, suggestions: [] },
          ],
        },
      ],
    });
  });

  describe('maturity-level', () => {
    const rule = plugin.rules['maturity-level']!;
    const valid: ValidTestCase<MaturityOptions>[] = [
      // A handler that reads no identity: the gateway may authenticate it, which only deployment configuration shows.
      { code: `exports.handler = async () => ({ statusCode: 200, body: 'ok' });` },
      {
        code: `${TYPES}export const handler = async (event: APIGatewayProxyEvent) => {
  if (event.headers['x-role'] !== 'admin') return { statusCode: 403, body: '' };
  return { statusCode: 200, body: '' };
};`,
        filename: 'src/handlers/header.ts',
      },
      // Level 2 is the most a gateway authorizer shows; a team that accepts it sets the minimum there.
      {
        code: `${TYPES}export const handler = async (event: APIGatewayProxyEvent) => {
  if (event.requestContext.authorizer?.claims.scope !== 'billing') return { statusCode: 403, body: '' };
  return { statusCode: 200, body: '' };
};`,
        filename: 'src/handlers/billing.ts',
        options: [{ minimumLevel: 2 }],
      },
    ];
    const invalid: InvalidTestCase<MaturityMessages, MaturityOptions>[] = [
      {
        // Claims verified by the authorizer decide: Level 2, since the pinning is deployment configuration.
        code: `${TYPES}export const handler = async (event: APIGatewayProxyEvent) => {
  if (event.requestContext.authorizer?.claims.scope !== 'billing') return { statusCode: 403, body: '' };
  return { statusCode: 200, body: '' };
};`,
        filename: 'src/handlers/billing.ts',
        errors: [{ messageId: 'belowMinimum', line: 2 }],
      },
      {
        // A verified caller, but the decision is on a header: Level 1.
        code: `exports.handler = async (event) => {
  const requester = event.requestContext.authorizer.claims.sub;
  if (event.headers['x-role'] !== 'admin') return { statusCode: 403, body: '' };
  return { statusCode: 200, body: requester };
};`,
        errors: [{ messageId: 'belowMinimum', line: 1 }],
      },
    ];
    runUnderBothParsers('maturity-level', rule as never, { valid, invalid });
  });

  describe('grades', () => {
    const config = { plugins: { claimguard: plugin }, rules: { 'claimguard/maturity-level': 'error' as const } };

    it('names the gateway as the verifier and what it leaves unseen', () => {
      const messages = lintUnderBothParsers(
        `exports.handler = async (event) => {
  if (event.requestContext.authorizer.claims.sub !== event.pathParameters.userId) return { statusCode: 403 };
  return { statusCode: 200 };
};`,
        config,
      );
      assert.equal(messages.length, 1);
      assert.match(messages[0]!.message, /^Level 2: /);
      assert.match(messages[0]!.message, /the API Gateway authorizer/);
    });

    it('reads an Express app behind serverless-http the same way', () => {
      const messages = lintUnderBothParsers(
        `const serverless = require('serverless-http');
const express = require('express');
const app = express();
app.get('/reports', (req, res) => {
  if (!req.requestContext.authorizer.claims['cognito:groups'].includes('finance')) return res.sendStatus(403);
  res.json([]);
});
module.exports.handler = serverless(app);`,
        config,
      );
      assert.equal(messages.length, 1);
      assert.match(messages[0]!.message, /^Level 2: /);
      assert.equal(messages[0]!.line, 4);
    });
  });
});
