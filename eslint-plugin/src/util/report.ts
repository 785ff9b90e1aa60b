import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { recordFinding, spanOf, type RouteLevel } from '../analysis/findings';

/** What editors show beside a finding: the related location of its origin and the level it holds a route at. */
export interface ReportExtras {
  origin?: { description: string; node: TSESTree.Node };
  level?: RouteLevel;
}

/**
 * Reports through ESLint and records the finding's details for editors and the CLI, so every rule
 * reports the same way. Use instead of `context.report`.
 */
export function reportFinding<MessageIds extends string>(
  context: Readonly<TSESLint.RuleContext<MessageIds, readonly unknown[]>>,
  descriptor: TSESLint.ReportDescriptor<MessageIds> & { node: TSESTree.Node },
  extras: ReportExtras = {},
): void {
  context.report(descriptor);
  recordFinding(context.sourceCode, {
    ruleId: `claimguard/${ruleName(context.id)}`,
    span: spanOf(descriptor.node),
    origin: extras.origin && { description: extras.origin.description, span: spanOf(extras.origin.node) },
    level: extras.level,
  });
}

/** `claimguard/no-x` and `no-x` (RuleTester's id) both give `no-x`. */
function ruleName(id: string): string {
  return id.replace(/^claimguard\//, '');
}
