import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import Ajv from 'ajv';

const ROOT = path.resolve(__dirname, '../../..');
const BIN = path.join(ROOT, 'eslint-plugin/bin/claimguard.js');
const FIXTURES = path.join(ROOT, 'test/fixtures/cli');

interface JsonRoute {
  method: string;
  path: string;
  file: string;
  line: number;
  level: number | string;
  reasons: string[];
  publicRoute: boolean;
}

interface JsonReport {
  version: number;
  grade: number | string | null;
  routes: JsonRoute[];
  weakestRoutes: JsonRoute[];
  findings: { file: string; line: number; ruleId: string | null; severity: string; message: string }[];
  skipped: { file: string; reason: string }[];
  filesAnalyzed: number;
}

/** Runs the real command from the fixtures folder, as a user would from their project. */
function claimguard(...args: string[]) {
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd: FIXTURES, encoding: 'utf8', timeout: 60_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function jsonReport(fixture: string, ...args: string[]): JsonReport {
  const { stdout } = claimguard(fixture, '--format', 'json', ...args);
  return JSON.parse(stdout) as JsonReport;
}

function route(report: JsonReport, method: string, routePath: string): JsonRoute {
  const found = report.routes.find((candidate) => candidate.method === method && candidate.path === routePath);
  assert.ok(found, `no route ${method} ${routePath} in ${JSON.stringify(report.routes.map((r) => `${r.method} ${r.path}`))}`);
  return found;
}

describe('claimguard command', function () {
  this.timeout(60_000);

  describe('one fixture per level', () => {
    for (const level of [0, 1, 2, 3]) {
      it(`grades the level-${level} project at Level ${level}`, () => {
        const report = jsonReport(`level-${level}`);
        assert.equal(report.grade, level);
      });
    }

    it('names the culprit and its line in the table', () => {
      const { stdout, status } = claimguard('level-2');
      assert.match(stdout, /GET\s+\/admin\s+level-2\/app\.js:6\s+Level 2\s+role from header 'x-role' at line 8/);
      assert.match(stdout, /Codebase grade: Level 2/);
      assert.match(stdout, /Routes pulling it down:\n {2}GET \/admin \(level-2\/app\.js:6\): role from header 'x-role' at line 8; take the role from the verified token\s+to\s+reach\s+Level 3\n/);
      assert.equal(status, 1, 'the untrusted header is an error finding');
    });
  });

  describe('one fixture per framework', () => {
    it('Express: joins a router with the app that mounts it and resolves imported middleware', () => {
      const report = jsonReport('express');
      assert.equal(route(report, 'GET', '/users').level, 3);
      const remove = route(report, 'DELETE', '/users/:id');
      assert.equal(remove.level, 2);
      assert.match(remove.reasons[0]!, /role from header 'x-role' at middleware\/roles\.js:2/);
      assert.equal(route(report, 'GET', '/health').level, 'unauthenticated');
    });

    it('Koa: router prefix and app-level koa-jwt', () => {
      assert.equal(route(jsonReport('koa'), 'GET', '/api/orders').level, 3);
    });

    it('Fastify: onRequest hooks resolved through decorate', () => {
      const report = jsonReport('fastify');
      assert.equal(route(report, 'GET', '/me').level, 1);
      assert.equal(route(report, 'GET', '/status').level, 'unauthenticated');
    });

    it('Hono: path-scoped jwt() middleware', () => {
      const stats = route(jsonReport('hono'), 'GET', '/admin/stats');
      assert.equal(stats.level, 2);
      assert.match(stats.reasons[0]!, /does not pin issuer and audience/);
    });

    it('NestJS: class and method guards, a guard imported from another file', () => {
      const report = jsonReport('nest');
      assert.equal(route(report, 'GET', '/cats').level, 1);
      const create = route(report, 'POST', '/cats');
      assert.match(create.reasons[0]!, /header 'x-role' at roles\.guard\.ts:7/);
    });

    it('NestJS: module middleware applied with forRoutes() reaches the routes it selects, and only those', () => {
      const report = jsonReport('nest-module');
      const feed = route(report, 'GET', '/articles/feed');
      assert.equal(feed.level, 1);
      assert.match(feed.reasons[0]!, /token verified by jwt\.verify\(\) at auth\.middleware\.ts:9/);
      assert.equal(route(report, 'DELETE', '/articles/:slug').level, 1);
      assert.equal(route(report, 'GET', '/articles').level, 'unauthenticated');
      assert.equal(route(report, 'DELETE', '/users/:id').level, 'unauthenticated');
    });

    it('NestJS: an APP_GUARD in the module covers every controller except @Public() routes', () => {
      const report = jsonReport('nest-global');
      const me = route(report, 'GET', '/me');
      assert.equal(me.level, 1);
      assert.match(me.reasons[0]!, /AuthGuard\('jwt'\) at jwt-auth\.guard\.ts:5/);
      assert.equal(route(report, 'GET', '/health').level, 'unauthenticated');
    });

    it('Hono: exported sub-apps and chained builders joined with the app that mounts them', () => {
      const report = jsonReport('hono-subapp');
      const remove = route(report, 'DELETE', '/api/posts/:id');
      assert.equal(remove.level, 0);
      assert.match(remove.reasons[0]!, /HTTP Basic credentials .* at index\.ts:7/);
      assert.equal(route(report, 'GET', '/api/todos').level, 'unauthenticated');
      assert.match(route(report, 'DELETE', '/api/todos/:id').reasons[0]!, /role from header 'x-role' at line 6/);
    });

    it("TypeScript's import = require() and export =: the router's routes under the prefix it is mounted on", () => {
      const report = jsonReport('ts-import-equals');
      assert.deepEqual(
        report.routes.map((entry) => `${entry.method} ${entry.path}`),
        ['GET /users/:id'],
      );
      assert.match(route(report, 'GET', '/users/:id').reasons[0]!, /role from header 'x-role' at line 6/);
    });

    it('Next.js: paths from the app folder and middleware.ts matched by config.matcher', () => {
      const report = jsonReport('next');
      const order = route(report, 'GET', '/api/orders/[id]');
      assert.equal(order.level, 'unauthenticated');
      assert.match(order.reasons[0]!, /cookie 'role' decides access at middleware\.ts:4/);
      assert.deepEqual(route(report, 'GET', '/api/health').reasons, ['no authentication on the route']);
    });

    it('Node http: one route per server handler', () => {
      const report = jsonReport('http');
      assert.equal(route(report, 'ALL', '/').level, 'unauthenticated');
      assert.equal(report.grade, 'unauthenticated');
    });
  });

  describe('exit codes', () => {
    it('exits 0 with no error findings and no --min-level', () => {
      assert.equal(claimguard('level-1').status, 0);
    });

    it('exits 1 when a protected route is below --min-level', () => {
      const result = claimguard('level-1', '--min-level', '2');
      assert.equal(result.status, 1);
      assert.match(result.stderr, /1 protected route is below Level 2/);
    });

    it('exits 0 when every protected route reaches --min-level', () => {
      assert.equal(claimguard('level-3', '--min-level', '3').status, 0);
    });

    it('keeps public routes out of the gate', () => {
      assert.equal(claimguard('http', '--min-level', '0', '--public', '/').status, 1, 'the header check is still an error finding');
      const report = jsonReport('http', '--public', '/');
      assert.equal(report.grade, null);
      assert.equal(route(report, 'ALL', '/').publicRoute, true);
    });

    for (const [name, args, pattern] of [
      ['a nonexistent path', ['no-such-folder'], /^claimguard: path not found: no-such-folder\n$/],
      ['an invalid --min-level', ['level-1', '--min-level', '5'], /^claimguard: invalid --min-level '5': use 0, 1, 2 or 3\n$/],
      ['an unknown format', ['level-1', '--format', 'xml'], /^claimguard: unknown --format 'xml'/],
      ['an unknown option', ['--frobnicate'], /^claimguard: Unknown option '--frobnicate'/],
      ['a config that throws', ['bad-config', '--config', 'bad-config/eslint.config.mjs'], /^claimguard: configuration error: .*broken on purpose\n$/],
      ['a missing config', ['level-1', '--config', 'nope.mjs'], /^claimguard: config file not found: nope\.mjs\n$/],
    ] as const) {
      it(`exits 2 with one line for ${name}`, () => {
        const result = claimguard(...args);
        assert.equal(result.status, 2, result.stderr);
        assert.match(result.stderr, pattern);
        assert.equal(result.stdout, '');
      });
    }

    it("prints ESLint's warning about a legacy .eslintignore once, not once per ESLint instance of the run", () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'claimguard-'));
      try {
        fs.writeFileSync(path.join(dir, 'package.json'), '{ "name": "legacy-ignore" }\n');
        fs.writeFileSync(path.join(dir, '.eslintignore'), 'dist/\n');
        for (const name of ['health', 'status', 'version']) {
          fs.writeFileSync(path.join(dir, `${name}.js`), `const app = require('express')();\napp.get('/${name}', (req, res) => res.send('ok'));\n`);
        }
        // Worker threads make ESLint instances of their own; the main thread prints what they warn about.
        for (const args of [[dir], ['--concurrency', '2', dir]]) {
          const result = claimguard(...args);
          assert.equal(result.stderr.split('.eslintignore').length - 1, 1, `${args.join(' ')}: ${result.stderr}`);
          assert.equal(result.status, 0, result.stderr);
        }
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    });

    it('reports a file that does not parse and still analyses the others', () => {
      const report = jsonReport('broken');
      assert.equal(report.skipped.length, 1);
      assert.match(report.skipped[0]!.file, /broken\.js$/);
      assert.equal(report.filesAnalyzed, 2);
      assert.ok(route(report, 'GET', '/open'));
      assert.equal(claimguard('broken').status, 1);
    });
  });

  describe('formats', () => {
    it('writes valid SARIF 2.1.0', () => {
      const { stdout } = claimguard('express', '--format', 'sarif');
      const sarif = JSON.parse(stdout) as { version: string; runs: { results: { ruleId: string; level: string }[] }[] };
      const schema = JSON.parse(fs.readFileSync(path.join(FIXTURES, 'sarif-schema-2.1.0.json'), 'utf8')) as object;
      const ajv = new Ajv({ schemaId: 'auto', allErrors: true });
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      ajv.addMetaSchema(require('ajv/lib/refs/json-schema-draft-04.json') as object);
      const valid = ajv.validate(schema, sarif);
      assert.ok(valid, ajv.errorsText());
      assert.equal(sarif.version, '2.1.0');
      const results = sarif.runs[0]!.results;
      assert.ok(results.some((result) => result.ruleId === 'claimguard/no-untrusted-authorization' && result.level === 'error'));
      assert.ok(results.some((result) => result.ruleId === 'claimguard/route-maturity' && result.level === 'note'));
    });

    it('rejects SARIF that breaks the schema (the validation is real)', () => {
      const schema = JSON.parse(fs.readFileSync(path.join(FIXTURES, 'sarif-schema-2.1.0.json'), 'utf8')) as object;
      const ajv = new Ajv({ schemaId: 'auto' });
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      ajv.addMetaSchema(require('ajv/lib/refs/json-schema-draft-04.json') as object);
      assert.equal(ajv.validate(schema, { version: '2.1.0', runs: [{ tool: {} }] }), false);
    });

    it('writes a markdown report for pull requests', () => {
      const { stdout } = claimguard('level-2', '--format', 'markdown');
      assert.match(stdout, /^## ClaimGuard: API security maturity\n\n\*\*Codebase grade: Level 2\*\*/);
      assert.match(stdout, /\| `GET` \| `\/admin` \| `level-2\/app\.js:6` \| Level 2 \| `role from header 'x-role' at line 8` \|/);
    });

    it('writes to --output instead of stdout', () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'claimguard-'));
      try {
        const file = path.join(dir, 'report.json');
        const result = claimguard('level-3', '--format', 'json', '--output', file);
        assert.equal(result.stdout, '');
        assert.equal((JSON.parse(fs.readFileSync(file, 'utf8')) as JsonReport).grade, 3);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    });
  });
});
