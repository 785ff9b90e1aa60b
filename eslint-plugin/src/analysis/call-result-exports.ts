/**
 * Exports that are what a library call returns, or a member of it: `export const { auth, handlers } = NextAuth(config)`,
 * `const nextAuth = NextAuth(config); export const auth = nextAuth.auth`, `export default NextAuth(options)`. They are
 * recorded as plain data (which module export is called, which member of its result the export is) so another file
 * that imports `auth` knows what it runs; the library's model says what the member does (ResultMemberModel). Only
 * module-level statements are read, as only they export.
 */
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { spanOf, type Span } from './findings';
import { resolveCallee, type ModuleBinding } from './library-models';
import { memberName, propertyKeyName, unwrap } from './syntax';

export interface CallResultExport {
  /** The exported name (`default` for `export default …`). */
  name: string;
  /** The module whose export is called, and the members below that export (`[]` for its default export). */
  module: string;
  of: readonly string[];
  /** The member of the call's result the export is; absent when the export is the result itself. */
  member?: string;
  /** The call, for the facts that point at it. */
  span: Span;
  /** The call's source text, short, for reasons: `NextAuth(…)`. */
  callText: string;
}

interface CallResult {
  call: TSESTree.CallExpression;
  module: string;
  of: readonly string[];
  member?: string;
}

/**
 * The module-level exports of a file that are results of calls of a module's exports, or members of them, for
 * modules `isLibrary` accepts (a project's own factory is followed through its own summary instead).
 */
export function callResultExports(sourceCode: TSESLint.SourceCode, bindings: ReadonlyMap<string, ModuleBinding>, isLibrary: (module: string) => boolean): CallResultExport[] {
  const locals = new Map<string, CallResult>();
  const found: CallResultExport[] = [];
  const callOf = (node: TSESTree.Node): CallResult | undefined => {
    const bare = unwrap(node);
    if (bare.type === AST_NODE_TYPES.Identifier) {
      const local = locals.get(bare.name);
      return local && local.member === undefined ? local : undefined;
    }
    if (bare.type !== AST_NODE_TYPES.CallExpression) return undefined;
    const callee = resolveCallee(bare.callee, bindings);
    return callee && isLibrary(callee.module) ? { call: bare, module: callee.module, of: callee.path } : undefined;
  };
  /** What a declarator binds, by local name: the result itself, a member read off it, or members destructured from it. */
  const bind = (declarator: TSESTree.VariableDeclarator): string[] => {
    if (!declarator.init) return [];
    const init = unwrap(declarator.init);
    if (declarator.id.type === AST_NODE_TYPES.Identifier) {
      const member = init.type === AST_NODE_TYPES.MemberExpression ? memberName(init) : undefined;
      const result = member !== undefined && init.type === AST_NODE_TYPES.MemberExpression ? callOf(init.object) : callOf(init);
      if (!result) return [];
      locals.set(declarator.id.name, member !== undefined ? { ...result, member } : result);
      return [declarator.id.name];
    }
    if (declarator.id.type !== AST_NODE_TYPES.ObjectPattern) return [];
    const result = callOf(init);
    if (!result) return [];
    const names: string[] = [];
    for (const property of declarator.id.properties) {
      if (property.type !== AST_NODE_TYPES.Property || property.value.type !== AST_NODE_TYPES.Identifier) continue;
      const member = propertyKeyName(property);
      if (member === undefined) continue;
      locals.set(property.value.name, { ...result, member });
      names.push(property.value.name);
    }
    return names;
  };
  const record = (name: string, result: CallResult | undefined): void => {
    if (!result) return;
    found.push({
      name,
      module: result.module,
      of: result.of,
      ...(result.member !== undefined ? { member: result.member } : {}),
      span: spanOf(result.call),
      callText: `${sourceCode.getText(result.call.callee)}(…)`,
    });
  };
  for (const statement of sourceCode.ast.body) {
    if (statement.type === AST_NODE_TYPES.VariableDeclaration) {
      for (const declarator of statement.declarations) bind(declarator);
    } else if (statement.type === AST_NODE_TYPES.ExportNamedDeclaration && !statement.source) {
      if (statement.declaration?.type === AST_NODE_TYPES.VariableDeclaration) {
        for (const declarator of statement.declaration.declarations) for (const name of bind(declarator)) record(name, locals.get(name));
      }
      for (const specifier of statement.specifiers) {
        if (specifier.local.type !== AST_NODE_TYPES.Identifier) continue;
        const exported = specifier.exported.type === AST_NODE_TYPES.Identifier ? specifier.exported.name : specifier.exported.value;
        record(exported, locals.get(specifier.local.name));
      }
    } else if (statement.type === AST_NODE_TYPES.ExportDefaultDeclaration) {
      const declaration = statement.declaration;
      if (declaration.type === AST_NODE_TYPES.Identifier) record('default', locals.get(declaration.name));
      else if (declaration.type === AST_NODE_TYPES.CallExpression) record('default', callOf(declaration));
    }
  }
  return found;
}
