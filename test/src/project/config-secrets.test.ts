import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { lintWithGrader, writeTempProject } from './temp-project';
import { forgetProjects } from '../../../eslint-plugin/out/project/index';

/**
 * Verification secrets that a config module writes: `config.jwtSecret` where config.js says
 * `process.env.JWT_SECRET || 'dev-secret'`. Real ESLint runs on small projects, in CommonJS JavaScript (espree) and
 * in TypeScript modules with `.js` specifiers (typescript-eslint); the grade is the command's.
 */
describe('verification secrets written in config modules', function () {
  this.timeout(60_000);
  let root: string;

  interface Outcome {
    secretFindings: { file: string; line: number; message: string }[];
    levels: Record<string, string | number>;
  }

  async function lint(files: Record<string, string>): Promise<Outcome> {
    root = writeTempProject(files, 'config-secret');
    const { results, grader } = await lintWithGrader(root);
    const secretFindings = results.flatMap((result) =>
      result.messages.flatMap((message) => {
        assert.ok(!message.fatal, `${result.filePath}: ${message.message}`);
        return message.ruleId === 'claimguard/no-hardcoded-jwt-secret' ? [{ file: path.relative(root, result.filePath), line: message.line, message: message.message }] : [];
      }),
    );
    const levels = Object.fromEntries(grader.routes().map((route) => [`${route.method} ${route.path}`, route.level]));
    return { secretFindings, levels };
  }

  afterEach(() => {
    if (root) fs.rmSync(root, { recursive: true, force: true });
    forgetProjects();
  });

  const commonJsProject = (secret: string): Record<string, string> => ({
    'src/config.js': `module.exports = {\n  port: Number(process.env.PORT || 3000),\n  jwtSecret: ${secret},\n};\n`,
    'src/auth.js': `const jwt = require('jsonwebtoken');
const config = require('./config');

module.exports = function requireUser(req, res, next) {
  try {
    req.user = jwt.verify(String(req.headers.authorization).slice(7), config.jwtSecret, { algorithms: ['HS256'], issuer: 'https://id.example.com', audience: 'orders-api' });
    next();
  } catch {
    res.sendStatus(401);
  }
};
`,
    'src/app.js': `const express = require('express');
const requireUser = require('./auth');

const app = express();
app.delete('/orders/:id', requireUser, (req, res) => {
  if (!req.user.roles.includes('admin')) return res.sendStatus(403);
  res.sendStatus(204);
});
module.exports = app;
`,
  });

  it('reports a literal fallback in another file where the verifier uses it, and holds its routes at Level 1', async () => {
    const { secretFindings, levels } = await lint(commonJsProject(`process.env.JWT_SECRET || 'orders-dev-secret'`));
    assert.equal(secretFindings.length, 1, JSON.stringify(secretFindings));
    assert.deepEqual({ file: secretFindings[0]!.file, line: secretFindings[0]!.line }, { file: path.join('src', 'auth.js'), line: 6 });
    assert.match(secretFindings[0]!.message, /`config\.jwtSecret` falls back to a jsonwebtoken secret written in the source at config\.js:3 whenever `process\.env\.JWT_SECRET` is unset/);
    assert.deepEqual(levels, { 'DELETE /orders/:id': 1 });
  });

  it('reports a literal secret in a config module as written in the source', async () => {
    const { secretFindings, levels } = await lint(commonJsProject(`'a-literal-secret-that-is-long-enough-to-pass-length'`));
    assert.equal(secretFindings.length, 1, JSON.stringify(secretFindings));
    assert.match(secretFindings[0]!.message, /`config\.jwtSecret` is a jsonwebtoken verify secret written in the source at config\.js:3/);
    assert.deepEqual(levels, { 'DELETE /orders/:id': 1 });
  });

  it('stays quiet on a secret the environment must provide', async () => {
    const { secretFindings, levels } = await lint(commonJsProject('process.env.JWT_SECRET'));
    assert.deepEqual(secretFindings, []);
    assert.deepEqual(levels, { 'DELETE /orders/:id': 3 });
  });

  it('follows a named export of a TypeScript module imported with a .js specifier', async () => {
    const { secretFindings, levels } = await lint({
      'src/config.ts': `export const settings = {\n  auth: { secret: process.env.AUTH_SECRET ?? 'change-me' },\n  publicUrl: process.env.PUBLIC_URL ?? 'http://localhost:3000',\n};\n`,
      'src/server.ts': `import express from 'express';
import { expressjwt } from 'express-jwt';
import { settings } from './config.js';

const app = express();
app.use(expressjwt({ secret: settings.auth.secret, algorithms: ['HS256'], issuer: 'https://id.example.com', audience: 'orders-api' }));
app.get('/reports', (req, res) => {
  if (!req.auth?.scope?.includes('reports:read')) return res.sendStatus(403);
  res.json([]);
});
export default app;
`,
    });
    assert.equal(secretFindings.length, 1, JSON.stringify(secretFindings));
    assert.equal(secretFindings[0]!.file, path.join('src', 'server.ts'));
    assert.match(secretFindings[0]!.message, /`settings\.auth\.secret` falls back to a express-jwt secret written in the source at config\.ts:2 whenever `process\.env\.AUTH_SECRET` is unset/);
    assert.deepEqual(levels, { 'GET /reports': 1 });
  });

  it('names the environment the config module reads when it is not process.env', async () => {
    const { secretFindings } = await lint({
      'src/config.ts': `export const jwtSecret = import.meta.env.JWT_SECRET ?? 'dev-secret';\n`,
      'src/server.ts': `import express from 'express';
import { expressjwt } from 'express-jwt';
import { jwtSecret } from './config.js';

const app = express();
app.use(expressjwt({ secret: jwtSecret, algorithms: ['HS256'], issuer: 'https://id.example.com', audience: 'orders-api' }));
export default app;
`,
    });
    assert.equal(secretFindings.length, 1, JSON.stringify(secretFindings));
    assert.match(secretFindings[0]!.message, /`jwtSecret` falls back to a express-jwt secret written in the source at config\.ts:1 whenever `import\.meta\.env\.JWT_SECRET` is unset/);
  });

  it('does not take a fallback of another property (a URL) for the secret', async () => {
    const { secretFindings } = await lint({
      'src/config.ts': `export const settings = { secret: process.env.AUTH_SECRET!, publicUrl: process.env.PUBLIC_URL ?? 'http://localhost:3000' };\n`,
      'src/server.ts': `import express from 'express';
import { expressjwt } from 'express-jwt';
import { settings } from './config.js';

const app = express();
app.use(expressjwt({ secret: settings.secret, algorithms: ['HS256'] }));
export default app;
`,
    });
    assert.deepEqual(secretFindings, []);
  });
});
