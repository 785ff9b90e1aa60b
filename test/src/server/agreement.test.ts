import * as assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ESLint } from 'eslint';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import type { WorkspaceReport } from 'claimguard-language-server/out/protocol';
import { FIXTURES, makeWorkspace } from './fixtures';
import { stdioClient, fileUri, type TestClient } from './lsp-client';

/**
 * Same files, same settings: `eslint` (the Node API), the `claimguard` command (the real binary) and the language
 * server (the real binary over stdio: each file's diagnostics, then the workspace report) must give the same
 * findings, and the command and the workspace report the same route grades.
 */

const ROOT = path.resolve(__dirname, '../../..');
const CLI = path.join(ROOT, 'eslint-plugin/bin/claimguard.js');
const CLI_FIXTURES = path.join(ROOT, 'test/fixtures/cli');
const PROJECT_FIXTURES = path.join(ROOT, 'test/fixtures/projects');
const folders = (root: string) => fs.readdirSync(root, { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => path.join(root, entry.name));
const PROJECTS = [
  ...folders(CLI_FIXTURES),
  path.join(ROOT, 'test/fixtures/demo-api'),
  // The multi-file projects: routes, middleware, handlers and models in different files.
  ...folders(PROJECT_FIXTURES).filter((folder) => fs.existsSync(path.join(folder, 'expected.json'))),
];

interface Setup {
  name: string;
  /** The flat config `eslint` and, where given, the command run with. */
  eslintConfig: string;
  /** Extra command-line arguments; none means its built-in configuration. */
  cliArgs: string[];
  /** The server's `claimguard` settings. */
  serverSettings: Record<string, unknown>;
}

const SETUPS: Setup[] = [
  {
    name: 'recommended rules (every tool as it comes)',
    eslintConfig: path.join(FIXTURES, 'agreement/recommended.config.mjs'),
    cliArgs: [],
    serverSettings: {},
  },
  {
    name: 'maturity-level at Level 3',
    eslintConfig: path.join(FIXTURES, 'agreement/maturity-level.config.mjs'),
    cliArgs: ['--config', path.join(FIXTURES, 'agreement/maturity-level.config.mjs')],
    serverSettings: { minimumLevel: 3 },
  },
];

/** `file:line:column rule`, with `fatal` for a file that does not parse: what every tool must agree on. */
type Finding = string;

const finding = (file: string, line: number, column: number, ruleId: string | null | undefined) => `${file}:${line}:${column} ${ruleId ?? 'fatal'}`;

async function eslintFindings(project: string, setup: Setup): Promise<{ files: string[]; findings: Finding[] }> {
  const eslint = new ESLint({ cwd: project, overrideConfigFile: setup.eslintConfig });
  const results = await eslint.lintFiles(['.']);
  const findings = results.flatMap((result) =>
    result.messages
      .filter((message) => message.fatal === true || message.ruleId?.startsWith('claimguard/'))
      .map((message) => finding(relative(project, result.filePath), message.line, message.column, message.ruleId)),
  );
  return { files: results.map((result) => result.filePath), findings: findings.sort() };
}

interface CliRoute {
  method: string;
  path: string;
  file: string;
  line: number;
  level: number | string;
  reasons: string[];
  publicRoute: boolean;
}

/** Runs the real command from the project's folder, as a user would; resolves with what its JSON report says. */
function cliReport(project: string, setup: Setup): Promise<{ findings: Finding[]; routes: string[]; grade: unknown; weakest: string[]; filesAnalyzed: number }> {
  return new Promise((resolve, reject) => {
    const args = [CLI, '.', '--format', 'json', ...setup.cliArgs];
    execFile(process.execPath, args, { cwd: project, encoding: 'utf8', timeout: 60_000, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      // Exit code 1 means findings or a low grade; anything else is a failure of the run itself.
      if (error && error.code !== 1) return reject(new Error(`claimguard failed (${String(error.code)}): ${stderr}`));
      try {
        const report = JSON.parse(stdout) as {
          findings: { file: string; line: number; column: number; ruleId: string | null }[];
          routes: CliRoute[];
          weakestRoutes: CliRoute[];
          grade: unknown;
          filesAnalyzed: number;
        };
        resolve({
          findings: report.findings.map((item) => finding(item.file, item.line, item.column, item.ruleId)).sort(),
          routes: report.routes.map(routeKey).sort(),
          grade: report.grade,
          weakest: report.weakestRoutes.map(routeKey).sort(),
          filesAnalyzed: report.filesAnalyzed,
        });
      } catch (parseError) {
        reject(parseError instanceof Error ? parseError : new Error(String(parseError)));
      }
    });
  });
}

function routeKey(route: { file: string; line: number; method: string; path: string; operation?: string; level: unknown; reasons: string[]; publicRoute: boolean }): string {
  return `${route.file}:${route.line} ${route.method} ${route.path}${route.operation !== undefined ? ` ${route.operation}` : ''} → ${String(route.level)}${route.publicRoute ? ' (public)' : ''}: ${route.reasons.join('; ')}`;
}

async function serverResults(project: string, files: readonly string[], setup: Setup) {
  const { client } = await stdioClient({ pull: true, workspaceFolders: [project], workspaceTrusted: false, settings: setup.serverSettings });
  try {
    const findings: Finding[] = [];
    for (const file of files) {
      const uri = fileUri(file);
      await client.open(uri, fs.readFileSync(file, 'utf8'), /\.[cm]?tsx?$/.test(file) ? 'typescript' : 'javascript');
      const report = await client.pull(uri);
      assert.equal(report.kind, 'full');
      for (const diagnostic of (report as { items: Diagnostic[] }).items) {
        const ruleId = typeof diagnostic.code === 'string' ? diagnostic.code : null;
        findings.push(finding(relative(project, file), diagnostic.range.start.line + 1, diagnostic.range.start.character + 1, ruleId));
      }
    }
    return { findings: findings.sort(), report: await client.workspaceReport() };
  } finally {
    (client as TestClient).dispose();
  }
}

function reportRoutes(project: string, report: WorkspaceReport) {
  const key = (route: WorkspaceReport['routes'][number]) =>
    routeKey({ ...route, file: relative(project, new URL(route.uri).pathname), line: route.line + 1 });
  return { routes: report.routes.map(key).sort(), grade: report.grade, weakest: report.weakestRoutes.map(key).sort() };
}

function relative(project: string, file: string): string {
  return path.relative(project, decodeURIComponent(file)).split(path.sep).join('/');
}

describe('eslint, the claimguard command and the language server agree', function () {
  // Per project: an ESLint run, the command's process and the server's process.
  this.timeout(120_000);
  let compared = 0;
  after(() => assert.ok(compared > PROJECTS.length, `most projects have findings or routes to compare (${compared} runs did)`));

  for (const setup of SETUPS) {
    describe(setup.name, () => {
      for (const project of PROJECTS) {
        it(`${path.relative(ROOT, project)}: same findings, same route grades`, async () => {
          // The command runs in its own process meanwhile.
          const pendingCli = cliReport(project, setup);
          const eslint = await eslintFindings(project, setup);
          const server = await serverResults(project, eslint.files, setup);
          const cli = await pendingCli;
          if (eslint.findings.length + cli.routes.length > 0) compared += 1;
          assert.deepEqual(cli.findings, eslint.findings, 'claimguard and eslint report the same findings');
          assert.deepEqual(server.findings, eslint.findings, "the server's diagnostics are eslint's findings");
          const graded = reportRoutes(project, server.report);
          assert.deepEqual(graded.routes, cli.routes, 'the workspace report grades every route as claimguard does');
          assert.deepEqual(graded.grade, cli.grade, 'same codebase grade');
          assert.deepEqual(graded.weakest, cli.weakest, 'same routes pull the grade down');
          assert.equal(server.report.filesAnalyzed + server.report.skipped.length, eslint.files.length, 'the report looked at the files eslint linted');
        });
      }
    });
  }
});

describe('the workspace report lints the files the claimguard command lints', function () {
  this.timeout(120_000);

  const route = (name: string) => `const express = require('express');
const app = express();
app.get('/${name}', (req, res) => {
  if (req.headers['x-role'] !== 'admin') return res.sendStatus(403);
  res.json({});
});
module.exports = app;
`;
  let workspace: ReturnType<typeof makeWorkspace> | undefined;
  afterEach(() => workspace?.cleanup());

  it('with a .gitignore, upper-case extensions, declaration files and build output around', async () => {
    workspace = makeWorkspace({
      'package.json': '{ "name": "selection" }',
      '.gitignore': 'generated/\n*.gen.js\n',
      'src/app.js': route('app'),
      'src/api.ts': route('api'),
      'src/Server.JS': route('upper'),
      'src/legacy.Ts': route('mixed'),
      'src/types.d.ts': 'declare const version: string;\n',
      'src/routes.gen.js': route('gen'),
      'generated/routes.js': route('generated'),
      'vendor/.gitignore': '*.js\n',
      'vendor/legacy.js': route('vendor'),
      'build/app.js': route('build'),
      'dist/app.js': route('dist'),
      'out/app.js': route('out'),
      'coverage/app.js': route('coverage'),
      '.next/app.js': route('next'),
      'node_modules/dep/index.js': route('dependency'),
    });
    const root = workspace.root;
    const pendingCli = cliReport(root, SETUPS[0]);
    const server = await serverResults(root, [], SETUPS[0]);
    const cli = await pendingCli;
    const reported = reportRoutes(root, server.report);
    const paths = (routes: readonly string[]) => routes.map((key) => key.split(' ')[2]).sort();
    // What ESLint's globs and the command's built-in ignores select, .gitignore or not.
    assert.deepEqual(paths(cli.routes), ['/api', '/app', '/gen', '/generated', '/vendor']);
    assert.deepEqual(reported.routes, cli.routes);
    assert.deepEqual(reported.grade, cli.grade);
    assert.equal(server.report.filesAnalyzed, cli.filesAnalyzed, 'the declaration file counts in both');
    assert.deepEqual(server.report.skipped, []);
  });
});
