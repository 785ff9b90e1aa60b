import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

/** A span in ESTree terms: 1-based lines, 0-based columns. */
export interface Span {
  start: { line: number; column: number };
  end: { line: number; column: number };
}

export type MaturityLevel = 0 | 1 | 2 | 3;
export type RouteLevel = MaturityLevel | 'unauthenticated' | 'unknown';

/**
 * What a rule knows about a finding beyond its message: where the untrusted value came from and the
 * maturity level it holds the route at. ESLint's lint messages cannot carry this, so rules record it
 * here, per SourceCode, and editors read it after the lint (see `api.ts`).
 */
export interface FindingDetail {
  /** Full rule id, e.g. `claimguard/no-untrusted-authorization`. */
  ruleId: string;
  /** The reported node's span; matches the lint message's line and column. */
  span: Span;
  /** The untrusted, decoded or weak value the finding is about, e.g. "header 'x-role'". */
  origin?: { description: string; span: Span };
  /** The maturity level the finding keeps its route at, when it is about levels. */
  level?: RouteLevel;
}

const detailsBySource = new WeakMap<TSESLint.SourceCode, FindingDetail[]>();

export function recordFinding(sourceCode: TSESLint.SourceCode, detail: FindingDetail): void {
  let list = detailsBySource.get(sourceCode);
  if (!list) {
    list = [];
    detailsBySource.set(sourceCode, list);
  }
  list.push(detail);
}

export function findingDetails(sourceCode: TSESLint.SourceCode): readonly FindingDetail[] {
  return detailsBySource.get(sourceCode) ?? [];
}

export function spanOf(node: TSESTree.Node | TSESTree.Token): Span {
  return { start: { ...node.loc.start }, end: { ...node.loc.end } };
}
