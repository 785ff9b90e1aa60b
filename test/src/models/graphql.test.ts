import * as assert from 'node:assert/strict';
import plugin from 'eslint-plugin-claimguard';
import { lintUnderBothParsers, runUnderBothParsers } from '../eslint-plugin/both-parsers';

/** An Apollo server in one file: the resolvers start on line 5, the server and its context builder follow them. */
function apollo(resolvers: string, context: string): string {
  return `import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { GraphQLError } from 'graphql';
import jwt from 'jsonwebtoken';
const resolvers = {
${resolvers}
};
const server = new ApolloServer({ typeDefs, resolvers });
startStandaloneServer(server, { context: ${context} });
`;
}

const VERIFIED_CONTEXT = "async ({ req }) => ({ user: jwt.verify(req.headers.authorization, process.env.KEY, { algorithms: ['RS256'], issuer: 'https://id.example', audience: 'api' }) })";
const DECODED_CONTEXT = 'async ({ req }) => ({ user: jwt.decode(req.headers.authorization) })';

const ROLE_GATE = `  Query: {
    report: (_parent, _args, context) => {
      if (context.user.role !== 'admin') throw new GraphQLError('Admins only', { extensions: { code: 'FORBIDDEN' } });
      return 'ok';
    },
  },`;

describe('GraphQL model', () => {
  describe('no-unverified-claims: the context builder decides what the resolvers read from their context', () => {
    const rule = plugin.rules['no-unverified-claims']!;
    runUnderBothParsers('no-unverified-claims', rule as never, {
      valid: [
        // Built from a verified token: the role is a verified claim.
        apollo(ROLE_GATE, VERIFIED_CONTEXT),
        // The builder in a variable, as most servers write it.
        `const context = ${VERIFIED_CONTEXT};\n${apollo(ROLE_GATE, 'context')}`,
      ],
      invalid: [
        {
          code: apollo(ROLE_GATE, DECODED_CONTEXT),
          errors: [{ messageId: 'unverifiedClaims', line: 8, column: 11 }],
        },
        {
          // The server handed to Express under a path, the builder declared apart from it.
          code: `import express from 'express';
import { expressMiddleware } from '@apollo/server/express4';
import { ApolloServer } from '@apollo/server';
import jwt from 'jsonwebtoken';
const queries = {
  Query: { report: (_parent, _args, context) => (context.user.role === 'admin' ? 'all' : 'mine') },
};
const server = new ApolloServer({ typeDefs, resolvers: [queries] });
const buildContext = async ({ req }) => ({ user: jwt.decode(req.headers.authorization) });
const app = express();
app.use('/graphql', express.json(), expressMiddleware(server, { context: buildContext }));`,
          errors: [{ messageId: 'unverifiedClaims', line: 6, column: 50 }],
        },
      ],
    });
  });

  describe('no-untrusted-authorization: arguments are client input, the verified viewer is not', () => {
    const rule = plugin.rules['no-untrusted-authorization']!;
    runUnderBothParsers('no-untrusted-authorization', rule as never, {
      valid: [
        // An argument compared with the verified viewer is an ownership check.
        apollo(
          `  Query: {
    invoicesOf: (_parent, args, context) => {
      if (args.userId !== context.user.id) throw new GraphQLError('Not yours', { extensions: { code: 'FORBIDDEN' } });
      return [];
    },
  },`,
          VERIFIED_CONTEXT,
        ),
        // Paging arguments decide nothing.
        apollo(
          `  Query: {
    products: (_parent, args, context) => context.db.product.findMany({ take: Math.min(args.first ?? 20, 100) }),
  },`,
          VERIFIED_CONTEXT,
        ),
      ],
      invalid: [
        {
          code: apollo(
            `  Query: {
    report: (_parent, args) => {
      if (args.role !== 'admin') throw new GraphQLError('Admins only', { extensions: { code: 'FORBIDDEN' } });
      return 'ok';
    },
  },`,
            VERIFIED_CONTEXT,
          ),
          errors: [{ messageId: 'untrustedArgument', line: 8, column: 11, suggestions: [] }],
        },
        {
          // A context built from a header: the role the resolver checks is that header, whichever way the builder
          // takes the request from its argument.
          code: apollo(ROLE_GATE, "async ({ req }) => ({ user: { role: req.headers['x-role'] } })"),
          errors: [{ messageId: 'untrustedHeader', line: 8, column: 11, suggestions: [] }],
        },
        {
          code: apollo(ROLE_GATE, "async (integration) => ({ user: { role: integration.req.get('x-role') } })"),
          errors: [{ messageId: 'untrustedHeader', line: 8, column: 11, suggestions: [] }],
        },
      ],
    });
  });

  describe('require-ownership-check: a record loaded by an argument', () => {
    const rule = plugin.rules['require-ownership-check']!;
    runUnderBothParsers('require-ownership-check', rule as never, {
      valid: [
        // Loaded by the argument, then its owner compared with the verified viewer.
        apollo(
          `  Mutation: {
    deleteInvoice: async (_parent, args, context) => {
      const invoice = await context.db.invoice.findUnique({ where: { id: args.id } });
      if (!invoice || invoice.ownerId !== context.user.sub) throw new GraphQLError('Not found', { extensions: { code: 'NOT_FOUND' } });
      return context.db.invoice.delete({ where: { id: invoice.id } });
    },
  },`,
          VERIFIED_CONTEXT,
        ),
        // A public catalogue: a model with no owner field, read by an argument on a server that authenticates nobody.
        `import { Schema, model } from 'mongoose';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
const Product = model('Product', new Schema({ name: String, price: Number }));
const resolvers = { Query: { product: (_parent, args) => Product.findById(args.id) } };
startStandaloneServer(new ApolloServer({ typeDefs, resolvers }));`,
        // The viewer's own rows.
        apollo(
          `  Query: {
    myInvoices: (_parent, _args, context) => context.db.invoice.findMany({ where: { ownerId: context.user.sub } }),
  },`,
          VERIFIED_CONTEXT,
        ),
      ],
      invalid: [
        {
          code: apollo(
            `  Query: {
    invoice: (_parent, args, context) => {
      if (!context.user) throw new GraphQLError('Sign in', { extensions: { code: 'UNAUTHENTICATED' } });
      return context.db.invoice.findUnique({ where: { id: args.id } });
    },
  },`,
            VERIFIED_CONTEXT,
          ),
          // Any signed-in viewer reads any invoice.
          errors: [{ messageId: 'missingOwnershipCheck', line: 9, column: 33 }],
        },
        {
          // The same read of an owned model on a server that authenticates nobody: anyone reads anyone's invoice.
          code: `import { Schema, model } from 'mongoose';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
const Invoice = model('Invoice', new Schema({ ownerId: String, total: Number }));
const resolvers = { Query: { invoice: (_parent, args) => Invoice.findById(args.id) } };
startStandaloneServer(new ApolloServer({ typeDefs, resolvers }));`,
          errors: [{ messageId: 'ownedRecordWithoutAuthentication', line: 5, column: 66 }],
        },
      ],
    });
  });

  describe('resolvers as routes', () => {
    const config = { plugins: { claimguard: plugin }, rules: { 'claimguard/maturity-level': 'error' } } as const;

    it('grades each resolver as a POST of its endpoint, named by its operation', () => {
      const messages = lintUnderBothParsers(apollo(ROLE_GATE, DECODED_CONTEXT), config);
      assert.equal(messages.length, 1);
      assert.equal(messages[0]!.line, 7);
      assert.match(messages[0]!.message, /^Unauthenticated route POST \/ Query\.report:/);
    });

    it('finds maps through spreads, arrays and merges, and the server through a schema', () => {
      const code = `import { ApolloServer } from '@apollo/server';
import { makeExecutableSchema } from '@graphql-tools/schema';
import { expressMiddleware } from '@apollo/server/express4';
import express from 'express';
const userResolvers = { Query: { me: (_p, _a, context) => context.user } };
const invoiceResolvers = { Mutation: { pay: (_p, args) => args.id } };
const schema = makeExecutableSchema({ typeDefs, resolvers: [userResolvers, { ...invoiceResolvers }] });
const server = new ApolloServer({ schema });
const app = express();
app.use('/api/graphql', expressMiddleware(server));`;
      const messages = lintUnderBothParsers(code, config);
      assert.deepEqual(
        messages.map((message) => [message.line, message.message.split(':')[0]]),
        [
          [5, 'Unauthenticated route POST /api/graphql Query.me'],
          [6, 'Unauthenticated route POST /api/graphql Mutation.pay'],
        ],
      );
    });

    it('grades a resolver map that no server in sight serves: its file shows no authentication', () => {
      const messages = lintUnderBothParsers(`const resolvers = { Query: { ping: () => 'pong' } };`, config);
      assert.equal(messages.length, 1);
      assert.match(messages[0]!.message, /Query\.ping/);
    });
  });
});
