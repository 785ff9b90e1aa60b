import type { TSESTree } from '@typescript-eslint/utils';
import type { ClaimGuardSettings } from './settings';
import type { Decision, FunctionNode, PrivilegeWrite, TrustValue } from './types';

export type { ClaimGuardSettings } from './settings';
export * from './types';

/**
 * Everything the rules know about one file. Built once per SourceCode (see `getAnalysis`) with a
 * single walk of the AST; values are evaluated lazily and memoized per node.
 */
export interface FileAnalysis {
  readonly settings: ClaimGuardSettings;
  /** Authorization decisions: allow/deny conditions, authorization-API calls, identity-scoped queries. */
  readonly decisions: readonly Decision[];
  /** Privilege fields written from request input. */
  readonly privilegeWrites: readonly PrivilegeWrite[];
  /** The verified claims object fixes should use: the setting, else the one the file reads most. */
  readonly claimsPath: string | undefined;
  /** What the analysis knows of an expression's value. */
  valuesOf(node: TSESTree.Node): readonly TrustValue[];
  /** The innermost function around a node, or null at module level. */
  functionContaining(node: TSESTree.Node): FunctionNode | null;
}
