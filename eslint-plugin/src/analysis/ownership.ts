import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TSESTree } from '@typescript-eslint/utils';
import type { FileAnalysis, ResolvedAccess } from './index';
import { isAuthorizationFunction, mentionsIdentityColumn } from './names';
import { requestPropOfValue } from './request-writes';
import { calleeName, dottedPath, unwrap } from './syntax';
import type { Operation } from './records';
import type { FunctionNode, TrustValue, UntrustedValue } from './types';

/**
 * What the code around a record access says about whose record it is: the one set of checks behind
 * require-ownership-check's findings and the route grade's "no check that it belongs to the caller".
 */

/** Where a client chooses a record: path, query, body, GraphQL arguments. */
const CLIENT_SOURCES = new Set(['path param', 'query', 'body', 'argument']);

/** One value read from the path, query, body or GraphQL arguments (not a whole container). */
export function isClientChosen(value: { source: string; container: boolean }): boolean {
  return CLIENT_SOURCES.has(value.source) && !value.container;
}

export function clientValue(values: readonly TrustValue[]): UntrustedValue | undefined {
  return values.find((value): value is UntrustedValue => value.trust === 'untrusted' && isClientChosen(value));
}

const PAST: Record<Operation, string> = { Reads: 'read', Changes: 'changed', Deletes: 'deleted' };

/** "Order record read by path param 'id' in findOrder() with no check that it belongs to the caller", for a grade. */
export function uncheckedDescription(model: string | undefined, operation: Operation, origin: string, service?: string): string {
  return `${model ? `${model} record` : 'record'} ${PAST[operation]} by ${origin}${service ? ` in ${service}()` : ''} with no check that it belongs to the caller`;
}

/**
 * A request property that checks the caller once the route's chain says what it holds: `request.headers.get('x-user-id')`
 * set by middleware from verified claims, or `req.user.id` that holds verified identity unless the chain sets it.
 */
export interface CheckIfSet {
  prop: string;
  unlessWritten?: true;
}

/** Whether code checks the caller: `checked` now, else the request properties that would if the chain set them. */
export interface CallerCheck {
  checked: boolean;
  ifSet: readonly CheckIfSet[];
}

const UNCHECKED: CallerCheck = { checked: false, ifSet: [] };

/** A record chosen by the client with nothing around it that checks it is the caller's. */
export interface UncheckedAccess extends ResolvedAccess {
  origin: UntrustedValue;
  /** The request properties that would check it if the chain set them from verified claims (see CheckIfSet). */
  ifSet: readonly CheckIfSet[];
}

/**
 * The checks, over one view of values: the rule's view applies what the routes' middleware writes on the request;
 * a file's summary, made before any route is linked, keeps request properties as such, for the grade to settle.
 */
export class OwnershipChecks {
  private byFunction: Map<FunctionNode | null, CallerCheck> | undefined;

  constructor(
    private readonly analysis: Pick<FileAnalysis, 'decisions' | 'valuesOf' | 'functionContaining' | 'comparingCalls' | 'argumentValues'>,
    /** How values read at a node are seen: `analysis.settle` for the rule, as they are for a summary. */
    private readonly view: (values: readonly TrustValue[], at: TSESTree.Node) => readonly TrustValue[],
    /** `ability.can('read', doc)` and the like: policy checks even when no request value feeds them. */
    private readonly policyCalls: readonly (TSESTree.CallExpression | TSESTree.NewExpression)[],
  ) {}

  /**
   * A read, change or delete of a record by a client id, unless its filter is scoped by the caller, a check in the
   * same function compares the owner, or (for a service) the call hands over the caller.
   */
  unchecked(resolved: ResolvedAccess): UncheckedAccess | undefined {
    const { access } = resolved;
    // An owner or tenant key fed by the caller is no-untrusted-authorization's finding: one report per problem.
    if (access.owners.some((node) => clientValue(this.valuesAt(node)) !== undefined)) return undefined;
    const origin = access.ids.map((node) => clientValue(this.valuesAt(node))).find((value) => value !== undefined);
    if (!origin) return undefined;
    const checks = [this.scope(access.scopes, access.sql), this.inFunction(access.call)];
    if (access.service !== undefined) checks.push(this.handedOver(access.call));
    if (checks.some((check) => check.checked)) return undefined;
    return { ...resolved, origin, ifSet: checks.flatMap((check) => check.ifSet) };
  }

  /**
   * An ownership check in the function around `node`: a decision on a verified claim (`doc.ownerId !== claims.sub`),
   * an authorization call, or a policy call.
   */
  inFunction(node: TSESTree.Node): CallerCheck {
    const fn = this.analysis.functionContaining(node);
    if (fn === null) return UNCHECKED;
    this.byFunction ??= this.checksByFunction();
    return this.byFunction.get(fn) ?? UNCHECKED;
  }

  /** One pass over the file's decisions and policy calls, each function's checks merged. */
  private checksByFunction(): Map<FunctionNode | null, CallerCheck> {
    const found = new Map<FunctionNode | null, CallerCheck>();
    const add = (fn: FunctionNode | null, check: CallerCheck) => {
      const before = found.get(fn) ?? UNCHECKED;
      found.set(fn, { checked: before.checked || check.checked, ifSet: [...before.ifSet, ...check.ifSet] });
    };
    for (const decision of this.analysis.decisions) {
      if (decision.kind === 'authorization-call') add(decision.fn, { checked: true, ifSet: [] });
      else add(decision.fn, this.callerAmong(decision.operands.filter((operand) => !operand.presence).flatMap((operand) => this.view(operand.values, operand.node))));
    }
    for (const call of this.policyCalls) if (isPolicyCall(call)) add(this.analysis.functionContaining(call), { checked: true, ifSet: [] });
    // `assertOwner(order, req.auth.sub)`: a helper of another file compares what it is handed; the caller is checked
    // when that is the verified subject.
    for (const { call, facts } of this.analysis.comparingCalls) {
      const handed = facts.compared.flatMap((comparison) => this.view(this.analysis.argumentValues(call, { index: comparison.param, path: [] }), call));
      add(this.analysis.functionContaining(call), this.callerAmong(handed));
    }
    return found;
  }

  /** The filter or the SQL parameters also carry the caller (for SQL, next to an identity column). */
  private scope(scopes: readonly TSESTree.Node[], sql: string | undefined): CallerCheck {
    if (sql !== undefined && !mentionsIdentityColumn(sql)) return UNCHECKED;
    return this.callerAmong(scopes.flatMap((node) => this.valuesAt(node)));
  }

  /** A service handed the caller (`delete(slug, user.id)`) can compare the owner itself. */
  private handedOver(call: TSESTree.CallExpression): CallerCheck {
    const parts = call.arguments.flatMap((argument): TSESTree.Node[] => {
      const bare = unwrap(argument);
      if (bare.type !== AST_NODE_TYPES.ObjectExpression) return [bare];
      return bare.properties.map((property) => (property.type === AST_NODE_TYPES.Property ? property.value : property.argument));
    });
    return this.callerAmong(parts.flatMap((part) => this.valuesAt(part)));
  }

  private valuesAt(node: TSESTree.Node): readonly TrustValue[] {
    return this.view(this.analysis.valuesOf(node), node);
  }

  /** Verified claims check the caller; a request property may, once the chain says what it holds. */
  private callerAmong(values: readonly TrustValue[]): CallerCheck {
    if (values.some((value) => value.trust === 'verified')) return { checked: true, ifSet: [] };
    const ifSet = values.flatMap((value): CheckIfSet[] => {
      if (value.trust === 'untrusted' && value.container) return [];
      const prop = value.trust === 'pending' || value.trust === 'untrusted' ? requestPropOfValue(value) : undefined;
      if (prop === undefined) return [];
      return [value.trust === 'pending' && value.verifiedUnlessWritten ? { prop, unlessWritten: true } : { prop }];
    });
    return { checked: false, ifSet };
  }
}

/** A call of an authorization API by name (`ability.can`, `enforce`, a configured function). */
export function isPolicyCall(call: TSESTree.CallExpression | TSESTree.NewExpression): call is TSESTree.CallExpression {
  const name = call.type === AST_NODE_TYPES.CallExpression ? calleeName(call) : undefined;
  return !!name && isAuthorizationFunction(name, dottedPath(call.callee), []);
}
