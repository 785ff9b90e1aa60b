import { ESLintUtils } from '@typescript-eslint/utils';

/** Where each rule's documentation lives; editors and the CLI link to it through `meta.docs.url`. */
export const DOCS_BASE_URL = 'https://github.com/claimguard/claimguard/blob/main/eslint-plugin/docs/rules';

export function ruleDocsUrl(ruleName: string): string {
  return `${DOCS_BASE_URL}/${ruleName}.md`;
}

/** Extra documentation fields every ClaimGuard rule declares. */
export interface ClaimGuardDocs {
  /** Whether the rule is in `configs.recommended`. */
  recommended?: boolean;
  /** The API Security Maturity level a finding of this rule keeps a route below, or null when it is not about levels. */
  blocksLevel: 1 | 2 | 3 | null;
}

export const createRule = ESLintUtils.RuleCreator<ClaimGuardDocs>(ruleDocsUrl);
