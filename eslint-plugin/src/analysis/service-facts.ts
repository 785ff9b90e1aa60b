/**
 * What a function does with its parameters, as plain data for its file's summary: the records it reads, changes or
 * deletes by a parameter (and which other parameters scope them), the owner or tenant filters a parameter feeds,
 * the parameters it compares, and the calls into other files it hands its parameters to. A caller in another file
 * instantiates these facts with its own arguments: a route that passes `req.params.id` to a service that loads an
 * owned record by it alone has an object-level finding at that call; one that passes the verified subject to a
 * parameter the service filters by has its data scoped.
 */
import { branchOutcome } from './deny';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TSESTree } from '@typescript-eslint/utils';
import { spanOf, type Span } from './findings';
import type { FileIndex } from './file-index';
import type { ImportRef } from './imports';
import { mentionsIdentityColumn } from './names';
import type { ModelTarget, Operation, RecordAccess } from './records';
import type { ModelSummary } from './schemas';
import { calleeName, dottedPath, isFunctionNode, unwrap } from './syntax';
import type { FunctionNode } from './types';
import { isTrustValue, type ParamPlaceholder, type Value } from './values';

/** A parameter and the members read below it: `{ index: 1, path: ['id'] }` for `dto.id` of the second parameter. */
export interface ParamRef {
  index: number;
  path: readonly (string | null)[];
}

/** How a summary names a model: declared in the same file, imported from another, or a Prisma model. */
export type ModelRef = { local: ModelSummary } | { ref: ImportRef } | { prisma: string } | { table: string };

export interface ParamAccess {
  param: ParamRef;
  operation: Operation;
  model?: ModelRef;
  /** Parameters the same filter binds to an owner, tenant or user key: the caller's value there scopes the access. */
  scopedBy: readonly ParamRef[];
  /** The call as the function spells it (`Invoice.findByIdAndUpdate`), for messages. */
  callee: string;
  span: Span;
}

export interface ParamScope {
  param: ParamRef;
  /** The owner, tenant or user key (or SQL column) the parameter is bound to. */
  key: string;
  span: Span;
  /** Set by the project index: the file the scope is in, relative to the project root. */
  file?: string;
}

export interface ParamComparison {
  param: number;
  span: Span;
  /** Set by the project index: the file the comparison is in, relative to the project root. */
  file?: string;
}

export interface ParamForward {
  ref: ImportRef;
  /** For each argument of the call, the parameter of this function it passes, if any. */
  args: readonly (ParamRef | null)[];
}

export interface ParamFacts {
  accesses: readonly ParamAccess[];
  scopes: readonly ParamScope[];
  /** Parameters compared for equality in the function: an owner check against what the caller passes. */
  compared: readonly ParamComparison[];
  forwards: readonly ParamForward[];
}

/** A filter key bound to a value that may be a parameter (from the decision finder's data-scope pass). */
export interface ScopeSite {
  node: TSESTree.Node;
  key: string;
  value: TSESTree.Node;
}

export interface ServiceFactsInput {
  index: FileIndex;
  valuesOf: (node: TSESTree.Node) => readonly Value[];
  /** Trust values with the file's own callers resolved: a verified owner value scopes an access wherever it comes from. */
  hasVerified: (node: TSESTree.Node) => boolean;
  accesses: readonly RecordAccess[];
  scopeSites: readonly ScopeSite[];
  modelRef: (target: ModelTarget) => ModelRef | undefined;
  /** Calls of other project files' functions in this file, by where they start. */
  importedCall: (call: TSESTree.CallExpression) => ImportRef | undefined;
  text: (node: TSESTree.Node) => string;
}

/** How many same-file calls deep a function's facts take in the facts of the functions it calls. */
const MAX_SAME_FILE_DEPTH = 3;

/** The parameter facts of every function of a file that has any, computed once. */
export class ServiceFacts {
  private own: Map<FunctionNode, MutableFacts> | undefined;
  /** Calls of same-file functions, by the function whose parameters they pass on. */
  private readonly sameFileCalls = new Map<FunctionNode, { target: FunctionNode; args: (ParamRef | null)[] }[]>();
  private readonly composed = new Map<FunctionNode, ParamFacts>();
  private readonly composing = new Set<FunctionNode>();

  constructor(private readonly input: ServiceFactsInput) {}

  /** What `fn` does with its parameters, the same-file functions it calls included; undefined when nothing. */
  factsOf(fn: FunctionNode, depth = 0): ParamFacts | undefined {
    const cached = this.composed.get(fn);
    if (cached) return isEmpty(cached) ? undefined : cached;
    if (this.composing.has(fn) || depth > MAX_SAME_FILE_DEPTH) return undefined;
    this.composing.add(fn);
    const facts = copy(this.ownFacts().get(fn));
    for (const { target, args } of this.sameFileCalls.get(fn) ?? []) {
      const inner = target === fn ? undefined : this.factsOf(target, depth + 1);
      if (inner) addRemapped(facts, inner, args);
    }
    // Comparisons matter beside an access, here or where the parameters are passed on, and in a helper that
    // compares two of its parameters (`assertOwner(record, userId)`): its callers say what each one is.
    const comparisons = this.comparisonsIn(fn);
    const helper = new Set(comparisons.map((comparison) => comparison.param)).size > 1;
    if (facts.accesses.length > 0 || facts.forwards.length > 0 || helper) facts.compared.push(...comparisons);
    this.composing.delete(fn);
    this.composed.set(fn, facts);
    return isEmpty(facts) ? undefined : facts;
  }

  /** `this.findById(id)` inside `fn`: what `findById` does with its parameters, as `fn`'s parameters feed them. */
  private noteSameFileCall(call: TSESTree.CallExpression): void {
    const callee = unwrap(call.callee);
    const target = callee.type === AST_NODE_TYPES.Identifier ? this.input.index.functionOf(callee) : this.input.index.methodOf(call);
    if (!target) return;
    for (const [fn, args] of this.argumentsByFunction(call)) {
      const list = this.sameFileCalls.get(fn) ?? [];
      list.push({ target, args });
      this.sameFileCalls.set(fn, list);
    }
  }

  /** For each function whose parameters a call passes, which argument passes which parameter. */
  private argumentsByFunction(call: TSESTree.CallExpression): Map<FunctionNode, (ParamRef | null)[]> {
    const byFunction = new Map<FunctionNode, (ParamRef | null)[]>();
    call.arguments.forEach((argument, position) => {
      if (argument.type === AST_NODE_TYPES.SpreadElement) return;
      for (const placeholder of this.placeholders(argument)) {
        const args = byFunction.get(placeholder.fn) ?? call.arguments.map(() => null);
        args[position] = refOf(placeholder);
        byFunction.set(placeholder.fn, args);
      }
    });
    return byFunction;
  }

  /** Each function's own facts, attributed to the function whose parameter the value is (closures included). */
  private ownFacts(): Map<FunctionNode, MutableFacts> {
    if (this.own) return this.own;
    const own = new Map<FunctionNode, MutableFacts>();
    const of = (fn: FunctionNode) => {
      let facts = own.get(fn);
      if (!facts) own.set(fn, (facts = emptyFacts()));
      return facts;
    };
    for (const access of this.input.accesses) this.addAccess(access, of);
    for (const site of this.input.scopeSites) {
      for (const placeholder of this.placeholders(site.value)) of(placeholder.fn).scopes.push({ param: refOf(placeholder), key: site.key, span: spanOf(site.node) });
    }
    const accessCalls = new Set(this.input.accesses.map((access) => access.call));
    for (const call of this.input.index.calls) {
      // `Invoice.findById(id)` on an imported model is the access itself, not a call into a service.
      const ref = accessCalls.has(call) ? undefined : this.input.importedCall(call);
      if (ref) for (const [fn, args] of this.argumentsByFunction(call)) of(fn).forwards.push({ ref, args });
      else this.noteSameFileCall(call);
    }
    this.own = own;
    return own;
  }

  private addAccess(access: RecordAccess, of: (fn: FunctionNode) => MutableFacts): void {
    const ids = access.ids.flatMap((node) => this.placeholders(node));
    if (ids.length === 0) return;
    const owners = access.owners.flatMap((node) => this.placeholders(node));
    // An owner key bound to anything but a parameter (a verified claim, a server-side value) scopes the access.
    if (access.owners.some((node) => this.placeholders(node).length === 0 || this.input.hasVerified(node))) return;
    const sqlScoped = access.sql !== undefined && mentionsIdentityColumn(access.sql);
    const model = access.target ? this.input.modelRef(access.target) : undefined;
    const callee = dottedPath(access.call.callee) ?? calleeName(access.call) ?? 'query';
    for (const id of ids) {
      const siblings = sqlScoped ? ids.filter((other) => other !== id) : owners;
      of(id.fn).accesses.push({
        param: refOf(id),
        operation: access.operation,
        ...(model ? { model } : {}),
        scopedBy: siblings.filter((owner) => owner.fn === id.fn).map(refOf),
        callee,
        span: spanOf(access.call),
      });
      break;
    }
  }

  /** `if (doc.ownerId !== userId) throw …` in `fn` or a closure of it: the parameters of `fn` equality tests compare. */
  private comparisonsIn(fn: FunctionNode): ParamComparison[] {
    const found: ParamComparison[] = [];
    const note = (node: TSESTree.Node, at: TSESTree.Node) => {
      for (const placeholder of this.placeholders(node, true)) if (placeholder.fn === fn) found.push({ param: placeholder.index, span: spanOf(at) });
    };
    for (const condition of this.input.index.conditions) {
      if (condition.range[0] < fn.range[0] || condition.range[1] > fn.range[1]) continue;
      if (onlyRejectsInput(condition)) continue;
      const test = condition.type === AST_NODE_TYPES.SwitchStatement ? condition.discriminant : condition.test;
      const stack: TSESTree.Node[] = [test];
      for (let seen = 0; stack.length > 0 && seen < 32; seen++) {
        const node = unwrap(stack.pop()!);
        if (node.type === AST_NODE_TYPES.LogicalExpression) stack.push(node.left, node.right);
        else if (node.type === AST_NODE_TYPES.UnaryExpression) stack.push(node.argument);
        else if (node.type === AST_NODE_TYPES.BinaryExpression && /^[!=]==?$/.test(node.operator) && node.left.type !== AST_NODE_TYPES.PrivateIdentifier) {
          note(node.left, node);
          note(node.right, node);
        } else if (node.type === AST_NODE_TYPES.CallExpression && calleeName(node) === 'equals') {
          for (const argument of node.arguments) note(argument, node);
        }
      }
    }
    return found;
  }

  /**
   * The parameters a value passes through unchanged (or, with `derived`, after string operations too). A value the
   * framework already fills (`req.params.id` of a handler's `req`) is request input, not a caller's argument.
   */
  private placeholders(node: TSESTree.Node, derived = false): ParamPlaceholder[] {
    const values = this.input.valuesOf(node);
    if (values.some(isTrustValue)) return [];
    return values.filter((value): value is ParamPlaceholder => !isTrustValue(value) && value.shape === 'param' && (derived || !value.derived) && isFunctionNode(value.fn));
  }
}

interface MutableFacts {
  accesses: ParamAccess[];
  scopes: ParamScope[];
  compared: ParamComparison[];
  forwards: ParamForward[];
}

function emptyFacts(): MutableFacts {
  return { accesses: [], scopes: [], compared: [], forwards: [] };
}

function copy(facts: MutableFacts | undefined): MutableFacts {
  return facts ? { accesses: [...facts.accesses], scopes: [...facts.scopes], compared: [...facts.compared], forwards: [...facts.forwards] } : emptyFacts();
}

function isEmpty(facts: ParamFacts): boolean {
  return facts.accesses.length === 0 && facts.scopes.length === 0 && facts.compared.length === 0 && facts.forwards.length === 0;
}

function refOf(placeholder: ParamPlaceholder): ParamRef {
  return { index: placeholder.index, path: placeholder.path.map((key) => key ?? null) };
}

/**
 * Facts of a called function, in terms of the caller's parameters: its parameter `i` is what the caller passes as
 * argument `i`. Facts about parameters the caller does not feed from its own are dropped, except that an access
 * scoped by such a parameter is scoped by whatever the caller passes there, so it is dropped too.
 */
export function remap<A extends ParamAccess>(
  inner: Omit<ParamFacts, 'accesses'> & { accesses: readonly A[] },
  args: readonly (ParamRef | null)[],
): Omit<ParamFacts, 'accesses'> & { accesses: A[] } {
  const at = (ref: ParamRef): ParamRef | null => {
    const outer = args[ref.index];
    return outer ? { index: outer.index, path: [...outer.path, ...ref.path] } : null;
  };
  const accesses: A[] = [];
  for (const access of inner.accesses) {
    const param = at(access.param);
    const scopedBy = access.scopedBy.map(at);
    if (!param || scopedBy.some((ref) => ref === null)) continue;
    accesses.push({ ...access, param, scopedBy: scopedBy as ParamRef[] });
  }
  const scopes = inner.scopes.flatMap((scope) => {
    const param = at(scope.param);
    return param ? [{ ...scope, param }] : [];
  });
  const compared = inner.compared.flatMap((comparison) => {
    const outer = args[comparison.param];
    return outer ? [{ ...comparison, param: outer.index }] : [];
  });
  const forwards = inner.forwards.flatMap((forward) => {
    const mapped = forward.args.map((arg) => (arg ? at(arg) : null));
    return mapped.some((arg) => arg !== null) ? [{ ref: forward.ref, args: mapped }] : [];
  });
  return { accesses, scopes, compared, forwards };
}

function addRemapped(facts: MutableFacts, inner: ParamFacts, args: readonly (ParamRef | null)[]): void {
  const mapped = remap(inner, args);
  facts.accesses.push(...mapped.accesses);
  facts.scopes.push(...mapped.scopes);
  facts.compared.push(...mapped.compared);
  facts.forwards.push(...mapped.forwards);
}

/** `if (followingId === followerId) throw new HttpException('…', HttpStatus.BAD_REQUEST)`: input validation, no owner check. */
function onlyRejectsInput(condition: TSESTree.Node): boolean {
  if (condition.type !== AST_NODE_TYPES.IfStatement && condition.type !== AST_NODE_TYPES.ConditionalExpression) return false;
  const outcome = branchOutcome([condition.consequent, condition.alternate], false);
  return outcome.rejectsInput && !outcome.denies;
}
