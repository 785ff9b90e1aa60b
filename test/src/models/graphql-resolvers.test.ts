import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import plugin from 'eslint-plugin-claimguard';
import { lintUnderBothParsers, runUnderBothParsers } from '../eslint-plugin/both-parsers';
import { writeTempProject } from '../project/temp-project';
import { forgetProjects, projectFor } from '../../../eslint-plugin/out/project/index';
import { gradeRoutes } from '../../../eslint-plugin/out/project/grades';

const CONTEXT = "async ({ req }) => ({ me: jwt.verify(req.headers['x-token'], process.env.KEY, { algorithms: ['RS256'], issuer: 'https://id.example', audience: 'api' }) })";

/** An Apollo server whose fields combine guards: the guards are on lines 9 and 10, the resolver map starts on line 13. */
function server(fields: string): string {
  return `import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { ForbiddenError } from 'apollo-server-errors';
import { combineResolvers, skip } from 'graphql-resolvers';
import jwt from 'jsonwebtoken';
import { Schema, model } from 'mongoose';
const Invoice = model('Invoice', new Schema({ ownerId: String, total: Number }));
// Guards: go on with \`skip\`, or answer with an error.
const isAuthenticated = (parent, args, { me }) => (me ? skip : new ForbiddenError('Not authenticated as user.'));
const isAdmin = combineResolvers(isAuthenticated, (parent, args, { me: { role } }) => (role === 'ADMIN' ? skip : new ForbiddenError('Not authorized as admin.')));
const resolvers = {
  Query: {
${fields}
  },
};
startStandaloneServer(new ApolloServer({ typeDefs, resolvers }), { context: ${CONTEXT} });
`;
}

describe('graphql-resolvers model', () => {
  describe('require-ownership-check: the combined resolver takes the arguments, its guards gate it', () => {
    const rule = plugin.rules['require-ownership-check']!;
    runUnderBothParsers('require-ownership-check', rule as never, {
      valid: [
        // An administrator's gate lets its holder reach any record.
        server('    invoice: combineResolvers(isAdmin, (parent, { id }) => Invoice.findById(id)),'),
        server('    invoice: combineResolvers(isAuthenticated, (parent, { id }, { me }) => Invoice.findOne({ _id: id, ownerId: me.id })),'),
      ],
      invalid: [
        {
          // Signed in is not the owner.
          code: server('    invoice: combineResolvers(isAuthenticated, (parent, { id }) => Invoice.findById(id)),'),
          errors: [{ messageId: 'missingOwnershipCheck', line: 13, column: 76 }],
        },
      ],
    });
  });

  describe('no-untrusted-authorization: a guard deciding on what the caller sends', () => {
    const rule = plugin.rules['no-untrusted-authorization']!;
    const headerGuard = "const isStaff = (parent, args, context) => (context.req.headers['x-role'] === 'staff' ? skip : new ForbiddenError('Staff only.'));";
    runUnderBothParsers('no-untrusted-authorization', rule as never, {
      valid: [server("    report: combineResolvers(isAdmin, () => 'ok'),")],
      invalid: [
        {
          code: `${headerGuard}\n${server("    report: combineResolvers(isStaff, () => 'ok'),")}`,
          errors: [{ messageId: 'untrustedHeader', line: 1, column: 45, suggestions: [] }],
        },
        {
          // A guard that no combination names here is one by what it returns.
          code: `import { skip } from 'graphql-resolvers';\nexport const isOwnerOf = (parent, args) => (args.role === 'owner' ? skip : new Error('Forbidden'));`,
          errors: [{ messageId: 'untrustedArgument', line: 2, column: 45, suggestions: [] }],
        },
      ],
    });
  });

  describe('guards as the route chain', () => {
    const config = { plugins: { claimguard: plugin }, rules: { 'claimguard/maturity-level': 'error' } } as const;

    it('grades a combined field by its guards: signed in is Level 1, an admin gate on verified claims Level 3', () => {
      const messages = lintUnderBothParsers(
        server(`    invoices: combineResolvers(isAuthenticated, () => Invoice.find()),
    report: combineResolvers(isAdmin, () => 'ok'),
    open: () => 'pong',`),
        config,
      );
      assert.deepEqual(
        messages.map((message) => [message.line, message.message.split(':')[0]]),
        [
          [13, 'Level 1'],
          [15, 'Unauthenticated route POST / Query.open'],
        ],
      );
    });

    it('ignores a local function named combineResolvers', () => {
      const messages = lintUnderBothParsers(
        `const combineResolvers = (...fns) => fns[fns.length - 1];
const resolvers = { Query: { report: combineResolvers((parent, args, context) => context.user.role === 'admin', () => 'ok') } };`,
        config,
      );
      assert.deepEqual(messages.map((message) => message.message.split(':')[0]), ['Unauthenticated route POST / Query.report']);
    });
  });

  describe('guards in another file', () => {
    let root: string | undefined;
    afterEach(() => {
      if (root) fs.rmSync(root, { recursive: true, force: true });
      forgetProjects();
    });

    it('follows imported guards and combinations, in an exported resolver map', () => {
      root = writeTempProject(
        {
          'src/index.js': `import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import jwt from 'jsonwebtoken';
import resolvers from './resolvers/invoice.js';
startStandaloneServer(new ApolloServer({ typeDefs, resolvers }), { context: ${CONTEXT} });`,
          'src/resolvers/authorization.js': `import { ForbiddenError } from 'apollo-server-errors';
import { combineResolvers, skip } from 'graphql-resolvers';
export const isAuthenticated = (parent, args, { me }) => (me ? skip : new ForbiddenError('Not authenticated as user.'));
export const isAdmin = combineResolvers(isAuthenticated, (parent, args, { me: { role } }) => (role === 'ADMIN' ? skip : new ForbiddenError('Not authorized as admin.')));`,
          'src/resolvers/invoice.js': `import { combineResolvers } from 'graphql-resolvers';
import { isAuthenticated, isAdmin } from './authorization.js';
export default {
  Query: {
    invoices: combineResolvers(isAuthenticated, () => []),
    report: combineResolvers(isAdmin, () => 'ok'),
  },
};`,
        },
        'graphql-resolvers',
      );
      forgetProjects();
      const graded = gradeRoutes(projectFor(path.join(root, 'src/index.js'), {}).routes(), []);
      assert.deepEqual(Object.fromEntries(graded.map((route) => [route.linked.route.operation, route.grade.level])), { 'Query.invoices': 1, 'Query.report': 3 });
    });
  });
});
