import { Linter, type ESLint } from 'eslint';
import plugin from 'eslint-plugin-claimguard';

/** Lints plain JavaScript with one ClaimGuard rule on, the way the CLI and the language server run it. */
export function lintWithRule(ruleName: string, code: string, settings: Record<string, unknown> = {}): Linter.LintMessage[] {
  return new Linter().verify(code, {
    plugins: { claimguard: plugin as unknown as ESLint.Plugin },
    rules: { [`claimguard/${ruleName}`]: 'error' },
    settings,
  });
}
