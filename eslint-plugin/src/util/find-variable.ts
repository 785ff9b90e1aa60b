import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { findVariable as findVariableInScope } from '@eslint-community/eslint-utils';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { propertyValue, unwrap } from '../analysis/syntax';

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

/** What a name is declared as in its file: the function or class a declaration names, or a variable's initializer. */
export function declaredValue(sourceCode: TSESLint.SourceCode, identifier: TSESTree.Identifier): TSESTree.Node | undefined {
  const def = findVariable(sourceCode.getScope(identifier), identifier.name)?.defs[0];
  if (def?.type === 'FunctionName' || def?.type === 'ClassName') return def.node;
  return def?.type === 'Variable' && def.node.type === AST_NODE_TYPES.VariableDeclarator && def.node.init ? def.node.init : undefined;
}

/** How many variables deep `objectLiteralOf` follows names (`const a = b; const b = { … }`). */
const MAX_OBJECT_DEPTH = 8;

/** The object literal an expression is, or a same-file variable holds (through other variables, a few deep). */
export function objectLiteralOf(sourceCode: TSESLint.SourceCode, node: TSESTree.Node, depth = 0): TSESTree.ObjectExpression | undefined {
  const bare = unwrap(node);
  if (bare.type === AST_NODE_TYPES.ObjectExpression) return bare;
  if (bare.type !== AST_NODE_TYPES.Identifier || depth > MAX_OBJECT_DEPTH) return undefined;
  const init = declaredValue(sourceCode, bare);
  return init ? objectLiteralOf(sourceCode, init, depth + 1) : undefined;
}

/**
 * What a call's options objects give `option` (`useExpressServer(app, { authorizationChecker })`,
 * `new ApolloServer({ context })`): objects written in place or held by a same-file variable, values unwrapped.
 */
export function optionValues(sourceCode: TSESLint.SourceCode, call: TSESTree.CallExpression | TSESTree.NewExpression, option: string): TSESTree.Node[] {
  const values: TSESTree.Node[] = [];
  for (const argument of call.arguments) {
    const options = argument.type === AST_NODE_TYPES.SpreadElement ? undefined : objectLiteralOf(sourceCode, argument);
    const value = options && propertyValue(options, option);
    if (value) values.push(unwrap(value));
  }
  return values;
}
