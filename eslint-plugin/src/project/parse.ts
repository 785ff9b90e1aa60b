import * as path from 'node:path';
import { SourceCode, type AST, type Linter, type SourceCode as ESLintSourceCode } from 'eslint';
import * as espree from 'espree';
import * as eslintScope from 'eslint-scope';
import * as visitorKeys from 'eslint-visitor-keys';
import type { TSESLint } from '@typescript-eslint/utils';
import { isNameChar, isSpace } from '../util/mentions';
import { loadTypeScriptParser } from '../util/typescript-parser';

/** A parsed file, or why it could not be parsed (the facts it would give are then unknown). */
export type Parsed = { sourceCode: TSESLint.SourceCode } | { error: string };

/**
 * Deeper nesting than this is refused before parsing: the parsers recurse per level, and a few thousand levels
 * (or a chain of thousands of `else if`) exhaust the stack in ways that can abort the whole process.
 */
export const MAX_NESTING = 500;

const TYPESCRIPT_EXTENSIONS = new Set(['.ts', '.tsx', '.mts', '.cts']);

/**
 * Why a text must not be handed to a parser at all, or undefined: nesting deeper than MAX_NESTING (by the linear
 * estimate below) can exhaust the parser's stack and abort the process instead of throwing. The `claimguard`
 * command and the language server ask before they give a file to ESLint, and report the file as not analysed.
 */
export function refusalBeforeParsing(text: string): string | undefined {
  return nestingDepth(text) > MAX_NESTING ? `nesting deeper than ${MAX_NESTING} levels, which would exhaust the parser's stack` : undefined;
}

/**
 * Parses a file's text with the parsers ESLint uses for it (espree for JavaScript, typescript-eslint for
 * TypeScript) and analyses its scopes, without running anything. The parsers are called directly rather than
 * through a rule-less `Linter.verify`: the index needs the tree and its scopes, not ESLint's traversal, code-path
 * analysis and directive handling, which cost about as much again.
 */
export function parseFile(file: string, text: string): Parsed {
  const refusal = refusalBeforeParsing(text);
  if (refusal !== undefined) return { error: refusal };
  try {
    return { sourceCode: TYPESCRIPT_EXTENSIONS.has(path.extname(file)) ? parseTypeScript(file, text) : parseJavaScript(file, text) };
  } catch (error) {
    return { error: parseFailure(error) };
  }
}

function parseTypeScript(file: string, text: string): TSESLint.SourceCode {
  const parser = loadTypeScriptParser() as { parseForESLint(text: string, options: Linter.ParserOptions): Linter.ESLintParseResult };
  const parsed = parser.parseForESLint(text, {
    filePath: file,
    ecmaFeatures: { jsx: path.extname(file) === '.tsx' },
    range: true,
    loc: true,
    tokens: false,
    comment: true,
    // Global types of TypeScript's libraries and JSDoc trees are never read by the analysis.
    lib: [],
    jsDocParsingMode: 'none',
  });
  return new SourceCode({ text, ast: withoutTokens(parsed.ast), scopeManager: parsed.scopeManager, visitorKeys: parsed.visitorKeys, parserServices: parsed.services }) as unknown as TSESLint.SourceCode;
}

function parseJavaScript(file: string, text: string): TSESLint.SourceCode {
  const commonjs = path.extname(file) === '.cjs';
  const options = { ecmaVersion: 'latest', sourceType: commonjs ? 'commonjs' : 'module', ecmaFeatures: { jsx: true }, range: true, loc: true, tokens: false, comment: true } as const;
  const { ast: program, sourceType } = parseWithEspree(text, options);
  const scopeManager = analyzeScopes(program, { ecmaVersion: espree.latestEcmaVersion, sourceType, jsx: true });
  return new SourceCode({ text, ast: withoutTokens(program), scopeManager, visitorKeys: visitorKeys.KEYS as unknown as ESLintSourceCode.VisitorKeys }) as unknown as TSESLint.SourceCode;
}

/**
 * The index asks the parsers for no tokens: the analysis reads names from the tree, and converting every token
 * is a fifth of a TypeScript parse. SourceCode still wants a token list.
 */
function withoutTokens(program: AST.Program): AST.Program {
  program.tokens ??= [];
  return program;
}

interface ScopeOptions {
  ecmaVersion: number;
  sourceType: 'script' | 'module' | 'commonjs';
  globalReturn?: boolean;
  impliedStrict?: boolean;
  jsx?: boolean;
}

/** eslint-scope's analysis with the options ESLint gives it, but without `childVisitorKeys` (see below). */
function analyzeScopes(program: AST.Program, options: ScopeOptions): ESLintSourceCode.Config['scopeManager'] {
  // espree's and eslint-scope's typings describe the same ESTree with different type packages.
  const scopeManager = eslintScope.analyze(program as unknown as Parameters<typeof eslintScope.analyze>[0], {
    ignoreEval: true,
    ecmaVersion: options.ecmaVersion,
    sourceType: options.sourceType,
    nodejsScope: options.globalReturn === true,
    impliedStrict: options.impliedStrict === true,
    jsx: options.jsx === true,
    // No `childVisitorKeys`: given them, eslint-scope copies the whole key table for every pattern it visits, which
    // made scope analysis six times slower. Its own table lacks only import attributes and `import()` options
    // (which hold no references in practice) and node types the fallback covers (JSX, static blocks): on 1,167
    // real and generated files the scopes came out the same.
    fallback: (node: object) => [...visitorKeys.getKeys(node)],
  });
  return scopeManager as unknown as ESLintSourceCode.Config['scopeManager'];
}

const SCOPES_FIT_ANY_ESLINT = typeof (eslintScope.ScopeManager.prototype as { addGlobals?: unknown }).addGlobals === 'function';

/**
 * ESLint's own parser, espree, with the scopes built as the index builds them: the same tree and the same scopes
 * as ESLint's default, and ESLint's scope analysis of each linted JavaScript file several times cheaper. The
 * language server and the `claimguard` command lint JavaScript with it.
 */
export const javaScriptParser: Linter.Parser = {
  meta: { name: 'claimguard/espree' },
  parseForESLint(text: string, options: Linter.ParserOptions = {}) {
    // ESLint gives espree no global return in modules (it does so itself only for espree proper).
    const asked = options.sourceType ?? 'script';
    const parsed = parseWithEspree(text, { ...options, sourceType: asked, ecmaFeatures: { ...options.ecmaFeatures, ...(asked === 'module' ? { globalReturn: false } : {}) } });
    const { ast, sourceType } = parsed;
    const ecmaFeatures = parsed.ecmaFeatures ?? {};
    const ecmaVersion = typeof options.ecmaVersion === 'number' ? options.ecmaVersion : 6;
    const keys = visitorKeys.KEYS as Linter.ESLintParseResult['visitorKeys'];
    // ESLint 10 adds its globals through `addGlobals`, which eslint-scope 8 (what an ESLint 9 project may hand the
    // plugin) lacks: with that version ESLint builds the scopes itself, as it would with plain espree.
    if (!SCOPES_FIT_ANY_ESLINT) return { ast, visitorKeys: keys } as unknown as Linter.ESLintParseResult;
    try {
      const scopeManager = analyzeScopes(ast, { ecmaVersion, sourceType, globalReturn: ecmaFeatures.globalReturn, impliedStrict: ecmaFeatures.impliedStrict, jsx: ecmaFeatures.jsx });
      return { ast, scopeManager, visitorKeys: keys } as unknown as Linter.ESLintParseResult;
    } catch (error) {
      // Code that parses but is too deep to analyse is not a syntax error: ESLint's own analysis meets the same
      // limit and reports the file as one it could not analyse.
      if (!(error instanceof RangeError)) throw error;
      return { ast, visitorKeys: keys } as unknown as Linter.ESLintParseResult;
    }
  },
};

type EspreeOptions = Linter.ParserOptions & { sourceType: 'script' | 'module' | 'commonjs'; ecmaFeatures?: Linter.ParserOptions['ecmaFeatures'] };

/**
 * espree's tree, read as the options say; a `.js` file that is no module (legacy octal `0666`, `with`) is read as
 * CommonJS, as Node runs a `.js` file outside a `"type": "module"` package, rather than lost to a parsing error.
 * A file that fails both ways keeps the error of the options asked for.
 */
function parseWithEspree(text: string, options: EspreeOptions): { ast: AST.Program; sourceType: EspreeOptions['sourceType']; ecmaFeatures: EspreeOptions['ecmaFeatures'] } {
  const parse = (with_: EspreeOptions) => espree.parse(text, with_ as Parameters<typeof espree.parse>[1]) as unknown as AST.Program;
  try {
    return { ast: parse(options), sourceType: options.sourceType, ecmaFeatures: options.ecmaFeatures };
  } catch (error) {
    if (options.sourceType !== 'module' || !(error instanceof SyntaxError)) throw error;
    const ecmaFeatures = { ...options.ecmaFeatures, globalReturn: true };
    try {
      return { ast: parse({ ...options, sourceType: 'commonjs', ecmaFeatures }), sourceType: 'commonjs', ecmaFeatures };
    } catch {
      throw error;
    }
  }
}

/** A parser's error as "line N: message", the way ESLint shows a parsing error. */
function parseFailure(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const message = error.message.split('\n')[0] ?? 'parse failed';
  const line = (error as { lineNumber?: unknown }).lineNumber;
  return typeof line === 'number' ? `line ${line}: ${message.replace(/^Line \d+: /, '')}` : message;
}

/**
 * How deeply the text nests, counted on brackets and on `else if` chains (each `else if` is one level deeper in
 * the tree), skipping strings, template text and comments. One linear pass; an estimate, never an exact parse.
 */
export function nestingDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  // An `else if` chain runs at one bracket depth; it ends at a statement end not followed by `else`.
  let chainDepth = -1;
  let chain = 0;
  for (let i = 0; i < text.length; i++) {
    const char = text.charCodeAt(i);
    if (char === 0x2f /* / */ && text.charCodeAt(i + 1) === 0x2f) {
      i = skipTo(text, i, '\n');
    } else if (char === 0x2f && text.charCodeAt(i + 1) === 0x2a /* * */) {
      i = skipTo(text, i + 2, '*/') + 1;
    } else if (char === 0x22 || char === 0x27 || char === 0x60) {
      i = skipString(text, i);
    } else if (char === 0x28 || char === 0x5b || char === 0x7b) {
      depth++;
      deepest = Math.max(deepest, depth + chain);
    } else if (char === 0x29 || char === 0x5d || char === 0x7d || char === 0x3b /* ; */) {
      if (char !== 0x3b) depth = Math.max(0, depth - 1);
      if (depth < chainDepth || (depth === chainDepth && char !== 0x29 && char !== 0x5d && !nextWordIsElse(text, i + 1))) {
        chainDepth = -1;
        chain = 0;
      }
    } else if (char === 0x65 /* e */ && isElseIf(text, i)) {
      if (chainDepth !== depth) {
        chainDepth = depth;
        chain = 0;
      }
      chain++;
      deepest = Math.max(deepest, depth + chain);
      i += 3;
    }
  }
  return deepest;
}

/** `else` followed by `if` at `i`, as whole words. */
function isElseIf(text: string, i: number): boolean {
  if (!text.startsWith('else', i) || isNameChar(text.charCodeAt(i - 1)) || isNameChar(text.charCodeAt(i + 4))) return false;
  let j = i + 4;
  while (j < text.length && isSpace(text.charCodeAt(j))) j++;
  return text.startsWith('if', j) && !isNameChar(text.charCodeAt(j + 2));
}

function nextWordIsElse(text: string, from: number): boolean {
  let j = from;
  while (j < text.length && isSpace(text.charCodeAt(j))) j++;
  return text.startsWith('else', j) && !isNameChar(text.charCodeAt(j + 4));
}

function skipTo(text: string, from: number, end: string): number {
  const found = text.indexOf(end, from);
  return found < 0 ? text.length : found;
}

/** The index of a string's closing quote; template literals are skipped whole (their `${}` nesting is rare). */
function skipString(text: string, start: number): number {
  const quote = text[start];
  for (let i = start + 1; i < text.length; i++) {
    const char = text[i];
    if (char === '\\') i++;
    else if (char === quote) return i;
    else if (char === '\n' && quote !== '`') return i;
  }
  return text.length;
}
