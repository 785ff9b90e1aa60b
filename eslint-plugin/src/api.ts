/**
 * What editors and the CLI read after a lint, beyond ESLint's messages: where each finding's value came
 * from, and every route's maturity level. Both come from the same analysis the rules use.
 */
import type { TSESLint } from '@typescript-eslint/utils';
import { findingDetails } from './analysis/findings';
import type { FindingDetail, RouteLevel, Span } from './analysis/findings';

export type { FindingDetail, MaturityLevel, RouteLevel, Span } from './analysis/findings';

/** One route's grade, as the `maturity-level` rule, the CLI table and editor code lenses show it. */
export interface RouteReport {
  /** HTTP method in upper case, or `ALL` for routes that take every method. */
  method: string;
  /** The route path as registered (`/users/:id`), or the file-derived path for file-based routers. */
  path: string;
  /** The registration (or the handler, for file-based routes). */
  span: Span;
  level: RouteLevel;
  /** Why the route is at its level, one line each, e.g. "role from header 'x-role' at line 41". */
  reasons: { text: string; span?: Span }[];
  /** What reaches the next level, e.g. "take the role from the verified token to reach Level 3". */
  nextStep: string;
  /** True when the route matches the configured allow-list of public routes. */
  publicRoute: boolean;
}

/** Details recorded by the rules during the last lint of `sourceCode`, in report order. */
export function getFindingDetails(sourceCode: TSESLint.SourceCode): readonly FindingDetail[] {
  return findingDetails(sourceCode);
}
