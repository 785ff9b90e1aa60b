import * as assert from 'node:assert/strict';
import { Linter } from 'eslint';
// The module object itself, not an interop copy: ESLint recognises espree by identity and only then passes it
// `sourceType: 'commonjs'`, so a copy would parse `.cjs` files as modules.
// eslint-disable-next-line @typescript-eslint/no-require-imports
import espree = require('espree');
import * as tsParser from '@typescript-eslint/parser';
import { RuleTester } from '@typescript-eslint/rule-tester';
import type { InvalidTestCase, RunTests, ValidTestCase } from '@typescript-eslint/rule-tester';
import type { TSESLint } from '@typescript-eslint/utils';

/**
 * ESLint parses `.js` with espree and `.ts` with @typescript-eslint/parser (where a project configures it), and
 * the two build different node shapes: espree's classes have no `decorators`, its parameters no `typeAnnotation`.
 * Every rule suite runs its cases through here, so each JavaScript case is linted under both parsers.
 *
 * A case is TypeScript only when its `filename` says so (`.ts`, `.tsx`, `.mts`, `.cts`); it then runs under
 * @typescript-eslint/parser alone. Every other case is JavaScript, linted as `file.js` unless it names its own file.
 */
const TYPESCRIPT_FILE = /\.[cm]?tsx?$/;

/** The file name a JavaScript case gets when it names none. */
export const JS_FILENAME = 'file.js';

type AnyCase = string | { filename?: string };

export function isTypeScriptCase(test: AnyCase): boolean {
  return typeof test !== 'string' && test.filename !== undefined && TYPESCRIPT_FILE.test(test.filename);
}

/** ESLint's defaults for a `.js` file: espree, the latest syntax, ES modules (`.cjs` files are CommonJS). */
function espreeOptions(filename: string): Linter.LanguageOptions {
  return { parser: espree as Linter.Parser, ecmaVersion: 'latest', sourceType: filename.endsWith('.cjs') ? 'commonjs' : 'module' };
}

// The tester merges its own options into its default parser's module object; set per case, a parser is used as given.
const espreeTester = new RuleTester();
const typescriptTester = new RuleTester();

function withFilename<T extends ValidTestCase<readonly unknown[]>>(test: string | T): T {
  if (typeof test === 'string') return { code: test, filename: JS_FILENAME } as T;
  return test.filename === undefined ? { ...test, filename: JS_FILENAME } : test;
}

/** A JavaScript case as ESLint's default parser sees it (`.cjs` cases parse as CommonJS). */
function forEspree<T extends ValidTestCase<readonly unknown[]>>(test: T): T {
  return { ...test, languageOptions: { ...test.languageOptions, ...espreeOptions(test.filename ?? JS_FILENAME) } } as T;
}

/**
 * `RuleTester.run` twice: JavaScript cases under espree, then every case under @typescript-eslint/parser.
 * Expectations are the same for both parsers; a case whose result truly depends on the parser must be split
 * into a `.js` and a `.ts` case, with a comment saying why.
 */
export function runUnderBothParsers<MessageIds extends string, Options extends readonly unknown[]>(
  name: string,
  rule: TSESLint.RuleModule<MessageIds, Options>,
  tests: RunTests<MessageIds, Options>,
): void {
  const valid = tests.valid.map((test) => withFilename<ValidTestCase<Options>>(test));
  const invalid = tests.invalid.map((test) => withFilename<InvalidTestCase<MessageIds, Options>>(test));
  describe('espree', () => {
    espreeTester.run(name, rule, {
      valid: valid.filter((test) => !isTypeScriptCase(test)).map(forEspree),
      invalid: invalid.filter((test) => !isTypeScriptCase(test)).map(forEspree),
    });
  });
  describe('@typescript-eslint/parser', () => {
    typescriptTester.run(name, rule, { valid, invalid });
  });
}

export type ParserName = 'espree' | 'typescript-eslint';

/** The parsers a file is linted with: both for JavaScript, @typescript-eslint/parser alone for TypeScript. */
export function parsersFor(filename: string): ParserName[] {
  return TYPESCRIPT_FILE.test(filename) ? ['typescript-eslint'] : ['espree', 'typescript-eslint'];
}

/** A flat config for one parser: `config` applied to every JavaScript and TypeScript file. */
export function configFor(parser: ParserName, filename: string, config: Linter.Config): Linter.Config[] {
  const languageOptions = { ...espreeOptions(filename), ...(parser === 'typescript-eslint' ? { parser: tsParser as Linter.Parser } : {}) };
  return [{ files: ['**/*.{js,mjs,cjs,jsx,ts,tsx,mts,cts}'], ...config, languageOptions: { ...languageOptions, ...config.languageOptions } }];
}

/** Lints `code` with a plain `Linter` under one parser. */
export function lintUnder(parser: ParserName, code: string, config: Linter.Config, filename = JS_FILENAME): Linter.LintMessage[] {
  return new Linter({ configType: 'flat' }).verify(code, configFor(parser, filename, config), filename);
}

/**
 * Lints `code` with a plain `Linter` under each parser `filename` calls for, asserts that the parsers agree on
 * every message, and returns them. Use it for tests that read messages or finding details themselves.
 */
export function lintUnderBothParsers(code: string, config: Linter.Config, filename = JS_FILENAME): Linter.LintMessage[] {
  const [first, ...others] = parsersFor(filename).map((parser) => ({ parser, messages: lintUnder(parser, code, config, filename) }));
  for (const other of others) {
    assert.deepEqual(other.messages, first!.messages, `${other.parser} and ${first!.parser} disagree on:\n${code}`);
  }
  return first!.messages;
}
