import { Linter } from 'eslint';
import type { TSESLint } from '@typescript-eslint/utils';
import { loadTypeScriptParser } from '../util/typescript-parser';

/** A parsed file, or why it could not be parsed (the facts it would give are then unknown). */
export type Parsed = { sourceCode: TSESLint.SourceCode } | { error: string };

/**
 * Deeper nesting than this is refused before parsing: the parsers recurse per level, and a few thousand levels
 * (or a chain of thousands of `else if`) exhaust the stack in ways that can abort the whole process.
 */
export const MAX_NESTING = 500;

const JS_FILES = ['**/*.js', '**/*.jsx', '**/*.mjs', '**/*.cjs'];
const TS_FILES = ['**/*.ts', '**/*.tsx', '**/*.mts', '**/*.cts'];

let linter: Linter | undefined;
let config: Linter.Config[] | undefined;

/** The parsers ESLint uses for the same files (espree for JavaScript, typescript-eslint for TypeScript), with no rules. */
function parseConfig(): Linter.Config[] {
  config ??= [
    { files: JS_FILES, languageOptions: { ecmaVersion: 'latest', sourceType: 'module', parserOptions: { ecmaFeatures: { jsx: true } } } },
    { files: ['**/*.cjs'], languageOptions: { sourceType: 'commonjs' } },
    { files: TS_FILES, languageOptions: { parser: loadTypeScriptParser() as Linter.Parser, parserOptions: { ecmaFeatures: { jsx: true } } } },
    { linterOptions: { reportUnusedDisableDirectives: 'off' } },
  ];
  return config;
}

/**
 * Why a text must not be handed to a parser at all, or undefined: nesting deeper than MAX_NESTING (by the linear
 * estimate below) can exhaust the parser's stack and abort the process instead of throwing. The `claimguard`
 * command and the language server ask before they give a file to ESLint, and report the file as not analysed.
 */
export function refusalBeforeParsing(text: string): string | undefined {
  return nestingDepth(text) > MAX_NESTING ? `nesting deeper than ${MAX_NESTING} levels, which would exhaust the parser's stack` : undefined;
}

/** Parses a file's text the way ESLint would, without running any rule and without executing anything. */
export function parseFile(file: string, text: string): Parsed {
  const refusal = refusalBeforeParsing(text);
  if (refusal !== undefined) return { error: refusal };
  linter ??= new Linter({ configType: 'flat', cwd: '/' });
  let messages: Linter.LintMessage[];
  try {
    messages = linter.verify(text, parseConfig(), { filename: file });
  } catch (error) {
    return { error: error instanceof Error ? (error.message.split('\n')[0] ?? 'parse failed') : String(error) };
  }
  const fatal = messages.find((message) => message.fatal);
  if (fatal) return { error: `line ${fatal.line}: ${fatal.message}` };
  const sourceCode = linter.getSourceCode() as unknown as TSESLint.SourceCode | null;
  return sourceCode ? { sourceCode } : { error: 'parse failed' };
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
  if (!text.startsWith('else', i) || isWordChar(text.charCodeAt(i - 1)) || isWordChar(text.charCodeAt(i + 4))) return false;
  let j = i + 4;
  while (j < text.length && isSpace(text.charCodeAt(j))) j++;
  return text.startsWith('if', j) && !isWordChar(text.charCodeAt(j + 2));
}

function nextWordIsElse(text: string, from: number): boolean {
  let j = from;
  while (j < text.length && isSpace(text.charCodeAt(j))) j++;
  return text.startsWith('else', j) && !isWordChar(text.charCodeAt(j + 4));
}

function isSpace(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d;
}

function isWordChar(code: number): boolean {
  return (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a) || code === 0x5f || code === 0x24;
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
