import type { TSESLint } from '@typescript-eslint/utils';
import type { ReportedBy } from '../analysis/maturity';

/** Whether a rule, with the options it runs with, reports a fact attributed to it. */
export type Coverage = (fact: ReportedBy) => boolean;

/**
 * Which ClaimGuard rules run on a file. ESLint shows a rule nothing of the other rules' settings, but it calls
 * `create()` only for rules that are on: every rule notes itself there (`createRule` does it) before any rule sees
 * a node, so `maturity-level` can leave out at `Program:exit` what another rule of the same lint already reports.
 */
const enabledBySource = new WeakMap<TSESLint.SourceCode, Map<string, Coverage>>();

const everything: Coverage = () => true;

/**
 * Notes a rule as on for this file. A rule whose options leave some of its facts unreported (checks switched
 * off, allow-listed routes) notes itself again from its own `create()` with what it does report.
 */
export function noteEnabledRule(sourceCode: TSESLint.SourceCode, ruleName: string, coverage: Coverage = everything): void {
  let enabled = enabledBySource.get(sourceCode);
  if (!enabled) {
    enabled = new Map();
    enabledBySource.set(sourceCode, enabled);
  }
  enabled.set(ruleName, coverage);
}

/** True when an enabled rule of this lint reports the fact, so another report of it would say it twice. */
export function isReportedByEnabledRule(sourceCode: TSESLint.SourceCode, fact: ReportedBy | undefined): boolean {
  if (!fact) return false;
  const coverage = enabledBySource.get(sourceCode)?.get(fact.rule);
  return coverage !== undefined && coverage(fact);
}
