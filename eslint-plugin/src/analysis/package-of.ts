import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { findVariable } from '../util/find-variable';
import { calleeIsRequire } from './imports';
import { requiredModule } from './library-models';
import { calleeName, staticString, unwrap } from './syntax';
import { VOCABULARY } from './framework-models';
import { FRAMEWORK_MODELS } from '../models/index';
import { LIBRARY_MODELS } from '../models/libraries';

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

/** The package a callee comes from: `graphqlHTTP` in `graphqlHTTP(…)`, `shield` in `gs.shield(…)` through `gs`. */
export function calleePackageOf(sourceCode: TSESLint.SourceCode, callee: TSESTree.Node): string | undefined {
  const bare = unwrap(callee);
  return packageOf(sourceCode, bare.type === AST_NODE_TYPES.MemberExpression ? bare.object : bare);
}

/**
 * Whether the file's text names one of `packages` at all: a model's function is imported or required from its
 * package by name, so a file that never writes the name needs no pass over its nodes for that model.
 */
export function mentionsPackage(sourceCode: TSESLint.SourceCode, packages: Iterable<string>): boolean {
  for (const name of packages) if (sourceCode.text.includes(name)) return true;
  return false;
}

/** The package itself or one of its subpaths (`graphql-http/lib/use/express` is `graphql-http`). */
export function isFromPackages(module: string | undefined, packages: readonly string[]): boolean {
  return module !== undefined && packages.some((name) => module === name || module.startsWith(`${name}/`));
}

/**
 * The framework a call makes a server for, with the options that hold the code its authentication markers run
 * (`useExpressServer(app, { authorizationChecker, currentUserChecker })` imported from routing-controllers); a local
 * function of the same name makes none.
 */
export function authenticatorServersOf(sourceCode: TSESLint.SourceCode, call: TSESTree.CallExpression | TSESTree.NewExpression): (typeof VOCABULARY.routing.authenticatorServers)[number][] {
  const name = calleeName(call);
  const servers = name === undefined ? [] : VOCABULARY.routing.authenticatorServers.filter((candidate) => candidate.calls.includes(name));
  return servers.filter((server) => isFromPackages(calleePackageOf(sourceCode, call.callee), server.packages));
}

/** Every package a built-in model describes: frameworks, identity and token libraries. */
const MODELLED_PACKAGES = [...new Set([...FRAMEWORK_MODELS.flatMap((model) => model.packages), ...LIBRARY_MODELS.flatMap((model) => model.modules)])];

/** Whether a built-in model describes the package (or the package a subpath belongs to). */
export function isModelledPackage(module: string): boolean {
  return isFromPackages(module, MODELLED_PACKAGES);
}
