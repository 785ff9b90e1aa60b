import { AST_NODE_TYPES as NODE_TYPES } from '@typescript-eslint/types';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import type { FunctionNode } from './types';

// The package re-exports the enum through two getters; the walk reads it for every node, so read it once.
const AST_NODE_TYPES = NODE_TYPES;

/**
 * The one walk of a file's syntax tree that every part of the analysis reads (DESIGN.md, "One analysis, many
 * views"): the file index, route discovery and the credential facts each take the nodes they look at from here,
 * in source order, instead of walking the file themselves. Iterative, so deeply nested code cannot overflow the
 * stack; it also sets `parent` where a parser left it unset.
 */
export interface FileNodes {
  /** The nodes of every kind some part of the analysis reads, in source order (see COLLECTED). */
  readonly nodes: readonly TSESTree.Node[];
  /** `functions[i]` is the innermost function around `nodes[i]` (not the node itself), or null at module level. */
  readonly functions: readonly (FunctionNode | null)[];
  /** `hidden[i]` says `nodes[i]` is in a TypeScript type position or below an identifier or literal: no code there runs. */
  readonly hidden: Uint8Array;
  /** Every identifier of the file, in source order, type positions included: the names it mentions. */
  readonly identifiers: readonly TSESTree.Identifier[];
}

/** Every kind of node the file index, route discovery or the credential facts read. */
const COLLECTED = new Set<string>([
  AST_NODE_TYPES.FunctionDeclaration,
  AST_NODE_TYPES.FunctionExpression,
  AST_NODE_TYPES.ArrowFunctionExpression,
  AST_NODE_TYPES.IfStatement,
  AST_NODE_TYPES.ConditionalExpression,
  AST_NODE_TYPES.SwitchStatement,
  AST_NODE_TYPES.LogicalExpression,
  AST_NODE_TYPES.ReturnStatement,
  AST_NODE_TYPES.CallExpression,
  AST_NODE_TYPES.NewExpression,
  AST_NODE_TYPES.ObjectExpression,
  AST_NODE_TYPES.AssignmentExpression,
  AST_NODE_TYPES.MemberExpression,
  AST_NODE_TYPES.TaggedTemplateExpression,
  AST_NODE_TYPES.ImportDeclaration,
  AST_NODE_TYPES.PropertyDefinition,
  AST_NODE_TYPES.TSPropertySignature,
  AST_NODE_TYPES.MethodDefinition,
  AST_NODE_TYPES.Decorator,
  AST_NODE_TYPES.Property,
  AST_NODE_TYPES.ClassDeclaration,
  AST_NODE_TYPES.ClassExpression,
  AST_NODE_TYPES.ExportNamedDeclaration,
  AST_NODE_TYPES.ExportDefaultDeclaration,
  AST_NODE_TYPES.ExportAllDeclaration,
  AST_NODE_TYPES.TSExportAssignment,
  AST_NODE_TYPES.Literal,
  AST_NODE_TYPES.VariableDeclarator,
  AST_NODE_TYPES.BinaryExpression,
]);

/** TypeScript type positions: no call, comparison or import below them ever runs. */
const TYPE_ONLY_KEYS = new Set(['typeAnnotation', 'returnType', 'typeParameters', 'typeArguments', 'superTypeArguments', 'implements']);

/** Leaves of the code: what hangs below them (a parameter's decorators, a type) is not code they run. */
const LEAF_TYPES = new Set<string>([AST_NODE_TYPES.Identifier, AST_NODE_TYPES.Literal, AST_NODE_TYPES.TemplateElement, AST_NODE_TYPES.ThisExpression]);

const HIDDEN = 1;
/** A function pushed a second time: popping it leaves the function. */
const EXIT = 2;

const walks = new WeakMap<TSESLint.SourceCode, FileNodes>();

export function fileNodes(sourceCode: TSESLint.SourceCode): FileNodes {
  let found = walks.get(sourceCode);
  if (!found) {
    found = walk(sourceCode.ast, sourceCode.visitorKeys);
    walks.set(sourceCode, found);
  }
  return found;
}

function walk(root: TSESTree.Node, visitorKeys: TSESLint.SourceCode.VisitorKeys): FileNodes {
  const nodes: TSESTree.Node[] = [];
  const functions: (FunctionNode | null)[] = [];
  const hidden: number[] = [];
  const identifiers: TSESTree.Identifier[] = [];
  // Two parallel stacks, so no pair is allocated per node; children go on in reverse to come off in source order.
  const stack: TSESTree.Node[] = [root];
  const flags: number[] = [0];
  const open: FunctionNode[] = [];
  while (stack.length > 0) {
    const node = stack.pop()!;
    const flag = flags.pop()!;
    if (flag & EXIT) {
      open.pop();
      continue;
    }
    if (COLLECTED.has(node.type)) {
      nodes.push(node);
      functions.push(open.length > 0 ? open[open.length - 1]! : null);
      hidden.push(flag & HIDDEN);
    } else if (node.type === AST_NODE_TYPES.Identifier) {
      identifiers.push(node);
    }
    if (node.type === AST_NODE_TYPES.FunctionDeclaration || node.type === AST_NODE_TYPES.FunctionExpression || node.type === AST_NODE_TYPES.ArrowFunctionExpression) {
      open.push(node);
      stack.push(node);
      flags.push(EXIT);
    }
    const keys = visitorKeys[node.type];
    if (!keys) continue;
    const below = flag & HIDDEN || LEAF_TYPES.has(node.type) ? HIDDEN : 0;
    for (let k = keys.length - 1; k >= 0; k--) {
      const key = keys[k]!;
      const childFlag = below || (TYPE_ONLY_KEYS.has(key) ? HIDDEN : 0);
      const child = (node as unknown as Record<string, unknown>)[key];
      if (Array.isArray(child)) {
        for (let i = child.length - 1; i >= 0; i--) push(stack, flags, child[i], node, childFlag);
      } else {
        push(stack, flags, child, node, childFlag);
      }
    }
  }
  return { nodes, functions, hidden: Uint8Array.from(hidden), identifiers };
}

function push(stack: TSESTree.Node[], flags: number[], value: unknown, parent: TSESTree.Node, flag: number): void {
  if (!value || typeof (value as { type?: unknown }).type !== 'string') return;
  const child = value as TSESTree.Node;
  // ESLint sets parents before rules run; a tree from a parser alone (the project index's) has none yet.
  if (!child.parent) (child as { parent?: TSESTree.Node }).parent = parent;
  stack.push(child);
  flags.push(flag);
}
