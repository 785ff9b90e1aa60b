import { isDeepStrictEqual } from 'node:util';
import type { Linter } from 'eslint';
import { createLinter, describeMessages, fatalMessages, findingKeys, lintAll, type ParserChoice } from './lint';
import { annotation, type Dialect } from './frameworks';
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
const UNRELATED_EDITS: readonly { name: string; apply(code: string, dialect: Dialect): string; lineOffset: number }[] = [
  { name: 'a constant appended', apply: (code) => `${code}const __unrelated = 1;\n`, lineOffset: 0 },
  {
    name: 'a function appended',
    apply: (code, dialect) => `${code}function __unrelatedHelper(value${annotation(dialect, 'number')})${annotation(dialect, 'number')} {\n  return value + 1;\n}\n`,
    lineOffset: 0,
  },
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

/** A rendering and the parser it is linted with: TypeScript under its parser, JavaScript under either. */
interface Subject {
  file: RenderedFile;
  parser: ParserChoice;
  label: string;
}

/** Lints and turns a rule's exception into a violation that carries the code. */
function lintOrViolate(linter: Linter, subject: Subject, code = subject.file.code): Linter.LintMessage[] {
  try {
    return lintAll(linter, code, subject.file.filename, subject.file.settings, subject.parser);
  } catch (error) {
    const stack = error instanceof Error ? (error.stack ?? error.message) : String(error);
    throw new PropertyViolation('no rule throws', `linting ${subject.label} threw\n${stack}`);
  }
}

/** Lints a subject that must parse. */
function lintParsed(linter: Linter, subject: Subject): Linter.LintMessage[] {
  const messages = lintOrViolate(linter, subject);
  const fatal = fatalMessages(messages);
  if (fatal.length > 0) throw new PropertyViolation(`generated ${subject.label} parses`, describeMessages(fatal));
  return messages;
}

/** Which of the cheaper-to-vary checks one case runs, so each case costs five lints instead of ten. */
export interface CheckVariant {
  /** Repeat the lint on the second linter instance rather than the first. */
  freshRepeat: boolean;
  /** Index into the unrelated edits (any natural number). */
  edit: number;
  /** Run the repeat and edit checks on the JavaScript rendering under espree, where there is one. */
  onJavaScript: boolean;
}

export const UNRELATED_EDIT_COUNT = UNRELATED_EDITS.length;

/** The same file as TypeScript and, where the framework allows, as plain JavaScript. */
export interface Renderings {
  ts: RenderedFile;
  js: RenderedFile | undefined;
}

/** What must agree between renderings and parsers, whose columns may differ (`x as string` against `x`). */
function lineKeys(messages: readonly Linter.LintMessage[]): string[] {
  return messages.map((message) => `${message.line} ${message.ruleId} ${message.messageId}`);
}

/**
 * Checks every property on one generated file: each rendering parses and no rule throws; the JavaScript rendering
 * gets the same messages under espree and under @typescript-eslint/parser, and the same findings as the TypeScript
 * one; a second lint agrees exactly, and an unrelated edit changes no finding. (Termination is checked by the
 * runner's watchdog around this call.)
 */
export function checkFile(linters: LinterPair, files: Renderings, variant: CheckVariant): void {
  const typescript: Subject = { file: files.ts, parser: 'by-extension', label: 'TypeScript' };
  const tsMessages = lintParsed(linters.first, typescript);
  let subject = typescript;
  let messages = tsMessages;
  if (files.js) {
    const espree: Subject = { file: files.js, parser: 'espree', label: 'JavaScript (espree)' };
    const jsMessages = lintParsed(linters.first, espree);
    const underTypeScriptParser = lintParsed(linters.first, { file: files.js, parser: 'typescript-eslint', label: 'JavaScript (@typescript-eslint/parser)' });
    if (!isDeepStrictEqual(underTypeScriptParser, jsMessages)) {
      throw new PropertyViolation('espree and @typescript-eslint/parser give the same messages on JavaScript', difference(jsMessages, underTypeScriptParser));
    }
    if (!isDeepStrictEqual(lineKeys(jsMessages), lineKeys(tsMessages))) {
      throw new PropertyViolation('type syntax changes no finding (JavaScript against TypeScript rendering)', difference(tsMessages, jsMessages));
    }
    if (variant.onJavaScript) {
      subject = espree;
      messages = jsMessages;
    }
  }

  const repeat = lintOrViolate(variant.freshRepeat ? linters.second : linters.first, subject);
  if (!isDeepStrictEqual(repeat, messages)) {
    throw new PropertyViolation(`${variant.freshRepeat ? 'a fresh' : 'the same'} linter gives the same messages (${subject.label})`, difference(messages, repeat));
  }

  const edit = UNRELATED_EDITS[variant.edit % UNRELATED_EDITS.length];
  const edited = lintOrViolate(linters.first, subject, edit.apply(subject.file.code, subject.file.dialect));
  if (!isDeepStrictEqual(findingKeys(edited, edit.lineOffset), findingKeys(messages))) {
    throw new PropertyViolation(`findings unchanged by ${edit.name} (${subject.label})`, difference(messages, edited));
  }
}

function difference(expected: readonly Linter.LintMessage[], actual: readonly Linter.LintMessage[]): string {
  return `expected:\n${describeMessages(expected) || '(none)'}\nactual:\n${describeMessages(actual) || '(none)'}`;
}
