/**
 * Which of the project's own modules an expression comes from: ES imports, `require`, destructured and member
 * reads below them. Packages are not named here (their facts come from models); the project index resolves the
 * specifiers this returns to files.
 */
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { declaredValue, findVariable } from '../util/find-variable';
import { isProjectSpecifier } from '../project/modules';
import { isFunctionNode, memberName, staticString, unwrap } from './syntax';

/** A module, the name imported from it (`default` for a default import) and members read below it. */
export interface ImportRef {
  source: string;
  name: string;
  /** `getUsers` in `userController.getUsers` when `userController` is the imported name. */
  path?: readonly string[];
  /** Members tried in turn when the export has none named `path[0]` (a field's rule, else its type's wildcard rule). */
  memberAlternatives?: readonly string[];
}

/** The project module an identifier (or `ns.member`, `required.member`) is imported from. */
export function importRefOf(sourceCode: TSESLint.SourceCode, filename: string, node: TSESTree.Node): ImportRef | undefined {
  const bare = unwrap(node);
  const isProjectModule = (source: string) => isProjectSpecifier(filename, source);
  if (bare.type === AST_NODE_TYPES.MemberExpression) {
    // `auth.requireUser` on a namespace names the export `requireUser`; on a CommonJS module object or a
    // destructured `require`, the members are read below the imported value (`userController.getUsers`).
    let root = unwrap(bare.object);
    while (root.type === AST_NODE_TYPES.MemberExpression) root = unwrap(root.object);
    // `require('./prerequisites').authorize`: the module's export of that name, as `const { authorize } = require(…)` reads it.
    const required = root.type === AST_NODE_TYPES.CallExpression && calleeIsRequire(root) ? importRefOf(sourceCode, filename, root) : undefined;
    if (required) {
      const members = memberPath(bare);
      return members ? { source: required.source, name: members[0]!, ...(members.length > 1 ? { path: members.slice(1) } : {}) } : undefined;
    }
    if (root.type !== AST_NODE_TYPES.Identifier) return undefined;
    const imported = importRefOf(sourceCode, filename, root);
    const members = memberPath(bare);
    if (!imported || !members) return undefined;
    if (imported.name === '*') return { source: imported.source, name: members[0]!, ...(members.length > 1 ? { path: members.slice(1) } : {}) };
    return { source: imported.source, name: imported.name, path: [...(imported.path ?? []), ...members] };
  }
  if (bare.type === AST_NODE_TYPES.CallExpression && calleeIsRequire(bare)) {
    const source = staticString(bare.arguments[0]);
    return source && isProjectModule(source) ? { source, name: 'default' } : undefined;
  }
  if (bare.type !== AST_NODE_TYPES.Identifier) return undefined;
  const def = findVariable(sourceCode.getScope(bare), bare.name)?.defs[0];
  if (!def) return undefined;
  if (def.type === 'ImportBinding') {
    // TypeScript's `import users = require('./users')` binds the module like a CommonJS `require`.
    if (def.node.type === AST_NODE_TYPES.TSImportEqualsDeclaration) return importEqualsRef(def.node, isProjectModule);
    const declaration = def.parent as TSESTree.ImportDeclaration;
    const source = declaration.source.value;
    if (!isProjectModule(source)) return undefined;
    const specifier = def.node;
    if (specifier.type === AST_NODE_TYPES.ImportDefaultSpecifier) return { source, name: 'default' };
    if (specifier.type === AST_NODE_TYPES.ImportNamespaceSpecifier) return { source, name: '*' };
    if (specifier.type === AST_NODE_TYPES.ImportSpecifier) {
      const imported = specifier.imported;
      return { source, name: imported.type === AST_NODE_TYPES.Identifier ? imported.name : String(imported.value) };
    }
    return undefined;
  }
  if (def.type !== 'Variable') return undefined;
  return requireRef(def.node, bare.name, isProjectModule) ?? factoryResultRef(sourceCode, filename, def.node, bare.name);
}

/**
 * `const handlers = require('./handlers')(server)`, `const check = prerequisites.authorize(server)`: what an imported
 * factory makes stands for the factory's export, whose summary holds the code the factory returns (the functions
 * of a returned object are the export's members). A call given a function (`catchAsync(async (req, res) => …)`)
 * wraps the code it is given, which is this file's to describe.
 */
function factoryResultRef(sourceCode: TSESLint.SourceCode, filename: string, declarator: TSESTree.Node, localName: string): ImportRef | undefined {
  if (declarator.type !== AST_NODE_TYPES.VariableDeclarator || !declarator.init) return undefined;
  const init = unwrap(declarator.init);
  if (init.type !== AST_NODE_TYPES.CallExpression || calleeIsRequire(init) || init.arguments.some((argument) => isFunctionValue(sourceCode, argument))) return undefined;
  const factory = importRefOf(sourceCode, filename, init.callee);
  if (!factory || factory.name === '*') return undefined;
  if (declarator.id.type === AST_NODE_TYPES.Identifier) return factory;
  if (declarator.id.type !== AST_NODE_TYPES.ObjectPattern) return undefined;
  for (const property of declarator.id.properties) {
    if (property.type !== AST_NODE_TYPES.Property || property.value.type !== AST_NODE_TYPES.Identifier || property.value.name !== localName) continue;
    const member = property.key.type === AST_NODE_TYPES.Identifier ? property.key.name : undefined;
    return member === undefined ? undefined : { ...factory, path: [...(factory.path ?? []), member] };
  }
  return undefined;
}

/** A function written in place, or a name of this file that holds one. */
export function isFunctionValue(sourceCode: TSESLint.SourceCode, node: TSESTree.Node): boolean {
  const bare = unwrap(node);
  if (isFunctionNode(bare)) return true;
  if (bare.type !== AST_NODE_TYPES.Identifier) return false;
  const declaration = declaredValue(sourceCode, bare);
  return !!declaration && isFunctionNode(unwrap(declaration));
}

export function calleeIsRequire(call: TSESTree.CallExpression): boolean {
  const callee = unwrap(call.callee);
  return callee.type === AST_NODE_TYPES.Identifier && callee.name === 'require';
}

function importEqualsRef(declaration: TSESTree.TSImportEqualsDeclaration, isProjectModule: (source: string) => boolean): ImportRef | undefined {
  const reference = declaration.moduleReference;
  if (reference.type !== AST_NODE_TYPES.TSExternalModuleReference) return undefined;
  const source = staticString(reference.expression);
  return source && isProjectModule(source) ? { source, name: 'default' } : undefined;
}

/** `const auth = require('./auth')` or `const { requireAuth } = require('./auth')`. */
function requireRef(declarator: TSESTree.Node, localName: string, isProjectModule: (source: string) => boolean): ImportRef | undefined {
  if (declarator.type !== AST_NODE_TYPES.VariableDeclarator || !declarator.init) return undefined;
  const init = unwrap(declarator.init);
  let call: TSESTree.CallExpression | undefined;
  let member: string | undefined;
  if (init.type === AST_NODE_TYPES.CallExpression && calleeIsRequire(init)) call = init;
  else if (init.type === AST_NODE_TYPES.MemberExpression && unwrap(init.object).type === AST_NODE_TYPES.CallExpression) {
    const inner = unwrap(init.object) as TSESTree.CallExpression;
    if (calleeIsRequire(inner)) {
      call = inner;
      member = memberName(init);
    }
  }
  const source = call ? staticString(call.arguments[0]) : undefined;
  if (!source || !isProjectModule(source)) return undefined;
  if (member) return { source, name: member };
  if (declarator.id.type === AST_NODE_TYPES.Identifier) return { source, name: 'default' };
  if (declarator.id.type === AST_NODE_TYPES.ObjectPattern) {
    for (const property of declarator.id.properties) {
      if (property.type !== AST_NODE_TYPES.Property) continue;
      const value = property.value;
      if (value.type === AST_NODE_TYPES.Identifier && value.name === localName && property.key.type === AST_NODE_TYPES.Identifier) {
        return { source, name: property.key.name };
      }
    }
  }
  return { source, name: '*' };
}

/** The static member names below the root of a member chain (`a.b.c` → `['b', 'c']`), or undefined when one is computed. */
function memberPath(node: TSESTree.MemberExpression): string[] | undefined {
  const names: string[] = [];
  let current: TSESTree.Node = node;
  while (current.type === AST_NODE_TYPES.MemberExpression) {
    const name = memberName(current);
    if (name === undefined) return undefined;
    names.unshift(name);
    current = unwrap(current.object);
  }
  return names;
}
