import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import type { Scope } from '@typescript-eslint/utils/ts-eslint';
import type { FunctionNode } from './types';
import { VOCABULARY } from './framework-models';
import { calleeName, enclosingClass, isFunctionNode, propertyKeyName, staticString, unwrap } from './syntax';
import { fileNodes } from './walk';
import { declaredValue, optionValues } from '../util/find-variable';
import { isTokenLibraryModule } from './library-models';
import { rootResolverOf, type RootContext } from './root-values';
import { isCombinedResolver } from './combined-resolvers';
import { isFieldResolver } from './object-types';
import { isPermissionRule } from './permission-layers';
import { authenticatorServersOf } from './package-of';

type Variable = Scope.Variable;

/** Calls whose function arguments are request handlers or middleware, as the framework models say. */
const ROUTE_REGISTRATION = VOCABULARY.routing.registrations;
const HTTP_METHOD_EXPORT = VOCABULARY.request.methodExports;
const RESOLVER_OPERATIONS = VOCABULARY.request.resolverOperations;
const RESOLVER_ROUTES = VOCABULARY.routing.resolverRoutes;
const CLAIM_HOLDERS = new Set(['auth', 'user', 'payload', 'claims']);

/**
 * The facts about a file that every analysis step needs, from the file's one shared walk (walk.ts): node lists by
 * kind, function boundaries, return statements per function, imports, and the scope manager's variable bindings.
 */
export class FileIndex {
  readonly functions: FunctionNode[] = [];
  readonly conditions: (TSESTree.IfStatement | TSESTree.ConditionalExpression | TSESTree.SwitchStatement)[] = [];
  readonly guardExpressions: TSESTree.LogicalExpression[] = [];
  readonly returns: TSESTree.ReturnStatement[] = [];
  readonly calls: TSESTree.CallExpression[] = [];
  readonly news: TSESTree.NewExpression[] = [];
  readonly objects: TSESTree.ObjectExpression[] = [];
  readonly assignments: TSESTree.AssignmentExpression[] = [];
  readonly taggedTemplates: TSESTree.TaggedTemplateExpression[] = [];
  /** Member accesses that may read verified claims (`req.auth`, `req.user`, `ctx.state.user`…), for fixes to copy. */
  readonly claimReads: (TSESTree.MemberExpression | TSESTree.CallExpression)[] = [];
  /** Privilege-looking fields that a model, class, interface or schema in this file declares. */
  readonly declaredFields: TSESTree.Node[] = [];

  private readonly variables = new Map<TSESTree.Identifier, Variable | null>();
  private readonly writes = new Map<Variable, TSESTree.Node[]>();
  private readonly returnsByFunction = new Map<FunctionNode, TSESTree.ReturnStatement[]>();
  private readonly imports = new Map<string, string>();
  /** Every module the file imports or requires. */
  readonly modules = new Set<string>();
  private readonly routeCallbacks = new Set<FunctionNode>();
  private readonly callSiteCache = new Map<FunctionNode, (TSESTree.CallExpression | TSESTree.NewExpression)[]>();
  private readonly functionBindings = new Map<FunctionNode, Variable>();
  /** Methods by class and name, and `this.name(…)` calls, so helpers on a class resolve like same-file functions. */
  private readonly methods = new Map<TSESTree.Node, Map<string, FunctionNode>>();
  private readonly thisCalls: TSESTree.CallExpression[] = [];

  constructor(private readonly sourceCode: TSESLint.SourceCode) {
    this.indexScopes(sourceCode.scopeManager);
    const { nodes, functions } = fileNodes(sourceCode);
    for (let i = 0; i < nodes.length; i++) this.record(nodes[i]!, functions[i] ?? undefined);
  }

  private indexScopes(scopeManager: TSESLint.Scope.ScopeManager | null): void {
    if (!scopeManager) return;
    for (const scope of scopeManager.scopes) {
      for (const variable of scope.variables) {
        for (const identifier of variable.identifiers) this.variables.set(identifier, variable);
        for (const def of variable.defs) this.bindFunction(def, variable);
      }
      for (const reference of scope.references) {
        this.variables.set(reference.identifier as TSESTree.Identifier, reference.resolved);
        if (reference.resolved && reference.isWrite() && !reference.init && reference.writeExpr) {
          const list = this.writes.get(reference.resolved) ?? [];
          list.push(reference.writeExpr);
          this.writes.set(reference.resolved, list);
        }
      }
    }
  }

  private bindFunction(def: Scope.Definition, variable: Variable): void {
    if (def.type === 'FunctionName' && isFunctionNode(def.node)) this.functionBindings.set(def.node, variable);
    if (def.type === 'Variable' && def.node.type === AST_NODE_TYPES.VariableDeclarator && def.node.id.type === AST_NODE_TYPES.Identifier && def.node.init) {
      const init = unwrap(def.node.init);
      if (isFunctionNode(init)) this.functionBindings.set(init, variable);
    }
  }

  private record(node: TSESTree.Node, fn: FunctionNode | undefined): void {
    switch (node.type) {
      case AST_NODE_TYPES.FunctionDeclaration:
      case AST_NODE_TYPES.FunctionExpression:
      case AST_NODE_TYPES.ArrowFunctionExpression:
        this.functions.push(node);
        break;
      case AST_NODE_TYPES.IfStatement:
      case AST_NODE_TYPES.ConditionalExpression:
      case AST_NODE_TYPES.SwitchStatement:
        this.conditions.push(node);
        break;
      case AST_NODE_TYPES.LogicalExpression:
        if (node.parent?.type === AST_NODE_TYPES.ExpressionStatement) this.guardExpressions.push(node);
        break;
      case AST_NODE_TYPES.ReturnStatement:
        this.returns.push(node);
        if (fn) {
          const list = this.returnsByFunction.get(fn) ?? [];
          list.push(node);
          this.returnsByFunction.set(fn, list);
        }
        break;
      case AST_NODE_TYPES.CallExpression:
        this.calls.push(node);
        if (node.callee.type === AST_NODE_TYPES.MemberExpression && node.callee.object.type === AST_NODE_TYPES.ThisExpression) this.thisCalls.push(node);
        this.noteRouteCallbacks(node);
        if (calleeName(node) === 'get' && staticString(node.arguments[0]) === 'jwtPayload') this.claimReads.push(node);
        if (node.callee.type === AST_NODE_TYPES.Identifier && node.callee.name === 'require' && node.arguments[0]?.type === AST_NODE_TYPES.Literal) {
          this.modules.add(String(node.arguments[0].value));
        }
        break;
      case AST_NODE_TYPES.NewExpression:
        this.news.push(node);
        break;
      case AST_NODE_TYPES.ObjectExpression:
        this.objects.push(node);
        break;
      case AST_NODE_TYPES.AssignmentExpression:
        this.assignments.push(node);
        break;
      case AST_NODE_TYPES.MemberExpression:
        if (!node.computed && node.property.type === AST_NODE_TYPES.Identifier && CLAIM_HOLDERS.has(node.property.name)) this.claimReads.push(node);
        break;
      case AST_NODE_TYPES.TaggedTemplateExpression:
        this.taggedTemplates.push(node);
        break;
      case AST_NODE_TYPES.ImportDeclaration:
        this.modules.add(String(node.source.value));
        for (const specifier of node.specifiers) this.imports.set(specifier.local.name, String(node.source.value));
        break;
      case AST_NODE_TYPES.PropertyDefinition:
        this.declaredFields.push(node);
        this.noteMethod(node);
        break;
      case AST_NODE_TYPES.TSPropertySignature:
        this.declaredFields.push(node);
        break;
      case AST_NODE_TYPES.MethodDefinition:
        this.noteMethod(node);
        break;
      default:
        break;
    }
  }

  private noteRouteCallbacks(call: TSESTree.CallExpression): void {
    const name = calleeName(call);
    if (!name || !ROUTE_REGISTRATION.has(name)) return;
    for (const argument of call.arguments) {
      const bare = unwrap(argument);
      if (isFunctionNode(bare)) this.routeCallbacks.add(bare);
      else if (bare.type === AST_NODE_TYPES.Identifier) {
        const fn = this.functionOf(bare);
        if (fn) this.routeCallbacks.add(fn);
      } else if (bare.type === AST_NODE_TYPES.ObjectExpression) {
        // Fastify's `route({ handler, preHandler })`.
        for (const property of bare.properties) {
          if (property.type === AST_NODE_TYPES.Property && isFunctionNode(property.value)) this.routeCallbacks.add(property.value);
        }
      }
    }
  }

  variableOf(identifier: TSESTree.Identifier): Variable | null {
    return this.variables.get(identifier) ?? null;
  }

  writesOf(variable: Variable): readonly TSESTree.Node[] {
    return this.writes.get(variable) ?? [];
  }

  returnsOf(fn: FunctionNode): readonly TSESTree.ReturnStatement[] {
    return this.returnsByFunction.get(fn) ?? [];
  }

  /** The function an identifier names, when it is declared in this file (a parameter decorator's callback too). */
  functionOf(identifier: TSESTree.Identifier): FunctionNode | undefined {
    const variable = this.variableOf(identifier);
    for (const def of variable?.defs ?? []) {
      if (def.type === 'FunctionName' && isFunctionNode(def.node)) return def.node;
      if (def.type === 'Variable' && def.node.type === AST_NODE_TYPES.VariableDeclarator && def.node.init) {
        const init = unwrap(def.node.init);
        if (isFunctionNode(init)) return init;
        const callback = parameterDecoratorCallback(init);
        if (callback) return callback;
      }
    }
    return undefined;
  }

  private noteMethod(node: TSESTree.MethodDefinition | TSESTree.PropertyDefinition): void {
    const name = node.computed ? undefined : classMemberName(node.key);
    const value = node.value ? unwrap(node.value) : undefined;
    if (!name || !isFunctionNode(value)) return;
    const owner = node.parent.parent;
    const byName = this.methods.get(owner) ?? new Map<string, FunctionNode>();
    byName.set(name, value);
    this.methods.set(owner, byName);
  }

  /** The method a `this.name(…)` or `this.#name(…)` call runs, when the enclosing class declares it. */
  methodOf(call: TSESTree.CallExpression): FunctionNode | undefined {
    const callee = call.callee;
    if (callee.type !== AST_NODE_TYPES.MemberExpression || callee.object.type !== AST_NODE_TYPES.ThisExpression || callee.computed) return undefined;
    const name = classMemberName(callee.property);
    if (name === undefined) return undefined;
    const owner = enclosingClass(call);
    return owner ? this.methods.get(owner)?.get(name) : undefined;
  }

  /** Calls in this file that call `fn` by its name (or as `this.name(…)` for a method, `new Name(…)` for a constructor). */
  callSitesOf(fn: FunctionNode): readonly (TSESTree.CallExpression | TSESTree.NewExpression)[] {
    const cached = this.callSiteCache.get(fn);
    if (cached) return cached;
    const variable = this.functionBindings.get(fn);
    const owner = constructorOwner(fn);
    const sites: (TSESTree.CallExpression | TSESTree.NewExpression)[] = owner ? this.news.filter((site) => this.classOf(site.callee) === owner) : [];
    sites.push(...this.thisCalls.filter((call) => this.methodOf(call) === fn));
    for (const reference of variable?.references ?? []) {
      const parent = reference.identifier.parent;
      if (parent?.type === AST_NODE_TYPES.CallExpression && parent.callee === reference.identifier) sites.push(parent);
    }
    this.callSiteCache.set(fn, sites);
    return sites;
  }

  /** The class this file declares that an expression names (`Access` in `new Access(req)`). */
  classOf(node: TSESTree.Node): ClassNode | undefined {
    const bare = unwrap(node);
    if (bare.type === AST_NODE_TYPES.ClassExpression) return bare;
    if (bare.type !== AST_NODE_TYPES.Identifier) return undefined;
    const declared = declaredValue(this.sourceCode, bare);
    const value = declared && unwrap(declared);
    return value?.type === AST_NODE_TYPES.ClassDeclaration || value?.type === AST_NODE_TYPES.ClassExpression ? value : undefined;
  }

  /** The class of an instance this file makes: `new Access(req)`, or a `const` holding one. */
  instanceClassOf(node: TSESTree.Node): ClassNode | undefined {
    let bare = unwrap(node);
    if (bare.type === AST_NODE_TYPES.Identifier) {
      const def = this.variableOf(bare)?.defs[0];
      const init = def?.type === 'Variable' && def.node.type === AST_NODE_TYPES.VariableDeclarator && def.parent?.kind === 'const' ? def.node.init : undefined;
      if (!init) return undefined;
      bare = unwrap(init);
    }
    return bare.type === AST_NODE_TYPES.NewExpression ? this.classOf(bare.callee) : undefined;
  }

  /** A method the class declares, by name. */
  classMethod(owner: ClassNode, name: string): FunctionNode | undefined {
    return this.methods.get(owner)?.get(name);
  }

  /**
   * What the class's own code stores in `this.name`: its field initializer and every `this.name = …` in its methods
   * (a value the constructor takes from the request is what another method reads back).
   */
  fieldValues(owner: ClassNode, name: string): readonly TSESTree.Node[] {
    this.fieldsByClass ??= this.collectFields();
    return this.fieldsByClass.get(owner)?.get(name) ?? [];
  }

  private fieldsByClass: Map<ClassNode, Map<string, TSESTree.Node[]>> | undefined;

  private collectFields(): Map<ClassNode, Map<string, TSESTree.Node[]>> {
    const fields = new Map<ClassNode, Map<string, TSESTree.Node[]>>();
    const add = (owner: ClassNode, name: string, value: TSESTree.Node) => {
      const byName = fields.get(owner) ?? new Map<string, TSESTree.Node[]>();
      byName.set(name, [...(byName.get(name) ?? []), value]);
      fields.set(owner, byName);
    };
    for (const assignment of this.assignments) {
      const left = assignment.left;
      if (assignment.operator !== '=' || left.type !== AST_NODE_TYPES.MemberExpression || left.object.type !== AST_NODE_TYPES.ThisExpression || left.computed) continue;
      const owner = classOfThis(assignment);
      const name = classMemberName(left.property);
      if (owner && name !== undefined) add(owner, name, assignment.right);
    }
    // TypeScript parameter properties: `constructor(private readonly role: string)` stores the argument.
    for (const fn of this.functions) {
      const owner = constructorOwner(fn);
      for (const param of owner ? fn.params : []) {
        const stored = param.type === AST_NODE_TYPES.TSParameterProperty ? param.parameter : undefined;
        const name = stored?.type === AST_NODE_TYPES.AssignmentPattern ? stored.left : stored;
        if (name?.type === AST_NODE_TYPES.Identifier) add(owner!, name.name, name);
      }
    }
    for (const field of this.declaredFields) {
      if (field.type !== AST_NODE_TYPES.PropertyDefinition || !field.value || field.computed) continue;
      const name = classMemberName(field.key);
      if (name !== undefined) add(field.parent.parent as ClassNode, name, field.value);
    }
    return fields;
  }

  importsFrom(localName: string, source: string): boolean {
    return this.imports.get(localName) === source;
  }

  /** The module an imported name comes from, when the file imports it. */
  moduleOf(localName: string): string | undefined {
    return this.imports.get(localName);
  }

  importsFromJwtLibrary(localName: string): boolean {
    const source = this.imports.get(localName);
    return source !== undefined && isTokenLibraryModule(source);
  }

  isRouteCallback(fn: FunctionNode): boolean {
    return this.routeCallbacks.has(fn);
  }

  /** Next.js App Router: `export async function GET(request, { params })`. */
  isNextRouteHandler(fn: FunctionNode): boolean {
    const name = exportedName(fn);
    return name !== undefined && HTTP_METHOD_EXPORT.has(name);
  }

  /**
   * A field resolver inside `{ Query: { … } }`, `{ Mutation: { … } }` or `{ Subscription: { … } }`, a function that
   * a resolver combination runs (`combineResolvers(isAuthenticated, resolve)`), guards included, a permission rule, or
   * the `resolve` of a graphql-js field config.
   */
  isGraphqlResolver(fn: FunctionNode): boolean {
    const property = fn.parent?.type === AST_NODE_TYPES.Property ? fn.parent : undefined;
    const operation = property?.parent?.parent;
    const name = property && operation?.type === AST_NODE_TYPES.Property ? propertyKeyName(operation) : undefined;
    return (name !== undefined && RESOLVER_OPERATIONS.has(name)) || isCombinedResolver(this.sourceCode, fn) || this.isPermissionRule(fn) || isFieldResolver(this.sourceCode, fn);
  }

  /**
   * A function a GraphQL server builds each request's context with (`context: async ({ req }) => …` handed to
   * `startStandaloneServer`, `expressMiddleware`, `new ApolloServer`, as the models name them): the server passes
   * it an object that holds the request.
   */
  isContextBuilder(fn: FunctionNode): boolean {
    this.contextBuilders ??= this.collectContextBuilders();
    return this.contextBuilders.has(fn);
  }

  private contextBuilders: Set<FunctionNode> | undefined;

  private collectContextBuilders(): Set<FunctionNode> {
    return this.functionsGivenAs((call) => {
      const name = calleeName(call);
      const option = name === undefined ? undefined : (RESOLVER_ROUTES.servers.get(name)?.contextOption ?? RESOLVER_ROUTES.builders.get(name)?.contextOption);
      return option === undefined ? [] : [option];
    });
  }

  /**
   * The authentication code a decorated-controller framework is configured with in this file: the function given
   * to its server (`authorizationChecker: async (action, roles) => …`) or exported under the name it loads
   * (`expressAuthentication`). The framework denies the request when it returns false, as a guard's caller does.
   */
  isConfiguredAuthenticator(fn: FunctionNode): boolean {
    this.configuredAuthenticators ??= this.collectConfiguredAuthenticators();
    return this.configuredAuthenticators.has(fn);
  }

  private configuredAuthenticators: Set<FunctionNode> | undefined;

  private collectConfiguredAuthenticators(): Set<FunctionNode> {
    const found = VOCABULARY.routing.authenticatorServers.length > 0 ? this.functionsGivenAs((call) => authenticatorServersOf(this.sourceCode, call).map((server) => server.option)) : new Set<FunctionNode>();
    for (const fn of this.functions) {
      const name = exportedName(fn);
      if (name !== undefined && VOCABULARY.routing.authenticatorExports.some((exported) => exported.name === name)) found.add(fn);
    }
    return found;
  }

  /** Functions this file hands a call as the option `optionOf` names for it (`context: async ({ req }) => …`), written in place or by name. */
  private functionsGivenAs(optionsOf: (call: TSESTree.CallExpression | TSESTree.NewExpression) => readonly string[]): Set<FunctionNode> {
    const found = new Set<FunctionNode>();
    for (const call of [...this.calls, ...this.news]) {
      for (const value of optionsOf(call).flatMap((option) => optionValues(this.sourceCode, call, option))) {
        const fn = isFunctionNode(value) ? value : value.type === AST_NODE_TYPES.Identifier ? this.functionOf(value) : undefined;
        if (fn) found.add(fn);
      }
    }
    return found;
  }

  /** The function of a permission rule (`rule()((parent, args, ctx) => …)`): what it returns allows or denies. */
  isPermissionRule(fn: FunctionNode): boolean {
    return isPermissionRule(this.sourceCode, fn);
  }

  /** A function of a root object a GraphQL server is given (`graphqlHTTP({ rootValue })`): its parameters and context. */
  rootResolver(fn: FunctionNode): { argumentsParameter: number; contextParameter: number; context: RootContext } | undefined {
    return rootResolverOf(this.sourceCode, fn);
  }

  /** The innermost function around a node, or null at module level. */
  functionContaining(node: TSESTree.Node): FunctionNode | null {
    let current = node.parent;
    while (current) {
      if (isFunctionNode(current)) return current;
      current = current.parent;
    }
    return null;
  }
}

/** `name` for `name` and `#name` for a private member, so `this.#check()` finds `#check() {…}` and not `check() {…}`. */
function classMemberName(key: TSESTree.Node): string | undefined {
  if (key.type === AST_NODE_TYPES.Identifier) return key.name;
  return key.type === AST_NODE_TYPES.PrivateIdentifier ? `#${key.name}` : undefined;
}

type ClassNode = TSESTree.ClassDeclaration | TSESTree.ClassExpression;

/** The class whose constructor `fn` is. */
function constructorOwner(fn: FunctionNode): ClassNode | undefined {
  const definition = fn.parent;
  return definition?.type === AST_NODE_TYPES.MethodDefinition && definition.kind === 'constructor' ? (definition.parent.parent as ClassNode) : undefined;
}

/** The class a `this` belongs to: that of the nearest non-arrow function, when it is one of the class's methods. */
export function classOfThis(node: TSESTree.Node): ClassNode | undefined {
  let current: TSESTree.Node | undefined = node.parent;
  while (current && (!isFunctionNode(current) || current.type === AST_NODE_TYPES.ArrowFunctionExpression)) current = current.parent;
  const definition = current?.parent;
  if (definition?.type !== AST_NODE_TYPES.MethodDefinition && definition?.type !== AST_NODE_TYPES.PropertyDefinition) return undefined;
  return definition.parent.parent as ClassNode;
}

/** The name an ES module exports a function under where it is declared (`export function GET`, `export const GET = …`). */
function exportedName(fn: FunctionNode): string | undefined {
  if (fn.type === AST_NODE_TYPES.FunctionDeclaration) return fn.id && fn.parent?.type === AST_NODE_TYPES.ExportNamedDeclaration ? fn.id.name : undefined;
  const declarator = fn.parent;
  const exported = declarator?.type === AST_NODE_TYPES.VariableDeclarator && declarator.parent?.parent?.type === AST_NODE_TYPES.ExportNamedDeclaration;
  return exported && declarator.id.type === AST_NODE_TYPES.Identifier ? declarator.id.name : undefined;
}

/**
 * `createParamDecorator((data, ctx) => ctx.switchToHttp().getRequest().user)`: the callback, whose result is what the
 * decorator injects (its first parameter is the decorator's argument).
 */
export function parameterDecoratorCallback(node: TSESTree.Node): FunctionNode | undefined {
  if (node.type !== AST_NODE_TYPES.CallExpression || !VOCABULARY.request.parameterFactories.has(calleeName(node) ?? '')) return undefined;
  const callback = node.arguments[0] && unwrap(node.arguments[0]);
  return callback && isFunctionNode(callback) ? callback : undefined;
}
