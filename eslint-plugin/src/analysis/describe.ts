import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TSESTree } from '@typescript-eslint/utils';
import type { SourceKind, TrustValue, UntrustedValue } from './types';
import { claimFor } from './names';
import { rootIdentifier, unwrap } from './syntax';

/** How a message names a value: "header 'x-role'", "path param 'userId'", "the request body". */
export function describeValue(value: TrustValue): string {
  if (value.trust === 'untrusted') return value.label && value.name !== undefined ? `${value.label} '${value.name}'` : describeOrigin(value.source, value.name);
  if (value.trust === 'pending') return `request property '${value.prop}'`;
  const claim = claimName(value.name);
  if (value.trust === 'unverified') return claim ? `claim '${claim}' of an unverified token` : 'the claims of an unverified token';
  return claim ? `verified claim '${claim}'` : 'verified claims';
}

/** How a message names a request value by its source and name. */
export function describeOrigin(source: SourceKind, name: string | undefined): string {
  if (name === undefined) return source === 'body' ? 'the request body' : `a ${source}`;
  return source === 'body' ? `body field '${name}'` : source === 'argument' ? `GraphQL argument '${name}'` : `${source} '${name}'`;
}

/** A claim path without the `payload.` prefix decoders add (`payload.role` → `role`). */
export function claimName(name: string | undefined): string | undefined {
  return name?.replace(/^payload\./, '');
}

/** `?isAdmin=true`, `x-admin: 1`: a value that is a switch, which a claim value cannot replace one for one. */
export function isBooleanSwitch(value: UntrustedValue): boolean {
  return /^is[A-Z_-]|^(admin|superuser|staff)$/i.test(value.name ?? '');
}

/**
 * The replacement for an untrusted read: the claims path with its root renamed to the request object the
 * read uses (`req.auth.payload` → `request.auth.payload` inside a handler whose request is `request`).
 * Undefined when the read is not a single expression that can be swapped, or is a switch (see `flagTestSuggestion`).
 * Callers pass a claims path only where the code may read it: see `claimsAccessAt`.
 */
export function claimSuggestion(
  value: UntrustedValue,
  claimsPath: string | undefined,
  verifiedNames: readonly string[],
): { node: TSESTree.Node; text: string } | undefined {
  if (!claimsPath || isBooleanSwitch(value)) return undefined;
  const read = unwrap(value.node);
  if (read.type !== AST_NODE_TYPES.MemberExpression && read.type !== AST_NODE_TYPES.CallExpression) return undefined;
  const claim = chooseClaim(value.name, verifiedNames);
  return claim ? { node: read, text: `${claimsBase(read, claimsPath)}.${claim}` } : undefined;
}

/** The claims object as code beside `read` spells it: a request-rooted path takes the read's request name. */
function claimsBase(read: TSESTree.Node, claimsPath: string): string {
  const root = rootIdentifier(read);
  const pathRoot = claimsPath.split(/[.(]/)[0];
  const renames = root && /^[A-Za-z_$][\w$]*$/.test(pathRoot) && isRequestLike(pathRoot) && isRequestLike(root.name);
  return renames ? root.name + claimsPath.slice(pathRoot.length) : claimsPath;
}

/** Flags a caller sets to claim a role (`isAdmin`, `x-admin`, `staff`), with the role each one claims. */
const PRIVILEGE_FLAG = /^(?:x-)?(?:is[-_]?)?(admin|administrator|superuser|super[-_]?admin|staff|manager|moderator|root|owner)$/i;
const TRUE_TEXT = new Set(['true', '1', 'yes', 'on']);
const FALSE_TEXT = new Set(['false', '0', 'no', 'off']);

/**
 * A switch's test rewritten as a test of the verified claim: `req.query.isAdmin === 'true'` →
 * `req.auth.payload.role === 'admin'`, `!req.query.admin` → `req.auth.payload.role !== 'admin'`. Undefined when
 * the flag names no role or the switch is not tested where it is used.
 */
export function flagTestSuggestion(
  value: UntrustedValue,
  operand: TSESTree.Node,
  claimsPath: string,
  verifiedNames: readonly string[],
): { node: TSESTree.Node; text: string } | undefined {
  const role = PRIVILEGE_FLAG.exec(value.name ?? '')?.[1]?.toLowerCase();
  const claim = chooseClaim(value.name, verifiedNames);
  const test = role && claim ? flagTest(operand) : undefined;
  if (!test || !role || !claim) return undefined;
  const claims = `${claimsBase(unwrap(value.node), claimsPath)}.${claim}`;
  const literal = `'${role}'`;
  const text = claim === 'roles' ? `${test.positive ? '' : '!'}${claims}.includes(${literal})` : `${claims} ${test.positive ? '===' : '!=='} ${literal}`;
  return { node: test.node, text };
}

/** The expression that tests a switch, and whether it passes when the switch is on. */
function flagTest(operand: TSESTree.Node): { node: TSESTree.Node; positive: boolean } | undefined {
  const parent = operand.parent;
  if (!parent) return undefined;
  if (parent.type === AST_NODE_TYPES.BinaryExpression && ['===', '==', '!==', '!='].includes(parent.operator)) {
    const other = parent.left === operand ? parent.right : parent.left;
    const text = other.type === AST_NODE_TYPES.Literal ? String(other.value).toLowerCase() : undefined;
    const equal = parent.operator === '===' || parent.operator === '==';
    if (text !== undefined && TRUE_TEXT.has(text)) return { node: parent, positive: equal };
    if (text !== undefined && FALSE_TEXT.has(text)) return { node: parent, positive: !equal };
    return undefined;
  }
  if (parent.type === AST_NODE_TYPES.UnaryExpression && parent.operator === '!') return { node: parent, positive: false };
  const truthy =
    ((parent.type === AST_NODE_TYPES.IfStatement || parent.type === AST_NODE_TYPES.ConditionalExpression) && parent.test === operand) ||
    (parent.type === AST_NODE_TYPES.LogicalExpression && parent.operator !== '??');
  return truthy ? { node: operand, positive: true } : undefined;
}

/** A name code gives the request object, or a context that holds it. */
export function isRequestLike(name: string): boolean {
  return /^(req|request|ctx|context|c|_req)$/.test(name);
}

/** A claim the file already reads for the same concept, else the conventional claim name. */
function chooseClaim(name: string | undefined, verifiedNames: readonly string[]): string | undefined {
  const wanted = claimFor(name);
  if (!wanted) return undefined;
  return verifiedNames.find((claim) => claim === wanted || claimFor(claim) === wanted) ?? wanted;
}
