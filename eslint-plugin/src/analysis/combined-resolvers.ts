/**
 * Resolvers combined from guards (`combineResolvers(isAuthenticated, isAdmin, resolve)`, as the framework models'
 * `resolverCombiners` say): the functions a combination runs, and the functions of the file that take a resolver's
 * `(parent, args, context)` because a combination runs them or because they return the pass value (`skip`).
 */
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import type { ResolverCombiners } from '../models/framework-model';
import { declaredValue } from '../util/find-variable';
import { VOCABULARY } from './framework-models';
import { calleePackageOf, isFromPackages, mentionsPackage, packageOf } from './package-of';
import { isFunctionNode, memberName, unwrap } from './syntax';
import type { FunctionNode } from './types';
import { fileNodes } from './walk';

const COMBINERS = VOCABULARY.routing.resolverCombiners;
const COMBINER_PACKAGES = new Set(COMBINERS.flatMap((combiners) => combiners.packages));
/** The functions a combination runs, guards first, as the call spells them; undefined when `node` is no combination. */
export function combinedParts(sourceCode: TSESLint.SourceCode, node: TSESTree.Node): readonly TSESTree.Node[] | undefined {
  const bare = unwrap(node);
  if (bare.type !== AST_NODE_TYPES.CallExpression || !combinerOf(sourceCode, bare)) return undefined;
  return bare.arguments.filter((argument) => argument.type !== AST_NODE_TYPES.SpreadElement);
}

/** Whether `fn` takes a resolver's parameters because a combination runs it or it returns the pass value. */
export function isCombinedResolver(sourceCode: TSESLint.SourceCode, fn: FunctionNode): boolean {
  return combinedFunctions(sourceCode).has(fn);
}

const cache = new WeakMap<TSESLint.SourceCode, ReadonlySet<FunctionNode>>();

function combinedFunctions(sourceCode: TSESLint.SourceCode): ReadonlySet<FunctionNode> {
  const cached = cache.get(sourceCode);
  if (cached) return cached;
  const found = new Set<FunctionNode>();
  if (mentionsPackage(sourceCode, COMBINER_PACKAGES)) {
    const { nodes, functions } = fileNodes(sourceCode);
    for (let i = 0; i < nodes.length; i++) {
      const node = nodes[i]!;
      if (node.type === AST_NODE_TYPES.CallExpression) {
        for (const part of combinedParts(sourceCode, node) ?? []) {
          const fn = functionOf(sourceCode, part);
          if (fn) found.add(fn);
        }
      }
    }
    // `return me ? skip : new ForbiddenError()`: a function that hands back the pass value is a guard.
    for (const fn of guardsReturningPass(sourceCode, nodes, functions)) found.add(fn);
  }
  cache.set(sourceCode, found);
  return found;
}

function combinerOf(sourceCode: TSESLint.SourceCode, call: TSESTree.CallExpression): ResolverCombiners | undefined {
  const callee = unwrap(call.callee);
  const name = callee.type === AST_NODE_TYPES.Identifier ? callee.name : callee.type === AST_NODE_TYPES.MemberExpression ? memberName(callee) : undefined;
  if (name === undefined) return undefined;
  const candidates = COMBINERS.filter((combiners) => combiners.combiners.includes(name));
  if (candidates.length === 0) return undefined;
  const module = calleePackageOf(sourceCode, callee);
  return candidates.find((combiners) => isFromPackages(module, combiners.packages));
}

/** The function a part names: written in place, or declared in this file under that name. */
function functionOf(sourceCode: TSESLint.SourceCode, part: TSESTree.Node): FunctionNode | undefined {
  const bare = unwrap(part);
  if (isFunctionNode(bare)) return bare;
  if (bare.type !== AST_NODE_TYPES.Identifier) return undefined;
  const declared = declaredValue(sourceCode, bare);
  const value = declared && unwrap(declared);
  return value && isFunctionNode(value) ? value : undefined;
}

/** Functions that return the pass value of a combiner's package, read through its import. */
function guardsReturningPass(sourceCode: TSESLint.SourceCode, nodes: readonly TSESTree.Node[], functions: readonly (FunctionNode | null)[]): FunctionNode[] {
  const passes = COMBINERS.filter((combiners) => combiners.pass !== undefined);
  if (passes.length === 0) return [];
  const guards: FunctionNode[] = [];
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i]!;
    const fn = functions[i];
    if (!fn || (node.type !== AST_NODE_TYPES.ReturnStatement && node.type !== AST_NODE_TYPES.ConditionalExpression)) continue;
    // The arrow body or the returned expression, and the branches of a returned conditional.
    const returned = node.type === AST_NODE_TYPES.ReturnStatement ? node.argument : isReturnedBy(node, fn) ? node : null;
    if (!returned) continue;
    for (const value of outcomesOf(unwrap(returned))) {
      if (value.type !== AST_NODE_TYPES.Identifier) continue;
      const module = packageOf(sourceCode, value);
      if (passes.some((combiners) => combiners.pass === value.name && isFromPackages(module, combiners.packages))) guards.push(fn);
    }
  }
  return guards;
}

function isReturnedBy(node: TSESTree.Node, fn: FunctionNode): boolean {
  return fn.type === AST_NODE_TYPES.ArrowFunctionExpression && unwrap(fn.body) === node;
}

/** What an expression may evaluate to: itself, or the branches of a conditional. */
function outcomesOf(node: TSESTree.Node): TSESTree.Node[] {
  if (node.type !== AST_NODE_TYPES.ConditionalExpression) return [node];
  return [...outcomesOf(unwrap(node.consequent)), ...outcomesOf(unwrap(node.alternate))];
}
