import { isDeepStrictEqual } from 'node:util';
import type { Linter } from 'eslint';
import { createLinter, describeMessages, fatalMessages, findingKeys, lintAll } from './lint';
import type { RenderedFile } from './render';

/** A property that does not hold for one generated file; the message says which and shows the evidence. */
export class PropertyViolation extends Error {
  constructor(
    readonly property: string,
    detail: string,
  ) {
    super(`${property}: ${detail}`);
    this.name = 'PropertyViolation';
  }
}

/** Edits that change nothing about any handler: what they add must not move or change a finding. */
const UNRELATED_EDITS: readonly { name: string; apply(code: string): string; lineOffset: number }[] = [
  { name: 'a constant appended', apply: (code) => `${code}const __unrelated = 1;\n`, lineOffset: 0 },
  { name: 'a function appended', apply: (code) => `${code}function __unrelatedHelper(value: number): number {\n  return value + 1;\n}\n`, lineOffset: 0 },
  { name: 'a constant prepended', apply: (code) => `const __unrelated = 1;\n${code}`, lineOffset: 1 },
];

/** Two independent linters: a second instance shows that no state leaks from one lint into the next. */
export interface LinterPair {
  first: Linter;
  second: Linter;
}

export function createLinterPair(): LinterPair {
  return { first: createLinter(), second: createLinter() };
}

/** Lints and turns a rule's exception into a violation that carries the code. */
function lintOrViolate(linter: Linter, file: RenderedFile, code = file.code): Linter.LintMessage[] {
  try {
    return lintAll(linter, code, file.filename, file.settings);
  } catch (error) {
    const stack = error instanceof Error ? (error.stack ?? error.message) : String(error);
    throw new PropertyViolation('no rule throws', `linting threw\n${stack}`);
  }
}

/** Which of the cheaper-to-vary checks one case runs, so each case costs three lints instead of six. */
export interface CheckVariant {
  /** Repeat the lint on the second linter instance rather than the first. */
  freshRepeat: boolean;
  /** Index into the unrelated edits (any natural number). */
  edit: number;
}

export const UNRELATED_EDIT_COUNT = UNRELATED_EDITS.length;

/**
 * Checks every property on one rendered file: it parses, no rule throws, a second lint agrees exactly, and an
 * unrelated edit changes no finding. (Termination is checked by the runner's watchdog around this call.)
 */
export function checkFile(linters: LinterPair, file: RenderedFile, variant: CheckVariant): void {
  const messages = lintOrViolate(linters.first, file);
  const fatal = fatalMessages(messages);
  if (fatal.length > 0) throw new PropertyViolation('generated code parses', describeMessages(fatal));

  const repeat = lintOrViolate(variant.freshRepeat ? linters.second : linters.first, file);
  if (!isDeepStrictEqual(repeat, messages)) {
    throw new PropertyViolation(`${variant.freshRepeat ? 'a fresh' : 'the same'} linter gives the same messages`, difference(messages, repeat));
  }

  const edit = UNRELATED_EDITS[variant.edit % UNRELATED_EDITS.length];
  const edited = lintOrViolate(linters.first, file, edit.apply(file.code));
  if (!isDeepStrictEqual(findingKeys(edited, edit.lineOffset), findingKeys(messages))) {
    throw new PropertyViolation(`findings unchanged by ${edit.name}`, difference(messages, edited));
  }
}

function difference(expected: readonly Linter.LintMessage[], actual: readonly Linter.LintMessage[]): string {
  return `expected:\n${describeMessages(expected) || '(none)'}\nactual:\n${describeMessages(actual) || '(none)'}`;
}
