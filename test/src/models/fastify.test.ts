import * as assert from 'node:assert/strict';
import plugin from 'eslint-plugin-claimguard';
import { lintUnderBothParsers, runUnderBothParsers } from '../eslint-plugin/both-parsers';

// Two lines: routes and plugins begin on line 3.
const FASTIFY = `const Fastify = require('fastify');
const fastify = Fastify();
`;

describe('Fastify model: plugin-level hooks and request decorators', () => {
  describe('no-untrusted-authorization', () => {
    const rule = plugin.rules['no-untrusted-authorization']!;
    runUnderBothParsers('no-untrusted-authorization', rule as never, {
      valid: [
        // A plugin-level hook verifies and fills the decorated request property; the handler decides on it.
        `${FASTIFY}fastify.decorateRequest('user', null);
fastify.register(async (instance) => {
  instance.addHook('onRequest', async (request) => {
    request.user = await request.jwtVerify();
  });
  instance.delete('/orders/:id', async (request, reply) => {
    if (!request.user.roles.includes('admin')) return reply.code(403).send();
    return removeOrder(request.params.id);
  });
});`,
        // A tracing header copied onto the request decides nothing.
        `${FASTIFY}fastify.addHook('onRequest', async (request) => {
  request.traceId = request.headers['x-request-id'];
});
fastify.get('/orders', async (request) => listOrders({ trace: request.traceId }));`,
      ],
      invalid: [
        {
          // Inside a plugin, the handler's request is Fastify's: its headers are caller input.
          code: `${FASTIFY}fastify.register(async (instance) => {
  instance.addHook('onRequest', async (request) => { await request.jwtVerify(); });
  instance.post('/refunds', async (request, reply) => {
    if (request.headers['x-role'] !== 'admin') return reply.code(403).send();
    return refund(request.body);
  });
});`,
          // The hook verified with @fastify/jwt, so the fix reads the claim from \`request.user\`.
          errors: [
            {
              messageId: 'untrustedHeader',
              line: 6,
              column: 9,
              suggestions: [
                {
                  messageId: 'suggestVerifiedClaim',
                  output: `${FASTIFY}fastify.register(async (instance) => {
  instance.addHook('onRequest', async (request) => { await request.jwtVerify(); });
  instance.post('/refunds', async (request, reply) => {
    if (request.user.role !== 'admin') return reply.code(403).send();
    return refund(request.body);
  });
});`,
                },
              ],
            },
          ],
        },
      ],
    });
  });

  describe('maturity-level', () => {
    const config = { plugins: { claimguard: plugin }, rules: { 'claimguard/maturity-level': 'error' as const } };

    it('applies a plugin-level onRequest hook to the plugin\'s routes only', () => {
      const messages = lintUnderBothParsers(
        `${FASTIFY}fastify.register(async (instance) => {
  instance.addHook('onRequest', async (request) => { await request.jwtVerify(); });
  instance.get('/orders', async () => []);
}, { prefix: '/v1' });
fastify.get('/export', async () => []);`,
        config,
      );
      assert.deepEqual(
        messages.map((message) => [message.line, message.message.split(':')[0]]),
        [
          [5, 'Level 1'],
          [7, 'Unauthenticated route GET /export'],
        ],
      );
    });
  });

  // A role gate written as a request method (`decorateRequest`): its `this` is the request, and a hook that calls it
  // gates the route on the verified roles, so moderators may change any record.
  describe('require-ownership-check: role gates in decorated request methods', () => {
    const rule = plugin.rules['require-ownership-check']!;
    const GATE = `${FASTIFY}function verifyAccess(reply, role) {
  if (!this.user.roles.includes(role)) reply.code(403).send({ message: 'forbidden' });
}
async function isModerator(reply) {
  this.verifyAccess(reply, 'moderator');
}
async function audit(reply) {
  this.log.info({ route: this.url }, 'moderated');
}
fastify.decorateRequest('verifyAccess', verifyAccess);
fastify.decorateRequest('isModerator', isModerator);
fastify.decorateRequest('audit', audit);
fastify.addHook('onRequest', async (request) => { await request.jwtVerify(); });
`;
    runUnderBothParsers('require-ownership-check', rule as never, {
      valid: [
        `${GATE}fastify.post('/tasks/:id/assign', { preHandler: (request, reply) => request.isModerator(reply) }, async (request) => {
  return Task.update({ assignee: request.body.userId }, { where: { id: request.params.id } });
});`,
        {
          // The same gate in TypeScript, with \`this\` declared as the request.
          code: `import Fastify, { FastifyReply, FastifyRequest } from 'fastify';
const fastify = Fastify();
function verifyAccess(this: FastifyRequest, reply: FastifyReply, role: string) {
  if (!this.user.roles.includes(role)) reply.code(403).send({ message: 'forbidden' });
}
async function isModerator(this: FastifyRequest, reply: FastifyReply) {
  this.verifyAccess(reply, 'moderator');
}
fastify.decorateRequest('verifyAccess', verifyAccess);
fastify.decorateRequest('isModerator', isModerator);
fastify.addHook('onRequest', async (request) => { await request.jwtVerify(); });
fastify.post('/tasks/:id/assign', { preHandler: (request, reply) => request.isModerator(reply) }, async (request) => {
  return Task.update({ assignee: request.body.userId }, { where: { id: request.params.id } });
});`,
          filename: 'src/routes/tasks.ts',
        },
      ],
      invalid: [
        {
          // A request method that decides nothing gates nothing.
          code: `${GATE}fastify.post('/tasks/:id/assign', { preHandler: (request, reply) => request.audit(reply) }, async (request) => {
  return Task.update({ assignee: request.body.userId }, { where: { id: request.params.id } });
});`,
          errors: [{ messageId: 'missingOwnershipCheck', line: 17, column: 15 }],
        },
      ],
    });
  });
});

