import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import plugin from 'eslint-plugin-claimguard';
import { REPO_ROOT } from './readme-blocks';

interface Manifest {
  name: string;
  version: string;
  repository?: { url?: string; directory?: string };
  dependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  peerDependenciesMeta?: Record<string, { optional?: boolean }>;
}

const PUBLISHED = [
  { dir: 'eslint-plugin', name: 'eslint-plugin-claimguard' },
  { dir: 'server', name: 'claimguard-language-server' },
];
const WORKSPACE_PACKAGES = new Set(PUBLISHED.map((published) => published.name));
/** Packages that load TypeScript (or are TypeScript): JavaScript-only projects must not need them. */
const NEEDS_TYPESCRIPT = new Set(['typescript', '@typescript-eslint/parser', '@typescript-eslint/utils', '@typescript-eslint/typescript-estree']);

const readJson = <T>(file: string): T => JSON.parse(fs.readFileSync(file, 'utf8')) as T;
const manifestOf = (dir: string) => readJson<Manifest>(path.join(REPO_ROOT, dir, 'package.json'));

/** Where Node would find `name` from `fromDir`: the closest node_modules folder that has it. */
function packageDirFrom(fromDir: string, name: string): string | undefined {
  for (let dir = fromDir; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'node_modules', name);
    if (fs.existsSync(path.join(candidate, 'package.json'))) return fs.realpathSync(candidate);
    if (path.dirname(dir) === dir) return undefined;
  }
}

/** Every package the plugin loads at run time, with the chain that brings it in. */
function runtimeClosure(startDir: string): Map<string, { dir: string; chain: string[] }> {
  const seen = new Map<string, { dir: string; chain: string[] }>();
  const pending = [{ dir: startDir, chain: [manifestOf(path.relative(REPO_ROOT, startDir)).name] }];
  while (pending.length > 0) {
    const { dir, chain } = pending.pop()!;
    for (const name of Object.keys(readJson<Manifest>(path.join(dir, 'package.json')).dependencies ?? {})) {
      const found = packageDirFrom(dir, name);
      if (!found || seen.has(found)) continue;
      seen.set(found, { dir: found, chain: [...chain, name] });
      pending.push({ dir: found, chain: [...chain, name] });
    }
  }
  return seen;
}

/** `name@version` of every copy of a package under `node_modules` folders, nested ones included. */
function installedCopies(root: string, scope: string): Map<string, Set<string>> {
  const copies = new Map<string, Set<string>>();
  const visit = (modules: string) => {
    if (!fs.existsSync(modules)) return;
    for (const entry of fs.readdirSync(modules)) {
      const names = entry.startsWith('@') ? fs.readdirSync(path.join(modules, entry)).map((inner) => `${entry}/${inner}`) : [entry];
      for (const name of names) {
        const dir = path.join(modules, name);
        if (fs.lstatSync(dir).isSymbolicLink()) continue;
        if (name.startsWith(`${scope}/`) && fs.existsSync(path.join(dir, 'package.json'))) {
          const versions = copies.get(name) ?? new Set<string>();
          versions.add(readJson<Manifest>(path.join(dir, 'package.json')).version);
          copies.set(name, versions);
        }
        visit(path.join(dir, 'node_modules'));
      }
    }
  };
  for (const workspace of ['', 'eslint-plugin', 'server', 'extension', 'test']) visit(path.join(root, workspace, 'node_modules'));
  return copies;
}

function packedFiles(name: string): string[] {
  const packed = spawnSync('npm', ['pack', '--dry-run', '--json', '--workspace', name], { cwd: REPO_ROOT, encoding: 'utf8' });
  assert.equal(packed.status, 0, packed.stderr);
  const [result] = JSON.parse(packed.stdout) as { files: { path: string }[] }[];
  return result!.files.map((file) => file.path);
}

describe('packaging: what the published packages hold', () => {
  for (const { dir, name } of PUBLISHED) {
    it(`${name}: README, LICENSE, the manifest, built code and no source maps without sources`, () => {
      const files = packedFiles(name);
      for (const required of ['README.md', 'LICENSE', 'package.json']) assert.ok(files.includes(required), `${name} lacks ${required}`);
      assert.deepEqual(files.filter((file) => file.endsWith('.map') || file.startsWith('src/')), []);
      assert.deepEqual(files.filter((file) => !/^(README\.md|LICENSE|package\.json|out\/.+\.(js|d\.ts)|bin\/.+\.js|docs\/.+\.md)$/.test(file)), []);
    });

    it(`${name}: names its repository and links the documentation of its own version`, () => {
      const manifest = manifestOf(dir);
      assert.equal(manifest.repository?.url, 'git+https://github.com/claimguard/claimguard.git');
      assert.equal(manifest.repository?.directory, dir);
      const links = fs.readFileSync(path.join(REPO_ROOT, dir, 'README.md'), 'utf8').match(/https:\/\/github\.com\/claimguard\/claimguard\/blob\/[^/)]+/g) ?? [];
      assert.ok(links.length > 0, `${dir}/README.md links the documentation`);
      for (const link of links) assert.equal(link, `https://github.com/claimguard/claimguard/blob/v${manifest.version}`);
    });

    it(`${name}: carries the repository's LICENSE`, () => {
      assert.equal(fs.readFileSync(path.join(REPO_ROOT, dir, 'LICENSE'), 'utf8'), fs.readFileSync(path.join(REPO_ROOT, 'LICENSE'), 'utf8'));
    });

    it(`${name}: third-party dependencies take caret ranges`, () => {
      const manifest = manifestOf(dir);
      const ranges = { ...manifest.dependencies, ...manifest.peerDependencies };
      const notCaret = Object.entries(ranges).filter(([dependency, range]) => !WORKSPACE_PACKAGES.has(dependency) && !range.split('||').every((part) => part.trim().startsWith('^')));
      assert.deepEqual(notCaret, []);
    });
  }

  it('eslint is a peer of the plugin, never its dependency; the TypeScript parser an optional peer', () => {
    const manifest = manifestOf('eslint-plugin');
    assert.equal(manifest.dependencies?.eslint, undefined);
    assert.match(manifest.peerDependencies?.eslint ?? '', /\^9\.\d+\.\d+ \|\| \^10\.0\.0/);
    assert.ok(manifest.peerDependencies?.['@typescript-eslint/parser']);
    assert.equal(manifest.peerDependenciesMeta?.['@typescript-eslint/parser']?.optional, true);
  });

  it('nothing the plugin loads at run time needs TypeScript', () => {
    const offending = [...runtimeClosure(path.join(REPO_ROOT, 'eslint-plugin')).values()]
      .map(({ dir, chain }) => ({ manifest: readJson<Manifest>(path.join(dir, 'package.json')), chain }))
      .filter(({ manifest }) => NEEDS_TYPESCRIPT.has(manifest.name) || (manifest.peerDependencies?.typescript !== undefined && manifest.peerDependenciesMeta?.typescript?.optional !== true))
      .map(({ chain }) => chain.join(' > '));
    assert.deepEqual(offending, []);
  });

  it('the workspace holds one copy of each typescript-eslint package (no overrides force it)', () => {
    // @typescript-eslint/rule-tester pins its siblings exactly; a second copy of them breaks the rule suites'
    // typings. Update typescript-eslint and the rule tester together.
    const duplicated = [...installedCopies(REPO_ROOT, '@typescript-eslint')].filter(([, versions]) => versions.size > 1).map(([name, versions]) => `${name}: ${[...versions].join(', ')}`);
    assert.deepEqual(duplicated, []);
    assert.equal((readJson<{ overrides?: unknown }>(path.join(REPO_ROOT, 'package.json'))).overrides, undefined);
  });

  it("rule documentation links point at this version's tag, at files that exist", () => {
    const { version } = manifestOf('eslint-plugin');
    for (const [name, rule] of Object.entries(plugin.rules)) {
      assert.equal(rule.meta.docs.url, `https://github.com/claimguard/claimguard/blob/v${version}/eslint-plugin/docs/rules/${name}.md`);
      assert.ok(fs.existsSync(path.join(REPO_ROOT, 'eslint-plugin', 'docs', 'rules', `${name}.md`)), `docs for ${name}`);
    }
  });

  it("SARIF rules link this version's documentation", () => {
    const cli = path.join(REPO_ROOT, 'eslint-plugin', 'bin', 'claimguard.js');
    const ran = spawnSync(process.execPath, [cli, 'test/fixtures/outside-project-js', '--format', 'sarif'], { cwd: REPO_ROOT, encoding: 'utf8' });
    const sarif = JSON.parse(ran.stdout) as { runs: { tool: { driver: { rules: { id: string; helpUri?: string }[] } } }[] };
    const rules = sarif.runs[0]!.tool.driver.rules;
    assert.ok(rules.length > 0);
    const { version } = manifestOf('eslint-plugin');
    const base = `https://github.com/claimguard/claimguard/blob/v${version}/`;
    for (const rule of rules) {
      assert.ok(rule.helpUri?.startsWith(base), `${rule.id}: ${rule.helpUri}`);
      assert.ok(fs.existsSync(path.join(REPO_ROOT, rule.helpUri!.slice(base.length))), `${rule.id}: ${rule.helpUri} names a file of the repository`);
    }
  });

  it('require, the default import and { configs } reach one plugin in Node, and ESLint takes it beside a config', () => {
    for (const script of ['check-imports.mjs', 'check-imports.cjs']) {
      const ran = spawnSync(process.execPath, [path.join(REPO_ROOT, 'test', 'fixtures', 'outside-project-shared', script)], { encoding: 'utf8' });
      assert.equal(ran.status, 0, `${script}: ${ran.stderr}`);
    }
  });
});
