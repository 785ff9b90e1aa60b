import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import type { ClaimGuardSettings } from './settings';
import type { FunctionNode, SourceKind, TrustValue, UnverifiedValue, VerifiedValue } from './types';
import { classOfThis, FileIndex } from './file-index';
import { frameworkCall, frameworkMember, importedSourceOf, isHostMethod, requestShapeOfParam, thisShapeOf, type FrameworkShape } from './frameworks';
import { fromPortable, type PortableValue } from './portable';
import { calleeName, calleeObject, decoratorsOf, dottedPath, functionName, isFunctionNode, isTestMethod, memberName, staticString, unwrap } from './syntax';
import { budgetOf, subjectText, type FileBudget } from './budget';
import { isHolderCredentialName, isTokenVerifierName } from './names';
import { modelSetFor, normaliseModule, requiredModule, type IdentifierOrigin, type ModelSet } from './library-models';
import type { TokenResult } from '../models/library-model';

type Variable = ReturnType<FileIndex['variableOf']> & object;

/**
 * The abstract values the evaluator tracks. Trust values are what rules see; shapes are framework objects
 * (a request, a response, a URL…) whose members lead to trust values; a parameter placeholder stands for
 * "whatever the caller passes", so a function's summary can be computed once and reused at every call.
 */
export type Value = TrustValue | FrameworkShape | ObjectShape | ParamPlaceholder;

export interface ObjectShape {
  shape: 'object';
  props: ReadonlyMap<string, readonly Value[]>;
  /** Values spread into the object (`{ ...req.body }`) or of entries whose key is computed. */
  rest: readonly Value[];
}

export interface ParamPlaceholder {
  shape: 'param';
  fn: FunctionNode;
  index: number;
  /** Member accesses applied to the parameter, in order; undefined for a computed key. */
  path: readonly (string | undefined)[];
  /** True once a non-member operation (a string method, a comparison) was applied. */
  derived: boolean;
  /**
   * Where the parameter became the key of a lookup (`sessions[token]`): how many steps of `path` lead to the key;
   * the steps after it are read below the entry the key picks (see entryPickedBy).
   */
  picks?: number;
}

/** A step down into a value: a member name, a computed member, or what a rest pattern keeps. */
export type Step = { key: string | undefined } | { restOmitting: readonly string[] };

const MAX_VALUES = 12;
const MAX_DEPTH = 40;
const MAX_CALL_DEPTH = 4;
/** How many helpers deep a verification of a token is looked for (`verify` calling `check` calling `jws.verify`). */
const MAX_HELPER_DEPTH = 3;

/** Global functions whose result carries the trust of their first argument. */
const PASS_THROUGH_FUNCTIONS = new Set([
  'String',
  'Number',
  'Boolean',
  'BigInt',
  'parseInt',
  'parseFloat',
  'decodeURIComponent',
  'decodeURI',
  'encodeURIComponent',
  'unescape',
  'atob',
]);

/** Static helpers on globals whose result carries the trust of their first argument. */
const PASS_THROUGH_STATICS = /^(Number\.(parseInt|parseFloat)|Buffer\.from|Object\.assign|Array\.from|JSON\.parse|String\.raw|Object\.values|Promise\.resolve)$/;

/** Whether a token call yields claims nobody verified: a decode, or jwt-simple's `decode()` given no key. */
function decodesUnverified(result: TokenResult, node: TSESTree.CallExpression): boolean {
  if (result.claims === 'verified-with-key') return tokenValues(result, node).some((value) => isTrustValue(value) && value.trust === 'unverified');
  return result.claims === 'unverified';
}

/** What a token call returns (see TokenResult), as values. */
function tokenValues(result: TokenResult, node: TSESTree.CallExpression): Value[] {
  const unverified = (): UnverifiedValue[] => [{ trust: 'unverified', name: undefined, node }];
  const session = result.claims === 'verified' && !('members' in result) && result.session === true;
  const verified = (): VerifiedValue[] => [{ trust: 'verified', claimsPath: undefined, name: undefined, node, ...(session ? { session: true as const } : {}) }];
  if (result.claims === 'verified-with-key') {
    const key = node.arguments[result.keyArgument];
    const skip = node.arguments[result.skipArgument];
    const skipped = skip?.type === AST_NODE_TYPES.Literal && skip.value === true;
    return key && key.type !== AST_NODE_TYPES.ObjectExpression && !skipped ? verified() : unverified();
  }
  const claims = result.claims === 'verified' ? verified : unverified;
  if (!('members' in result)) return claims();
  return [objectHolding(result.members.map((member) => member.split('.')), claims)];
}

/** `{ payload: claims }`, or nested for dotted members: `data.user` is `{ data: { user: claims } }`. */
function objectHolding(paths: readonly (readonly string[])[], claims: () => Value[]): Value {
  const props = new Map<string, Value[]>();
  for (const key of new Set(paths.map((path) => path[0]!))) {
    const rests = paths.filter((path) => path[0] === key && path.length > 1).map((path) => path.slice(1));
    props.set(key, rests.length > 0 ? [objectHolding(rests, claims)] : claims());
  }
  return { shape: 'object', props, rest: [] };
}

export function isTrustValue(value: Value): value is TrustValue {
  return 'trust' in value;
}

/** A parameter resolved through its callers at one caller level: the values, and the functions where MAX_CALL_DEPTH stopped it. */
interface Resolution {
  values: readonly Value[];
  stops: ReadonlySet<FunctionNode>;
}

export class ValueEvaluator {
  private readonly cache = new Map<TSESTree.Node, readonly Value[]>();
  private readonly inProgress = new Set<TSESTree.Node>();
  private readonly returnCache = new Map<FunctionNode, readonly Value[]>();
  /** Every write of a variable is read at every read of it: gathered once per variable, not once per read. */
  private readonly variableCache = new Map<Variable, readonly Value[]>();
  private readonly variablesInProgress = new Set<Variable>();
  /** Parameters resolved through their callers, by placeholder and caller level: each is worked out once. */
  private readonly resolutions = new Map<string, Resolution>();
  /** Functions whose parameters were being resolved through callers at some level (whatever the level). */
  private readonly startedFunctions = new Set<FunctionNode>();
  /** Nodes and variables whose memoized values MAX_DEPTH cut short, and whether the current evaluation met one. */
  private readonly truncated = new Set<object>();
  private cutShort = false;
  private depth = 0;
  private readonly hasConfiguredPaths: boolean;
  /** Paths that hold verified claims: the settings' `verifiedClaims` and those of the libraries the file imports. */
  private readonly verifiedPaths: readonly string[];
  /** Whether the file imports a library whose token calls are found by tracing callees to its module. */
  private readonly tracesModules: boolean;
  /** The built-in library models and the user's `settings.claimguard.models`. */
  private readonly models: ModelSet;
  private readonly budget: FileBudget;

  constructor(
    private readonly sourceCode: TSESLint.SourceCode,
    private readonly index: FileIndex,
    private readonly settings: ClaimGuardSettings,
    /** What a call of another project file's function returns, from the project index; undefined for other calls. */
    private readonly imports?: (call: TSESTree.CallExpression) => readonly PortableValue[] | undefined,
    /** The file's token verifications the library models recognise (`jws.verify(token, 'RS256', key)`). */
    private readonly verifications: () => ReadonlySet<TSESTree.Node> = () => new Set(),
  ) {
    this.models = modelSetFor(settings.models);
    this.verifiedPaths = [...settings.verifiedClaims, ...this.models.verifiedPathsOf(index.modules)];
    this.hasConfiguredPaths = Object.keys(settings.sources).length > 0 || this.verifiedPaths.length > 0;
    this.tracesModules = this.models.hasTracedCalls(index.modules);
    this.budget = budgetOf(sourceCode);
  }

  /** Where an identifier comes from, for tracing a call back to a library's module (see `tracedModule`). */
  private readonly origin: IdentifierOrigin = (node) => {
    const variable = this.index.variableOf(node);
    const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
    if (def?.type === 'ImportBinding' && def.parent.type === AST_NODE_TYPES.ImportDeclaration) return { module: normaliseModule(def.parent.source.value) };
    if (def?.type !== 'Variable' || !def.node.init) return undefined;
    const required = requiredModule(def.node.init);
    return required ? { module: required.module } : { init: def.node.init };
  };

  /** Values of an expression with parameters left as placeholders (context-free, memoized per node). */
  valuesOf(node: TSESTree.Node): readonly Value[] {
    const root = this.depth === 0;
    const cached = this.cache.get(node);
    if (cached) {
      if (this.truncated.has(node)) this.noteCutShort(node, root);
      return cached;
    }
    if (this.inProgress.has(node)) return [];
    if (this.depth > MAX_DEPTH) {
      this.cutShort = true;
      return [];
    }
    const outer = this.cutShort;
    this.cutShort = false;
    this.inProgress.add(node);
    this.depth++;
    this.budget.work.evaluations++;
    let result: readonly Value[];
    try {
      result = limit(this.compute(node));
    } finally {
      this.depth--;
      this.inProgress.delete(node);
    }
    this.cache.set(node, result);
    const cut = this.cutShort;
    this.cutShort = outer;
    if (cut) {
      this.truncated.add(node);
      this.noteCutShort(node, root);
    }
    return result;
  }

  /**
   * A value that MAX_DEPTH cut short makes everything computed from it incomplete; a query from outside the
   * evaluator (a rule's, the grade's) that meets one says so in a budget stop of its own.
   */
  private noteCutShort(node: TSESTree.Node, root: boolean): void {
    this.cutShort = true;
    if (root) this.budget.hit('evaluation-depth', subjectText(this.sourceCode, node), MAX_DEPTH, node);
  }

  /**
   * Trust values of an expression, with parameter placeholders replaced by what the file's own callers pass
   * (bounded depth), so a check inside a helper names the header its caller read.
   */
  trustOf(node: TSESTree.Node): TrustValue[] {
    const stops = new Set<FunctionNode>();
    const values = this.resolveParams(this.valuesOf(node), 0, stops);
    if (stops.size > 0) {
      // One stop per place: the first function in the file names it, the others are counted.
      const [first] = [...stops].sort((a, b) => a.range[0] - b.range[0]);
      this.budget.hit('call-depth', functionName(first!) ?? 'an anonymous function', MAX_CALL_DEPTH, node, stops.size - 1);
    }
    return values.filter(isTrustValue);
  }

  /**
   * Replaces placeholders by what the callers pass, up to MAX_CALL_DEPTH caller levels. Each placeholder is
   * resolved once per level and reused at every call site and by every query, so a helper called from many
   * places (or calling itself many times) costs its call sites once per level, not their product.
   */
  private resolveParams(values: readonly Value[], depth: number, stops: Set<FunctionNode>): Value[] {
    const result: Value[] = [];
    for (const value of values) {
      if (!('shape' in value) || value.shape !== 'param') {
        result.push(value);
        continue;
      }
      if (depth >= MAX_CALL_DEPTH) {
        // A function already being resolved at a shallower level (a helper calling itself, also with a member of
        // its parameter such as `walk(node.children[0])`, or mutual recursion) adds nothing here that its
        // shallower resolution did not find or report as a stop of its own.
        if (!this.startedFunctions.has(value.fn) && this.index.callSitesOf(value.fn).length > 0) stops.add(value.fn);
        continue;
      }
      // What the framework passes is already among the values (see parameterValue); add what callers pass.
      const resolution = this.resolveParamFromCallers(value, depth);
      result.push(...resolution.values);
      for (const fn of resolution.stops) stops.add(fn);
    }
    return limit(result);
  }

  private resolveParamFromCallers(param: ParamPlaceholder, depth: number): Resolution {
    const base = placeholderKey(param);
    const key = `${base}|${depth}`;
    const known = this.resolutions.get(key);
    if (known) return known;
    this.startedFunctions.add(param.fn);
    this.budget.work.parameterResolutions++;
    const values: Value[] = [];
    const stops = new Set<FunctionNode>();
    for (const call of this.index.callSitesOf(param.fn)) {
      this.budget.work.callSites++;
      const argument = call.arguments[param.index];
      if (!argument || argument.type === AST_NODE_TYPES.SpreadElement) continue;
      values.push(...this.resolveParams(this.applyPath(this.valuesOf(argument), param, argument), depth + 1, stops));
    }
    const resolution = { values: limit(values), stops };
    this.resolutions.set(key, resolution);
    return resolution;
  }


  /** Replays a placeholder's member path on concrete values; `at` locates reads the path creates. */
  private applyPath(values: readonly Value[], param: Pick<ParamPlaceholder, 'path' | 'derived' | 'picks'>, at: TSESTree.Node): Value[] {
    let current: readonly Value[] = values;
    const keyEnd = param.picks ?? param.path.length;
    for (const key of param.path.slice(0, keyEnd)) current = this.member(current, { key }, at);
    if (param.derived) current = current.map(derive);
    if (param.picks === undefined) return [...current];
    current = this.entryPickedBy(current, at);
    for (const key of param.path.slice(keyEnd)) current = this.member(current, { key }, at);
    return [...current];
  }

  private compute(raw: TSESTree.Node): Value[] {
    const node = unwrap(raw);
    switch (node.type) {
      case AST_NODE_TYPES.Identifier:
        return this.identifier(node);
      case AST_NODE_TYPES.MemberExpression:
        return this.memberExpression(node);
      case AST_NODE_TYPES.CallExpression:
        return this.call(node);
      case AST_NODE_TYPES.NewExpression:
        return this.construct(node);
      case AST_NODE_TYPES.AwaitExpression:
        return [...this.valuesOf(node.argument)];
      case AST_NODE_TYPES.ThisExpression:
        return this.thisValue(node);
      case AST_NODE_TYPES.LogicalExpression:
        return [...this.valuesOf(node.left), ...this.valuesOf(node.right)];
      case AST_NODE_TYPES.ConditionalExpression:
        return [...this.valuesOf(node.consequent), ...this.valuesOf(node.alternate)];
      case AST_NODE_TYPES.SequenceExpression:
        return [...this.valuesOf(node.expressions[node.expressions.length - 1])];
      case AST_NODE_TYPES.AssignmentExpression:
        return [...this.valuesOf(node.right)];
      case AST_NODE_TYPES.TemplateLiteral:
        return node.expressions.flatMap((expression) => this.valuesOf(expression).map(derive));
      case AST_NODE_TYPES.TaggedTemplateExpression:
        return [];
      case AST_NODE_TYPES.BinaryExpression:
        return this.binary(node);
      case AST_NODE_TYPES.UnaryExpression:
        return node.operator === 'typeof' || node.operator === 'void' || node.operator === 'delete'
          ? []
          : this.valuesOf(node.argument).map(derive);
      case AST_NODE_TYPES.ObjectExpression:
        return [this.objectShape(node)];
      case AST_NODE_TYPES.ArrayExpression:
        return node.elements.flatMap((element) =>
          !element ? [] : element.type === AST_NODE_TYPES.SpreadElement ? this.member(this.valuesOf(element.argument), { key: undefined }, element) : this.valuesOf(element),
        );
      default:
        return [];
    }
  }

  /** An equality test of an untrusted value against a verified claim is anchored: its outcome is trusted. */
  private binary(node: TSESTree.BinaryExpression): Value[] {
    const left = node.left.type === AST_NODE_TYPES.PrivateIdentifier ? [] : this.valuesOf(node.left);
    const right = this.valuesOf(node.right);
    if (isEquality(node.operator)) {
      const anchor = [...left, ...right].find((value) => isTrustValue(value) && value.trust === 'verified');
      if (anchor) return [derive(anchor)];
    }
    if (node.operator === 'instanceof' || node.operator === 'in') return [];
    return [...left, ...right].map(derive);
  }

  private objectShape(node: TSESTree.ObjectExpression): ObjectShape {
    const props = new Map<string, Value[]>();
    const rest: Value[] = [];
    for (const property of node.properties) {
      if (property.type === AST_NODE_TYPES.SpreadElement) {
        rest.push(...this.valuesOf(property.argument));
        continue;
      }
      const key = property.computed ? staticString(property.key) : property.key.type === AST_NODE_TYPES.Identifier ? property.key.name : String((property.key as TSESTree.Literal).value);
      const values = isFunctionNode(property.value) ? [] : this.valuesOf(property.value);
      if (key === undefined) rest.push(...values);
      else props.set(key, [...(props.get(key) ?? []), ...values]);
    }
    return { shape: 'object', props, rest };
  }

  private identifier(node: TSESTree.Identifier): Value[] {
    const variable = this.index.variableOf(node);
    if (!variable) return this.configuredPath(node.name, node) ?? [];
    return [...this.variableValues(variable)];
  }

  /** What a variable may hold anywhere: its declarations and every write, gathered once per variable. */
  private variableValues(variable: Variable): readonly Value[] {
    const cached = this.variableCache.get(variable);
    if (cached) {
      if (this.truncated.has(variable)) this.cutShort = true;
      return cached;
    }
    // `html = html + x` reads the variable while gathering it: that read adds nothing the other writes do not.
    if (this.variablesInProgress.has(variable)) return [];
    this.variablesInProgress.add(variable);
    this.budget.work.variables++;
    const outer = this.cutShort;
    this.cutShort = false;
    const result: Value[] = [];
    try {
      for (const def of variable.defs) {
        if (def.type === 'Variable') result.push(...this.declaredValue(def.name as TSESTree.Identifier, def.node));
        else if (def.type === 'Parameter') result.push(...this.parameterValue(def.name as TSESTree.Identifier, def.node as FunctionNode));
      }
      for (const write of this.index.writesOf(variable)) result.push(...this.valuesOf(write));
    } finally {
      this.variablesInProgress.delete(variable);
    }
    const values = limit(result);
    this.variableCache.set(variable, values);
    if (this.cutShort) this.truncated.add(variable);
    this.cutShort = outer || this.cutShort;
    return values;
  }

  private declaredValue(name: TSESTree.Identifier, declarator: TSESTree.Node): Value[] {
    if (declarator.type !== AST_NODE_TYPES.VariableDeclarator) return [];
    const loop = declarator.parent?.parent;
    let root: readonly Value[];
    if (loop && (loop.type === AST_NODE_TYPES.ForOfStatement || loop.type === AST_NODE_TYPES.ForInStatement) && loop.left === declarator.parent) {
      root = loop.type === AST_NODE_TYPES.ForOfStatement ? this.member(this.valuesOf(loop.right), { key: undefined }, name) : [];
    } else if (declarator.init) {
      root = this.valuesOf(declarator.init);
    } else {
      return [];
    }
    return this.followPattern(root, name, declarator.id);
  }

  /**
   * `this` in a function that declares what it is (`function isAdmin(this: FastifyRequest, reply)`, a method a
   * framework decorates its requests with): what the framework passes as that parameter.
   */
  private thisValue(node: TSESTree.ThisExpression): Value[] {
    let fn = this.index.functionContaining(node);
    while (fn?.type === AST_NODE_TYPES.ArrowFunctionExpression) fn = this.index.functionContaining(fn);
    return fn ? thisShapeOf(fn, this.index, this.settings) : [];
  }

  private parameterValue(name: TSESTree.Identifier, fn: FunctionNode): Value[] {
    const index = fn.params.findIndex((param) => containsNode(param, name));
    if (index < 0) return [];
    const param = fn.params[index];
    const placeholder: ParamPlaceholder = { shape: 'param', fn, index, path: [], derived: false };
    const decorated = this.decoratorInjection(param);
    const framework = decorated.length > 0 ? decorated : requestShapeOfParam(fn, index, this.index, this.settings);
    return this.followPattern([placeholder, ...framework, ...(index === 0 ? this.settledValues(fn) : []), ...this.callbackValues(fn, index)], name, param);
  }

  private callsByFunction: Map<FunctionNode | null, TSESTree.CallExpression[]> | undefined;

  /**
   * `withRole(req, (role) => …)` where this file declares `function withRole(req, cb) { cb(req.cookies.role); }`:
   * a callback's parameter is what the helper calls it with, the helper's parameters bound to this call's arguments.
   */
  private callbackValues(fn: FunctionNode, index: number): Value[] {
    const call = fn.parent;
    if (call?.type !== AST_NODE_TYPES.CallExpression) return [];
    const position = call.arguments.indexOf(fn as TSESTree.CallExpressionArgument);
    const callee = unwrap(call.callee);
    const helper = position >= 0 && callee.type === AST_NODE_TYPES.Identifier ? this.index.functionOf(callee) : undefined;
    const callback = helper && helper !== fn ? helper.params[position] : undefined;
    if (callback?.type !== AST_NODE_TYPES.Identifier) return [];
    if (!this.callsByFunction) {
      // Grouped once per file: each callback looks only at the calls of its own helper.
      this.callsByFunction = new Map();
      for (const inner of this.index.calls) {
        const owner = this.index.functionContaining(inner);
        const list = this.callsByFunction.get(owner) ?? [];
        list.push(inner);
        this.callsByFunction.set(owner, list);
      }
    }
    const values: Value[] = [];
    for (const inner of this.callsByFunction.get(helper!) ?? []) {
      const invoked = unwrap(inner.callee);
      const argument = inner.arguments[index];
      if (invoked.type !== AST_NODE_TYPES.Identifier || invoked.name !== callback.name || !argument || argument.type === AST_NODE_TYPES.SpreadElement) continue;
      values.push(...this.valuesOf(argument).flatMap((value) => this.bindArguments(value, helper!, call)));
    }
    return values;
  }

  /**
   * `@UserEntity() user`: what a parameter decorator the project makes (`createParamDecorator(fn)`, here or in another
   * file) injects, which is what `fn` returns for the decorator's arguments. Empty for the framework's own decorators.
   */
  private decoratorInjection(param: TSESTree.Parameter): readonly Value[] {
    const bare = param.type === AST_NODE_TYPES.TSParameterProperty ? param.parameter : param;
    for (const decorator of decoratorsOf(bare)) {
      const expression = unwrap(decorator.expression);
      if (expression.type !== AST_NODE_TYPES.CallExpression) continue;
      const values = this.valuesOf(expression);
      if (values.length > 0) return values;
    }
    return [];
  }

  /** The first parameter of a `.then` callback: what the promise it is chained on settles with. */
  private settledValues(fn: FunctionNode): readonly Value[] {
    const call = fn.parent;
    if (call?.type !== AST_NODE_TYPES.CallExpression || call.arguments[0] !== fn) return [];
    const callee = unwrap(call.callee);
    return callee.type === AST_NODE_TYPES.MemberExpression && memberName(callee) === 'then' ? this.valuesOf(callee.object) : [];
  }

  /** Walks a (possibly destructuring) pattern from its root value down to one bound identifier. */
  private followPattern(root: readonly Value[], target: TSESTree.Identifier, pattern: TSESTree.Node): Value[] {
    const steps = patternSteps(target, pattern);
    if (!steps) return [...root];
    let current: readonly Value[] = root;
    for (const step of steps) {
      // The bound identifier stands in for the read: `role` in `const { role } = req.body`.
      if ('defaultValue' in step) current = [...current, ...this.valuesOf(step.defaultValue)];
      else current = this.member(current, step, target);
    }
    return [...current];
  }

  private memberExpression(node: TSESTree.MemberExpression): Value[] {
    const configured = this.hasConfiguredPaths ? this.configuredPath(dottedPath(node), node) : undefined;
    if (configured) return configured;
    const key = memberName(node);
    const found = this.member(this.valuesOf(node.object), { key }, node);
    if (node.computed && key === undefined) return [...found, ...this.chosenBy(node.property, node)];
    return unwrap(node.object).type === AST_NODE_TYPES.ThisExpression && key !== undefined ? [...found, ...this.fieldOf(node, key)] : found;
  }

  /** `this.role` in a method of a class this file declares: what the class's code stored there. */
  private fieldOf(node: TSESTree.MemberExpression, key: string): Value[] {
    const owner = classOfThis(node);
    return owner ? this.index.fieldValues(owner, key).flatMap((value) => this.valuesOf(value)) : [];
  }

  /**
   * `PERMISSIONS[req.params.email]`: an entry looked up by a key the caller chooses is the caller's choice too, and
   * so are its flags. A key the server or a verified claim supplies picks nothing for the caller. A key that is the
   * caller's token or session id (`tokenMap[bearerToken]`, `sessions[req.cookies.sid]`) makes the map a server-side
   * session store: the entry is whoever holds that credential, which a caller cannot choose without stealing it.
   */
  private chosenBy(key: TSESTree.Node, lookup: TSESTree.Node): Value[] {
    return this.entryPickedBy(this.valuesOf(key), lookup);
  }

  /**
   * What the entry a lookup key picks is, by what the key is (see chosenBy); a parameter key is settled when its
   * caller's value is known (ParamPlaceholder `picks`).
   */
  private entryPickedBy(keys: readonly Value[], lookup: TSESTree.Node): Value[] {
    const picked: Value[] = [];
    for (const value of keys) {
      if (isTrustValue(value) ? !((value.trust === 'untrusted' && !value.container) || value.trust === 'unverified') : value.shape !== 'param') continue;
      if (isHolderCredential(value)) picked.push({ trust: 'verified', claimsPath: undefined, name: undefined, node: lookup, session: true });
      else if ('shape' in value && value.shape === 'param' && value.picks === undefined) picked.push({ ...value, picks: value.path.length });
      else picked.push(derive(value));
    }
    return picked;
  }

  /** `settings.claimguard.sources` and `verifiedClaims` name paths the models do not know. */
  private configuredPath(path: string | undefined, node: TSESTree.Node): Value[] | undefined {
    if (!path) return undefined;
    const source = Object.hasOwn(this.settings.sources, path) ? this.settings.sources[path] : undefined;
    if (source) return [{ trust: 'untrusted', source, name: path.split('.').pop(), container: false, node }];
    if (this.verifiedPaths.includes(path)) return [{ trust: 'verified', claimsPath: path, name: undefined, node }];
    return undefined;
  }

  /** One member access applied to every value; `node` is the access itself when it is in the code. */
  member(values: readonly Value[], step: Step, node: TSESTree.Node): Value[] {
    const result: Value[] = [];
    for (const value of values) result.push(...this.memberOfOne(value, step, node));
    return result;
  }

  private memberOfOne(value: Value, step: Step, node: TSESTree.Node): Value[] {
    if ('restOmitting' in step) return this.restOf(value, step.restOmitting);
    const key = step.key;
    // The length of a caller's value is what input validation bounds; it grants nothing.
    if (isTrustValue(value)) return value.trust === 'untrusted' && !value.container && key === 'length' ? [] : [memberOfTrust(value, key, node)];
    switch (value.shape) {
      case 'param':
        return [{ ...value, path: [...value.path, key] }];
      case 'object':
        if (key === undefined) return [...[...value.props.values()].flat(), ...value.rest];
        return [...(value.props.get(key) ?? []), ...this.member(value.rest, step, node)];
      default:
        return frameworkMember(value, key, node);
    }
  }

  private restOf(value: Value, omitted: readonly string[]): Value[] {
    if (isTrustValue(value)) {
      return value.trust === 'untrusted' && value.container ? [{ ...value, omitted: [...(value.omitted ?? []), ...omitted] }] : [value];
    }
    if (value.shape === 'object') {
      const props = new Map([...value.props].filter(([key]) => !omitted.includes(key)));
      return [{ shape: 'object', props, rest: value.rest }];
    }
    return [value];
  }

  private call(node: TSESTree.CallExpression): Value[] {
    const name = calleeName(node);
    const receiver = calleeObject(node);
    const first = node.arguments[0];
    const library = this.jwtCall(node, name, receiver);
    if (library) return library;
    if (!receiver) {
      if (name && PASS_THROUGH_FUNCTIONS.has(name) && first) return this.valuesOf(first).map(derive);
      const imported = name ? importedSourceOf(this.index.moduleOf(name), name) : undefined;
      if (imported) return [untrustedContainer(imported, node)];
      return this.helperCall(node, this.sameFileCall(node));
    }
    const path = dottedPath(node.callee);
    if (path && PASS_THROUGH_STATICS.test(path)) {
      if (path === 'JSON.parse' && first && looksLikeHandRolledDecode(this.handRolledText(first))) {
        return [{ trust: 'unverified', name: undefined, node }];
      }
      const source = path === 'Object.assign' ? node.arguments.slice(1) : first ? [first] : [];
      return source.flatMap((argument) => this.valuesOf(argument)).map((value) => (path === 'Object.assign' ? value : derive(value)));
    }
    if (isHostMethod(name)) return [{ shape: 'execution-host' }];
    if (receiver.type === AST_NODE_TYPES.ThisExpression) return this.helperCall(node, this.sameFileCall(node));
    const method = name !== undefined ? this.instanceMethod(receiver, name) : undefined;
    if (method) return this.helperCall(node, this.returnValues(method).flatMap((value) => this.bindArguments(value, method, node)));
    const imported = this.importedCall(node);
    if (imported) return this.helperCall(node, imported);
    const received = this.valuesOf(receiver).flatMap((value) => this.methodCall(value, name, node));
    return isTestMethod(name) ? this.testedAgainst(received, node) : received;
  }

  /**
   * A membership or pattern test (`allowedRoles.includes(role)`) answers on what it tests as much as on the list:
   * a helper that returns one decides on its argument. As with an equality, a verified side anchors the test.
   */
  private testedAgainst(received: Value[], node: TSESTree.CallExpression): Value[] {
    const tested = node.arguments.flatMap((argument) => (isFunctionNode(argument) || argument.type === AST_NODE_TYPES.SpreadElement ? [] : this.valuesOf(argument).map(derive)));
    const both = [...received, ...tested];
    const anchor = both.find((value) => isTrustValue(value) && value.trust === 'verified');
    return anchor ? [derive(anchor)] : both;
  }

  private methodCall(value: Value, method: string | undefined, node: TSESTree.CallExpression): Value[] {
    const nameArgument = staticString(node.arguments[0]);
    if (isTrustValue(value)) {
      if (value.trust === 'untrusted' && value.container) {
        if (method === 'get' || method === 'getAll' || method === 'has') {
          return [{ ...value, name: nameArgument, container: false, node }];
        }
        return [];
      }
      // A call with an options object on something the context carries (`context.db.invoice.findUnique({ where })`)
      // answers with a record, not with the property: string and array methods never take one.
      if (value.trust === 'pending' && node.arguments.some((argument) => unwrap(argument).type === AST_NODE_TYPES.ObjectExpression)) return [];
      // Claims tested against an untrusted argument (`claims.permissions.includes(req.query.p)`) stay anchored.
      return [derive(value)];
    }
    if (value.shape === 'param') return [{ ...value, derived: true }];
    if (value.shape === 'object') return [];
    return frameworkCall(value, method, nameArgument, node, this.sourceCode);
  }

  /**
   * The text of a JSON.parse argument plus the initializers of the variables it names, so that
   * `const [, body] = token.split('.'); JSON.parse(atob(body))` reads as one hand-rolled decode.
   */
  private handRolledText(node: TSESTree.Node): string {
    const parts = [this.sourceCode.getText(node)];
    const stack: TSESTree.Node[] = [node];
    for (let seen = 0; stack.length > 0 && seen < 50; seen++) {
      const current = unwrap(stack.pop()!);
      if (current.type === AST_NODE_TYPES.Identifier) {
        for (const def of this.index.variableOf(current)?.defs ?? []) {
          if (def.node.type === AST_NODE_TYPES.VariableDeclarator && def.node.init) parts.push(this.sourceCode.getText(def.node.init));
        }
      } else if (current.type === AST_NODE_TYPES.CallExpression) {
        stack.push(current.callee, ...current.arguments);
      } else if (current.type === AST_NODE_TYPES.MemberExpression) {
        stack.push(current.object);
      }
    }
    return parts.join('\n');
  }

  /**
   * Verify-then-decode: the function passed the same token to a verification before decoding it
   * (`verifyAccessToken(token)`, `jwt.verify(token, key)`, then `jwtDecode(token)`; `verify(jwtFrom(req)) &&
   * decode(jwtFrom(req))`), so what decoding reads is what was verified. A verification that comes after the decode,
   * or in another function, proves nothing here.
   */
  private verifiedBefore(decode: TSESTree.CallExpression): boolean {
    const token = decode.arguments[0] && unwrap(decode.arguments[0]);
    if (!token) return false;
    const fn = this.index.functionContaining(decode);
    for (const use of this.sameTokenReads(token)) {
      const call = use.parent;
      if (call?.type !== AST_NODE_TYPES.CallExpression || call.arguments[0] !== use || call.range[1] > decode.range[0]) continue;
      if (this.index.functionContaining(call) === fn && this.verifiesToken(call, 0)) return true;
    }
    return false;
  }

  /**
   * The places the file reads the same token as `token` does: the references of its variable, or the same read
   * written out again (`utils.jwtFrom(req)`, `req.cookies.session`), found through the variable the read starts from.
   */
  private sameTokenReads(token: TSESTree.Node): TSESTree.Node[] {
    if (token.type === AST_NODE_TYPES.Identifier) return (this.index.variableOf(token)?.references ?? []).map((reference) => reference.identifier);
    const start = readStart(token);
    if (!start) return [];
    const text = this.sourceCode.getText(token);
    const reads: TSESTree.Node[] = [];
    for (const reference of this.index.variableOf(start.identifier)?.references ?? []) {
      let read: TSESTree.Node | undefined = reference.identifier;
      for (let step = 0; step < start.depth && read; step++) read = read.parent;
      if (read && this.sourceCode.getText(read) === text) reads.push(read);
    }
    return reads;
  }

  /**
   * Whether a call verifies the token it is given first: by its name (`verifyAccessToken`), as a library model's
   * verification or verifying call, or as a helper of this file that hands its first parameter to one
   * (`const verify = (token) => jws.verify(token, 'RS256', key)`).
   */
  private verifiesToken(call: TSESTree.CallExpression, depth: number): boolean {
    const name = calleeName(call);
    if (name && isTokenVerifierName(name)) return true;
    if (this.verifications().has(call) || this.tokenCallResult(call, name, calleeObject(call))?.claims === 'verified') return true;
    const callee = unwrap(call.callee);
    const helper = callee.type === AST_NODE_TYPES.Identifier ? this.index.functionOf(callee) : undefined;
    const param = helper?.params[0];
    if (!helper || param?.type !== AST_NODE_TYPES.Identifier || depth >= MAX_HELPER_DEPTH) return false;
    return (this.index.variableOf(param)?.references ?? []).some(({ identifier }) => {
      const inner = identifier.parent;
      return inner?.type === AST_NODE_TYPES.CallExpression && inner.arguments[0] === identifier && this.verifiesToken(inner, depth + 1);
    });
  }

  /**
   * What a call of a helper (of this file or another) yields: a decoding helper's unverified claims are the verified
   * ones when the function verified the same token before (see verifiedBefore).
   */
  private helperCall(node: TSESTree.CallExpression, values: Value[]): Value[] {
    if (!values.some((value) => isTrustValue(value) && value.trust === 'unverified') || !this.verifiedBefore(node)) return values;
    return values.map((value) => (isTrustValue(value) && value.trust === 'unverified' ? { trust: 'verified', claimsPath: undefined, name: value.name, node: value.node } : value));
  }

  /** Token library calls, as the library models say: decoding yields unverified claims, verification verified ones. */
  private jwtCall(node: TSESTree.CallExpression, name: string | undefined, receiver: TSESTree.Expression | undefined): Value[] | undefined {
    const result = this.tokenCallResult(node, name, receiver);
    return result ? tokenValues(this.afterVerification(result, node), node) : undefined;
  }

  private tokenCallResult(node: TSESTree.CallExpression, name: string | undefined, receiver: TSESTree.Expression | undefined): TokenResult | undefined {
    if (this.tracesModules || this.models.hasReceiverCalls(name)) {
      const traced = this.models.tracedCallResult(node, name, this.origin);
      if (traced) return traced;
    }
    if (!name) return undefined;
    if (receiver && !this.models.isTokenReceiverName(this.sourceCode.getText(receiver))) return undefined;
    return this.models.tokenCallResult(
      name,
      !!receiver,
      (module) => this.index.importsFrom(name, module),
      () => this.index.importsFromJwtLibrary(name),
    );
  }

  /**
   * Decode-then-verify: what a decode returned is itself verified next, by a statement the function cannot get past
   * when it fails (`const artifacts = Jwt.token.decode(token); Jwt.token.verify(artifacts, key);`), so the claims the
   * function goes on with are verified ones. Reads between the two are taken as verified too; a verification inside a
   * condition, or in another function, proves nothing here.
   */
  private verifiedInPlace(decode: TSESTree.CallExpression): boolean {
    let holder: TSESTree.Node = decode;
    if (holder.parent?.type === AST_NODE_TYPES.AwaitExpression) holder = holder.parent;
    const declarator = holder.parent;
    if (declarator?.type !== AST_NODE_TYPES.VariableDeclarator || declarator.init !== holder || declarator.id.type !== AST_NODE_TYPES.Identifier) return false;
    const block = declarator.parent?.parent;
    if (block?.type !== AST_NODE_TYPES.BlockStatement) return false;
    for (const reference of this.index.variableOf(declarator.id)?.references ?? []) {
      const call = reference.identifier.parent;
      if (call?.type !== AST_NODE_TYPES.CallExpression || call.arguments[0] !== reference.identifier || call.range[0] < decode.range[1]) continue;
      const statement = call.parent?.type === AST_NODE_TYPES.AwaitExpression ? call.parent.parent : call.parent;
      if (statement?.type !== AST_NODE_TYPES.ExpressionStatement || statement.parent !== block) continue;
      if (this.verifiesToken(call, 0)) return true;
    }
    return false;
  }

  /** What a decode yields where the same token was verified first, or the decoded token next (see verifiedBefore, verifiedInPlace): the verified claims. */
  private afterVerification(result: TokenResult, node: TSESTree.CallExpression): TokenResult {
    if (!decodesUnverified(result, node) || !(this.verifiedBefore(node) || this.verifiedInPlace(node))) return result;
    return 'members' in result ? { claims: 'verified', members: result.members } : { claims: 'verified' };
  }

  /** A call of a function declared in this file: its return values, with its parameters bound to the arguments. */
  private sameFileCall(node: TSESTree.CallExpression): Value[] {
    const callee = unwrap(node.callee);
    const fn =
      callee.type === AST_NODE_TYPES.Identifier
        ? this.index.functionOf(callee)
        : isFunctionNode(callee)
          ? callee
          : this.index.methodOf(node);
    if (!fn) return this.importedCall(node) ?? [];
    return this.returnValues(fn).flatMap((value) => this.bindArguments(value, fn, node));
  }

  /**
   * A call of a function another file of the project exports (`getClaims(req)`, `tokens.verify(t)`): what its
   * summary says it returns, with its parameters bound to this call's arguments. Undefined when the callee is
   * not the project's own code.
   */
  private importedCall(node: TSESTree.CallExpression): Value[] | undefined {
    const returns = this.imports?.(node);
    if (!returns) return undefined;
    return fromPortable(returns, node, (param) => {
      const argument = node.arguments[param.index];
      if (!argument || argument.type === AST_NODE_TYPES.SpreadElement) return [];
      return this.applyPath(this.valuesOf(argument), param, argument);
    });
  }

  /** `new Access(req).allows()`: the method of a class this file declares, on an instance it makes. */
  private instanceMethod(receiver: TSESTree.Node, name: string): FunctionNode | undefined {
    const owner = this.index.instanceClassOf(receiver);
    return owner ? this.index.classMethod(owner, name) : undefined;
  }

  private bindArguments(value: Value, fn: FunctionNode, call: TSESTree.CallExpression): Value[] {
    if (!('shape' in value) || value.shape !== 'param' || value.fn !== fn) return [value];
    const argument = call.arguments[value.index];
    if (!argument || argument.type === AST_NODE_TYPES.SpreadElement) return [];
    return this.applyPath(this.valuesOf(argument), value, argument);
  }

  returnValues(fn: FunctionNode): readonly Value[] {
    const cached = this.returnCache.get(fn);
    if (cached) return cached;
    this.returnCache.set(fn, []);
    const values =
      fn.body.type !== AST_NODE_TYPES.BlockStatement
        ? this.valuesOf(fn.body)
        : this.index.returnsOf(fn).flatMap((statement) => (statement.argument ? this.valuesOf(statement.argument) : []));
    const result = limit(values);
    this.returnCache.set(fn, result);
    return result;
  }

  private construct(node: TSESTree.NewExpression): Value[] {
    const name = calleeName(node);
    const first = node.arguments[0];
    if ((name === 'URL' || name === 'URLSearchParams') && first) {
      const values = this.valuesOf(first);
      if (values.some((value) => 'shape' in value && value.shape === 'request-url')) {
        return name === 'URL' ? [{ shape: 'url' }] : [untrustedContainer('query', node)];
      }
      return values.filter((value) => isTrustValue(value)).map(derive);
    }
    return [];
  }
}

/**
 * The variable a read of a value starts from, and how many steps up the tree the read is from it: `req` and 3 for
 * `req.cookies.session`, `jwtFrom` and 1 for `jwtFrom(req)`. Undefined for anything but member reads and calls.
 */
function readStart(read: TSESTree.Node): { identifier: TSESTree.Identifier; depth: number } | undefined {
  let node = read;
  for (;;) {
    if (node.type === AST_NODE_TYPES.Identifier) break;
    if (node.type === AST_NODE_TYPES.MemberExpression) node = node.object;
    else if (node.type === AST_NODE_TYPES.CallExpression) node = node.callee;
    else if (node.type === AST_NODE_TYPES.ChainExpression || node.type === AST_NODE_TYPES.TSNonNullExpression) node = node.expression;
    else return undefined;
  }
  let depth = 0;
  for (let up: TSESTree.Node | undefined = node; up !== read; up = up.parent) {
    if (!up) return undefined;
    depth++;
  }
  return { identifier: node, depth };
}

/** A caller's token or session id as the request carries it (`req.cookies.sid`, the bearer token). */
function isHolderCredential(value: Value): boolean {
  return isTrustValue(value) && value.trust === 'untrusted' && value.name !== undefined && isHolderCredentialName(value.name);
}

function untrustedContainer(source: SourceKind, node: TSESTree.Node): TrustValue {
  return { trust: 'untrusted', source, name: undefined, container: true, node };
}

/** Member access on a trust value: containers yield one named value; values extend their claim or field path. */
function memberOfTrust(value: TrustValue, key: string | undefined, node: TSESTree.Node): TrustValue {
  if (value.trust === 'untrusted') {
    if (value.container) return { ...value, container: false, omitted: undefined, name: key, node };
    if (key === undefined) return value;
    const nested = value.source === 'body' || value.source === 'argument' || value.source === 'query';
    return nested ? { ...value, name: value.name ? `${value.name}.${key}` : key, node } : value;
  }
  if (key === undefined || key === 'length') return value;
  if (value.trust === 'pending') return { ...value, prop: `${value.prop}.${key}`, name: `${value.prop}.${key}`, node };
  if (value.trust === 'verified' && value.name === undefined && (key === 'payload' || key === 'claims') && value.claimsPath) {
    return { ...value, claimsPath: `${value.claimsPath}.${key}`, ...(value.requestProp !== undefined ? { requestProp: `${value.requestProp}.${key}` } : {}) };
  }
  return { ...value, name: value.name ? `${value.name}.${key}` : key };
}

/** Marks a value as derived: no longer a container, no longer a placeholder path that can be walked further. */
function derive(value: Value): Value {
  if (isTrustValue(value)) return value.trust === 'untrusted' && value.container ? { ...value, container: false } : value;
  if ('shape' in value && value.shape === 'param') return { ...value, derived: true };
  return value;
}

function isEquality(operator: string): boolean {
  return operator === '===' || operator === '!==' || operator === '==' || operator === '!=';
}

function looksLikeHandRolledDecode(text: string): boolean {
  return /split\(\s*['"`]\.['"`]\s*\)/.test(text) && /(\[\s*1\s*\]|base64|atob|Buffer)/.test(text);
}

function limit(values: readonly Value[]): Value[] {
  // Most expressions carry one value or none; only longer lists need the identity keys below.
  if (values.length < 2) return values as Value[];
  const seen = new Set<string>();
  const result: Value[] = [];
  for (const value of values) {
    const key = identity(value);
    if (seen.has(key)) continue;
    seen.add(key);
    result.push(value);
    if (result.length >= MAX_VALUES) break;
  }
  return result;
}

const nodeIds = new WeakMap<object, number>();
let nextNodeId = 1;
function idOf(object: object | undefined): number {
  if (!object) return 0;
  let id = nodeIds.get(object);
  if (!id) {
    id = nextNodeId++;
    nodeIds.set(object, id);
  }
  return id;
}

/** A placeholder's identity, whatever caller level it is resolved at. */
function placeholderKey(param: ParamPlaceholder): string {
  return `${idOf(param.fn)}|${param.index}|${param.path.map((step) => step ?? '\u0000').join('\u0001')}|${param.derived}|${param.picks ?? ''}`;
}

function identity(value: Value): string {
  if (isTrustValue(value)) {
    const extra = value.trust === 'untrusted' ? `${value.source}|${value.container}|${value.omitted?.join(',') ?? ''}` : value.trust === 'verified' ? value.claimsPath ?? '' : '';
    return `${value.trust}|${value.name ?? ''}|${idOf(value.node)}|${extra}`;
  }
  if (value.shape === 'param') return `param|${idOf(value.fn)}|${value.index}|${value.path.join('.')}|${value.derived}|${value.picks ?? ''}`;
  if (value.shape === 'object') return `object|${idOf(value.props)}`;
  return `shape|${value.shape}|${'text' in value ? value.text : ''}`;
}

type PatternStep = Step | { defaultValue: TSESTree.Node };

/** The member steps from a pattern's root to one identifier inside it, or undefined when it is the root. */
function patternSteps(target: TSESTree.Identifier, pattern: TSESTree.Node): PatternStep[] | undefined {
  const steps: PatternStep[] = [];
  let current: TSESTree.Node = target;
  while (current !== pattern) {
    const parent: TSESTree.Node | undefined = current.parent;
    if (!parent) return undefined;
    if (parent.type === AST_NODE_TYPES.Property && parent.value === current && parent.parent.type === AST_NODE_TYPES.ObjectPattern) {
      steps.unshift({ key: parent.computed ? staticString(parent.key) : parent.key.type === AST_NODE_TYPES.Identifier ? parent.key.name : String((parent.key as TSESTree.Literal).value) });
    } else if (parent.type === AST_NODE_TYPES.RestElement && parent.parent.type === AST_NODE_TYPES.ObjectPattern) {
      const omitted = parent.parent.properties.flatMap((property) =>
        property.type === AST_NODE_TYPES.Property && !property.computed && property.key.type === AST_NODE_TYPES.Identifier ? [property.key.name] : [],
      );
      steps.unshift({ restOmitting: omitted });
    } else if (parent.type === AST_NODE_TYPES.ArrayPattern) {
      steps.unshift({ key: undefined });
    } else if (parent.type === AST_NODE_TYPES.AssignmentPattern && parent.left === current) {
      steps.unshift({ defaultValue: parent.right });
    } else if (parent.type === AST_NODE_TYPES.TSParameterProperty) {
      // `constructor(private readonly req: Request)`: the parameter itself.
    } else if (parent.type !== AST_NODE_TYPES.ObjectPattern && parent.type !== AST_NODE_TYPES.RestElement) {
      return undefined;
    }
    current = parent;
  }
  return steps;
}

function containsNode(outer: TSESTree.Node, inner: TSESTree.Node): boolean {
  return outer.range[0] <= inner.range[0] && inner.range[1] <= outer.range[1];
}

