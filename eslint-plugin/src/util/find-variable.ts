import { findVariable as findVariableInScope } from '@eslint-community/eslint-utils';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

/**
 * The variable a name refers to from a scope, searching outwards. This is what typescript-eslint's
 * `ASTUtils.findVariable` re-exports, typed the same way; importing it from there would load
 * `@typescript-eslint/utils` at run time, and with it a peer dependency on TypeScript that JavaScript-only
 * projects do not have.
 */
export const findVariable = findVariableInScope as unknown as (
  initialScope: TSESLint.Scope.Scope,
  nameOrNode: string | TSESTree.Identifier,
) => TSESLint.Scope.Variable | null;
