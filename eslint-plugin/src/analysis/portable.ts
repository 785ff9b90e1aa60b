/**
 * Values as plain data, so a function's summary can travel between files: what an exported helper returns
 * (`getClaims(req)` returns the claims of a decoded, unverified token; `currentUser(req)` returns `req.user`),
 * written once in the helper's file and instantiated at every call in another file.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import type { FunctionNode, SourceKind, TrustValue } from './types';
import type { ObjectShape, Value } from './values';

export type PortableValue =
  | { kind: 'untrusted'; source: SourceKind; name?: string; container: boolean }
  | { kind: 'unverified'; name?: string }
  | { kind: 'verified'; claimsPath?: string; name?: string; session?: true }
  /** What the caller passed in parameter `index`, with members read below it. */
  | { kind: 'param'; index: number; path: readonly (string | null)[]; derived: boolean; picks?: number }
  | { kind: 'object'; props: Readonly<Record<string, readonly PortableValue[]>> };

/** Objects nested deeper than this in a returned value are left out: a helper returns `{ claims }`, not a tree. */
const MAX_OBJECT_DEPTH = 2;

/** The portable form of a function's return values; framework shapes and other functions' placeholders drop out. */
export function toPortable(values: readonly Value[], fn: FunctionNode, depth = 0): PortableValue[] {
  const result: PortableValue[] = [];
  for (const value of values) {
    const portable = portableOf(value, fn, depth);
    if (portable) result.push(portable);
  }
  return result;
}

function portableOf(value: Value, fn: FunctionNode, depth: number): PortableValue | undefined {
  if ('trust' in value) {
    if (value.trust === 'untrusted') {
      return { kind: 'untrusted', source: value.source, container: value.container, ...(value.name !== undefined ? { name: value.name } : {}) };
    }
    if (value.trust === 'unverified') return { kind: 'unverified', ...(value.name !== undefined ? { name: value.name } : {}) };
    if (value.trust === 'verified') {
      return {
        kind: 'verified',
        ...(value.claimsPath !== undefined ? { claimsPath: value.claimsPath } : {}),
        ...(value.name !== undefined ? { name: value.name } : {}),
        ...(value.session ? { session: true as const } : {}),
      };
    }
    return undefined;
  }
  if (value.shape === 'param') {
    if (value.fn !== fn) return undefined;
    return { kind: 'param', index: value.index, path: value.path.map((key) => key ?? null), derived: value.derived, ...(value.picks !== undefined ? { picks: value.picks } : {}) };
  }
  if (value.shape === 'object' && depth < MAX_OBJECT_DEPTH) {
    const props: Record<string, PortableValue[]> = Object.create(null) as Record<string, PortableValue[]>;
    for (const [key, inner] of value.props) {
      const portable = toPortable(inner, fn, depth + 1);
      if (portable.length > 0) props[key] = portable;
    }
    return Object.keys(props).length > 0 ? { kind: 'object', props } : undefined;
  }
  return undefined;
}

/**
 * Portable values at one call: trust values located at the call (that is where the value enters this file), and
 * parameter placeholders replaced by what the call passes, through `argument`.
 */
export function fromPortable(
  values: readonly PortableValue[],
  call: TSESTree.CallExpression,
  argument: (param: { index: number; path: readonly (string | undefined)[]; derived: boolean; picks?: number }) => readonly Value[],
): Value[] {
  const result: Value[] = [];
  for (const value of values) {
    switch (value.kind) {
      case 'untrusted':
        result.push({ trust: 'untrusted', source: value.source, name: value.name, container: value.container, node: call } satisfies TrustValue);
        break;
      case 'unverified':
        result.push({ trust: 'unverified', name: value.name, node: call });
        break;
      case 'verified':
        result.push({ trust: 'verified', claimsPath: value.claimsPath, name: value.name, node: call, ...(value.session ? { session: true as const } : {}) });
        break;
      case 'param':
        result.push(...argument({ index: value.index, path: value.path.map((key) => key ?? undefined), derived: value.derived, ...(value.picks !== undefined ? { picks: value.picks } : {}) }));
        break;
      case 'object': {
        const props = new Map<string, Value[]>();
        for (const [key, inner] of Object.entries(value.props)) props.set(key, fromPortable(inner, call, argument));
        result.push({ shape: 'object', props, rest: [] } satisfies ObjectShape);
        break;
      }
    }
  }
  return result;
}
