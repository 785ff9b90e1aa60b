import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import plugin from 'eslint-plugin-claimguard';
import { lintUnderBothParsers, runUnderBothParsers } from '../eslint-plugin/both-parsers';
import { writeTempProject } from '../project/temp-project';
import { forgetProjects, projectFor } from '../../../eslint-plugin/out/project/index';
import { gradeRoutes } from '../../../eslint-plugin/out/project/grades';

const JWT_MIDDLEWARE = "expressjwt({ secret: process.env.KEY, algorithms: ['RS256'], issuer: 'https://id.example', audience: 'api' })";

/**
 * A graphql-js schema served by express-graphql in one file: the Query type's fields start on line 9, the Mutation
 * type, the schema and the mount follow them.
 */
function schemaFile(queryFields: string, mutationFields = '', mount = `app.use('/graphql', ${JWT_MIDDLEWARE}, graphqlHTTP({ schema }));`): string {
  return `const express = require('express');
const { graphqlHTTP } = require('express-graphql');
const { expressjwt } = require('express-jwt');
const { GraphQLObjectType, GraphQLSchema, GraphQLID, GraphQLNonNull, GraphQLString, GraphQLInt, GraphQLList } = require('graphql');
const { Schema, model } = require('mongoose');
const Invoice = model('Invoice', new Schema({ ownerId: String, total: Number }));
const InvoiceType = new GraphQLObjectType({ name: 'Invoice', fields: { id: { type: GraphQLID } } });
const QueryType = new GraphQLObjectType({ name: 'Query', fields: () => ({
${queryFields}
}) });
const MutationType = new GraphQLObjectType({ name: 'Mutation', fields: {
${mutationFields}
} });
const schema = new GraphQLSchema({ query: QueryType, mutation: MutationType });
const app = express();
${mount}
`;
}

describe('graphql-js object types', () => {
  describe('require-ownership-check: a field resolver loads records by its arguments', () => {
    const rule = plugin.rules['require-ownership-check']!;
    runUnderBothParsers('require-ownership-check', rule as never, {
      valid: [
        // Loaded by the argument, then its owner compared with the verified subject.
        schemaFile(`  invoice: { type: InvoiceType, args: { id: { type: new GraphQLNonNull(GraphQLID) } },
    async resolve(parent, { id }, context) {
      const invoice = await Invoice.findById(id);
      if (!invoice || invoice.ownerId !== context.auth.sub) throw new Error('Not found');
      return invoice;
    } },`),
        // Paging arguments choose no record; the listing is scoped by the verified subject.
        schemaFile(`  invoices: { type: new GraphQLList(InvoiceType), args: { first: { type: GraphQLInt }, after: { type: GraphQLString }, orderBy: { type: GraphQLString } },
    resolve: (parent, args, context) => Invoice.find({ ownerId: context.auth.sub }).sort(args.orderBy).skip(Number(args.after || 0)).limit(Math.min(args.first || 20, 100)) },`),
        // A local class named like the graphql-js one builds no schema: its `resolve` is no resolver.
        `const { Schema, model } = require('mongoose');
const Invoice = model('Invoice', new Schema({ ownerId: String }));
class GraphQLObjectType { constructor(options) { this.options = options; } }
const QueryType = new GraphQLObjectType({ name: 'Query', fields: { invoice: { type: 'Invoice', resolve: (parent, args) => Invoice.findById(args.id) } } });`,
        // Objects with a \`resolve\` key that configure no field: a Promise executor, require.resolve, a bundler's options.
        `const { GraphQLString } = require('graphql');
const { Schema, model } = require('mongoose');
const Invoice = model('Invoice', new Schema({ ownerId: String }));
const loaded = (args) => new Promise((resolve) => resolve(Invoice.findById(args.id)));
const paths = { resolve: require.resolve };
module.exports = { resolve: { extensions: ['.js'] }, loaded, paths };`,
      ],
      invalid: [
        {
          // Any signed-in caller reads any invoice: the argument is client input, nothing compares the owner.
          code: schemaFile(`  invoice: { type: InvoiceType, args: { id: { type: new GraphQLNonNull(GraphQLID) } },
    resolve: (parent, args, context) => Invoice.findById(args.id) },`),
          errors: [{ messageId: 'missingOwnershipCheck', line: 10, column: 49 }],
        },
        {
          // The same read where nothing authenticates the endpoint.
          code: schemaFile(
            `  invoice: { type: InvoiceType, resolve(parent, { id }) { return Invoice.findById(id); } },`,
            '',
            "app.use('/graphql', graphqlHTTP({ schema }));",
          ),
          errors: [{ messageId: 'ownedRecordWithoutAuthentication', line: 9, column: 74 }],
        },
        {
          // A nested type's field resolver is no route, but its arguments are still the client's (and nothing in
          // sight serves the type, so whether the endpoint authenticates is not known here).
          code: `const { GraphQLObjectType, GraphQLID } = require('graphql');
const { Schema, model } = require('mongoose');
const Invoice = model('Invoice', new Schema({ ownerId: String }));
module.exports = new GraphQLObjectType({ name: 'Customer', fields: { invoice: { type: GraphQLID, args: { id: { type: GraphQLID } }, resolve: (customer, args) => Invoice.findById(args.id) } } });`,
          errors: [{ messageId: 'missingOwnershipCheck', line: 4, column: 170 }],
        },
      ],
    });
  });

  describe('no-untrusted-authorization: arguments are client input', () => {
    const rule = plugin.rules['no-untrusted-authorization']!;
    runUnderBothParsers('no-untrusted-authorization', rule as never, {
      valid: [
        // The verified role decides.
        schemaFile(`  report: { type: GraphQLString, resolve: (parent, args, context) => { if (context.auth.role !== 'admin') throw new Error('Forbidden'); return 'ok'; } },`),
      ],
      invalid: [
        {
          code: schemaFile(`  report: { type: GraphQLString, args: { role: { type: GraphQLString } }, resolve: (parent, args) => { if (args.role === 'admin') return 'all'; throw new Error('Forbidden'); } },`),
          errors: [{ messageId: 'untrustedArgument', line: 9, column: 108, suggestions: [] }],
        },
      ],
    });
  });

  describe('operation types as routes', () => {
    const config = { plugins: { claimguard: plugin }, rules: { 'claimguard/maturity-level': 'error' } } as const;

    it('grades each operation field as a POST of the endpoint, named by its type, and no nested type field', () => {
      const code = schemaFile(
        `  me: { type: GraphQLID, resolve: (parent, args, context) => context.auth.sub },`,
        `  pay: { type: InvoiceType, args: { id: { type: GraphQLID } }, resolve: (parent, args) => Invoice.findById(args.id) },`,
        "app.use('/graphql', graphqlHTTP({ schema }));",
      ).replace("fields: { id: { type: GraphQLID } }", "fields: { id: { type: GraphQLID }, total: { type: GraphQLInt, resolve: (invoice) => invoice.total } }");
      const messages = lintUnderBothParsers(code, config);
      assert.deepEqual(
        messages.map((message) => [message.line, message.message.split(':')[0]]),
        [
          [9, 'Unauthenticated route POST /graphql Query.me'],
          [12, 'Unauthenticated route POST /graphql Mutation.pay'],
        ],
      );
    });

    it('finds the types through an ApolloServer given the schema', () => {
      const code = `const { ApolloServer } = require('@apollo/server');
const { startStandaloneServer } = require('@apollo/server/standalone');
const { GraphQLObjectType, GraphQLSchema, GraphQLString } = require('graphql');
const query = new GraphQLObjectType({ name: 'Query', fields: { hello: { type: GraphQLString, resolve: () => 'hi' } } });
startStandaloneServer(new ApolloServer({ schema: new GraphQLSchema({ query }) }));`;
      const messages = lintUnderBothParsers(code, config);
      assert.deepEqual(
        messages.map((message) => [message.line, message.message.split(':')[0]]),
        [[4, 'Unauthenticated route POST / Query.hello']],
      );
    });

    it('names a type by the schema slot it fills when its own name is no operation', () => {
      const code = `const express = require('express');
const { graphqlHTTP } = require('express-graphql');
const { GraphQLObjectType, GraphQLSchema, GraphQLString } = require('graphql');
const Author = new GraphQLObjectType({ name: 'Author', fields: { name: { type: GraphQLString, resolve: (author) => author.name } } });
const RootQuery = new GraphQLObjectType({ name: 'RootQueryType', fields: { hello: { type: GraphQLString, resolve: () => 'hi' } } });
const schema = new GraphQLSchema({ query: RootQuery });
express().use('/graphql', graphqlHTTP({ schema }));`;
      const messages = lintUnderBothParsers(code, config);
      assert.deepEqual(
        messages.map((message) => [message.line, message.message.split(':')[0]]),
        [[5, 'Unauthenticated route POST /graphql Query.hello']],
      );
    });

    it('makes no route of a local class named like the graphql-js one', () => {
      const code = `class GraphQLObjectType { constructor(options) { this.options = options; } }
const query = new GraphQLObjectType({ name: 'Query', fields: { hello: { type: 'String', resolve: () => 'hi' } } });`;
      assert.deepEqual(lintUnderBothParsers(code, config), []);
    });
  });

  describe('across files', () => {
    let root: string | undefined;

    afterEach(() => {
      if (root) fs.rmSync(root, { recursive: true, force: true });
      root = undefined;
      forgetProjects();
    });

    it('takes fields spread, named and required from other files, with the authentication of the mount', () => {
      root = writeTempProject(
        {
          'src/app.js': `const express = require('express');
const { graphqlHTTP } = require('express-graphql');
const { expressjwt } = require('express-jwt');
const schema = require('./schema');
const app = express();
app.use('/graphql', ${JWT_MIDDLEWARE}, graphqlHTTP({ schema }));
app.use('/public/graphql', graphqlHTTP({ schema }));`,
          'src/schema/index.js': `const { GraphQLSchema } = require('graphql');
const QueryType = require('./types/query');
const { mutations } = require('./mutations');
const { GraphQLObjectType } = require('graphql');
const MutationType = new GraphQLObjectType({ name: 'Mutation', fields: { ...mutations } });
module.exports = new GraphQLSchema({ query: QueryType, mutation: MutationType });`,
          'src/schema/types/query.js': `const { GraphQLObjectType } = require('graphql');
const invoiceQueries = require('../queries/invoices');
import meQuery from '../queries/me';
module.exports = new GraphQLObjectType({ name: 'Query', fields: () => ({ ...invoiceQueries, me: meQuery, ping: require('../queries/ping') }) });`,
          'src/schema/queries/invoices.js': `const { GraphQLID } = require('graphql');
module.exports = {
  invoice: { type: GraphQLID, args: { id: { type: GraphQLID } }, resolve: (parent, args) => args.id },
  invoices: { type: GraphQLID, resolve: (parent, args, context) => (context.auth.role === 'admin' ? 'all' : 'mine') },
};`,
          'src/schema/queries/me.js': `import { GraphQLID } from 'graphql';
export default { type: GraphQLID, resolve: (parent, args, context) => context.auth.sub };`,
          'src/schema/queries/ping.js': `const { GraphQLString } = require('graphql');
module.exports = { type: GraphQLString, resolve: () => 'pong' };`,
          'src/schema/mutations.js': `const { GraphQLID } = require('graphql');
exports.mutations = { pay: { type: GraphQLID, resolve: (parent, args) => args.id } };`,
        },
        'graphql-object-types',
      );
      forgetProjects();
      const graded = gradeRoutes(projectFor(path.join(root, 'src/app.js'), {}).routes(), []);
      const grades = graded.map((route) => `${route.linked.route.method} ${route.path} ${route.linked.route.operation ?? ''} ${route.grade.level}`).sort();
      assert.deepEqual(grades, [
        'POST /graphql Mutation.pay 1',
        'POST /graphql Query.invoice 1',
        'POST /graphql Query.invoices 3',
        'POST /graphql Query.me 1',
        'POST /graphql Query.ping 1',
        'POST /public/graphql Mutation.pay unauthenticated',
        'POST /public/graphql Query.invoice unauthenticated',
        'POST /public/graphql Query.invoices unknown',
        'POST /public/graphql Query.me unauthenticated',
        'POST /public/graphql Query.ping unauthenticated',
      ]);
    });

    it('serves an imported graphql-js schema through an ApolloServer, its resolvers reading what the context builder verified', () => {
      root = writeTempProject(
        {
          'src/server.js': `import express from 'express';
import { ApolloServer } from '@apollo/server';
import { expressMiddleware } from '@apollo/server/express4';
import jwt from 'jsonwebtoken';
import schema from './schema';
const server = new ApolloServer({ schema });
const app = express();
app.use('/graphql', express.json(), expressMiddleware(server, {
  context: async ({ req }) => ({ user: jwt.verify(req.headers.authorization, process.env.KEY, { algorithms: ['RS256'], issuer: 'https://id.example', audience: 'api' }) }),
}));`,
          'src/schema.js': `import { GraphQLObjectType, GraphQLSchema, GraphQLString } from 'graphql';
const Query = new GraphQLObjectType({ name: 'Query', fields: {
  report: { type: GraphQLString, resolve: (parent, args, context) => { if (context.user.role !== 'admin') throw new Error('Forbidden'); return 'ok'; } },
} });
export default new GraphQLSchema({ query: Query });`,
        },
        'graphql-object-types-apollo',
      );
      forgetProjects();
      const graded = gradeRoutes(projectFor(path.join(root, 'src/server.js'), {}).routes(), []);
      const grades = graded.map((route) => `${route.path} ${route.linked.route.operation ?? ''} ${route.grade.level}`).sort();
      assert.deepEqual(grades, ['/graphql Query.report 3']);
    });

    it('takes a whole object of fields from another file into a type the schema slot names, each route where its config is', () => {
      root = writeTempProject(
        {
          'server.js': `const express = require('express');
const { graphqlHTTP } = require('express-graphql');
const schema = require('./graphql/schema');
const { authenticate } = require('./auth');
const app = express();
app.use(authenticate);
app.use('/graphql', graphqlHTTP({ schema }));`,
          'auth.js': `const jwt = require('jsonwebtoken');
exports.authenticate = (req, res, next) => {
  req.user = jwt.verify(req.cookies.token, process.env.KEY, { algorithms: ['RS256'], issuer: 'https://id.example', audience: 'api' });
  next();
};`,
          'graphql/schema.js': `const { GraphQLSchema, GraphQLObjectType } = require('graphql');
const queries = require('./queries');
const QueryType = new GraphQLObjectType({ name: 'QueryType', fields: queries });
module.exports = new GraphQLSchema({ query: QueryType });`,
          'graphql/queries.js': `const { GraphQLID } = require('graphql');

const users = {
  type: GraphQLID,
  resolve: () => [],
};
const user = { type: GraphQLID, args: { id: { type: GraphQLID } }, resolve: (parent, args) => args.id };
module.exports = { users, user };`,
        },
        'graphql-object-types-whole',
      );
      forgetProjects();
      const graded = gradeRoutes(projectFor(path.join(root, 'server.js'), {}).routes(), []);
      const routes = graded.map((route) => `${route.linked.route.operation ?? ''} ${route.path} line ${route.linked.route.span.start.line} ${route.grade.level}`).sort();
      assert.deepEqual(routes, ['Query.user /graphql line 7 1', 'Query.users /graphql line 3 1']);
    });
  });
});
