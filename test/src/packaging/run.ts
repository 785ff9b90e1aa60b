/**
 * The packages as a user gets them: build and pack both in a copy of this checkout with the README's own
 * commands, install the tarballs into fresh outside projects (JavaScript-only and TypeScript, ESLint 9 and 10,
 * the newest typescript-eslint the registry has), and run `eslint`, `claimguard` and the language server
 * there. Needs the npm registry; `npm run test:packaging`. Exits non-zero on the first failure; its temporary
 * folders are removed either way.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { lspRoundTrip } from './lsp-round-trip';
import { REPO_ROOT, commandsOf, readmeBlock } from './readme-blocks';
import { sh } from './shell';

/** The whole run, cold npm cache included; well inside CI's hour. */
const RUN_TIMEOUT_MS = 25 * 60_000;
const FIXTURES = path.join(REPO_ROOT, 'test', 'fixtures');

type Kind = 'javascript' | 'typescript';

/**
 * What each tool must report in a fixture project. Findings are `file:line ruleId` (`line ruleId` in the
 * editor) and must all be among the reported ones; how the analysis grades is the rule suites' business, so
 * the packaging test asks only for the findings that prove each file was read with the right parser.
 */
interface Expected {
  /** Found by `eslint` with the README's config. */
  eslint: string[];
  /** Found by `claimguard` with its bundled configuration. */
  claimguard: string[];
  /** `METHOD path` of every route `claimguard` grades, exactly. */
  routes: string[];
  /** The file the language server opens, and what it must report there. */
  editor: { file: string; findings: string[] };
}

interface Tarballs {
  plugin: string;
  server: string;
}

async function main(): Promise<void> {
  const temp = fs.mkdtempSync(path.join(os.tmpdir(), 'claimguard-packaging-'));
  const removeTemp = () => fs.rmSync(temp, { recursive: true, force: true });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      removeTemp();
      process.exit(1);
    });
  }
  const timer = setTimeout(() => {
    console.error(`packaging test: over ${RUN_TIMEOUT_MS / 60_000} minutes, stopped`);
    removeTemp();
    process.exit(1);
  }, RUN_TIMEOUT_MS);
  try {
    const clone = path.join(temp, 'claimguard');
    const tarballs = step('build and pack in a copy of the checkout, with the README commands', () => packInCopy(clone));
    for (const eslintMajor of [9, 10]) {
      for (const kind of ['javascript', 'typescript'] as const) await checkProject(temp, clone, tarballs, kind, eslintMajor);
    }
    console.log('packaging test: all checks passed');
  } finally {
    clearTimeout(timer);
    removeTemp();
  }
}

function step<T>(title: string, run: () => T): T {
  const started = Date.now();
  const result = run();
  console.log(`  ✔ ${title} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  return result;
}

async function stepAsync<T>(title: string, run: () => Promise<T>): Promise<T> {
  const started = Date.now();
  const result = await run();
  console.log(`  ✔ ${title} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  return result;
}

/** Copies what git tracks or would track (no node_modules, no build output), as a fresh clone has it. */
function copyCheckout(target: string): void {
  const listed = spawnSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: REPO_ROOT, encoding: 'utf8' });
  if (listed.status !== 0) throw new Error(`git ls-files failed in ${REPO_ROOT}: ${listed.stderr}`);
  for (const file of listed.stdout.split('\0').filter(Boolean)) {
    const source = path.join(REPO_ROOT, file);
    if (!fs.existsSync(source)) continue;
    fs.mkdirSync(path.dirname(path.join(target, file)), { recursive: true });
    fs.copyFileSync(source, path.join(target, file));
  }
}

function packInCopy(clone: string): Tarballs {
  copyCheckout(clone);
  for (const command of commandsOf(readmeBlock('pack'))) sh(command, clone);
  const version = (file: string) => (JSON.parse(fs.readFileSync(path.join(clone, file), 'utf8')) as { version: string }).version;
  const tarballs = {
    plugin: path.join(clone, `eslint-plugin-claimguard-${version('eslint-plugin/package.json')}.tgz`),
    server: path.join(clone, `claimguard-language-server-${version('server/package.json')}.tgz`),
  };
  checkTarball(tarballs.plugin, path.join(clone, 'eslint-plugin'));
  checkTarball(tarballs.server, path.join(clone, 'server'));
  return tarballs;
}

/** README, LICENSE and the repository's address ship; source maps and build output without a source do not. */
function checkTarball(tarball: string, packageDir: string): void {
  const entries = sh(`tar -tzf '${tarball}'`, path.dirname(tarball)).stdout.split('\n').filter(Boolean);
  const name = path.basename(tarball);
  for (const required of ['package/package.json', 'package/README.md', 'package/LICENSE']) assert.ok(entries.includes(required), `${name} lacks ${required}`);
  assert.deepEqual(entries.filter((entry) => entry.endsWith('.map')), [], `${name} ships source maps without their sources`);
  const stale = entries
    .filter((entry) => /^package\/out\/.*\.js$/.test(entry))
    .filter((entry) => !fs.existsSync(path.join(packageDir, 'src', entry.slice('package/out/'.length).replace(/\.js$/, '.ts'))));
  assert.deepEqual(stale, [], `${name} ships build output whose source no longer exists`);
  const manifest = JSON.parse(sh(`tar -xzOf '${tarball}' package/package.json`, path.dirname(tarball)).stdout) as { repository?: { url?: string } };
  assert.match(manifest.repository?.url ?? '', /github\.com\/claimguard\/claimguard/, `${name} names its repository`);
}

async function checkProject(temp: string, clone: string, tarballs: Tarballs, kind: Kind, eslintMajor: number): Promise<void> {
  console.log(`${kind} project, ESLint ${eslintMajor}`);
  const fixture = kind === 'javascript' ? 'outside-project-js' : 'outside-project-ts';
  const dir = path.join(temp, `${fixture}-eslint${eslintMajor}`);
  fs.cpSync(path.join(FIXTURES, fixture), dir, { recursive: true });
  fs.cpSync(path.join(FIXTURES, 'outside-project-shared'), dir, { recursive: true });
  const expected = JSON.parse(fs.readFileSync(path.join(FIXTURES, fixture, 'expected.json'), 'utf8')) as Expected;
  const withTypeScriptEslint = kind === 'typescript' && eslintMajor === 10;
  writeConfig(dir, kind, withTypeScriptEslint);
  step('install as the README says', () => install(dir, clone, kind, eslintMajor, withTypeScriptEslint));
  console.log(`    ${installedVersions(dir)}`);
  if (kind === 'javascript') step('no TypeScript installed, and the plugin still works', () => assertNoTypeScript(dir));
  step('eslint lints every JS and TS file with the README config and reports the expected findings', () => checkEslint(dir, expected));
  step('claimguard reports the findings and grades the routes', () => checkClaimguard(dir, expected));
  step('default import, { configs } and require reach one plugin', () => {
    sh('node check-imports.mjs', dir);
    sh('node check-imports.cjs', dir);
  });
  if (kind === 'typescript') step(`eslint.config.ts and the documented imports type-check against ESLint ${eslintMajor}'s types`, () => sh('node_modules/.bin/tsc -p .', dir));
  if (kind === 'javascript') step('a TypeScript file without the parser says what to install', () => checkMissingParser(dir));
  step('install the language server beside the plugin', () => sh(`npm install --save-dev '${tarballs.plugin}' '${tarballs.server}'`, dir));
  await stepAsync('the language server answers initialize and publishes diagnostics over stdio', () => checkServer(dir, expected));
}

/** The README's first config: eslint.config.mjs for JavaScript, eslint.config.ts for TypeScript. */
function writeConfig(dir: string, kind: Kind, withTypeScriptEslint: boolean): void {
  if (kind === 'javascript') fs.writeFileSync(path.join(dir, 'eslint.config.mjs'), readmeBlock('eslint.config.mjs'));
  else fs.writeFileSync(path.join(dir, 'eslint.config.ts'), readmeBlock(withTypeScriptEslint ? 'eslint.config.ts with typescript-eslint' : 'eslint.config.ts'));
}

function install(dir: string, clone: string, kind: Kind, eslintMajor: number, withTypeScriptEslint: boolean): void {
  // A TypeScript project already has its TypeScript (and, in one variant, typescript-eslint) before it adopts ClaimGuard.
  if (kind === 'typescript') sh('npm install', dir);
  if (withTypeScriptEslint) sh('npm install --save-dev typescript-eslint', dir);
  for (const command of commandsOf(readmeBlock('install'))) sh(forProject(command, clone, eslintMajor), dir);
  if (kind === 'typescript') for (const command of commandsOf(readmeBlock('install-typescript'))) sh(command, dir);
}

/** The README's install line with this clone's path, and the ESLint major this project tests. */
function forProject(command: string, clone: string, eslintMajor: number): string {
  const pinned = command.replaceAll('/path/to/claimguard', clone).replace(/(^|\s)eslint(?=\s|$)/, `$1eslint@${eslintMajor}`);
  assert.notEqual(pinned, command.replaceAll('/path/to/claimguard', clone), `the README's install line names no bare "eslint" to pin: ${command}`);
  return pinned;
}

function installedVersions(dir: string): string {
  const versionOf = (name: string) => {
    const manifest = path.join(dir, 'node_modules', name, 'package.json');
    return fs.existsSync(manifest) ? `${name} ${(JSON.parse(fs.readFileSync(manifest, 'utf8')) as { version: string }).version}` : `no ${name}`;
  };
  return ['eslint', '@typescript-eslint/parser', 'typescript-eslint', 'typescript'].map(versionOf).join(', ');
}

function assertNoTypeScript(dir: string): void {
  for (const name of ['typescript', '@typescript-eslint/parser', '@typescript-eslint/utils', '@typescript-eslint/typescript-estree']) {
    assert.ok(!fs.existsSync(path.join(dir, 'node_modules', name)), `installing the plugin brought ${name} into a JavaScript-only project`);
  }
  const size = sh('du -sk node_modules', dir).stdout.split('\t')[0];
  const packages = sh('npm ls --all --parseable', dir).stdout.split('\n').filter(Boolean).length - 1;
  console.log(`    node_modules: ${packages} packages, ${(Number(size) / 1024).toFixed(1)} MB`);
}

interface EslintResult {
  filePath: string;
  messages: { ruleId: string | null; line: number; fatal?: boolean; message: string }[];
}

function checkEslint(dir: string, expected: Expected): void {
  const results = JSON.parse(sh('node_modules/.bin/eslint . --format json', dir, [0, 1]).stdout) as EslintResult[];
  const messages = results.flatMap((result) => result.messages.map((message) => ({ ...message, file: path.relative(dir, result.filePath) })));
  assert.deepEqual(messages.filter((message) => message.fatal === true || message.ruleId === null), [], 'files that did not parse');
  const linted = results.map((result) => path.relative(dir, result.filePath)).sort();
  for (const file of expected.eslint.map((finding) => finding.split(':')[0]!)) assert.ok(linted.includes(file), `eslint did not lint ${file}: ${linted.join(', ')}`);
  const found = messages.filter((message) => message.ruleId?.startsWith('claimguard/')).map((message) => `${message.file}:${message.line} ${message.ruleId}`);
  assertIncludes(found, expected.eslint, 'eslint');
}

interface ClaimguardReport {
  findings: { file: string; line: number; ruleId: string | null }[];
  routes: { method: string; path: string; level: number | string }[];
}

function checkClaimguard(dir: string, expected: Expected): void {
  const report = JSON.parse(sh('node_modules/.bin/claimguard --format json', dir, [1]).stdout) as ClaimguardReport;
  assertIncludes(report.findings.map((finding) => `${finding.file}:${finding.line} ${finding.ruleId}`), expected.claimguard, 'claimguard');
  assert.deepEqual(report.routes.map((route) => `${route.method} ${route.path}`).sort(), [...expected.routes].sort());
}

function checkMissingParser(dir: string): void {
  fs.writeFileSync(path.join(dir, 'src', 'stray.ts'), 'export const port: number = 3000;\n');
  try {
    const [result] = JSON.parse(sh('node_modules/.bin/eslint src/stray.ts --format json', dir, [1]).stdout) as EslintResult[];
    const [message] = result!.messages;
    assert.equal(message?.fatal, true);
    assert.match(message?.message ?? '', /npm install --save-dev @typescript-eslint\/parser typescript/);
  } finally {
    fs.rmSync(path.join(dir, 'src', 'stray.ts'));
  }
}

async function checkServer(dir: string, expected: Expected): Promise<void> {
  const { diagnostics, exitCode } = await lspRoundTrip(dir, expected.editor.file);
  const ours = diagnostics.filter((diagnostic) => diagnostic.source === 'claimguard');
  const found = ours.map((diagnostic) => `${diagnostic.range.start.line + 1} ${String(diagnostic.code)}`);
  // A diagnostic without a rule is the server saying why it analysed nothing: the failure shows its text.
  const notices = ours.filter((diagnostic) => diagnostic.code === undefined).map((diagnostic) => diagnostic.message);
  assertIncludes(found, expected.editor.findings, `the language server${notices.length > 0 ? ` (${notices.join('; ')})` : ''}`);
  assert.equal(exitCode, 0, 'the server exits with 0 after shutdown and exit');
}

function assertIncludes(found: readonly string[], expected: readonly string[], tool: string): void {
  const missing = expected.filter((finding) => !found.includes(finding));
  assert.deepEqual(missing, [], `${tool} did not report these; it reported: ${found.join('; ') || 'nothing'}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exitCode = 1;
});
