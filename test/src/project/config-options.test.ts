import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { lintWithGrader, writeTempProject } from './temp-project';
import { forgetProjects } from '../../../eslint-plugin/out/project/index';

/**
 * Verification options that a config module writes: `jwt.verify(token, config.jwt.secret, config.jwt.options)` where
 * config.js pins the algorithms, issuer and audience. Real ESLint runs on small projects, in CommonJS JavaScript
 * (espree) and in TypeScript modules (typescript-eslint); the grade is the command's.
 */
describe('verification options written in config modules', function () {
  this.timeout(60_000);
  let root: string;

  interface Outcome {
    validation: { file: string; line: number; message: string }[];
    routes: Record<string, { level: string | number; reasons: readonly string[] }>;
  }

  async function lint(files: Record<string, string>): Promise<Outcome> {
    root = writeTempProject(files, 'config-options');
    const { results, grader } = await lintWithGrader(root, { 'claimguard/require-jwt-validation': ['error', { reportUnresolved: true }] });
    const validation = results.flatMap((result) =>
      result.messages.flatMap((message) => {
        assert.ok(!message.fatal, `${result.filePath}: ${message.message}`);
        return message.ruleId === 'claimguard/require-jwt-validation' ? [{ file: path.relative(root, result.filePath), line: message.line, message: message.message }] : [];
      }),
    );
    const routes = Object.fromEntries(grader.routes().map((route) => [`${route.method} ${route.path}`, { level: route.level, reasons: route.reasons.map((reason) => reason.text) }]));
    return { validation, routes };
  }

  afterEach(() => {
    if (root) fs.rmSync(root, { recursive: true, force: true });
    forgetProjects();
  });

  const AUTH_JS = `const jwt = require('jsonwebtoken');
const config = require('./config');

module.exports = function requireUser(req, res, next) {
  try {
    req.user = jwt.verify(String(req.headers.authorization).slice(7), config.jwt.secret, config.jwt.options);
    next();
  } catch {
    res.sendStatus(401);
  }
};
`;
  const APP_JS = `const express = require('express');
const requireUser = require('./auth');

const app = express();
app.delete('/orders/:id', requireUser, (req, res) => {
  if (!req.user.roles.includes('admin')) return res.sendStatus(403);
  res.sendStatus(204);
});
module.exports = app;
`;
  const commonJsProject = (options: string): Record<string, string> => ({
    'src/config.js': `module.exports = {\n  port: Number(process.env.PORT || 3000),\n  jwt: {\n    secret: process.env.JWT_SECRET,\n    options: ${options},\n  },\n};\n`,
    'src/auth.js': AUTH_JS,
    'src/app.js': APP_JS,
  });

  it('reads options a CommonJS config module pins, and grades the route Level 3', async () => {
    const { validation, routes } = await lint(commonJsProject(`{ algorithms: ['HS256'], issuer: 'https://id.example.com', audience: 'orders-api' }`));
    assert.deepEqual(validation, []);
    assert.equal(routes['DELETE /orders/:id']?.level, 3, JSON.stringify(routes));
  });

  it('names the check a config module leaves out, as missing rather than unreadable', async () => {
    const { validation, routes } = await lint(commonJsProject(`{ algorithms: ['HS256'], issuer: 'https://id.example.com' }`));
    assert.equal(validation.length, 1, JSON.stringify(validation));
    assert.equal(validation[0]!.file, path.join('src', 'auth.js'));
    assert.match(validation[0]!.message, /audience/);
    assert.doesNotMatch(validation[0]!.message, /cannot be resolved|cannot read/);
    const route = routes['DELETE /orders/:id']!;
    assert.equal(route.level, 2);
    assert.ok(route.reasons.some((reason) => /does not pin audience/.test(reason) && !/cannot read/.test(reason)), JSON.stringify(route.reasons));
  });

  it('keeps an option the config module computes at run time unknown, never missing', async () => {
    const { validation, routes } = await lint(commonJsProject(`{ algorithms: process.env.JWT_ALGORITHMS.split(','), issuer: 'https://id.example.com', audience: 'orders-api' }`));
    assert.equal(validation.length, 1, JSON.stringify(validation));
    assert.match(validation[0]!.message, /algorithms/);
    assert.match(validation[0]!.message, /cannot be resolved/);
    assert.ok(routes['DELETE /orders/:id']!.reasons.some((reason) => /cannot read/.test(reason)), JSON.stringify(routes));
  });

  it('reads a config object built by assigning its sections (`conf.auth = { … }`)', async () => {
    const { validation, routes } = await lint({
      'src/config.js': `const conf = {};\nconf.auth = { verifyOptions: { algorithms: ['HS256'], issuer: 'https://id.example.com', audience: 'orders-api' } };\nconf.port = 3000;\nmodule.exports = conf;\n`,
      'src/auth.js': AUTH_JS.replace('config.jwt.secret, config.jwt.options', 'process.env.JWT_SECRET, config.auth.verifyOptions'),
      'src/app.js': APP_JS,
    });
    assert.deepEqual(validation, []);
    assert.equal(routes['DELETE /orders/:id']?.level, 3, JSON.stringify(routes));
  });

  it('reads each option from a TypeScript settings module, inside an options object written at the call', async () => {
    const { validation, routes } = await lint({
      'src/settings.ts': `export const settings = {\n  jwt: { algorithms: ['RS256'], issuer: 'https://id.example.com', audience: process.env.AUDIENCE ?? 'reports' },\n};\n`,
      'src/server.ts': `import express from 'express';
import * as jwt from 'jsonwebtoken';
import { settings } from './settings.js';

const app = express();
app.get('/reports', (req, res) => {
  const claims = jwt.verify(String(req.headers.authorization).slice(7), process.env.PUBLIC_KEY!, { algorithms: settings.jwt.algorithms as jwt.Algorithm[], issuer: settings.jwt.issuer, audience: settings.jwt.audience }) as jwt.JwtPayload;
  if (!claims.scope?.includes('reports:read')) return res.sendStatus(403);
  res.json([]);
});
export default app;
`,
    });
    assert.deepEqual(validation, []);
    assert.equal(routes['GET /reports']?.level, 3, JSON.stringify(routes));
  });

  it('does not take an option another file only mentions for a pinned one', async () => {
    const { validation } = await lint({
      'src/settings.ts': `export const settings = { jwt: { issuer: 'https://id.example.com' } };\n`,
      'src/server.ts': `import express from 'express';
import * as jwt from 'jsonwebtoken';
import { settings } from './settings.js';

const app = express();
app.get('/reports', (req, res) => {
  jwt.verify(String(req.headers.authorization).slice(7), process.env.PUBLIC_KEY!, { algorithms: ['RS256'], issuer: settings.jwt.issuer, audience: settings.jwt.audience });
  res.json([]);
});
export default app;
`,
    });
    assert.equal(validation.length, 1, JSON.stringify(validation));
    assert.match(validation[0]!.message, /audience/);
  });
});
