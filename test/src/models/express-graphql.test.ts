import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import plugin from 'eslint-plugin-claimguard';
import { lintUnderBothParsers, runUnderBothParsers } from '../eslint-plugin/both-parsers';
import { writeTempProject } from '../project/temp-project';
import { forgetProjects, projectFor } from '../../../eslint-plugin/out/project/index';
import { gradeRoutes } from '../../../eslint-plugin/out/project/grades';

const JWT_MIDDLEWARE = "expressjwt({ secret: process.env.KEY, algorithms: ['RS256'], issuer: 'https://id.example', audience: 'api' })";

/** An express-graphql endpoint in one file: the root functions start on line 10, the mount follows them. */
function endpoint(root: string, mount = `app.use('/graphql', ${JWT_MIDDLEWARE}, graphqlHTTP({ schema, rootValue: root }));`): string {
  return `import express from 'express';
import { graphqlHTTP } from 'express-graphql';
import { buildSchema } from 'graphql';
import { expressjwt } from 'express-jwt';
import jwt from 'jsonwebtoken';
import { Schema, model } from 'mongoose';
const Invoice = model('Invoice', new Schema({ ownerId: String, total: Number }));
const schema = buildSchema(\`type Query { invoice(id: ID!): Invoice report: String invoices(first: Int, after: String): [Invoice] } type Mutation { payInvoice(id: ID!): Invoice }\`);
const root = {
${root}
};
const app = express();
${mount}
`;
}

describe('express-graphql model', () => {
  describe('require-ownership-check: root functions take the arguments first', () => {
    const rule = plugin.rules['require-ownership-check']!;
    runUnderBothParsers('require-ownership-check', rule as never, {
      valid: [
        // The argument compared with the verified viewer before the read: an ownership check.
        endpoint(`  invoice: (args, context) => {
    if (args.id !== context.auth.sub) throw new Error('Forbidden');
    return Invoice.findById(args.id);
  },`),
        // Loaded by the argument, then its owner compared with the viewer.
        endpoint(`  payInvoice: async (args, context) => {
    const invoice = await Invoice.findById(args.id);
    if (!invoice || invoice.ownerId !== context.auth.sub) throw new Error('Forbidden');
    return invoice.updateOne({ paid: true });
  },`),
        // Paging arguments choose no record.
        endpoint(`  invoices: (args, context) => Invoice.find({ ownerId: context.auth.sub }).limit(Math.min(args.first ?? 20, 100)).skip(Number(args.after ?? 0)),`),
        // An object named \`rootValue\` that no GraphQL server is given: its functions' parameters are nobody's input.
        `import { Schema, model } from 'mongoose';
const Invoice = model('Invoice', new Schema({ ownerId: String, total: Number }));
export const rootValue = { invoice: (args) => Invoice.findById(args.id) };`,
        // A local function that happens to be called graphqlHTTP serves nothing.
        `import { Schema, model } from 'mongoose';
const Invoice = model('Invoice', new Schema({ ownerId: String, total: Number }));
function graphqlHTTP(options) { return options; }
export const handler = graphqlHTTP({ rootValue: { invoice: (args, context) => Invoice.findById(args.id) } });`,
      ],
      invalid: [
        {
          // Any signed-in caller reads any invoice.
          code: endpoint(`  invoice: (args, context) => Invoice.findById(args.id),`),
          errors: [{ messageId: 'missingOwnershipCheck', line: 10, column: 39 }],
        },
        {
          // Required, with the root object's functions declared apart and spread into it, and no authentication at all.
          code: `const express = require('express');
const { graphqlHTTP } = require('express-graphql');
const { Schema, model } = require('mongoose');
const Invoice = model('Invoice', new Schema({ ownerId: String, total: Number }));
async function invoice({ id }) { return Invoice.findById(id); }
const queries = { invoice };
const app = express();
app.use('/graphql', graphqlHTTP({ schema, rootValue: { ...queries } }));`,
          errors: [{ messageId: 'ownedRecordWithoutAuthentication', line: 5, column: 49 }],
        },
      ],
    });
  });

  describe('no-untrusted-authorization: the context is the request unless the options build one', () => {
    const rule = plugin.rules['no-untrusted-authorization']!;
    const ROLE_GATE = `  report: (args, context) => {
    if (context.auth.role !== 'admin') throw new Error('Forbidden');
    return 'ok';
  },`;
    runUnderBothParsers('no-untrusted-authorization', rule as never, {
      valid: [
        // express-jwt on the mount verified the token the request carries: `context.auth` is its claims.
        endpoint(ROLE_GATE),
      ],
      invalid: [
        {
          // The default context is the request, and its headers are the caller's.
          code: endpoint(`  report: (args, context) => {
    if (context.headers['x-role'] !== 'admin') throw new Error('Forbidden');
    return 'ok';
  },`),
          errors: [{ messageId: 'untrustedHeader', line: 11, column: 9, suggestions: [{ messageId: 'suggestVerifiedClaim', output: endpoint(`  report: (args, context) => {
    if (context.auth.role !== 'admin') throw new Error('Forbidden');
    return 'ok';
  },`) }] }],
        },
        {
          // Built per request from a header: the context's role is that header.
          code: endpoint(
            `  report: (args, context) => {
    if (context.role !== 'admin') throw new Error('Forbidden');
    return 'ok';
  },`,
            "app.use('/graphql', graphqlHTTP((req) => ({ schema, rootValue: root, context: { role: req.headers['x-role'] } })));",
          ),
          errors: [{ messageId: 'untrustedHeader', line: 11, column: 9, suggestions: [] }],
        },
        {
          // The role the caller claims in the arguments, on an endpoint that verifies nobody.
          code: endpoint(
            `  report: (args) => {
    if (args.role !== 'admin') throw new Error('Forbidden');
    return 'ok';
  },`,
            "app.use('/graphql', graphqlHTTP({ schema, rootValue: root }));",
          ),
          errors: [{ messageId: 'untrustedArgument', line: 11, column: 9, suggestions: [] }],
        },
      ],
    });
  });

  describe('no-unverified-claims: a context built per request with the options', () => {
    const rule = plugin.rules['no-unverified-claims']!;
    const ROLE_GATE = `  report: (args, context) => {
    if (context.user.role !== 'admin') throw new Error('Forbidden');
    return 'ok';
  },`;
    runUnderBothParsers('no-unverified-claims', rule as never, {
      valid: [
        endpoint(
          ROLE_GATE,
          "app.use('/graphql', graphqlHTTP((req) => ({ schema, rootValue: root, context: { user: jwt.verify(req.headers.authorization, process.env.KEY, { algorithms: ['RS256'] }) } })));",
        ),
      ],
      invalid: [
        {
          code: endpoint(ROLE_GATE, "app.use('/graphql', graphqlHTTP((req) => ({ schema, rootValue: root, context: { user: jwt.decode(req.headers.authorization) } })));"),
          errors: [{ messageId: 'unverifiedClaims', line: 11, column: 9 }],
        },
      ],
    });
  });

  describe('root functions as routes', () => {
    const config = { plugins: { claimguard: plugin }, rules: { 'claimguard/maturity-level': 'error' } } as const;

    it('grades each root function as a POST of the mount, named by the type the schema gives its field, with the mount\'s authentication', () => {
      const code = endpoint(`  invoice: (args, context) => Invoice.findOne({ _id: args.id, ownerId: context.auth.sub }),
  payInvoice: (args) => Invoice.findByIdAndUpdate(args.id, { paid: true }),
  unlisted: () => 'pong',`);
      const messages = lintUnderBothParsers(code, config);
      assert.deepEqual(
        messages.map((message) => [message.line, message.message.split(':')[0]]),
        [
          [11, 'Level 1'],
          [12, 'Level 1'],
        ],
      );
      assert.match(messages[0]!.message, /token verified by expressjwt\(\)/);
    });

    it('names routes by operation type and finds the schema served at a route path', () => {
      const code = endpoint(`  invoice: (args) => Invoice.findById(args.id),
  unlisted: () => 'pong',`, "app.post('/api/graphql', graphqlHTTP({ schema, rootValue: root }));");
      const messages = lintUnderBothParsers(code, config);
      assert.deepEqual(
        messages.map((message) => [message.line, message.message.split(':')[0]]),
        [
          [10, 'Unauthenticated route POST /api/graphql Query.invoice'],
          [11, 'Unauthenticated route POST /api/graphql unlisted'],
        ],
      );
    });
  });

  describe('a schema built in another file', () => {
    let root: string | undefined;
    afterEach(() => {
      if (root) fs.rmSync(root, { recursive: true, force: true });
      forgetProjects();
    });

    it('names each root function by the type the imported SDL gives its field, and by its name where no SDL says', () => {
      root = writeTempProject(
        {
          'src/app.js': `const express = require('express');
const { expressjwt } = require('express-jwt');
const endpoint = require('./graphql');
const app = express();
app.use('/graphql', ${JWT_MIDDLEWARE}, endpoint);`,
          'src/schema.js': `const { buildSchema } = require('graphql');
module.exports = buildSchema(\`
  type Query { invoice(id: ID!): Invoice }
  type Mutation { payInvoice(id: ID!): Invoice }
\`);`,
          'src/graphql.js': `const { graphqlHTTP } = require('express-graphql');
const schema = require('./schema');
const root = {
  invoice: (args, context) => ({ id: args.id, owner: context.auth.sub }),
  payInvoice: (args, context) => ({ id: args.id, owner: context.auth.sub }),
  unlisted: () => null,
};
module.exports = graphqlHTTP({ schema, rootValue: root });`,
        },
        'express-graphql',
      );
      forgetProjects();
      const graded = gradeRoutes(projectFor(path.join(root, 'src/app.js'), {}).routes(), []);
      assert.deepEqual(graded.map((route) => `${route.linked.route.method} ${route.path} ${route.linked.route.operation ?? ''}`).sort(), [
        'POST /graphql Mutation.payInvoice',
        'POST /graphql Query.invoice',
        'POST /graphql unlisted',
      ]);
    });
  });
});
