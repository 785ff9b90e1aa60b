import { Linter } from 'eslint';
import * as tsParser from '@typescript-eslint/parser';
import plugin from 'eslint-plugin-claimguard';

/** Every claimguard rule at `error` with its default options: the widest surface a lint can exercise. */
export const ALL_RULES: Linter.RulesRecord = Object.fromEntries(Object.keys(plugin.rules).map((name) => [`claimguard/${name}`, 'error']));

/** One finding reduced to what must stay stable across equivalent lints. */
export interface FindingKey {
  ruleId: string | null;
  messageId: string | undefined;
  line: number;
  column: number;
  endLine: number | undefined;
  endColumn: number | undefined;
}

/** `'espree'` and `'typescript-eslint'` force one parser on every file; by default each file gets its usual parser. */
export type ParserChoice = 'by-extension' | 'espree' | 'typescript-eslint';

const JS_FILES = '**/*.{js,jsx,mjs,cjs}';
const TS_FILES = '**/*.{ts,tsx,mts,cts}';

/**
 * A flat config that turns on every claimguard rule. By default it parses `.js` files with ESLint's own parser
 * (espree) and `.ts` files with the TypeScript parser, as a project that adds typescript-eslint for TypeScript does.
 */
export function allRulesConfig(settings?: Record<string, unknown>, rules: Linter.RulesRecord = ALL_RULES, parser: ParserChoice = 'by-extension'): Linter.Config[] {
  const typescript = { parser: tsParser as Linter.Parser, ecmaVersion: 'latest' as const, sourceType: 'module' as const };
  const espree = { ecmaVersion: 'latest' as const, sourceType: 'module' as const };
  const base = {
    plugins: { claimguard: plugin as unknown as NonNullable<Linter.Config['plugins']>[string] },
    rules,
    ...(settings ? { settings } : {}),
  };
  if (parser !== 'by-extension') return [{ ...base, files: [JS_FILES, TS_FILES], languageOptions: parser === 'espree' ? espree : typescript }];
  return [
    { ...base, files: [JS_FILES], languageOptions: espree },
    { ...base, files: [TS_FILES], languageOptions: typescript },
  ];
}

/** A linter that never reads the disk: code and configuration come only from the caller. */
export function createLinter(): Linter {
  return new Linter({ configType: 'flat' });
}

/** Lints `code` with every rule on; a rule that throws makes this throw (ESLint rethrows rule errors). */
export function lintAll(linter: Linter, code: string, filename = 'handler.ts', settings?: Record<string, unknown>, parser: ParserChoice = 'by-extension'): Linter.LintMessage[] {
  return linter.verify(code, allRulesConfig(settings, ALL_RULES, parser), filename);
}

export function findingKeys(messages: readonly Linter.LintMessage[], lineOffset = 0): FindingKey[] {
  return messages.map((message) => ({
    ruleId: message.ruleId,
    messageId: message.messageId,
    line: message.line - lineOffset,
    column: message.column,
    endLine: message.endLine === undefined ? undefined : message.endLine - lineOffset,
    endColumn: message.endColumn,
  }));
}

/** The fatal (parse) messages of a lint; an empty list means the code parsed. */
export function fatalMessages(messages: readonly Linter.LintMessage[]): Linter.LintMessage[] {
  return messages.filter((message) => message.fatal);
}

/** `"<rule> <line>:<column> <message>"` lines, for failure output people can read. */
export function describeMessages(messages: readonly Linter.LintMessage[]): string {
  return messages.map((message) => `${message.ruleId ?? 'parser'} ${message.line}:${message.column} ${message.message}`).join('\n');
}
