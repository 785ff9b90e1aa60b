import type { TSESLint } from '@typescript-eslint/utils';
import { getAnalysis } from '../analysis';
import { budgetOf, type BudgetKind } from '../analysis/budget';
import { getCredentialFacts } from '../analysis/credentials';
import { recordFinding } from '../analysis/findings';
import { getFileFacts } from '../analysis/maturity';
import { createRule } from '../util/create-rule';

export type Options = [];
export type MessageIds = 'callDepth' | 'evaluationDepth' | 'routePrefixes' | 'chainExpansion';

const MESSAGE_IDS: Record<BudgetKind, MessageIds> = {
  'call-depth': 'callDepth',
  'evaluation-depth': 'evaluationDepth',
  'route-prefixes': 'routePrefixes',
  'chain-expansion': 'chainExpansion',
};

export default createRule<Options, MessageIds>({
  name: 'no-incomplete-analysis',
  meta: {
    type: 'problem',
    docs: {
      description: 'Report code where the analysis stopped at a budget, so findings it may miss there are never missed silently.',
      recommended: true,
      blocksLevel: null,
    },
    schema: [],
    messages: {
      callDepth:
        'Analysis of `{{subject}}`{{others}} stopped after {{limit}} call levels: what its callers pass further up is not followed, so a finding that depends on it may be missing here; pass the value in fewer hops or check it where it is read.',
      evaluationDepth:
        'Analysis of `{{subject}}` stopped after {{limit}} steps through variables and calls, so a finding that depends on its value may be missing here; read the value closer to where it is checked.',
      routePrefixes:
        'Analysis of route prefixes stopped after {{limit}} checks (a budget proportional to the file): middleware registered under wildcard prefixes may be missing from the chains of the routes from here on; split the routes across routers.',
      chainExpansion:
        "Analysis of the code routes run stopped at `{{subject}}` after {{limit}} functions (a budget proportional to the file): what it and the functions taken in after it check may be missing from the routes' grades; split the routes or their helpers across files.",
    },
  },
  defaultOptions: [],
  create(context) {
    return {
      'Program:exit'() {
        completeAnalysis(context);
        for (const hit of budgetOf(context.sourceCode).hits) {
          const others = hit.others === 0 ? '' : ` (and ${hit.others} other function${hit.others === 1 ? '' : 's'})`;
          context.report({ loc: hit.span, messageId: MESSAGE_IDS[hit.kind], data: { subject: hit.subject, others, limit: hit.limit.toLocaleString('en') } });
          recordFinding(context.sourceCode, { ruleId: 'claimguard/no-incomplete-analysis', span: hit.span });
        }
      },
    };
  },
});

/**
 * Runs what every rule reads of the shared analysis (it is memoized, so after the other rules this costs nothing),
 * so the stops reported do not depend on which other rules are on.
 */
function completeAnalysis(context: Readonly<TSESLint.RuleContext<MessageIds, Options>>): void {
  const analysis = getAnalysis(context);
  void analysis.decisions;
  void analysis.privilegeWrites;
  void getFileFacts(context.sourceCode, context.settings, context.filename).routes;
  const credentials = getCredentialFacts(context.sourceCode, context.settings, context.filename);
  void credentials.apiKeySchemes;
  void credentials.unsafeComparisons;
}
