import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT, TempProject } from './helpers';

const PLUGIN = pathToFileURL(path.join(ROOT, 'eslint-plugin/out/index.js')).href;

/**
 * An ordinary project config: ClaimGuard's recommended config, the project's own plugin and core rules, its
 * ignores, shared settings and a rule switched off, all for `.js` files only. Loading it leaves a mark, so a
 * test can tell whether the command ran the project's code.
 */
const CONFIG = `import { writeFileSync } from 'node:fs';
import claimguard from '${PLUGIN}';

writeFileSync(new URL('./config-was-loaded', import.meta.url), 'yes');

const everything = { meta: { type: 'problem', schema: [] }, create: (context) => ({ Program: (node) => context.report({ node, message: 'every file' }) }) };

export default [
  ...[claimguard.configs.recommended].flat(),
  { ignores: ['src/generated/**'] },
  {
    files: ['**/*.js'],
    plugins: { local: { rules: { everything } } },
    settings: { claimguard: { trustedHeaders: ['x-gateway-role'] } },
    rules: { 'local/everything': 'error', 'no-undef': 'error', 'claimguard/no-api-key-auth': 'off' },
  },
];
`;

const HEADER_CHECK = (header: string) => `const express = require('express');
const app = express();
app.get('/admin', (req, res) => {
  if (req.headers['${header}'] !== 'admin') return res.sendStatus(403);
  res.json(undefinedHelper());
});
`;

const FILES = {
  'src/gateway.js': HEADER_CHECK('x-gateway-role'),
  'src/orders.ts': HEADER_CHECK('x-role').replace("const express = require('express');", "import express from 'express';"),
  'src/basic.js': "const express = require('express');\nconst basicAuth = require('express-basic-auth');\nconst app = express();\napp.get('/reports', basicAuth({ users: { admin: process.env.ADMIN_PASSWORD } }), (req, res) => res.json([]));\n",
  'src/generated/client.js': HEADER_CHECK('x-role'),
};

describe("claimguard --project-config: the project's config, merged as the trusted editor merges it", function () {
  this.timeout(60_000);
  let project: TempProject;
  beforeEach(() => {
    project = new TempProject({ 'eslint.config.mjs': CONFIG, ...FILES });
  });
  afterEach(() => project.remove());

  const findings = (args: readonly string[]) => project.json(args).findings.map((finding) => `${finding.file}:${finding.line} ${finding.ruleId}`);

  it('never runs the project’s config without the flag', () => {
    assert.deepEqual(findings(['src']), [
      'src/basic.js:4 claimguard/no-api-key-auth',
      'src/gateway.js:4 claimguard/no-untrusted-authorization',
      'src/generated/client.js:4 claimguard/no-untrusted-authorization',
      'src/orders.ts:4 claimguard/no-untrusted-authorization',
    ]);
    assert.equal(project.exists('config-was-loaded'), false);
  });

  it('applies its ignores, settings and claimguard/* severities, and lints TS files its `files` leave out', () => {
    assert.deepEqual(findings(['src', '--project-config']), ['src/orders.ts:4 claimguard/no-untrusted-authorization']);
    assert.equal(project.exists('config-was-loaded'), true);
    const report = project.json(['src', '--project-config']);
    assert.equal(report.filesAnalyzed, 3, 'src/generated is ignored by the project');
    assert.ok(report.configurations.includes("ClaimGuard's bundled configuration with the claimguard/* rules and settings.claimguard of eslint.config.mjs"), report.configurations.join('\n'));
  });

  it('says which configuration applied', () => {
    const result = project.run(['src', '--project-config']);
    assert.match(result.stderr, /^claimguard: ClaimGuard's bundled configuration with the claimguard\/\* rules and settings\.claimguard of eslint\.config\.mjs$/m);
  });

  it('lets only ClaimGuard decide the exit code: the project’s other rules never run on the result', () => {
    project.write({ 'src/orders.ts': "export const ok = true;\n" });
    const result = project.run(['src', '--project-config']);
    assert.equal(result.status, 0, result.stdout + result.stderr);
    assert.doesNotMatch(result.stdout, /every file|no-undef|local\//);
  });

  it('-c takes the config from another file, the same way', () => {
    project.write({ 'ci/claimguard.config.mjs': CONFIG.replace("'./config-was-loaded'", "'../config-was-loaded'"), 'eslint.config.mjs': 'throw new Error("not this one");\n' });
    assert.deepEqual(findings(['src', '-c', 'ci/claimguard.config.mjs']), ['src/orders.ts:4 claimguard/no-untrusted-authorization']);
  });

  it('takes public routes from maturity-level in the project’s config, and still none from comments', () => {
    project.write({
      'eslint.config.mjs': CONFIG.replace("'claimguard/no-api-key-auth': 'off' }", "'claimguard/no-api-key-auth': 'off', 'claimguard/maturity-level': ['off', { publicRoutes: ['/admin'] }] }"),
      'src/open.js': '/* eslint claimguard/maturity-level: ["warn", {"publicRoutes": ["/reports"]}] */\n',
    });
    const routes = project.json(['src', '--project-config']).routes.map((found) => `${found.file} ${found.method} ${found.path} ${found.publicRoute}`);
    // The block that lists '/admin' is for `.js` files: the TypeScript route keeps its grade.
    assert.deepEqual(routes.sort(), ['src/basic.js GET /reports false', 'src/gateway.js GET /admin true', 'src/orders.ts GET /admin false']);
    assert.equal(project.json(['src']).routes.some((found) => found.publicRoute), false, 'without the flag the project config says nothing');
  });

  it('a project without a config gets the bundled one', () => {
    const bare = new TempProject(FILES);
    try {
      const report = bare.json(['src', '--project-config']);
      assert.equal(report.findings.length, 4);
      assert.deepEqual(report.configurations, ["ClaimGuard's bundled configuration (recommended rules)"]);
    } finally {
      bare.remove();
    }
  });

  it('exits 2 with one line when every file there is ignored by the project', () => {
    const result = project.run(['src/generated', '--project-config']);
    assert.equal(result.status, 2);
    assert.equal(result.stderr, "claimguard: no JavaScript or TypeScript files to analyse in src/generated (the project's config ignores every one)\n");
  });

  it('exits 2 with one line for a config that throws', () => {
    project.write({ 'eslint.config.mjs': 'throw new Error("this configuration is broken on purpose");\n' });
    const result = project.run(['src', '--project-config']);
    assert.equal(result.status, 2);
    assert.match(result.stderr, /^claimguard: configuration error: .*broken on purpose\n$/);
  });
});
