/**
 * What the project's own middleware puts on the request for later code: `req.claims = payload` after a
 * verification, `res.locals.user = …`, `ctx.state.account = …`, or `req.body.userId = req.user.id`, which replaces
 * a caller's value with the server's. The project index applies them, in chain order, to what later links read.
 */
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TSESTree } from '@typescript-eslint/utils';
import type { ForwardedHeaders } from '../models/framework-model';
import type { FileIndex } from './file-index';
import type { SourceKind, TrustValue } from './types';
import { isTrustValue, type Value, type ValueEvaluator } from './values';
import { VOCABULARY } from './framework-models';
import { calleeName, memberName, propertyKeyName, staticString, unwrap } from './syntax';
import type { PortableValue } from './portable';

/** What a written value is: claims, request input, or something the server determined (a database row, a constant). */
export type WrittenTrust = 'verified' | 'untrusted' | 'unverified' | 'server';

/** Where written request input came from (`header 'x-role'`), so decisions on what holds it can name it. */
export interface WrittenOrigin {
  source: SourceKind;
  name?: string;
}

export interface RequestWrite {
  /** The assignment. */
  node: TSESTree.Node;
  /** The property path below the request: `claims`, `locals.user`, `body.userId`. */
  prop: string;
  /** What was written; `pending` when it is itself a property another middleware set (`req.user = req.claims`). */
  trust: WrittenTrust | 'pending';
  /** For `pending`: the property it copies. */
  from?: string;
  /** For `untrusted`: the caller input written. */
  origin?: WrittenOrigin;
}

/** Fields of a request-shaped context (Koa's `ctx`) that belong to the response. */
const RESPONSE_FIELDS = new Set(['body', 'status', 'type', 'message', 'headers', 'length', 'etag', 'lastModified', 'redirect', 'set']);

/** The request's containers as middleware writes into them (`req.body.userId = …`). */
const CONTAINER_PROP: Record<string, string> = { header: 'headers', 'path param': 'params', query: 'query', body: 'body', cookie: 'cookies' };

export function findRequestWrites(index: FileIndex, evaluator: ValueEvaluator): RequestWrite[] {
  const writes: RequestWrite[] = [];
  for (const assignment of index.assignments) {
    if (assignment.operator !== '=' || assignment.left.type !== AST_NODE_TYPES.MemberExpression) continue;
    const key = memberName(assignment.left);
    if (key === undefined) continue;
    const base = basePropOf(evaluator.valuesOf(assignment.left.object));
    if (base === undefined) continue;
    // `ctx.body = …`, `ctx.status = 403`: Koa's context carries the response too; that is an answer, not request data.
    if (base === '' && RESPONSE_FIELDS.has(key)) continue;
    writes.push(...writesOf(assignment, base === '' ? key : `${base}.${key}`, assignment.right, evaluator));
  }
  return [...writes, ...variableWrites(index, evaluator), ...forwardedHeaderWrites(index, evaluator)];
}

/** One write of `value` at `prop`; an object literal also writes each field with its own trust. */
function writesOf(node: TSESTree.Node, prop: string, value: TSESTree.Node, evaluator: ValueEvaluator): RequestWrite[] {
  const right = unwrap(value);
  if (right.type !== AST_NODE_TYPES.ObjectExpression) return [{ node, prop, ...writtenTrust(evaluator.trustOf(right)) }];
  // `res.locals.user = { id: claims.sub, email: row.email }`: each field keeps its own trust, the object the least.
  const fields: RequestWrite[] = [];
  for (const property of right.properties) {
    const field = property.type === AST_NODE_TYPES.Property ? propertyKeyName(property) : undefined;
    if (field === undefined || property.type !== AST_NODE_TYPES.Property) continue;
    fields.push({ node: property, prop: `${prop}.${field}`, ...writtenTrust(evaluator.trustOf(property.value)) });
  }
  return [{ node, prop, ...leastTrusted(fields) }, ...fields];
}

const VARIABLE_SETTERS = VOCABULARY.request.variableSetters;

/** `c.set('user', { id: payload.sub })`: a context variable, read later as `c.get('user')`, under the variable's name. */
function variableWrites(index: FileIndex, evaluator: ValueEvaluator): RequestWrite[] {
  const writes: RequestWrite[] = [];
  if (VARIABLE_SETTERS.size === 0) return writes;
  for (const call of index.calls) {
    const callee = unwrap(call.callee);
    if (callee.type !== AST_NODE_TYPES.MemberExpression || !VARIABLE_SETTERS.has(memberName(callee) ?? '')) continue;
    const name = staticString(call.arguments[0]);
    const value = call.arguments[1];
    if (name === undefined || !value || value.type === AST_NODE_TYPES.SpreadElement) continue;
    if (basePropOf(evaluator.valuesOf(callee.object)) !== '') continue;
    writes.push(...writesOf(call, name, value, evaluator));
  }
  return writes;
}

const FORWARDED_HEADERS = VOCABULARY.request.forwardedHeaders;

/**
 * `headers.set('x-user-id', claims.sub)` on a headers object the middleware forwards as the request's
 * (`NextResponse.next({ request: { headers } })`): later handlers read that header as the middleware set it.
 */
function forwardedHeaderWrites(index: FileIndex, evaluator: ValueEvaluator): RequestWrite[] {
  if (FORWARDED_HEADERS.length === 0) return [];
  const writes: RequestWrite[] = [];
  for (const call of index.calls) {
    const callee = unwrap(call.callee);
    const name = staticString(call.arguments[0]);
    const value = call.arguments[1];
    if (callee.type !== AST_NODE_TYPES.MemberExpression || name === undefined || !value || value.type === AST_NODE_TYPES.SpreadElement) continue;
    const method = memberName(callee);
    const holder = unwrap(callee.object);
    if (holder.type !== AST_NODE_TYPES.Identifier) continue;
    const shapes = FORWARDED_HEADERS.filter((shape) => method !== undefined && shape.setMethods.includes(method));
    if (shapes.length === 0 || !isForwarded(index, holder, shapes)) continue;
    writes.push({ node: call, prop: `headers.${name.toLowerCase()}`, ...writtenTrust(evaluator.trustOf(value)) });
  }
  return writes;
}

/** Whether the variable `holder` names is handed, at one of the shapes' option paths, to their forwarding call. */
function isForwarded(index: FileIndex, holder: TSESTree.Identifier, shapes: readonly ForwardedHeaders[]): boolean {
  const variable = index.variableOf(holder);
  if (!variable) return false;
  return variable.references.some((reference) => shapes.some((shape) => forwardsAt(reference.identifier as TSESTree.Node, shape)));
}

/** `{ request: { headers: <node> } }` as the first argument of a call named `shape.call`, walking up from the value. */
function forwardsAt(node: TSESTree.Node, shape: ForwardedHeaders): boolean {
  let current = node;
  for (let i = shape.optionPath.length - 1; i >= 0; i--) {
    const property = current.parent;
    if (property?.type !== AST_NODE_TYPES.Property || property.value !== current || propertyKeyName(property) !== shape.optionPath[i]) return false;
    current = property.parent;
    if (current.type !== AST_NODE_TYPES.ObjectExpression) return false;
  }
  const call = current.parent;
  return call?.type === AST_NODE_TYPES.CallExpression && call.arguments[0] === current && calleeName(call) === shape.call;
}

/** The path below the request that an assignment's object names: '' for the request itself, undefined for anything else. */
function basePropOf(values: readonly Value[]): string | undefined {
  for (const value of values) {
    if (!isTrustValue(value)) {
      if (value.shape === 'request') return '';
      if (value.shape === 'locals' || value.shape === 'state') return value.shape;
      continue;
    }
    if (value.trust === 'pending') return value.prop;
    if (value.trust === 'untrusted' && Object.hasOwn(CONTAINER_PROP, value.source)) {
      const container = CONTAINER_PROP[value.source]!;
      if (value.container) return container;
      if (value.name !== undefined) return `${container}.${value.name}`;
    }
  }
  return undefined;
}

/** The least trusted of an object's fields; an object of server values is the server's. */
function leastTrusted(fields: readonly RequestWrite[]): Pick<RequestWrite, 'trust' | 'from'> {
  for (const trust of ['untrusted', 'unverified', 'pending', 'verified'] as const) {
    const field = fields.find((candidate) => candidate.trust === trust);
    if (field) return { trust, ...(field.from ? { from: field.from } : {}) };
  }
  return { trust: 'server' };
}

/** The least trusted of what a written expression carries; nothing from the request at all means the server chose it. */
function writtenTrust(values: readonly TrustValue[]): Pick<RequestWrite, 'trust' | 'from' | 'origin'> {
  const untrusted = values.find((value) => value.trust === 'untrusted');
  if (untrusted?.trust === 'untrusted') return { trust: 'untrusted', ...(untrusted.container ? {} : { origin: originOf(untrusted.source, untrusted.name) }) };
  if (values.some((value) => value.trust === 'unverified')) return { trust: 'unverified' };
  if (values.some((value) => value.trust === 'verified')) return { trust: 'verified' };
  const pending = values.find((value) => value.trust === 'pending');
  if (pending?.trust === 'pending') return { trust: 'pending', from: pending.prop };
  return { trust: 'server' };
}

/**
 * What a context builder puts on the context its resolvers read, field by field, from what it returns:
 * `{ viewer: { id: claims.sub }, db }` sets `viewer` (and `viewer.id`) from verified claims. A field returned in
 * several shapes takes the least trusted; a field holding nothing the analysis can name is not written, so
 * decisions on it stay unsettled.
 */
export function returnedWrites(returns: readonly PortableValue[]): { prop: string; trust: WrittenTrust; origin?: WrittenOrigin }[] {
  const fields = new Map<string, WrittenTrust>();
  const origins = new Map<string, WrittenOrigin>();
  const visit = (values: readonly PortableValue[], prefix: string): WrittenTrust | undefined => {
    let least: WrittenTrust | undefined;
    for (const value of values) {
      const read = value.kind === 'param' ? contextArgumentRead(value) : undefined;
      const trust = value.kind === 'object' ? visitObject(value.props, prefix) : value.kind === 'param' ? (read ? 'untrusted' : undefined) : value.kind;
      // `{ role: req.headers['x-role'] }`: the field holds that header.
      if (value.kind === 'untrusted' && !value.container && prefix !== '' && !origins.has(prefix)) origins.set(prefix, originOf(value.source, value.name));
      if (read && prefix !== '' && !origins.has(prefix)) origins.set(prefix, read);
      if (trust && (least === undefined || TRUST_RANK[trust] < TRUST_RANK[least])) least = trust;
    }
    return least;
  };
  const visitObject = (props: Readonly<Record<string, readonly PortableValue[]>>, prefix: string): WrittenTrust | undefined => {
    let least: WrittenTrust | undefined;
    for (const [key, inner] of Object.entries(props)) {
      const prop = prefix === '' ? key : `${prefix}.${key}`;
      const trust = visit(inner, prop);
      if (!trust) continue;
      const known = fields.get(prop);
      fields.set(prop, known !== undefined && TRUST_RANK[known] < TRUST_RANK[trust] ? known : trust);
      if (least === undefined || TRUST_RANK[trust] < TRUST_RANK[least]) least = trust;
    }
    return least;
  };
  for (const value of returns) if (value.kind === 'object') visitObject(value.props, '');
  return [...fields].map(([prop, trust]) => {
    const origin = trust === 'untrusted' ? origins.get(prop) : undefined;
    return origin ? { prop, trust, origin } : { prop, trust };
  });
}

/** The request's containers by the property that holds them (`headers` → header). */
const CONTAINER_SOURCE: Readonly<Record<string, SourceKind>> = Object.fromEntries(Object.entries(CONTAINER_PROP).map(([source, prop]) => [prop, source as SourceKind]));

/**
 * What a context builder reads from the argument the framework calls it with (`{ req }` for tRPC's adapters, the
 * request itself for express-graphql), when its own file cannot tell: `req.headers['x-role']` is that header.
 */
function contextArgumentRead(value: Extract<PortableValue, { kind: 'param' }>): WrittenOrigin | undefined {
  if (value.index !== 0 || value.derived) return undefined;
  const at = value.path[0] === 'req' || value.path[0] === 'request' ? 1 : 0;
  const container = value.path[at];
  const name = value.path[at + 1];
  const source = typeof container === 'string' && Object.hasOwn(CONTAINER_SOURCE, container) ? CONTAINER_SOURCE[container] : undefined;
  return source !== undefined && typeof name === 'string' ? { source, name } : undefined;
}

function originOf(source: SourceKind, name: string | undefined): WrittenOrigin {
  return name !== undefined ? { source, name } : { source };
}

const TRUST_RANK: Record<WrittenTrust, number> = { untrusted: 0, unverified: 1, server: 2, verified: 3 };

/** The chain put verified claims or the server's own value there: the caller no longer chose it. */
export function isServerValue(written: WrittenTrust | undefined): written is 'verified' | 'server' {
  return written === 'verified' || written === 'server';
}

/** What a property holds after some writes: its own write, or the nearest written property above it. */
export function writtenAt(writes: ReadonlyMap<string, WrittenTrust>, prop: string): WrittenTrust | undefined {
  for (let path = prop; path !== ''; path = path.includes('.') ? path.slice(0, path.lastIndexOf('.')) : '') {
    const trust = writes.get(path);
    if (trust) return trust;
  }
  return undefined;
}

/**
 * Values as the routes reaching their code see them: a request property their middleware sets takes the trust it
 * was set with, and a caller's field their middleware replaces with the server's value is no longer the caller's.
 */
/** Where a claim read by convention sits on the request: `user.role` for `req.user.role`. */
export function conventionalClaimProp(value: TrustValue): string | undefined {
  if (value.trust !== 'verified' || value.requestProp === undefined) return undefined;
  return value.name !== undefined ? `${value.requestProp}.${value.name}` : value.requestProp;
}

export function settleValues(
  values: readonly TrustValue[],
  writes: ReadonlyMap<string, WrittenTrust> | undefined,
  origins?: ReadonlyMap<string, WrittenOrigin>,
): TrustValue[] {
  if (!writes || writes.size === 0) return values.map((value) => (value.trust === 'pending' && value.verifiedUnlessWritten ? conventionalClaims(value) : value));
  return values.map((value): TrustValue => {
    const conventional = conventionalClaimProp(value);
    if (conventional !== undefined) {
      // `req.user` that the chain's middleware filled with a decoded token holds that token's claims.
      const written = writtenAt(writes, conventional);
      if (written === 'unverified') return { trust: 'unverified', name: value.name, node: value.node };
      const origin = written === 'untrusted' ? origins?.get(conventional) : undefined;
      return origin ? { trust: 'untrusted', source: origin.source, name: origin.name, container: false, node: value.node } : value;
    }
    const prop = requestPropOfValue(value);
    const written = prop !== undefined ? writtenAt(writes, prop) : undefined;
    if (!written && value.trust === 'pending' && value.verifiedUnlessWritten) return conventionalClaims(value);
    if (isServerValue(written)) return { trust: 'verified', claimsPath: undefined, name: value.name, node: value.node };
    if (written === 'unverified' && value.trust === 'pending') return { trust: 'unverified', name: value.name, node: value.node };
    // `context.role` that the context builder set from `req.headers['x-role']` is that header.
    const origin = written === 'untrusted' && value.trust === 'pending' ? origins?.get(value.prop) : undefined;
    if (origin) return { trust: 'untrusted', source: origin.source, name: origin.name, container: false, node: value.node };
    return value;
  });
}

/** `context.user.role` read by convention: the claim `role` of the verified caller. */
export function conventionalClaims(value: Extract<TrustValue, { trust: 'pending' }>): TrustValue {
  const dot = value.prop.indexOf('.');
  return { trust: 'verified', claimsPath: undefined, name: dot < 0 ? undefined : value.prop.slice(dot + 1), node: value.node };
}

/**
 * Where a value lives on the request object, the path middleware writes it under: a property the chain sets
 * (`user.role`) or one of the caller's containers (`params.id`).
 */
export function requestPropOfValue(value: TrustValue): string | undefined {
  if (value.trust === 'pending') return value.prop;
  return value.trust === 'untrusted' ? requestPropOf(value.source, value.name) : undefined;
}

/** `params.id` for path param 'id': where a request value lives on the request object. */
export function requestPropOf(source: string, name: string | undefined): string | undefined {
  if (name === undefined || !Object.hasOwn(CONTAINER_PROP, source)) return undefined;
  return `${CONTAINER_PROP[source]}.${name}`;
}
