import type { InvalidTestCase, RunTests, ValidTestCase } from '@typescript-eslint/rule-tester';
import type { TSESLint } from '@typescript-eslint/utils';
import plugin from 'eslint-plugin-claimguard';
import { runUnderBothParsers } from '../eslint-plugin/both-parsers';

export type Valid = string | ValidTestCase<readonly unknown[]>;
export type Invalid = InvalidTestCase<string, readonly unknown[]>;

/** One rule's cases for a library model, run under both parsers like the rule suites. */
export function ruleCases(ruleName: string, tests: { valid: readonly Valid[]; invalid: readonly Invalid[] }): void {
  const rule = plugin.rules[ruleName] as unknown as TSESLint.RuleModule<string, readonly unknown[]> | undefined;
  describe(ruleName, () => {
    if (!rule) {
      it('is registered', () => {
        throw new Error(`claimguard/${ruleName} is not registered`);
      });
      return;
    }
    runUnderBothParsers(ruleName, rule, tests as RunTests<string, readonly unknown[]>);
  });
}

export function error(messageId: string, line: number, column: number) {
  return { messageId, line, column } as const;
}

export function suggestion(messageId: string, output: string) {
  return { messageId, output } as const;
}
