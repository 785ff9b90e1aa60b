import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ModuleResolver } from '../../../eslint-plugin/out/project/resolve';

describe('resolving imports across a project', () => {
  let root: string;
  let resolver: ModuleResolver;
  const write = (name: string, text = 'export {}') => {
    const file = path.join(root, name);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
  };
  const at = (name: string) => path.join(root, name);

  before(() => {
    root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'claimguard-resolve-')));
    write('package.json', JSON.stringify({ name: 'app', exports: { './auth': './src/auth/jwt.ts' }, imports: { '#db': './src/db/index.ts', '#auth/*': './src/auth/*.ts' } }));
    write('tsconfig.json', JSON.stringify({ compilerOptions: { baseUrl: '.', paths: { '@/*': ['src/*'], '@lib': ['src/lib/index.ts'] } } }));
    write('src/app.ts');
    write('src/routes/index.ts');
    write('src/middleware/auth.ts');
    write('src/db/index.ts');
    write('src/auth/jwt.ts');
    write('src/lib/index.ts');
    write('src/legacy/helper.js', 'module.exports = {}');
    write('packages/shared/package.json', JSON.stringify({ name: '@app/shared', exports: { '.': './src/index.ts', './guards': './src/guards.ts' } }));
    write('packages/shared/src/index.ts');
    write('packages/shared/src/guards.ts');
    write('node_modules/express/package.json', JSON.stringify({ name: 'express', main: 'index.js' }));
    write('node_modules/express/index.js', 'module.exports = {}');
    fs.mkdirSync(path.join(root, 'node_modules', '@app'), { recursive: true });
    fs.symlinkSync(path.join(root, 'packages', 'shared'), path.join(root, 'node_modules', '@app', 'shared'));
    resolver = new ModuleResolver(root);
  });
  after(() => fs.rmSync(root, { recursive: true, force: true }));

  const cases: [string, string, string | { package: string } | 'unresolved'][] = [
    ['relative path with extension inferred', './routes', 'src/routes/index.ts'],
    ['.js specifier naming a .ts source', './middleware/auth.js', 'src/middleware/auth.ts'],
    ['tsconfig paths with a wildcard', '@/middleware/auth', 'src/middleware/auth.ts'],
    ['tsconfig paths without a wildcard', '@lib', 'src/lib/index.ts'],
    ['tsconfig baseUrl', 'src/db', 'src/db/index.ts'],
    ['package imports', '#db', 'src/db/index.ts'],
    ['package imports with a pattern', '#auth/jwt', 'src/auth/jwt.ts'],
    ['a JavaScript file', './legacy/helper', 'src/legacy/helper.js'],
    ['a workspace package through its exports', '@app/shared/guards', 'packages/shared/src/guards.ts'],
    ['the package itself, by its name and exports', 'app/auth', 'src/auth/jwt.ts'],
    ['a dependency', 'express', { package: 'express' }],
    ['a dependency that is not installed', 'jsonwebtoken/lib/verify', { package: 'jsonwebtoken' }],
    ['a Node built-in', 'node:crypto', { package: 'node:crypto' }],
    ['a missing relative file', './nowhere', 'unresolved'],
  ];
  for (const [title, specifier, expected] of cases) {
    it(title, () => {
      const resolution = resolver.resolve(at('src/app.ts'), specifier);
      if (expected === 'unresolved') assert.equal(resolution.kind, 'unresolved');
      else if (typeof expected === 'string') assert.deepEqual(resolution, { kind: 'file', file: at(expected) });
      else assert.deepEqual(resolution, { kind: 'package', name: expected.package });
    });
  }

  it('tells a relative import of a file outside the project folder from a dependency', () => {
    const outside = `${root}-shared`;
    fs.mkdirSync(outside, { recursive: true });
    try {
      fs.writeFileSync(path.join(outside, 'guards.js'), 'export function requireAdmin() {}');
      const specifier = `../../${path.basename(outside)}/guards.js`;
      assert.deepEqual(resolver.resolve(at('src/app.ts'), specifier), { kind: 'outside', file: path.join(outside, 'guards.js') });
    } finally {
      fs.rmSync(outside, { recursive: true, force: true });
    }
  });

  it('resolves a dependency from the nearest node_modules of each folder, not of the first folder that asked', () => {
    write('services/billing/package.json', JSON.stringify({ name: 'billing' }));
    write('services/billing/core/package.json', JSON.stringify({ name: '@billing/core', main: 'index.ts' }));
    write('services/billing/core/index.ts');
    fs.mkdirSync(at('services/billing/node_modules/@billing'), { recursive: true });
    fs.symlinkSync(at('services/billing/core'), at('services/billing/node_modules/@billing/core'));
    write('services/billing/src/deep/app.ts');
    const fresh = new ModuleResolver(root);
    assert.deepEqual(fresh.resolve(at('src/app.ts'), '@billing/core'), { kind: 'package', name: '@billing/core' });
    assert.deepEqual(fresh.resolve(at('services/billing/src/deep/app.ts'), '@billing/core'), { kind: 'file', file: at('services/billing/core/index.ts') });
    assert.deepEqual(fresh.resolve(at('src/middleware/auth.ts'), '@billing/core'), { kind: 'package', name: '@billing/core' });
  });

  it('resolves an alias by the tsconfig nearest to each folder', () => {
    write('services/web/tsconfig.json', JSON.stringify({ compilerOptions: { baseUrl: '.', paths: { '@/*': ['src/*'] } } }));
    write('services/web/src/lib/db.ts');
    write('services/web/src/deep/app.ts');
    const fresh = new ModuleResolver(root);
    assert.equal(fresh.resolve(at('src/routes/index.ts'), '@/db').kind, 'file');
    assert.deepEqual(fresh.resolve(at('services/web/src/deep/app.ts'), '@/lib/db'), { kind: 'file', file: at('services/web/src/lib/db.ts') });
    assert.equal(fresh.resolve(at('services/web/src/deep/app.ts'), '@/db').kind, 'package');
    assert.deepEqual(fresh.resolve(at('src/middleware/auth.ts'), '@/db'), { kind: 'file', file: at('src/db/index.ts') });
  });

  it('leaves an alias unresolved, without throwing, when the tsconfig is broken', () => {
    write('broken/tsconfig.json', '{ "extends": "./missing.json", "compilerOptions": { "paths": 7 } }');
    write('broken/a.ts');
    const fresh = new ModuleResolver(root);
    assert.equal(fresh.resolve(at('broken/a.ts'), '@/x').kind, 'package');
  });
});
