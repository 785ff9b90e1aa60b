/**
 * Permission layers on a schema (`applyMiddleware(schema, shield({ Query: { report: isAdmin } }))`, as the framework
 * models' `permissionLayers` say): which functions are rules taking a resolver's `(parent, args, context)`, which
 * objects are maps of rules rather than of resolvers, and which rules each field runs before its resolver.
 */
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import type { PermissionLayers } from '../models/framework-model';
import { declaredValue } from '../util/find-variable';
import { VOCABULARY } from './framework-models';
import { calleePackageOf, isFromPackages } from './package-of';
import { isFunctionNode, memberName, propertyKeyName, unwrap } from './syntax';
import type { FunctionNode } from './types';

const LAYERS = VOCABULARY.routing.permissionLayers;
/** How many variables and combinators deep a rule or a layer is followed. */
const MAX_DEPTH = 8;

type Role = 'layer' | 'rule' | 'combinator' | 'applier';

/** The rules a layer gives each field, by `Type.field`, `Type.*` (a wildcard) and `Type` (the whole type). */
export type PermissionGates = ReadonlyMap<string, readonly TSESTree.Node[]>;

/** What a call is to the permission models: a layer, a rule factory, a combinator, an applier, or none. */
function roleOf(sourceCode: TSESLint.SourceCode, call: TSESTree.CallExpression): { role: Role; model: PermissionLayers } | undefined {
  if (LAYERS.length === 0) return undefined;
  const callee = unwrap(call.callee);
  const name = callee.type === AST_NODE_TYPES.Identifier ? callee.name : callee.type === AST_NODE_TYPES.MemberExpression ? memberName(callee) : undefined;
  if (name === undefined) return undefined;
  for (const model of LAYERS) {
    const role: Role | undefined = model.layers.includes(name)
      ? 'layer'
      : model.ruleFactories.includes(name)
        ? 'rule'
        : model.combinators.includes(name)
          ? 'combinator'
          : model.appliers.includes(name)
            ? 'applier'
            : undefined;
    if (role && isFromPackages(calleePackageOf(sourceCode, callee), model.packages)) return { role, model };
  }
  return undefined;
}

/** `rule()(fn)`, `rule({ cache: 'contextual' })(fn)`: `fn` decides with a resolver's parameters. */
export function isPermissionRule(sourceCode: TSESLint.SourceCode, fn: FunctionNode): boolean {
  const call = fn.parent;
  if (call?.type !== AST_NODE_TYPES.CallExpression || call.arguments[0] !== fn) return false;
  const factory = unwrap(call.callee);
  return factory.type === AST_NODE_TYPES.CallExpression && roleOf(sourceCode, factory)?.role === 'rule';
}

/** The map a layer is made from (`shield({ Query: { … } })`): its rules are no resolvers. */
export function isPermissionMap(sourceCode: TSESLint.SourceCode, object: TSESTree.ObjectExpression): boolean {
  const call = object.parent;
  return call?.type === AST_NODE_TYPES.CallExpression && call.arguments[0] === object && roleOf(sourceCode, call)?.role === 'layer';
}

/**
 * `applyMiddleware(schema, permissions)`: the schema it serves, the rules its layers in this file give each field,
 * and the layers it names that this file does not make (imported from another file of the project).
 */
export function appliedLayers(
  sourceCode: TSESLint.SourceCode,
  node: TSESTree.Node,
): { schema: TSESTree.Node; gates: PermissionGates; unresolved: readonly TSESTree.Node[] } | undefined {
  const call = unwrap(node);
  if (call.type !== AST_NODE_TYPES.CallExpression || roleOf(sourceCode, call)?.role !== 'applier') return undefined;
  const [schema, ...layers] = call.arguments;
  if (!schema || schema.type === AST_NODE_TYPES.SpreadElement) return undefined;
  const gates = new Map<string, TSESTree.Node[]>();
  const unresolved: TSESTree.Node[] = [];
  for (const layer of layers) {
    if (layer.type === AST_NODE_TYPES.SpreadElement) continue;
    const layerGates = layerGatesOf(sourceCode, layer);
    if (!layerGates) unresolved.push(layer);
    for (const [key, rules] of layerGates ?? []) gates.set(key, [...(gates.get(key) ?? []), ...rules]);
  }
  return { schema, gates, unresolved };
}

/** The rules a layer made in this file gives each field (`shield({ … })`, through variables). */
export function layerGatesOf(sourceCode: TSESLint.SourceCode, node: TSESTree.Node): PermissionGates | undefined {
  const map = layerMap(sourceCode, node, 0);
  return map ? gatesOf(sourceCode, map) : undefined;
}

/** The keys a field's rules are looked up by, in turn: the field, its type's wildcard, its type. */
export function gateKeysFor(operation: string): string[] {
  const dot = operation.indexOf('.');
  if (dot < 0) return [];
  const type = operation.slice(0, dot);
  return [operation, `${type}.${LAYERS[0]?.wildcard ?? '*'}`, type];
}

/** The rules a field runs: its own, else its type's wildcard, else its type's rule. */
export function gatesFor(gates: PermissionGates, operation: string): readonly TSESTree.Node[] {
  for (const key of gateKeysFor(operation)) {
    const rules = gates.get(key);
    if (rules) return rules;
  }
  return [];
}

/** The functions a rule expression runs: the rule, or the parts of a combination. */
export function ruleParts(sourceCode: TSESLint.SourceCode, node: TSESTree.Node, depth = 0): TSESTree.Node[] {
  const bare = unwrap(node);
  const declared = bare.type === AST_NODE_TYPES.Identifier ? initOf(sourceCode, bare) : undefined;
  const call = declared ?? bare;
  if (depth < MAX_DEPTH && call.type === AST_NODE_TYPES.CallExpression && roleOf(sourceCode, call)?.role === 'combinator') {
    return call.arguments.flatMap((argument) => (argument.type === AST_NODE_TYPES.SpreadElement ? [] : ruleParts(sourceCode, argument, depth + 1)));
  }
  return [node];
}

/** The rule map of a layer: `shield(map)`, through same-file variables. */
function layerMap(sourceCode: TSESLint.SourceCode, node: TSESTree.Node, depth: number): TSESTree.ObjectExpression | undefined {
  const bare = unwrap(node);
  if (bare.type === AST_NODE_TYPES.Identifier && depth < MAX_DEPTH) {
    const init = initOf(sourceCode, bare);
    return init ? layerMap(sourceCode, init, depth + 1) : undefined;
  }
  if (bare.type !== AST_NODE_TYPES.CallExpression || roleOf(sourceCode, bare)?.role !== 'layer') return undefined;
  const map = bare.arguments[0] && unwrap(bare.arguments[0]);
  return map?.type === AST_NODE_TYPES.ObjectExpression ? map : undefined;
}

/** `{ Query: { report: isAdmin, '*': deny }, Mutation: isAuthenticated }` as rules by `Type.field` and `Type`. */
function gatesOf(sourceCode: TSESLint.SourceCode, map: TSESTree.ObjectExpression): Map<string, TSESTree.Node[]> {
  const gates = new Map<string, TSESTree.Node[]>();
  for (const typeProperty of map.properties) {
    const type = typeProperty.type === AST_NODE_TYPES.Property ? propertyKeyName(typeProperty) : undefined;
    if (type === undefined || typeProperty.type !== AST_NODE_TYPES.Property) continue;
    const value = unwrap(typeProperty.value as TSESTree.Node);
    if (value.type !== AST_NODE_TYPES.ObjectExpression) {
      gates.set(type, ruleParts(sourceCode, value));
      continue;
    }
    for (const field of value.properties) {
      const name = field.type === AST_NODE_TYPES.Property ? propertyKeyName(field) : undefined;
      if (name !== undefined && field.type === AST_NODE_TYPES.Property) gates.set(`${type}.${name}`, ruleParts(sourceCode, field.value as TSESTree.Node));
    }
  }
  return gates;
}

/** A variable's value, when it is no function (a rule or layer held in a `const`). */
function initOf(sourceCode: TSESLint.SourceCode, identifier: TSESTree.Identifier): TSESTree.Node | undefined {
  const declared = declaredValue(sourceCode, identifier);
  const init = declared && unwrap(declared);
  return init && !isFunctionNode(init) && init.type !== AST_NODE_TYPES.ClassDeclaration ? init : undefined;
}
