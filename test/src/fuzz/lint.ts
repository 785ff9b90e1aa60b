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

/** A flat config that parses every file with the TypeScript parser and turns on every claimguard rule. */
export function allRulesConfig(settings?: Record<string, unknown>, rules: Linter.RulesRecord = ALL_RULES): Linter.Config[] {
  return [
    {
      files: ['**/*.{ts,tsx,mts,cts,js,jsx,mjs,cjs}'],
      languageOptions: { parser: tsParser as Linter.Parser, ecmaVersion: 'latest', sourceType: 'module' },
      plugins: { claimguard: plugin as unknown as NonNullable<Linter.Config['plugins']>[string] },
      rules,
      ...(settings ? { settings } : {}),
    },
  ];
}

/** A linter that never reads the disk: code and configuration come only from the caller. */
export function createLinter(): Linter {
  return new Linter({ configType: 'flat' });
}

/** Lints `code` with every rule on; a rule that throws makes this throw (ESLint rethrows rule errors). */
export function lintAll(linter: Linter, code: string, filename = 'handler.ts', settings?: Record<string, unknown>): Linter.LintMessage[] {
  return linter.verify(code, allRulesConfig(settings), filename);
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
