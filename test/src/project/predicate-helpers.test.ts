import * as assert from 'node:assert/strict';
import { untrustedDecisions } from './temp-project';

const LIST_HELPERS = `const allowedRoles = ['admin', 'support'];

exports.roleAllowed = (role) => allowedRoles.includes(role);
exports.hasScope = function (granted, scope) {
  return String(granted).split(' ').includes(scope);
};
`;

/**
 * A gate written as a helper in another file that tests its argument against a list (`allowedRoles.includes(role)`):
 * the route decides on whatever it passes. CommonJS JavaScript (espree) and TypeScript, real ESLint runs.
 */
describe('allow-list helpers in another file', function () {
  this.timeout(60_000);
  const untrustedLines = (files: Record<string, string>) => untrustedDecisions(files, 'predicate-helpers');

  it('reports a header passed to an imported allow-list check, and not a verified claim passed to it', async () => {
    const findings = await untrustedLines({
      'lib/security.js': LIST_HELPERS,
      'app.js': `const express = require('express');
const { auth } = require('express-oauth2-jwt-bearer');
const security = require('./lib/security');

const app = express();
const checkJwt = auth({ audience: 'https://api.example.com', issuerBaseURL: 'https://issuer.example.com/' });
app.get('/tickets', checkJwt, (req, res) => {
  if (!security.roleAllowed(req.headers['x-role'])) return res.sendStatus(403);
  res.json([]);
});
app.get('/queue', checkJwt, (req, res) => {
  if (!security.roleAllowed(req.auth.payload.role)) return res.sendStatus(403);
  res.json([]);
});
app.get('/reports', checkJwt, (req, res) => {
  if (!security.hasScope(req.auth.payload.scope, 'reports:read')) return res.sendStatus(403);
  res.json([]);
});
module.exports = app;
`,
    });
    assert.deepEqual(findings, ["app.js:8 Authorization decision uses header 'x-role'"]);
  });

  it('follows a named TypeScript import of the helper to the query string it is given', async () => {
    const findings = await untrustedLines({
      'src/auth/roles.ts': `const STAFF: readonly string[] = ['admin', 'support'];

export function isStaff(role: unknown): boolean {
  return typeof role === 'string' && STAFF.includes(role);
}
`,
      'src/app.ts': `import express from 'express';
import { isStaff } from './auth/roles';

const app = express();
app.get('/tickets', (req, res) => {
  if (!isStaff(req.query.role)) return res.sendStatus(403);
  res.json([]);
});
export default app;
`,
    });
    assert.deepEqual(findings, ["src/app.ts:6 Authorization decision uses query 'role'"]);
  });
});
