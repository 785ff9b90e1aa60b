import type { ESLint, Linter } from 'eslint';
import plugin from 'eslint-plugin-claimguard';
import { lintUnderBothParsers } from './both-parsers';

/**
 * Lints code with one ClaimGuard rule on, the way the CLI and the language server run it: a JavaScript file
 * under espree and @typescript-eslint/parser (which must agree), a TypeScript file under the latter.
 */
export function lintWithRule(ruleName: string, code: string, settings: Record<string, unknown> = {}, filename?: string): Linter.LintMessage[] {
  const config = { plugins: { claimguard: plugin as unknown as ESLint.Plugin }, rules: { [`claimguard/${ruleName}`]: 'error' as const }, settings };
  return lintUnderBothParsers(code, config, filename);
}
