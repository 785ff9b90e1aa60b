import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import plugin from 'eslint-plugin-claimguard';
import { lintUnderBothParsers, runUnderBothParsers } from '../eslint-plugin/both-parsers';
import { writeTempProject } from '../project/temp-project';
import { forgetProjects, projectFor } from '../../../eslint-plugin/out/project/index';
import { gradeRoutes } from '../../../eslint-plugin/out/project/grades';

const CONTEXT = "async ({ req }) => ({ req, user: jwt.verify(req.headers.authorization, process.env.KEY, { algorithms: ['RS256'], issuer: 'https://id.example', audience: 'api' }) })";

/**
 * An Apollo server whose schema carries a shield: rules from line 9, the permission map on lines 12-15, the
 * resolvers from line 17.
 */
function server(rules: string, permissions: string, resolvers: string): string {
  return `import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { makeExecutableSchema } from '@graphql-tools/schema';
import { applyMiddleware } from 'graphql-middleware';
import { shield, rule, and, allow } from 'graphql-shield';
import jwt from 'jsonwebtoken';
import { Schema, model } from 'mongoose';
const Invoice = model('Invoice', new Schema({ ownerId: String, total: Number }));
${rules}
const permissions = shield({
${permissions}
});
const resolvers = {
${resolvers}
};
const schema = applyMiddleware(makeExecutableSchema({ typeDefs, resolvers }), permissions);
startStandaloneServer(new ApolloServer({ schema }), { context: ${CONTEXT} });
`;
}

const RULES = `const isAuthenticated = rule()((parent, args, ctx) => ctx.user !== null);
const isAdmin = rule()((parent, args, ctx) => ctx.user.role === 'admin');
const isStaff = rule({ cache: 'contextual' })(async (parent, args, ctx) => ctx.req.headers['x-role'] === 'staff');`;

const PERMISSIONS = `  Query: { report: and(isAuthenticated, isAdmin), invoice: isAuthenticated, staffReport: isStaff, ping: allow },
  Mutation: { '*': isAuthenticated },`;

describe('graphql-shield model', () => {
  describe('no-untrusted-authorization: a rule decides on what it reads', () => {
    const rule = plugin.rules['no-untrusted-authorization']!;
    runUnderBothParsers('no-untrusted-authorization', rule as never, {
      valid: [
        server(RULES.split('\n').slice(0, 2).join('\n'), '  Query: { report: isAdmin },', "  Query: { report: () => 'ok' },"),
        // A local function named `rule` makes no rule: what its argument compares decides nothing here.
        `const rule = () => (fn) => fn;
export const isStaff = rule()((parent, args, ctx) => ctx.req.headers['x-role'] === 'staff');`,
      ],
      invalid: [
        {
          code: server(RULES, PERMISSIONS, "  Query: { staffReport: () => 'ok' },"),
          errors: [{ messageId: 'untrustedHeader', line: 11, column: 76, suggestions: [] }],
        },
      ],
    });
  });

  describe('require-ownership-check: the rules a field runs are its role gates', () => {
    const rule = plugin.rules['require-ownership-check']!;
    runUnderBothParsers('require-ownership-check', rule as never, {
      valid: [
        // An administrator's rule lets its holder reach any record.
        server(RULES, PERMISSIONS, '  Query: { report: (parent, args) => Invoice.findById(args.id) },'),
      ],
      invalid: [
        {
          // Signed in is not the owner.
          code: server(RULES, PERMISSIONS, '  Query: { invoice: (parent, args) => Invoice.findById(args.id) },'),
          errors: [{ messageId: 'missingOwnershipCheck', line: 17, column: 47 }],
        },
        {
          // The type's wildcard rule covers the mutation.
          code: server(RULES, PERMISSIONS, '  Mutation: { pay: (parent, args) => Invoice.findByIdAndUpdate(args.id, { paid: true }) },'),
          errors: [{ messageId: 'missingOwnershipCheck', line: 17, column: 46 }],
        },
      ],
    });
  });

  describe('rules on the route chain', () => {
    const config = { plugins: { claimguard: plugin }, rules: { 'claimguard/maturity-level': 'error' } } as const;

    it('grades each field by the rules the shield gives it; allow and fields with no rule authenticate nobody', () => {
      const messages = lintUnderBothParsers(
        server(
          RULES,
          PERMISSIONS,
          `  Query: {
    report: () => 'ok',
    invoice: () => null,
    ping: () => 'pong',
    unlisted: () => 'pong',
  },
  Mutation: { pay: () => true },`,
        ),
        config,
      );
      assert.deepEqual(
        messages.map((message) => [message.line, message.message.split(':')[0]]),
        [
          [19, 'Level 1'],
          [20, 'Unauthenticated route POST / Query.ping'],
          [21, 'Unauthenticated route POST / Query.unlisted'],
          [23, 'Level 1'],
        ],
      );
    });

    it('reads no shield map as resolvers', () => {
      const messages = lintUnderBothParsers(server(RULES, PERMISSIONS, "  Query: { report: () => 'ok' },"), config);
      assert.deepEqual(messages, []);
    });
  });

  describe('a shield made in another file', () => {
    let root: string | undefined;
    afterEach(() => {
      if (root) fs.rmSync(root, { recursive: true, force: true });
      forgetProjects();
    });

    it('gives each field the rules of the imported shield: its own, its type\'s wildcard, its type\'s', () => {
      root = writeTempProject(
        {
          'src/server.js': `const { ApolloServer } = require('@apollo/server');
const { startStandaloneServer } = require('@apollo/server/standalone');
const { makeExecutableSchema } = require('@graphql-tools/schema');
const { applyMiddleware } = require('graphql-middleware');
const jwt = require('jsonwebtoken');
const permissions = require('./permissions');
const resolvers = {
  Query: { report: () => 'ok', invoice: () => null, ping: () => 'pong' },
  Mutation: { pay: () => true },
  Subscription: { ticks: () => null },
};
const schema = applyMiddleware(makeExecutableSchema({ typeDefs, resolvers }), permissions);
startStandaloneServer(new ApolloServer({ schema }), { context: ${CONTEXT} });`,
          'src/permissions.js': `const { shield, rule, and, allow } = require('graphql-shield');
const isAuthenticated = rule()((parent, args, ctx) => ctx.user !== null);
const isAdmin = rule()((parent, args, ctx) => ctx.user.role === 'admin');
module.exports = shield({
  Query: { '*': isAuthenticated, report: and(isAuthenticated, isAdmin), ping: allow },
  Mutation: isAuthenticated,
});`,
        },
        'graphql-shield',
      );
      forgetProjects();
      const graded = gradeRoutes(projectFor(path.join(root, 'src/server.js'), {}).routes(), []);
      assert.deepEqual(Object.fromEntries(graded.map((route) => [route.linked.route.operation, route.grade.level])), {
        'Query.report': 3,
        'Query.invoice': 1,
        'Query.ping': 'unauthenticated',
        'Mutation.pay': 1,
        'Subscription.ticks': 'unauthenticated',
      });
    });
  });
});
