import type { TSESLint } from '@typescript-eslint/utils';
import type { ClaimGuardDocs } from '../util/create-rule';

/** Every rule of the plugin, by name (without the `claimguard/` prefix). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const rules: Record<string, TSESLint.RuleModule<string, any[], ClaimGuardDocs>> = {};
