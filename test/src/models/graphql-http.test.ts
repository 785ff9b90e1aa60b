import * as assert from 'node:assert/strict';
import plugin from 'eslint-plugin-claimguard';
import { lintUnderBothParsers, runUnderBothParsers } from '../eslint-plugin/both-parsers';

const VERIFIED = "(req) => ({ user: jwt.verify(req.headers.authorization, process.env.KEY, { algorithms: ['RS256'], issuer: 'https://id.example', audience: 'api' }) })";
const DECODED = '(req) => ({ user: jwt.decode(req.headers.authorization) })';

/** A graphql-http endpoint in one file: the root functions start on line 9, the handler follows them. */
function endpoint(root: string, context: string): string {
  return `import express from 'express';
import { createHandler } from 'graphql-http/lib/use/express';
import { buildSchema } from 'graphql';
import jwt from 'jsonwebtoken';
import { Schema, model } from 'mongoose';
const Invoice = model('Invoice', new Schema({ ownerId: String, total: Number }));
const schema = buildSchema('type Query { invoice(id: ID!): Invoice report: String mine: [Invoice] }');
const rootValue = {
${root}
};
const app = express();
app.all('/graphql', createHandler({ schema, rootValue, context: ${context} }));
`;
}

const ROLE_GATE = `  report: (args, context) => {
    if (context.user.role !== 'admin') throw new Error('Forbidden');
    return 'ok';
  },`;

describe('graphql-http model', () => {
  describe('no-unverified-claims: the context is what the context function returns', () => {
    const rule = plugin.rules['no-unverified-claims']!;
    runUnderBothParsers('no-unverified-claims', rule as never, {
      valid: [endpoint(ROLE_GATE, VERIFIED)],
      invalid: [
        {
          code: endpoint(ROLE_GATE, DECODED),
          errors: [{ messageId: 'unverifiedClaims', line: 10, column: 9 }],
        },
      ],
    });
  });

  describe('no-untrusted-authorization: a context member the context function took from a header', () => {
    const rule = plugin.rules['no-untrusted-authorization']!;
    runUnderBothParsers('no-untrusted-authorization', rule as never, {
      valid: [endpoint(ROLE_GATE, VERIFIED)],
      invalid: [
        {
          code: endpoint(ROLE_GATE, "(req) => ({ user: { role: req.headers['x-role'] } })"),
          errors: [{ messageId: 'untrustedHeader', line: 10, column: 9, suggestions: [] }],
        },
      ],
    });
  });

  describe('require-ownership-check: the first parameter is the arguments', () => {
    const rule = plugin.rules['require-ownership-check']!;
    runUnderBothParsers('require-ownership-check', rule as never, {
      valid: [
        endpoint(`  mine: (args, context) => Invoice.find({ ownerId: context.user.sub }),`, VERIFIED),
        endpoint(`  invoice: async (args, context) => {
    const invoice = await Invoice.findById(args.id);
    if (invoice?.ownerId !== context.user.sub) throw new Error('Not found');
    return invoice;
  },`, VERIFIED),
        // A local function named like the server's is not it.
        `import { Schema, model } from 'mongoose';
const Invoice = model('Invoice', new Schema({ ownerId: String, total: Number }));
const createHandler = (options) => options;
export default createHandler({ rootValue: { invoice: (args) => Invoice.findById(args.id) } });`,
      ],
      invalid: [
        {
          // A context function authenticates only the resolvers that require its user: this one reads for anyone.
          code: endpoint(`  invoice: (args, context) => Invoice.findById(args.id),`, VERIFIED),
          errors: [{ messageId: 'ownedRecordWithoutAuthentication', line: 9, column: 39 }],
        },
        {
          code: endpoint(`  invoice: (args, context) => {
    if (!context.user) throw new Error('Unauthorized');
    return Invoice.findById(args.id);
  },`, VERIFIED),
          errors: [{ messageId: 'missingOwnershipCheck', line: 11, column: 20 }],
        },
      ],
    });
  });

  describe('root functions as routes', () => {
    const config = { plugins: { claimguard: plugin }, rules: { 'claimguard/maturity-level': 'error' } } as const;

    it('grades each root function as a POST of the path the handler answers on, authenticated by the context function', () => {
      const messages = lintUnderBothParsers(endpoint(`${ROLE_GATE}\n  mine: (args, context) => Invoice.find({ ownerId: context.user.sub }),`, DECODED), config);
      assert.deepEqual(
        messages.map((message) => [message.line, message.message.split(':')[0]]),
        [
          [9, 'Unauthenticated route POST /graphql Query.report'],
          [13, 'Unauthenticated route POST /graphql Query.mine'],
        ],
      );
      assert.deepEqual(lintUnderBothParsers(endpoint(`${ROLE_GATE}\n  mine: (args, context) => Invoice.find({ ownerId: context.user.sub }),`, VERIFIED), config), []);
    });
  });
});
