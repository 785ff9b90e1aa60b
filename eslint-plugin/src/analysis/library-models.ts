/**
 * The engine's side of the identity and token library models (models/*.ts, listed in models/libraries.ts): which
 * module a callee comes from, which model call a call is, and the facts the rest of the analysis asks of the
 * models (where claims are left, which verifier a remedy can name, what a token call returns). Nothing here names
 * a library; the models do.
 */
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TSESTree } from '@typescript-eslint/utils';
import { LIBRARY_MODELS } from '../models/libraries';
import type { CallShape, LibraryModel, RecordCallModel, ResultMemberModel, SchemeKind, TokenResult, UnimportedCall } from '../models/library-model';
import { enclosingClass, memberName, propertyKeyName, rootIdentifier, staticString, unwrap } from './syntax';

export type Invocation = TSESTree.CallExpression | TSESTree.NewExpression;

export interface ModuleBinding {
  module: string;
  /** `default`, `*`, or the imported name. */
  imported: string;
}

/** What a callee is: a module, and the members below its export (['verify'] for `jwt.verify`, [] for a default-export call). */
export interface ResolvedCallee {
  module: string;
  path: string[];
}

export function normaliseModule(name: string): string {
  return name.startsWith('node:') ? name.slice(5) : name;
}

/** `require('x')`, or `require('x').default` / `.Strategy`. */
export function requiredModule(node: TSESTree.Node | null): { module: string; member?: string } | undefined {
  if (!node) return undefined;
  const bare = unwrap(node);
  if (bare.type === AST_NODE_TYPES.MemberExpression) {
    const inner = requiredModule(bare.object);
    const name = memberName(bare);
    return inner && !inner.member && name ? { module: inner.module, member: name === 'default' ? undefined : name } : undefined;
  }
  if (bare.type !== AST_NODE_TYPES.CallExpression || bare.callee.type !== AST_NODE_TYPES.Identifier || bare.callee.name !== 'require') return undefined;
  const name = staticString(bare.arguments[0]);
  return name === undefined ? undefined : { module: normaliseModule(name) };
}

export function resolveCallee(node: TSESTree.Node, bindings: ReadonlyMap<string, ModuleBinding>): ResolvedCallee | undefined {
  const bare = unwrap(node);
  if (bare.type === AST_NODE_TYPES.Identifier) {
    const binding = bindings.get(bare.name);
    if (!binding) return undefined;
    return { module: binding.module, path: binding.imported === 'default' || binding.imported === '*' ? [] : [binding.imported] };
  }
  if (bare.type === AST_NODE_TYPES.MemberExpression) {
    const object = resolveCallee(bare.object, bindings);
    const name = memberName(bare);
    if (!object || !name) return undefined;
    // `jwt.default.verify` is how transpiled ES modules reach a default export.
    return name === 'default' && object.path.length === 0 ? object : { module: object.module, path: [...object.path, name] };
  }
  const required = requiredModule(bare);
  return required ? { module: required.module, path: required.member ? [required.member] : [] } : undefined;
}

function isExport(resolved: ResolvedCallee | undefined, modules: readonly string[], path: readonly string[]): boolean {
  return !!resolved && modules.includes(resolved.module) && resolved.path.length === path.length && resolved.path.every((part, i) => part === path[i]);
}

export function methodName(node: Invocation): string | undefined {
  const callee = unwrap(node.callee);
  return callee.type === AST_NODE_TYPES.MemberExpression ? memberName(callee) : undefined;
}

function receiverName(node: Invocation): string | undefined {
  const callee = unwrap(node.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
  const object = unwrap(callee.object);
  if (object.type === AST_NODE_TYPES.Identifier) return object.name;
  if (object.type === AST_NODE_TYPES.MemberExpression) return memberName(object);
  return undefined;
}

/** `f(…)` and `x.f(…)` are both calls of `f`. */
function calledName(node: TSESTree.CallExpression): string | undefined {
  return methodName(node) ?? (node.callee.type === AST_NODE_TYPES.Identifier ? node.callee.name : undefined);
}

/** A receiver's last name: `auth` for `supabase.auth` and `admin.auth()`, the identifier itself otherwise. */
export function receiverLastName(node: TSESTree.Node): string | undefined {
  const bare = unwrap(node);
  if (bare.type === AST_NODE_TYPES.Identifier) return bare.name;
  if (bare.type === AST_NODE_TYPES.MemberExpression) return memberName(bare);
  if (bare.type === AST_NODE_TYPES.CallExpression) return calledName(bare);
  return undefined;
}

/**
 * Whether the receiver's root variable, or the module it is imported from, has one of `words` in its name
 * (`supabase` in `supabase.auth` or `import { db } from './supabase-client'`); true when no words are asked for.
 */
function rootMentions(receiver: TSESTree.Node, words: readonly string[] | undefined, moduleOf: (name: string) => string | undefined): boolean {
  if (!words || words.length === 0) return true;
  const root = rootIdentifier(receiver);
  if (!root) return false;
  const names = [root.name, moduleOf(root.name) ?? ''].map((name) => name.toLowerCase());
  return words.some((word) => names.some((name) => name.includes(word)));
}

/** What the matching needs of the file: its module bindings, whether it imports a module, and `const` initializers. */
export interface CallContext {
  bindings: ReadonlyMap<string, ModuleBinding>;
  importsModule(module: string): boolean;
  initializerOf(node: TSESTree.Identifier): TSESTree.Node | undefined;
  models: ModelSet;
}

/** How tracing resolves an identifier: the module it is imported from, or the expression it was initialised with. */
export type IdentifierOrigin = (node: TSESTree.Identifier) => { module: string } | { init: TSESTree.Node } | undefined;

const TRACE_DEPTH = 6;

/**
 * The module an expression comes from, followed through members, calls, `new`, `await` and constants:
 * `admin.auth()` → `firebase-admin`; `supabase.auth` after `const supabase = createClient(…)` → its module.
 */
export function tracedModule(node: TSESTree.Node, origin: IdentifierOrigin, depth = 0): string | undefined {
  if (depth > TRACE_DEPTH) return undefined;
  const bare = unwrap(node);
  switch (bare.type) {
    case AST_NODE_TYPES.Identifier: {
      const found = origin(bare);
      if (!found) return undefined;
      return 'module' in found ? found.module : tracedModule(found.init, origin, depth + 1);
    }
    case AST_NODE_TYPES.MemberExpression:
      return tracedModule(bare.object, origin, depth + 1);
    case AST_NODE_TYPES.CallExpression:
      return requiredModule(bare)?.module ?? tracedModule(bare.callee, origin, depth + 1);
    case AST_NODE_TYPES.NewExpression:
      return tracedModule(bare.callee, origin, depth + 1);
    case AST_NODE_TYPES.AwaitExpression:
      return tracedModule(bare.argument, origin, depth + 1);
    default:
      return undefined;
  }
}

function contextOrigin(context: CallContext): IdentifierOrigin {
  return (node) => {
    const binding = context.bindings.get(node.name);
    if (binding) return { module: binding.module };
    const init = context.initializerOf(node);
    return init ? { init } : undefined;
  };
}

/** The class `super(…)` constructs: `class X extends Strategy`, or the strategy of `extends PassportStrategy(Strategy)`. */
function superclassOf(node: TSESTree.CallExpression, context: CallContext): ResolvedCallee | undefined {
  const owner = enclosingClass(node);
  let superClass = owner?.superClass ? unwrap(owner.superClass) : undefined;
  if (superClass?.type === AST_NODE_TYPES.CallExpression && superClass.arguments.length > 0) superClass = unwrap(superClass.arguments[0]);
  return superClass ? resolveCallee(superClass, context.bindings) : undefined;
}

/** `new Builder(…).a(…).b(…)` ending in `method(…)`: the `new` the chain starts with. */
function chainStart(node: TSESTree.CallExpression): TSESTree.NewExpression | undefined {
  let current: TSESTree.Node = unwrap(node.callee);
  while (current.type === AST_NODE_TYPES.MemberExpression || current.type === AST_NODE_TYPES.CallExpression) {
    current = unwrap(current.type === AST_NODE_TYPES.MemberExpression ? current.object : current.callee);
    if (current.type === AST_NODE_TYPES.NewExpression) return current;
  }
  return undefined;
}

/** Whether `node` is a call of `shape` in `model` (see CallShape). */
export function isModelCall(node: Invocation, callee: ResolvedCallee | undefined, shape: CallShape, model: LibraryModel, context: CallContext): boolean {
  const isNew = node.type === AST_NODE_TYPES.NewExpression;
  const isSuper = !isNew && node.callee.type === AST_NODE_TYPES.Super;
  if ('construct' in shape) {
    if (isNew) return isExport(callee, model.modules, shape.construct);
    return isSuper && isExport(superclassOf(node, context), model.modules, shape.construct);
  }
  if (isNew || isSuper) return false;
  if ('export' in shape) return isExport(callee, model.modules, shape.export);
  const method = methodName(node);
  if ('plugin' in shape) return method === 'register' && node.arguments.length > 0 && isExport(resolveCallee(node.arguments[0], context.bindings), model.modules, []);
  if ('service' in shape) {
    if (!method || !shape.service.includes(method) || !(receiverName(node) ?? '').toLowerCase().includes(shape.receiverWord)) return false;
    return model.modules.some((module) => context.importsModule(module)) || (shape.unimported !== undefined && isUnimportedCall(node, shape.unimported));
  }
  if ('chain' in shape) {
    const start = method === shape.method ? chainStart(node) : undefined;
    return !!start && isExport(resolveCallee(start.callee, context.bindings), model.modules, shape.chain);
  }
  if ('function' in shape) return calledName(node) === shape.function;
  if ('member' in shape) {
    if (!method || !shape.member.includes(method)) return false;
    const receiver = (unwrap(node.callee) as TSESTree.MemberExpression).object;
    if (shape.receivers?.includes(receiverLastName(receiver) ?? '') && rootMentions(receiver, shape.receiverRoots, (name) => context.bindings.get(name)?.module)) {
      return true;
    }
    if (!model.modules.some((module) => context.importsModule(module))) return false;
    const module = tracedModule(receiver, contextOrigin(context));
    return module !== undefined && model.modules.includes(module);
  }
  return method === shape.method;
}

/** Whether a call has the string arguments and the option that `unimported` names (see UnimportedCall). */
function isUnimportedCall(node: TSESTree.CallExpression, unimported: UnimportedCall): boolean {
  if (!unimported.strings.every(({ index, value }) => staticString(node.arguments[index]) === value)) return false;
  const options = node.arguments[unimported.option.argument];
  const object = options && unwrap(options);
  return object?.type === AST_NODE_TYPES.ObjectExpression && object.properties.some((property) => property.type === AST_NODE_TYPES.Property && propertyKeyName(property) === unimported.option.key);
}

// Facts the rest of the analysis asks of the built-in models, where no settings are at hand

const BY_ID = new Map(LIBRARY_MODELS.map((model) => [model.id, model]));

/** The claims object a verified-token middleware or strategy of this library leaves on the request. */
export function claimsPathOfVerifier(library: string): string | undefined {
  return BY_ID.get(library)?.claims?.path;
}

/** The claims path implied by the verification library the file imports, if any. */
export function claimsPathOfLibraries(modules: ReadonlySet<string>): string | undefined {
  return LIBRARY_MODELS.find((model) => model.claims?.impliedBy?.some((module) => modules.has(module)))?.claims?.path;
}

/** The framework whose routes take this library's middleware as an argument. */
export function middlewareFrameworkOf(library: string): 'express' | 'koa' | 'hono' | undefined {
  return BY_ID.get(library)?.claims?.framework;
}

const REMEDY_MODULES = LIBRARY_MODELS.flatMap((model) => model.remedyModules ?? []);

/** The token-verification library this file imports, for a remedy to name; undefined when it imports none. */
export function importedVerificationLibrary(modules: ReadonlySet<string>): string | undefined {
  return REMEDY_MODULES.find((module) => modules.has(module));
}

/** Modules of the libraries that read or write tokens (not the API-key and Basic schemes). */
const TOKEN_MODULES = new Set(LIBRARY_MODELS.filter((model) => model.verifies || model.keys || model.tokenCalls).flatMap((model) => model.modules));

export function isTokenLibraryModule(module: string): boolean {
  return TOKEN_MODULES.has(module);
}

// The models a file is analysed with: the built-in ones and the user's `settings.claimguard.models`

interface TokenCallEntry {
  modules: readonly string[];
  result: TokenResult;
  byName: boolean;
  anyImport: boolean;
}

interface TracedCallEntry {
  name: string;
  result: TokenResult;
  returnsFunction: boolean;
}

interface ReceiverCallEntry {
  receivers: readonly string[];
  roots: readonly string[] | undefined;
  result: TokenResult;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const entries = map.get(key);
  if (entries) entries.push(value);
  else map.set(key, [value]);
}

/** Name shapes whose calls need no resolved callee (`service`, `plugin`, `method`, `member`, `function`). */
function shapeNames(shape: CallShape): readonly string[] {
  if ('service' in shape) return shape.service;
  if ('plugin' in shape) return ['register'];
  if ('method' in shape) return [shape.method];
  if ('member' in shape) return shape.member;
  if ('function' in shape) return [shape.function];
  return [];
}

/**
 * A set of models indexed for the questions the engine asks per call. Built once for the built-in models and
 * once per distinct `settings.claimguard.models`.
 */
export class ModelSet {
  /** Method and function names whose calls may be model calls even when the callee does not resolve to an import. */
  readonly callNames: ReadonlySet<string>;
  /** Exports that take the verification key from the token itself (jose's `EmbeddedJWK`). */
  readonly embeddedKeys: readonly { modules: readonly string[]; name: string }[];
  /** Functions that return an issuer's RSA keys (jwks-rsa's helpers). */
  readonly rsaKeySets: ReadonlySet<string>;
  private readonly receiverWords: readonly string[];
  private readonly tokenCalls = new Map<string, TokenCallEntry[]>();
  private readonly tracedCalls = new Map<string, TracedCallEntry[]>();
  /** Traced calls that also read by their receiver's name (`auth.getUser`), by method name. */
  private readonly receiverCalls = new Map<string, ReceiverCallEntry[]>();
  private readonly recordCalls: readonly { model: LibraryModel; record: RecordCallModel }[];

  constructor(readonly models: readonly LibraryModel[]) {
    this.callNames = new Set(
      models.flatMap((model) =>
        [...(model.verifies ?? []), ...(model.keys ?? []), ...(model.schemes ?? []), { call: model.strategySelectors ?? [] }].flatMap(({ call }) => call.flatMap(shapeNames)),
      ),
    );
    this.embeddedKeys = models.flatMap((model) => (model.embeddedKeys ?? []).map((name) => ({ modules: model.modules, name })));
    this.receiverWords = models.flatMap((model) => model.receiverWords ?? []);
    this.rsaKeySets = new Set(models.flatMap((model) => model.rsaKeySets ?? []));
    this.recordCalls = models.flatMap((model) => (model.records ?? []).map((record) => ({ model, record })));
    for (const model of models) {
      for (const call of model.tokenCalls ?? []) {
        push(this.tokenCalls, call.name, { modules: model.modules, result: call.result, byName: !!call.byName, anyImport: !!call.anyImport || model.modules.length === 0 });
        if (!call.traced) continue;
        for (const module of model.modules) push(this.tracedCalls, module, { name: call.name, result: call.result, returnsFunction: !!call.returnsFunction });
        if (call.receivers) push(this.receiverCalls, call.name, { receivers: call.receivers, roots: call.receiverRoots, result: call.result });
      }
    }
  }

  /** The record access a call is, as a model's `records` say (an in-house data layer's `loadInvoice(id)`). */
  recordCallOf(node: TSESTree.CallExpression, context: CallContext): RecordCallModel | undefined {
    if (this.recordCalls.length === 0) return undefined;
    const callee = resolveCallee(node.callee, context.bindings);
    return this.recordCalls.find(({ model, record }) => record.call.some((shape) => isModelCall(node, callee, shape, model, context)))?.record;
  }

  /** The scheme a strategy name means (`basic`, `headerapikey`), from the model of the strategy that registers it. */
  strategyScheme(name: string): SchemeKind | undefined {
    for (const model of this.models) {
      // Own keys only: `authenticate('constructor')` names no strategy.
      if (model.strategies && Object.hasOwn(model.strategies, name)) return model.strategies[name];
    }
    return undefined;
  }

  /** A receiver named like a token library (`jwt`, `jose`, `tokenService`). */
  isTokenReceiverName(text: string): boolean {
    const lower = text.toLowerCase();
    return this.receiverWords.some((word) => lower.includes(word));
  }

  /**
   * What a token call returns, as the models say: `receiver` is whether it is called on an object named like a
   * token library, `importedFrom` whether the bare name comes from a module. A bare name from its own library's
   * module reads as that library says; otherwise (a receiver named like a token library, a bare name from another
   * token library) the one model that claims the name `byName` decides.
   */
  tokenCallResult(name: string, receiver: boolean, importedFrom: (module: string) => boolean, importedFromTokenLibrary: () => boolean): TokenResult | undefined {
    const entries = this.tokenCalls.get(name);
    if (!entries) return undefined;
    if (!receiver) {
      const anyImport = entries.find((entry) => entry.anyImport);
      if (anyImport) return anyImport.result;
      const own = entries.find((entry) => entry.modules.some(importedFrom));
      if (own) return own.result;
      if (!importedFromTokenLibrary()) return undefined;
    }
    return entries.find((entry) => entry.byName)?.result;
  }

  /** Whether any module the file imports has traced token calls: only then is tracing worth its cost. */
  hasTracedCalls(modules: ReadonlySet<string>): boolean {
    for (const module of modules) if (this.tracedCalls.has(module)) return true;
    return false;
  }

  /**
   * What a call returns when its callee traces back to a library's module: `getUser` on a client the module made,
   * or a function a factory of the module returned (`const verify = createVerifier(…); verify(token)`).
   */
  tracedCallResult(call: TSESTree.CallExpression, name: string | undefined, origin: IdentifierOrigin): TokenResult | undefined {
    const callee = unwrap(call.callee);
    const lookup = (module: string | undefined, wanted: string | undefined, returnsFunction: boolean) =>
      this.tracedCalls.get(module ?? '')?.find((entry) => entry.returnsFunction === returnsFunction && entry.name === wanted)?.result;
    if (callee.type === AST_NODE_TYPES.Identifier) {
      const found = origin(callee);
      if (found && 'init' in found) {
        // `verify(token)` where `const verify = createVerifier(…)`.
        const init = unwrap(found.init);
        if (init.type !== AST_NODE_TYPES.CallExpression) return undefined;
        const factory = init.callee.type === AST_NODE_TYPES.MemberExpression ? memberName(init.callee) : init.callee.type === AST_NODE_TYPES.Identifier ? init.callee.name : undefined;
        return lookup(tracedModule(init.callee, origin), factory, true);
      }
      return lookup(found && 'module' in found ? found.module : undefined, name, false);
    }
    if (callee.type !== AST_NODE_TYPES.MemberExpression || !name) return undefined;
    return lookup(tracedModule(callee.object, origin), name, false) ?? this.receiverCallResult(callee.object, name, origin);
  }

  /** `supabase.auth.getUser(…)` on a client another file made: read by the receiver's name (see TokenCall `receivers`). */
  private receiverCallResult(receiver: TSESTree.Node, name: string, origin: IdentifierOrigin): TokenResult | undefined {
    const entries = this.receiverCalls.get(name);
    if (!entries) return undefined;
    const last = receiverLastName(receiver) ?? '';
    const moduleOf = (local: string): string | undefined => {
      const root = rootIdentifier(receiver);
      const found = root && root.name === local ? origin(root) : undefined;
      return found && 'module' in found ? found.module : undefined;
    };
    return entries.find((entry) => entry.receivers.includes(last) && rootMentions(receiver, entry.roots, moduleOf))?.result;
  }

  /** Whether a model says what members of a call's result of this module are (`NextAuth(…).auth`). */
  hasResultMembers(module: string): boolean {
    return this.models.some((model) => model.resultMembers && model.modules.includes(module));
  }

  /** What a member of a call's result is, as the module's model says (see ResultMemberModel), with the model's id. */
  resultMember(module: string, of: readonly string[], member: string): { library: string; model: ResultMemberModel } | undefined {
    for (const model of this.models) {
      if (!model.modules.includes(module)) continue;
      const found = model.resultMembers?.find((entry) => entry.member === member && entry.of.length === of.length && entry.of.every((part, i) => part === of[i]));
      if (found) return { library: model.id, model: found };
    }
    return undefined;
  }

  /** Whether a call of this method name may be read by its receiver's name alone. */
  hasReceiverCalls(name: string | undefined): boolean {
    return name !== undefined && this.receiverCalls.has(name);
  }

  /**
   * The verified-claims paths of the libraries a file imports (`req.oidc.user` under express-openid-connect), and
   * those of models that name no module (a project's own middleware).
   */
  verifiedPathsOf(modules: ReadonlySet<string>): string[] {
    return this.models
      .filter((model) => model.verifiedPaths && (model.modules.length === 0 || model.modules.some((module) => modules.has(module))))
      .flatMap((model) => model.verifiedPaths ?? []);
  }
}

export const BUILT_IN_MODELS = new ModelSet(LIBRARY_MODELS);

const modelSets = new WeakMap<readonly LibraryModel[], ModelSet>();

/** The built-in models followed by the user's (`settings.claimguard.models`, already validated). */
export function modelSetFor(userModels: readonly LibraryModel[]): ModelSet {
  if (userModels.length === 0) return BUILT_IN_MODELS;
  let set = modelSets.get(userModels);
  if (!set) modelSets.set(userModels, (set = new ModelSet([...LIBRARY_MODELS, ...userModels])));
  return set;
}
