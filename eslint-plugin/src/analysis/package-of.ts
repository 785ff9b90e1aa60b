import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { findVariable } from '../util/find-variable';
import { calleeIsRequire } from './imports';
import { requiredModule } from './library-models';
import { staticString, unwrap } from './syntax';

/**
 * The package a name is imported or required from (`import { graphqlHTTP } from 'express-graphql'`,
 * `const { skip } = require('graphql-resolvers')`), or that a `require('x')` call loads: how a model's function is
 * told from a local one of the same name.
 */
export function packageOf(sourceCode: TSESLint.SourceCode, node: TSESTree.Node): string | undefined {
  const bare = unwrap(node);
  if (bare.type === AST_NODE_TYPES.CallExpression && calleeIsRequire(bare)) return staticString(bare.arguments[0]);
  if (bare.type !== AST_NODE_TYPES.Identifier) return undefined;
  const def = findVariable(sourceCode.getScope(bare), bare.name)?.defs[0];
  if (def?.type === 'ImportBinding' && def.parent?.type === AST_NODE_TYPES.ImportDeclaration) return def.parent.source.value;
  if (def?.type === 'Variable' && def.node.type === AST_NODE_TYPES.VariableDeclarator && def.node.init) return requiredModule(def.node.init)?.module;
  return undefined;
}

/** The package itself or one of its subpaths (`graphql-http/lib/use/express` is `graphql-http`). */
export function isFromPackages(module: string | undefined, packages: readonly string[]): boolean {
  return module !== undefined && packages.some((name) => module === name || module.startsWith(`${name}/`));
}
