import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Linter, type Rule, type Scope } from 'eslint';
import { javaScriptParser, parseFile } from '../../../eslint-plugin/out/project/parse';

const FIXTURES = path.join(__dirname, '..', '..', 'fixtures');

/** Every JavaScript file of the test fixtures: real-shaped projects in CommonJS, modules and JSX. */
function fixtureFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : fixtureFiles(file);
    return /\.(?:c|m)?jsx?$/.test(entry.name) ? [file] : [];
  });
}

/** Shapes whose scopes depend on visitor keys, source type or options: each must come out as ESLint's own. */
const SNIPPETS: Record<string, string> = {
  'classes.js': 'class A extends B { #x = y; static { this.z = w; } m({ a = b } = {}) { return a + this.#x; } }',
  'patterns.js': 'const { a, b: [c, ...d] = e, ...f } = g; for (const [k, { v = k }] of h) { i(k, v); } try { j() } catch ({ message }) { l(message) }',
  'labels.js': 'outer: for (;;) { inner: while (a) { if (b) continue outer; break inner; } }',
  'jsx.jsx': 'const App = ({ user }) => <Layout title={user.name}><Item {...props} key={id} />{items.map((x) => <li>{x}</li>)}</Layout>;',
  'module.mjs': "import def, { a as b } from 'x' with { type: 'json' };\nexport const c = await import('./y.js', { with: { type: 'json' } });\nexport default function () { return b(def, c); }",
  'script.cjs': "const x = require('x');\nif (!x) return;\nmodule.exports = function handler(req) { return x(req.params.id, arguments); };",
  'functions.js': "function outer(a, b = a) { 'use strict'; var c = () => this; function inner() { return eval('a'); } return c, inner; }",
  'hoisting.js': 'f(); function f() { return g; } var g = 1; let h = i; const i = 2; { function j() {} } with (k) { l; }',
};

interface Shape {
  scopes: string[];
  references: string[];
}

/** The scopes ESLint's rules see, as comparable text: variables, references and what each resolves to. */
function scopeShape(text: string, filename: string, parser: Linter.Parser | undefined): Shape | string {
  let shape: Shape | undefined;
  const capture: Rule.RuleModule = {
    create(context) {
      return {
        'Program:exit'() {
          const scopes = context.sourceCode.scopeManager.scopes;
          const at = (scope: Scope.Scope | null) => (scope ? `${scope.type}@${scope.block.range?.join('-')}` : 'none');
          shape = {
            scopes: scopes.map((scope) => `${at(scope)} in ${at(scope.upper)} strict=${scope.isStrict} vars=${scope.variables.map((variable) => `${variable.name}:${variable.defs.map((def) => def.type).join('+')}`).join(',')} through=${scope.through.length}`),
            references: scopes.flatMap((scope) =>
              scope.references.map((reference) => `${reference.identifier.name}@${reference.identifier.range?.join('-')} ${reference.isRead() ? 'r' : ''}${reference.isWrite() ? 'w' : ''} -> ${reference.resolved ? `${reference.resolved.name} of ${at(reference.resolved.scope)}` : 'unresolved'}`),
            ),
          };
        },
      };
    },
  };
  const linter = new Linter({ configType: 'flat', cwd: path.parse(process.cwd()).root });
  const config: Linter.Config = {
    files: ['**/*.js', '**/*.cjs', '**/*.mjs', '**/*.jsx'],
    languageOptions: { ...(parser ? { parser } : {}), parserOptions: { ecmaFeatures: { jsx: true } } },
    plugins: { probe: { rules: { capture } } },
    rules: { 'probe/capture': 'error' },
  };
  const messages = linter.verify(text, [config], { filename });
  const fatal = messages.find((message) => message.fatal);
  if (fatal) return `parse error: ${fatal.message}`;
  return shape ?? `not linted: ${messages.map((message) => message.message).join('; ')}`;
}

describe('the JavaScript parser of the editor and the command', () => {
  it('gives ESLint the same scopes as its default parser, on every fixture file and on shapes that need the visitor keys', () => {
    const inputs = [
      ...fixtureFiles(FIXTURES).map((file) => ({ name: path.relative(FIXTURES, file), filename: file, text: fs.readFileSync(file, 'utf8') })),
      ...Object.entries(SNIPPETS).map(([name, text]) => ({ name, filename: path.join('/snippets', name), text })),
    ];
    assert.ok(inputs.length > 100, `only ${inputs.length} inputs`);
    let compared = 0;
    for (const { name, filename, text } of inputs) {
      const expected = scopeShape(text, filename, undefined);
      assert.ok(typeof expected !== 'string' || expected.startsWith('parse error'), `${name}: ${String(expected)}`);
      const actual = scopeShape(text, filename, javaScriptParser);
      // A file that fails as a module only on what CommonJS allows is read as CommonJS (tested below).
      if (typeof expected === 'string' && typeof actual !== 'string') {
        assert.ok(typeof scopeShape(text, filename.replace(/\.js$/, '.cjs'), undefined) !== 'string', `${name} parses as neither`);
        continue;
      }
      assert.deepEqual(actual, expected, name);
      if (typeof expected !== 'string') compared += expected.references.length;
    }
    assert.ok(compared > 1_000, `only ${compared} references compared`);
  });

  it('reads a .js file that is no module as CommonJS, as Node runs it, where reading it as a module fails', () => {
    const text = "const fs = require('fs');\nmodule.exports = (file) => fs.createWriteStream(file, { mode: 0666 });\n";
    assert.match(String(scopeShape(text, '/snippets/legacy.js', undefined)), /^parse error: Parsing error: Invalid number/);
    // Scopes as CommonJS has them: the module's own function scope holds its variables. (ESLint declares the
    // CommonJS globals only for a configured `commonjs` source type, so `require` stays unresolved here.)
    const shape = scopeShape(text, '/snippets/legacy.js', javaScriptParser);
    assert.ok(typeof shape !== 'string', String(shape));
    assert.match(shape.scopes[1]!, /^function@0-97 in global@0-97 strict=false vars=arguments:,fs:Variable/);
    assert.ok(shape.references.includes('fs@53-55 r -> fs of function@0-97'), shape.references.join('\n'));
    // The project index reads files from disk the same way.
    assert.ok(!('error' in parseFile('/snippets/legacy.js', text)));
    // A module stays a module: its syntax error is the module's.
    const broken = "import fs from 'fs';\nexport default (file) => fs.createWriteStream(file, { mode: 0666 });\n";
    assert.equal(String(scopeShape(broken, '/snippets/broken.js', javaScriptParser)), String(scopeShape(broken, '/snippets/broken.js', undefined)));
    assert.match(String(scopeShape(broken, '/snippets/broken.js', javaScriptParser)), /^parse error: Parsing error: Invalid number/);
  });

  it('reports a syntax error as ESLint does, with the line', () => {
    const shape = scopeShape('const a = 1;\nconst = ;', '/snippets/broken.js', javaScriptParser);
    assert.match(String(shape), /^parse error: Parsing error: Unexpected token =/);
    assert.equal(String(shape), String(scopeShape('const a = 1;\nconst = ;', '/snippets/broken.js', undefined)));
  });
});
