import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { claimguard, FIXTURES, jsonReport, route, TempProject, VERIFIED_APP_HEADER } from './helpers';

/** What may decide the exit code: ClaimGuard's findings, files that do not parse, and the level gate. Nothing else. */
describe('claimguard command: what the gate decides on', function () {
  this.timeout(60_000);
  const projects: TempProject[] = [];
  const project = (files: Record<string, string>) => {
    const created = new TempProject(files);
    projects.push(created);
    return created;
  };
  afterEach(() => {
    for (const created of projects.splice(0)) created.remove();
  });

  describe('paths outside the working folder', () => {
    it('lints a project given by its absolute path from another folder, and the gate holds', () => {
      const elsewhere = project({ 'notes.txt': 'not a project' });
      const result = claimguard([path.join(FIXTURES, 'level-1'), '--min-level', '3'], { cwd: elsewhere.dir });
      assert.equal(result.status, 1, result.stderr);
      assert.match(result.stderr, /1 protected route is below Level 3/);
      const report = jsonReport([path.join(FIXTURES, 'level-1')], { cwd: elsewhere.dir });
      assert.equal(report.filesAnalyzed, 1);
      assert.equal(route(report, 'GET', '/profile').file, 'app.js', 'paths are relative to the folder that was linted');
      assert.equal(report.grade, 1);
    });

    it('lints several outside paths from the folder that holds them all', () => {
      const elsewhere = project({});
      const report = jsonReport([path.join(FIXTURES, 'level-1'), path.join(FIXTURES, 'level-2/app.js')], { cwd: elsewhere.dir });
      assert.deepEqual(report.routes.map((found) => found.file).sort(), ['level-1/app.js', 'level-2/app.js']);
    });

    it('lints a relative path that leads out of the working folder', () => {
      const report = jsonReport(['../level-3'], { cwd: path.join(FIXTURES, 'level-2') });
      assert.equal(report.grade, 3);
      assert.equal(report.filesAnalyzed, 1);
    });
  });

  describe('nothing to analyse', () => {
    for (const [name, files, target, message] of [
      ['a folder without source files', { 'docs/README.md': '# docs' }, 'docs', 'claimguard: no JavaScript or TypeScript files to analyse in docs\n'],
      ['a folder with only dependencies', { 'vendor/node_modules/x/index.js': 'module.exports = 1;' }, 'vendor', 'claimguard: no JavaScript or TypeScript files to analyse in vendor\n'],
      ['a file that is not JavaScript or TypeScript', { 'README.md': '# hello' }, 'README.md', 'claimguard: README.md was not analysed: it is ignored because no matching configuration was supplied\n'],
      ['a file under node_modules', { 'node_modules/x/index.js': 'module.exports = 1;' }, 'node_modules/x/index.js', /^claimguard: node_modules\/x\/index\.js was not analysed: it is ignored by default because it is located under the node_modules directory\n$/],
    ] as const) {
      it(`exits 2 with one line for ${name}`, () => {
        const result = project(files).run([target]);
        assert.equal(result.status, 2, result.stderr);
        if (typeof message === 'string') assert.equal(result.stderr, message);
        else assert.match(result.stderr, message);
        assert.equal(result.stdout, '');
      });
    }

    it('exits 2 when one of several paths has nothing to analyse', () => {
      const result = project({ 'src/app.js': 'module.exports = 1;', 'docs/README.md': '# docs' }).run(['src', 'docs']);
      assert.equal(result.status, 2);
      assert.equal(result.stderr, 'claimguard: no JavaScript or TypeScript files to analyse in docs\n');
    });
  });

  describe("the project's own eslint-disable comments", () => {
    const files = {
      'service.ts': [
        "import express from 'express';",
        '',
        'const app = express();',
        '// eslint-disable-next-line @typescript-eslint/no-explicit-any',
        'export function parse(input: any): unknown {',
        '  return JSON.parse(input);',
        '}',
        '/* eslint-disable no-console */',
        "console.log('ready');",
        '// eslint-disable-next-line import/no-unresolved, react-hooks/exhaustive-deps -- the project lints with both',
        'export const ready = true;',
        "app.get('/health', (req, res) => res.send('ok'));",
        '',
      ].join('\n'),
      'legacy.js': "/* eslint-env node */\n/* global window */\n// eslint-disable-line no-var\nvar x = 1;\nmodule.exports = x;\n",
    };

    it('never turns comments naming rules ClaimGuard does not load into errors', () => {
      const temp = project(files);
      const result = temp.run(['.']);
      assert.equal(result.status, 0, result.stdout + result.stderr);
      assert.doesNotMatch(result.stdout, /Definition for rule|Unused eslint-disable/);
      const report = temp.json(['.']);
      assert.deepEqual(report.findings, []);
      assert.equal(report.filesAnalyzed, 2);
    });

    it('still reports ClaimGuard findings next to them', () => {
      const temp = project({
        ...files,
        'admin.js': `${VERIFIED_APP_HEADER}app.delete('/users/:id', checkJwt, (req, res) => {\n  // eslint-disable-next-line no-console\n  if (req.get('x-role') !== 'admin') return res.sendStatus(403);\n  res.sendStatus(204);\n});\n`,
      });
      const report = temp.json(['.']);
      assert.deepEqual(
        report.findings.map((finding) => `${finding.file}:${finding.line} ${finding.ruleId}`),
        ['admin.js:8 claimguard/no-untrusted-authorization'],
      );
      assert.equal(temp.run(['.']).status, 1);
    });
  });

  describe('inline configuration cannot open the gate', () => {
    const unauthenticatedAdmin = [
      "const express = require('express');",
      'const app = express();',
      "app.get('/admin', (req, res) => {",
      "  if (req.headers['x-role'] !== 'admin') return res.sendStatus(403);",
      '  res.json({});',
      '});',
      '',
    ].join('\n');

    it('ignores publicRoutes set in a comment of another file', () => {
      const temp = project({
        'app.js': unauthenticatedAdmin,
        'open.js': '/* eslint claimguard/maturity-level: ["warn", {"publicRoutes": ["/**"]}] */\nmodule.exports = {};\n',
      });
      const result = temp.run(['.', '--min-level', '2']);
      assert.equal(result.status, 1);
      assert.match(result.stderr, /1 protected route is below Level 2 \(codebase grade: unauthenticated\)/);
      const report = temp.json(['.']);
      assert.equal(route(report, 'GET', '/admin').publicRoute, false);
      assert.deepEqual(report.ignoredInlineConfig, [{ file: 'open.js', line: 1, text: '/* eslint claimguard/maturity-level: ["warn", {"publicRoutes": ["/**"]}] */' }]);
      assert.match(result.stdout, /Inline configuration not applied .*\n {2}open\.js:1 {2}\/\* eslint claimguard\/maturity-level/);
    });

    it('ignores publicRoutes set in a comment of the route file itself', () => {
      const temp = project({ 'app.js': `/* eslint claimguard/maturity-level: ["error", {"publicRoutes": ["/admin"]}] */\n${unauthenticatedAdmin}` });
      assert.equal(temp.run(['.', '--min-level', '0']).status, 1);
      assert.equal(route(temp.json(['.']), 'GET', '/admin').publicRoute, false);
    });

    it('keeps a rule switched off or softened by a comment at its configured severity', () => {
      const temp = project({
        'off.js': `/* eslint claimguard/no-untrusted-authorization: "off" */\n${unauthenticatedAdmin}`,
        'warn.js': `/* eslint claimguard/no-untrusted-authorization: "warn" */\n${unauthenticatedAdmin}`,
      });
      const report = temp.json(['.']);
      assert.deepEqual(
        report.findings.map((finding) => `${finding.file}:${finding.line} ${finding.ruleId} ${finding.severity}`),
        ['off.js:5 claimguard/no-untrusted-authorization error', 'warn.js:5 claimguard/no-untrusted-authorization error'],
      );
      assert.equal(temp.run(['.']).status, 1);
    });

    it('still honours an eslint-disable comment in a file whose inline configuration it ignores', () => {
      const temp = project({
        'app.js': [
          '/* eslint claimguard/no-untrusted-authorization: "off" */',
          "const express = require('express');",
          'const app = express();',
          "app.get('/admin', (req, res) => {",
          "  // eslint-disable-next-line claimguard/no-untrusted-authorization -- checked by the gateway",
          "  if (req.headers['x-role'] !== 'admin') return res.sendStatus(403);",
          "  if (req.headers['x-admin'] !== '1') return res.sendStatus(403);",
          '  res.json({});',
          '});',
          '',
        ].join('\n'),
      });
      const report = temp.json(['.']);
      assert.deepEqual(report.suppressed.map((finding) => [finding.line, finding.suppressions]), [[6, [{ kind: 'directive', justification: 'checked by the gateway' }]]]);
      assert.deepEqual(report.findings.map((finding) => finding.line), [7]);
    });
  });

  describe('every eslint-disable of a ClaimGuard rule is listed', () => {
    const files = {
      'admin.js': [
        VERIFIED_APP_HEADER,
        "app.delete('/users/:id', checkJwt, (req, res) => {",
        '  // eslint-disable-next-line claimguard/no-untrusted-authorization -- the gateway strips x-role from client requests',
        "  if (req.get('x-role') !== 'admin') return res.sendStatus(403);",
        '  res.sendStatus(204);',
        '});',
        "app.patch('/users/:id', checkJwt, (req, res) => {",
        "  if (req.query.admin !== 'true') return res.sendStatus(403); // eslint-disable-line claimguard/no-untrusted-authorization",
        '  res.sendStatus(204);',
        '});',
        '',
      ].join('\n'),
    };
    const justification = 'the gateway strips x-role from client requests';
    let temp: TempProject;
    beforeEach(() => {
      temp = project(files);
    });

    it('does not count them', () => {
      assert.equal(temp.run(['.']).status, 0);
    });

    it('in JSON', () => {
      const report = temp.json(['.']);
      assert.deepEqual(report.findings, []);
      assert.deepEqual(
        report.suppressed.map((finding) => [finding.line, finding.ruleId, finding.suppressions]),
        [
          [9, 'claimguard/no-untrusted-authorization', [{ kind: 'directive', justification }]],
          [13, 'claimguard/no-untrusted-authorization', [{ kind: 'directive', justification: '' }]],
        ],
      );
    });

    it('in the table', () => {
      const { stdout } = temp.run(['.']);
      assert.match(stdout, /Suppressed: 2 findings not counted\n {2}admin\.js:9:7 {3}claimguard\/no-untrusted-authorization {2}eslint-disable: the gateway strips x-role/);
      assert.match(stdout, /\n {2}admin\.js:13:7 {2}claimguard\/no-untrusted-authorization {2}eslint-disable, no reason given\n/);
      assert.match(stdout, / · 2 suppressed · /);
    });

    it('in markdown', () => {
      const { stdout } = temp.run(['.', '--format', 'markdown']);
      assert.match(stdout, /### Suppressed \(2 findings not counted\)/);
      assert.match(stdout, new RegExp(`\\| \`admin\\.js:9:7\` \\| claimguard/no-untrusted-authorization \\| .* \\| \`${justification}\` \\|`));
      assert.match(stdout, /\| `admin\.js:13:7` \| claimguard\/no-untrusted-authorization \| .* \| none \|/);
    });

    it('in SARIF, as in-source suppressions with their reason', () => {
      const sarif = JSON.parse(temp.run(['.', '--format', 'sarif']).stdout) as { runs: { results: { ruleId: string; suppressions?: unknown[] }[] }[] };
      const suppressed = sarif.runs[0]!.results.filter((result) => result.suppressions);
      assert.deepEqual(suppressed.map((result) => result.suppressions), [[{ kind: 'inSource', justification }], [{ kind: 'inSource' }]]);
    });
  });

  describe('-o is checked before the analysis', () => {
    // The config records that it was loaded: a failure that comes before the analysis never loads it.
    const files = {
      'eslint.config.mjs': "import { writeFileSync } from 'node:fs';\nwriteFileSync(new URL('./config-was-loaded', import.meta.url), 'yes');\nexport default [];\n",
      'app.js': "const express = require('express');\nconst app = express();\napp.get('/x', (req, res) => res.send('ok'));\n",
    };

    for (const [name, output, message] of [
      ['a missing folder', 'reports/today/claimguard.json', 'claimguard: cannot write the report to reports/today/claimguard.json: folder reports/today does not exist\n'],
      ['a folder', '.', 'claimguard: cannot write the report to .: it is a folder\n'],
    ] as const) {
      it(`exits 2 with one line for ${name}, without analysing anything`, () => {
        const temp = project(files);
        const result = temp.run(['.', '--project-config', '--format', 'json', '--output', output]);
        assert.equal(result.status, 2);
        assert.equal(result.stderr, message);
        assert.equal(result.stdout, '');
        assert.equal(temp.exists('config-was-loaded'), false);
      });
    }

    it('the same project with a good -o loads the config and writes the report', () => {
      const temp = project(files);
      const result = temp.run(['.', '--project-config', '--format', 'json', '--output', 'report.json']);
      assert.equal(result.status, 0, result.stderr);
      assert.equal(temp.exists('config-was-loaded'), true);
      assert.equal((JSON.parse(temp.read('report.json')) as { filesAnalyzed: number }).filesAnalyzed, 2, 'app.js and eslint.config.mjs');
    });
  });
});
