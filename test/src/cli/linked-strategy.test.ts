import * as assert from 'node:assert/strict';
import { route, TempProject } from './helpers';

describe('claimguard: a hapi strategy configured in a file that registers no routes', function () {
  this.timeout(60_000);
  // A glue manifest registers hapi-auth-jwt2 by name; the strategy file imports nothing and registers no routes.
  const strategy = (verifyOptions: string) => `module.exports = {
  name: 'auth',
  register(server) {
    server.auth.strategy('jwt', 'jwt', { key: process.env.JWT_PUBLIC_KEY, validate: async () => ({ isValid: true }), verifyOptions: ${verifyOptions} });
  },
};
`;
  const files = (verifyOptions: string) => ({
    'package.json': JSON.stringify({ name: 'glued', dependencies: { '@hapi/glue': '*', '@hapi/hapi': '*', 'hapi-auth-jwt2': '*' } }),
    'lib/manifest.js': "module.exports = { server: { port: 3000 }, register: { plugins: [{ plugin: 'hapi-auth-jwt2' }, { plugin: './auth' }, { plugin: './reports' }] } };\n",
    'lib/auth/index.js': strategy(verifyOptions),
    'lib/reports/index.js': `module.exports = {
  name: 'reports',
  register(server) {
    server.route({ method: 'DELETE', path: '/reports/{id}', options: { auth: 'jwt' },
      handler: (request, h) => (request.auth.credentials.scope.includes('admin') ? h.response().code(204) : h.response().code(403)) });
  },
};
`,
  });

  it('grades the route by that strategy, and names where it is', () => {
    const pinned = new TempProject(files("{ algorithms: ['RS256'], issuer: 'https://id.example.com/', audience: 'api' }"));
    const partly = new TempProject(files("{ algorithms: ['RS256'] }"));
    try {
      assert.equal(route(pinned.json(['.']), 'DELETE', '/reports/{id}').level, 3);
      const weak = route(partly.json(['.']), 'DELETE', '/reports/{id}');
      assert.equal(weak.level, 2);
      assert.match(weak.reasons.join('\n'), /strategy at lib\/auth\/index\.js:4\).* does not pin issuer and audience/);
    } finally {
      pinned.remove();
      partly.remove();
    }
  });
});
