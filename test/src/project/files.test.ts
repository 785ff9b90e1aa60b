import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { findProjectRoot, isIgnored, listSourceFiles, parseGitIgnore } from '../../../eslint-plugin/out/project/files';
import { MAX_NESTING, nestingDepth, parseFile } from '../../../eslint-plugin/out/project/parse';

function tree(files: Record<string, string>): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'claimguard-files-'));
  for (const [name, text] of Object.entries(files)) {
    const file = path.join(root, name);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
  }
  return root;
}

describe('project files', () => {
  let root: string;
  before(() => {
    root = tree({
      'package.json': '{}',
      '.gitignore': '# generated\n/generated/\n*.gen.ts\n!keep.gen.ts\nlogs/\n',
      'src/app.ts': 'export {}',
      'src/types.d.ts': 'export {}',
      'src/vendor.min.js': '',
      'src/a.gen.ts': '',
      'src/keep.gen.ts': '',
      'src/logs/x.js': '',
      'generated/api.ts': '',
      'src/generated/inner.ts': '',
      'node_modules/dep/index.js': '',
      'dist/app.js': '',
      'web/.gitignore': 'local.js\n',
      'web/local.js': '',
      'web/page.jsx': '',
      'big.js': 'x'.repeat(2_000),
      'README.md': '',
    });
  });
  after(() => fs.rmSync(root, { recursive: true, force: true }));

  it('lists sources, leaving out dependencies, build output, declarations, bundles and ignored paths', () => {
    const listing = listSourceFiles(root, { maxFileBytes: 1_000, maxFiles: 100 });
    const relative = listing.files.map((file) => path.relative(root, file).split(path.sep).join('/'));
    assert.deepEqual(relative, ['src/app.ts', 'src/generated/inner.ts', 'src/keep.gen.ts', 'web/page.jsx']);
    assert.equal(listing.truncated, undefined);
  });

  it('says when it stopped at the file budget', () => {
    const listing = listSourceFiles(root, { maxFileBytes: 1_000_000, maxFiles: 2 });
    assert.equal(listing.files.length, 2);
    assert.match(listing.truncated ?? '', /more than 2 source files/);
  });

  it('finds the nearest folder with a package.json', () => {
    assert.equal(findProjectRoot(path.join(root, 'src', 'logs', 'x.js')), root);
  });

  it('reads past a package.json that only names a folder (a hapi plugin’s name and version), but stops at one that sets up a project', () => {
    const app = tree({
      'package.json': JSON.stringify({ name: 'app', dependencies: { '@hapi/hapi': '*' } }),
      'lib/modules/auth/package.json': JSON.stringify({ name: 'auth', version: '1.0.0' }),
      'lib/modules/auth/index.js': '',
      'lib/esm/package.json': JSON.stringify({ type: 'module' }),
      'lib/esm/a.js': '',
      'packages/api/package.json': JSON.stringify({ name: 'api', dependencies: { express: '*' } }),
      'packages/api/src/app.js': '',
      'examples/demo/package.json': JSON.stringify({ name: 'demo', private: true }),
      'examples/demo/app.js': '',
    });
    try {
      assert.equal(findProjectRoot(path.join(app, 'lib/modules/auth/index.js')), app);
      assert.equal(findProjectRoot(path.join(app, 'lib/esm/a.js')), app);
      assert.equal(findProjectRoot(path.join(app, 'packages/api/src/app.js')), path.join(app, 'packages/api'));
      assert.equal(findProjectRoot(path.join(app, 'examples/demo/app.js')), path.join(app, 'examples/demo'));
    } finally {
      fs.rmSync(app, { recursive: true, force: true });
    }
  });

  it('follows gitignore rules: anchoring, folders only, negation, last match wins', () => {
    const rules = [parseGitIgnore('/r', '/build\ntmp/\n*.log\n!important.log\nsrc/**/secret.ts\n')];
    assert.equal(isIgnored(rules, '/r/build', true), true);
    assert.equal(isIgnored(rules, '/r/src/build', true), false);
    assert.equal(isIgnored(rules, '/r/a/tmp', true), true);
    assert.equal(isIgnored(rules, '/r/a/tmp', false), false);
    assert.equal(isIgnored(rules, '/r/x/debug.log', false), true);
    assert.equal(isIgnored(rules, '/r/x/important.log', false), false);
    assert.equal(isIgnored(rules, '/r/src/a/b/secret.ts', false), true);
  });
});

describe('parsing files for the project index', () => {
  it('parses JavaScript with espree and TypeScript with typescript-eslint, running nothing', () => {
    const js = parseFile('/p/a.js', 'class A { #x = 1; static { this.y = 2 } }\nmodule.exports = A;');
    const ts = parseFile('/p/a.ts', 'export class A { constructor(private readonly x: number) {} }');
    assert.ok('sourceCode' in js && 'sourceCode' in ts);
    assert.equal(js.sourceCode.ast.body.length, 2);
    assert.equal(ts.sourceCode.parserServices?.program, null);
  });

  it('reports a syntax error with its line', () => {
    const parsed = parseFile('/p/broken.js', 'const a = 1;\nconst = ;');
    assert.ok('error' in parsed);
    assert.match(parsed.error, /^line 2:/);
  });

  it('refuses, before parsing, text that nests deeper than the parsers can take', () => {
    const elseIfs = `if (a) { x() }${' else if (a) { x() }'.repeat(MAX_NESTING + 10)}`;
    const parsed = parseFile('/p/deep.js', elseIfs);
    assert.ok('error' in parsed);
    assert.match(parsed.error, /nesting deeper than/);
    assert.ok(nestingDepth('['.repeat(MAX_NESTING + 1)) > MAX_NESTING);
  });

  it('does not count separate if/else-if chains, strings or comments as nesting', () => {
    const chains = 'if (a) { b() } else if (c) { d() }\n'.repeat(2000);
    assert.ok(nestingDepth(chains) <= 3);
    assert.equal(nestingDepth(`const s = "((((((";\n// {{{{{{\n/* [[[[[ */`), 0);
    assert.equal(nestingDepth('f(g(h()))'), 3);
  });
});
