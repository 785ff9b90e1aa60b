import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { cleanEnv, ROOT, route, TempProject } from './helpers';

/**
 * A legacy project: three findings of one rule in two files, one warning, and routes at Level 1, Level 0 and
 * unauthenticated. Adopting ClaimGuard there means recording all of it, then failing only on what is new.
 */
const APP = `const express = require('express');
const { auth } = require('express-oauth2-jwt-bearer');
const basicAuth = require('express-basic-auth');

const app = express();
const checkJwt = auth({ audience: 'https://api.example.com', issuerBaseURL: 'https://issuer.example.com/', tokenSigningAlg: 'RS256' });
app.get('/profile', checkJwt, (req, res) => res.json({}));
app.delete('/users/:id', checkJwt, (req, res) => {
  if (req.get('x-role') !== 'admin') return res.sendStatus(403);
  res.sendStatus(204);
});
app.get('/reports', basicAuth({ users: { admin: process.env.ADMIN_PASSWORD } }), (req, res) => res.json([]));
`;
const USERS = `const express = require('express');
const app = express();
app.post('/users/:id/role', (req, res) => {
  if (req.query.admin !== 'true') return res.sendStatus(403);
  if (req.headers['x-admin'] !== 'yes') return res.sendStatus(403);
  res.sendStatus(204);
});
`;
const RULE = 'claimguard/no-untrusted-authorization';

describe('claimguard baseline: fail only on new findings and on routes that drop below their level', function () {
  this.timeout(60_000);
  let project: TempProject;
  beforeEach(() => {
    project = new TempProject({ 'src/app.js': APP, 'src/users.js': USERS });
  });
  afterEach(() => project.remove());

  const record = () => {
    const result = project.run(['src', '--min-level', '2', '--suppress-all']);
    assert.equal(result.status, 0, result.stderr);
    return result;
  };

  it('fails on the legacy code before anything is recorded', () => {
    const result = project.run(['src', '--min-level', '2']);
    assert.equal(result.status, 1);
    assert.match(result.stderr, /4 protected routes are below Level 2/);
  });

  it('--suppress-all records findings in ESLint’s format and every route’s level, then passes', () => {
    const result = record();
    assert.equal(result.stderr.split('\n').filter(Boolean).pop(), 'claimguard: recorded 3 findings in eslint-suppressions.json and 4 route levels in claimguard-route-levels.json');
    assert.deepEqual(JSON.parse(project.read('eslint-suppressions.json')), {
      'src/app.js': { [RULE]: { count: 1 } },
      'src/users.js': { [RULE]: { count: 2 } },
    });
    assert.deepEqual(JSON.parse(project.read('claimguard-route-levels.json')), {
      'src/app.js': { 'DELETE /users/:id': 1, 'GET /profile': 1, 'GET /reports': 0 },
      'src/users.js': { 'POST /users/:id/role': 'unauthenticated' },
    });
    assert.equal(project.run(['src', '--min-level', '2']).status, 0);
  });

  it('writes the same suppressions file as ESLint’s own --suppress-all, byte for byte', () => {
    record();
    const plugin = pathToFileURL(path.join(ROOT, 'eslint-plugin/out/index.js')).href;
    project.write({ 'eslint.cfg.mjs': `import claimguard from '${plugin}';\nexport default [claimguard.configs.recommended].flat();\n` });
    const eslint = spawnSync(
      process.execPath,
      [path.join(ROOT, 'node_modules/eslint/bin/eslint.js'), '-c', 'eslint.cfg.mjs', '--suppress-all', '--suppressions-location', 'by-eslint.json', 'src'],
      { cwd: project.dir, env: cleanEnv(), encoding: 'utf8' },
    );
    assert.equal(eslint.status, 0, eslint.stdout + eslint.stderr);
    assert.equal(project.read('eslint-suppressions.json'), project.read('by-eslint.json'));
  });

  it('lists what the baseline holds back in every report, and passes', () => {
    record();
    const report = project.json(['src']);
    assert.deepEqual(report.findings.map((finding) => finding.ruleId), ['claimguard/no-api-key-auth'], 'warnings are never counted away');
    assert.deepEqual(report.suppressed.map((finding) => [finding.file, finding.line, finding.suppressions]), [
      ['src/app.js', 9, [{ kind: 'baseline', justification: '' }]],
      ['src/users.js', 4, [{ kind: 'baseline', justification: '' }]],
      ['src/users.js', 5, [{ kind: 'baseline', justification: '' }]],
    ]);
    assert.match(project.run(['src']).stdout, /Suppressed: 3 findings not counted\n {2}3 findings recorded in the baseline/);
    assert.match(project.run(['src', '--format', 'markdown']).stdout, /3 findings recorded in the baseline\./);
    const sarif = JSON.parse(project.run(['src', '--format', 'sarif']).stdout) as { runs: { results: { suppressions?: { kind: string }[] }[] }[] };
    assert.equal(sarif.runs[0]!.results.filter((result) => result.suppressions?.[0]?.kind === 'external').length, 3);
  });

  it('fails on one more finding of a recorded rule in a recorded file (ESLint’s counting)', () => {
    record();
    project.write({ 'src/users.js': USERS.replace("  res.sendStatus(204);", "  if (req.cookies.staff !== '1') return res.sendStatus(403);\n  res.sendStatus(204);") });
    const result = project.run(['src', '--min-level', '2']);
    assert.equal(result.status, 1);
    const report = project.json(['src']);
    assert.deepEqual(report.findings.filter((finding) => finding.ruleId === RULE).map((finding) => `${finding.file}:${finding.line}`), ['src/users.js:4', 'src/users.js:5', 'src/users.js:6']);
  });

  it('fails on a finding in a new file, and on a new route below --min-level', () => {
    record();
    project.write({ 'src/orders.js': "const express = require('express');\nconst app = express();\napp.get('/orders', (req, res) => {\n  if (req.headers['x-user'] !== 'me') return res.sendStatus(403);\n  res.json([]);\n});\n" });
    const result = project.run(['src', '--min-level', '2']);
    assert.equal(result.status, 1);
    assert.match(result.stderr, /1 protected route not in the baseline is below Level 2/);
    assert.deepEqual(project.json(['src']).findings.filter((finding) => finding.ruleId === RULE).map((finding) => finding.file), ['src/orders.js']);
  });

  it('fails when a recorded route drops below its level, and shows both levels', () => {
    record();
    project.write({ 'src/app.js': APP.replace("app.get('/profile', checkJwt,", "app.get('/profile',") });
    const result = project.run(['src', '--min-level', '2']);
    assert.equal(result.status, 1);
    assert.match(result.stderr, /claimguard: 1 route dropped below the recorded level: GET \/profile \(src\/app\.js:7\) unauthenticated, recorded Level 1\n/);
    assert.match(result.stdout, /GET {5}\/profile {9}src\/app\.js:7 {4}unauthenticated \(recorded: Level 1\)/);
    assert.equal(route(project.json(['src']), 'GET', '/profile').recordedLevel, 1);
  });

  it('keeps a recorded route to its own level, not to --min-level', () => {
    record();
    assert.equal(project.run(['src', '--min-level', '3']).status, 0, 'every route below 3 is recorded at its level');
  });

  it('asks for --prune-suppressions once a recorded finding is fixed, and pruning records the progress', () => {
    record();
    project.write({ 'src/app.js': APP.replace("  if (req.get('x-role') !== 'admin') return res.sendStatus(403);\n", '') });
    const stale = project.run(['src', '--min-level', '2']);
    assert.equal(stale.status, 2);
    assert.match(stale.stderr, /the baseline allows more than the code has now \(stale: 1 finding count\); run with --prune-suppressions/);
    assert.equal(project.run(['src', '--min-level', '2', '--pass-on-unpruned-suppressions']).status, 0);
    assert.equal(project.run(['src', '--min-level', '2', '--prune-suppressions']).status, 0);
    assert.deepEqual(JSON.parse(project.read('eslint-suppressions.json')), { 'src/users.js': { [RULE]: { count: 2 } } });
    assert.equal(project.run(['src', '--min-level', '2']).status, 0);
    // The fixed finding cannot come back unnoticed.
    project.write({ 'src/app.js': APP });
    assert.equal(project.run(['src', '--min-level', '2']).status, 1);
  });

  it('raises a recorded level when a route improves, so it cannot fall back', () => {
    record();
    const better = APP.replace("app.get('/reports', basicAuth({ users: { admin: process.env.ADMIN_PASSWORD } }),", "app.get('/reports', checkJwt,");
    project.write({ 'src/app.js': better });
    const stale = project.run(['src', '--min-level', '2']);
    assert.equal(stale.status, 2);
    assert.match(stale.stderr, /stale: 1 route level/);
    assert.equal(project.run(['src', '--prune-suppressions']).status, 0);
    assert.equal((JSON.parse(project.read('claimguard-route-levels.json')) as Record<string, Record<string, unknown>>)['src/app.js']!['GET /reports'], 1);
    project.write({ 'src/app.js': APP });
    const fallBack = project.run(['src', '--min-level', '2']);
    assert.equal(fallBack.status, 1);
    assert.match(fallBack.stderr, /GET \/reports \(src\/app\.js:12\) Level 0, recorded Level 1/);
  });

  it('leaves other rules’ entries in a shared suppressions file alone', () => {
    project.write({ 'eslint-suppressions.json': JSON.stringify({ 'src/app.js': { 'no-console': { count: 4 } }, 'src/gone.js': { 'no-var': { count: 1 } } }) });
    record();
    project.run(['src', '--prune-suppressions']);
    assert.deepEqual(JSON.parse(project.read('eslint-suppressions.json')), {
      'src/app.js': { 'no-console': { count: 4 }, [RULE]: { count: 1 } },
      'src/gone.js': { 'no-var': { count: 1 } },
      'src/users.js': { [RULE]: { count: 2 } },
    });
  });

  it('reads and writes the files at --suppressions-location, the levels next to it', () => {
    project.write({ 'ci/README.md': 'baseline files' });
    const result = project.run(['src', '--suppress-all', '--suppressions-location', 'ci/baseline.json']);
    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stderr, /recorded 3 findings in ci\/baseline\.json and 4 route levels in ci\/claimguard-route-levels\.json/);
    assert.equal(project.exists('eslint-suppressions.json'), false);
    assert.equal(project.run(['src', '--min-level', '2']).status, 1, 'the default location holds nothing');
    assert.equal(project.run(['src', '--min-level', '2', '--suppressions-location', 'ci/baseline.json']).status, 0);
  });

  for (const [name, args, files, message] of [
    ['--suppress-all with --prune-suppressions', ['src', '--suppress-all', '--prune-suppressions'], {}, 'claimguard: --suppress-all and --prune-suppressions cannot be used together\n'],
    ['a --suppressions-location that does not exist', ['src', '--suppressions-location', 'nope.json'], {}, 'claimguard: the suppressions file nope.json does not exist; run with --suppress-all to create it\n'],
    ['a suppressions file that is not JSON', ['src'], { 'eslint-suppressions.json': '{ nope' }, /^claimguard: cannot read eslint-suppressions\.json: .*JSON.*\n$/],
    ['a levels file with a level that does not exist', ['src'], { 'claimguard-route-levels.json': '{ "src/app.js": { "GET /profile": 7 } }' }, /^claimguard: cannot read claimguard-route-levels\.json: a route level must be 0, 1, 2, 3/],
  ] as const) {
    it(`exits 2 with one line for ${name}`, () => {
      project.write(files);
      const result = project.run(args);
      assert.equal(result.status, 2);
      if (typeof message === 'string') assert.equal(result.stderr, message);
      else assert.match(result.stderr, message);
    });
  }
});
