import * as assert from 'node:assert/strict';
import plugin from 'eslint-plugin-claimguard';
import { lintUnderBothParsers } from '../eslint-plugin/both-parsers';
import { error, ruleCases, suggestion } from './rule-cases';

// Three lines every case starts with: the strategy is on line 4.
const PLUGIN = `const Hapi = require('@hapi/hapi');
const server = Hapi.server({ port: 3000 });
server.register(require('hapi-auth-jwt2'));
`;
const PINNED = "verifyOptions: { algorithms: ['RS256'], issuer: 'https://id.example.com/', audience: 'api' }";
const strategy = (options: string) => `${PLUGIN}server.auth.strategy('jwt', 'jwt', { key: process.env.JWT_PUBLIC_KEY, validate: async () => ({ isValid: true }), ${options} });`;

describe('models: hapi-auth-jwt2', () => {
  ruleCases('require-jwt-validation', {
    valid: [
      strategy(PINNED),
      // Another scheme's strategy in a file that does not register hapi-auth-jwt2 is not this model's.
      `server.auth.strategy('session', 'cookie', { cookie: { password: process.env.COOKIE_PASSWORD } });`,
      // @hapi/jwt's options (`keys`, `verify`) on the same scheme name, where nothing is imported: that library's strategy.
      `module.exports = (server) => {
  server.auth.strategy('jwt', 'jwt', { keys: process.env.JWT_SECRET, verify: { aud: 'api', iss: 'https://id.example.com/', sub: false } });
};`,
    ],
    invalid: [
      {
        // Registered from a glue manifest (`{ plugin: 'hapi-auth-jwt2' }`) or another file: the strategy's file imports
        // nothing, and the scheme name with this library's `key` option says whose strategy it is.
        code: `module.exports = (server) => {
  server.auth.strategy('jwt', 'jwt', { key: process.env.JWT_SECRET, validate: async () => ({ isValid: true }), verifyOptions: { algorithms: ['HS256'] } });
};`,
        errors: [
          {
            ...error('missingChecks', 2, 3),
            suggestions: [
              suggestion(
                'suggestAddPlaceholders',
                `module.exports = (server) => {
  server.auth.strategy('jwt', 'jwt', { key: process.env.JWT_SECRET, validate: async () => ({ isValid: true }), verifyOptions: { algorithms: ['HS256'], issuer: 'TODO: expected issuer', audience: 'TODO: expected audience' } });
};`,
              ),
            ],
          },
        ],
      },
      {
        code: strategy("verifyOptions: { algorithms: ['RS256'] }"),
        errors: [
          {
            ...error('missingChecks', 4, 1),
            suggestions: [
              suggestion('suggestAddPlaceholders', strategy("verifyOptions: { algorithms: ['RS256'], issuer: 'TODO: expected issuer', audience: 'TODO: expected audience' }")),
            ],
          },
        ],
      },
      {
        code: strategy(`verifyOptions: { algorithms: ['RS256'], issuer: 'https://id.example.com/', audience: 'api', ignoreExpiration: true }`),
        errors: [error('disabledCheck', 4, 206)],
      },
    ],
  });

  describe('grades', () => {
    const route = (options: string) => `${strategy(options)}
server.route({ method: 'DELETE', path: '/reports/{id}', options: { auth: 'jwt' },
  handler: (request, h) => (request.auth.credentials.scope.includes('admin') ? removeReport(request.params.id) : h.response().code(403)) });`;
    const config = { plugins: { claimguard: plugin }, rules: { 'claimguard/maturity-level': ['error', { minimumLevel: 3 }] as ['error', object] } };

    it('judges a route by the checks its strategy pins', () => {
      assert.deepEqual(lintUnderBothParsers(route(PINNED), config), []);
      const [message] = lintUnderBothParsers(route("verifyOptions: { algorithms: ['RS256'] }"), config);
      assert.match(message?.message ?? '', /^Level 2: /);
      assert.match(message?.message ?? '', /issuer/);
      assert.doesNotMatch(message?.message ?? '', /algorithms/);
    });
  });
});
