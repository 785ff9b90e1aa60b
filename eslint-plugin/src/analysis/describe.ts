import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TSESTree } from '@typescript-eslint/utils';
import type { TrustValue, UntrustedValue } from './types';
import { claimFor } from './names';
import { rootIdentifier, unwrap } from './syntax';

/** How a message names a value: "header 'x-role'", "path param 'userId'", "the request body". */
export function describeValue(value: TrustValue): string {
  if (value.trust === 'untrusted') {
    if (value.name === undefined) return value.source === 'body' ? 'the request body' : `a ${value.source}`;
    return value.source === 'body' ? `body field '${value.name}'` : value.source === 'argument' ? `GraphQL argument '${value.name}'` : `${value.source} '${value.name}'`;
  }
  const claim = claimName(value.name);
  if (value.trust === 'unverified') return claim ? `claim '${claim}' of an unverified token` : 'the claims of an unverified token';
  return claim ? `verified claim '${claim}'` : 'verified claims';
}

/** A claim path without the `payload.` prefix decoders add (`payload.role` → `role`). */
export function claimName(name: string | undefined): string | undefined {
  return name?.replace(/^payload\./, '');
}

/**
 * The replacement for an untrusted read: the claims path with its root renamed to the request object the
 * read uses (`req.auth.payload` → `request.auth.payload` inside a handler whose request is `request`).
 * Undefined when the read is not a single expression that can be swapped.
 */
export function claimSuggestion(
  value: UntrustedValue,
  claimsPath: string | undefined,
  verifiedNames: readonly string[],
): { node: TSESTree.Node; text: string } | undefined {
  // A boolean switch (`?isAdmin=true`) cannot be swapped for a claim value without rewriting the test around it.
  if (!claimsPath || /^is[A-Z_-]|^(admin|superuser|staff)$/i.test(value.name ?? '')) return undefined;
  const read = unwrap(value.node);
  if (read.type !== AST_NODE_TYPES.MemberExpression && read.type !== AST_NODE_TYPES.CallExpression) return undefined;
  const root = rootIdentifier(read);
  const pathRoot = claimsPath.split(/[.(]/)[0];
  const base = root && /^[A-Za-z_$][\w$]*$/.test(pathRoot) && isRequestLike(root.name) ? root.name + claimsPath.slice(pathRoot.length) : claimsPath;
  const claim = chooseClaim(value.name, verifiedNames);
  return claim ? { node: read, text: `${base}.${claim}` } : undefined;
}

function isRequestLike(name: string): boolean {
  return /^(req|request|ctx|context|c|_req)$/.test(name);
}

/** A claim the file already reads for the same concept, else the conventional claim name. */
function chooseClaim(name: string | undefined, verifiedNames: readonly string[]): string | undefined {
  const wanted = claimFor(name);
  if (!wanted) return undefined;
  return verifiedNames.find((claim) => claim === wanted || claimFor(claim) === wanted) ?? wanted;
}
