/**
 * What editors and the CLI read after a lint, beyond ESLint's messages: where each finding's value came
 * from, and every route's maturity level. Both come from the same analysis the rules use.
 */
import type { TSESLint } from '@typescript-eslint/utils';
import { findingDetails, spanOf } from './analysis/findings';
import { gradeFileRoutes, routeOptionsOf } from './analysis/maturity';
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

/**
 * Every route of the file with its maturity grade, from the same analysis the rules used. The file name
 * (for file-based routers) and the public-route allow-list default to what `maturity-level` ran with.
 */
export function routeReports(
  sourceCode: TSESLint.SourceCode,
  settings?: Readonly<Record<string, unknown>>,
  options: { filename?: string; publicRoutes?: readonly string[] } = {},
): RouteReport[] {
  const remembered = routeOptionsOf(sourceCode);
  const filename = options.filename ?? remembered?.filename ?? '';
  const publicRoutes = options.publicRoutes ?? remembered?.publicRoutes ?? [];
  return gradeFileRoutes(sourceCode, settings, filename, publicRoutes).map(({ route, grade, publicRoute, anchor }) => ({
    method: route.method,
    path: route.path,
    span: spanOf(anchor),
    level: grade.level,
    reasons: grade.reasons,
    nextStep: grade.nextStep,
    publicRoute,
  }));
}

export {
  createProjectESLint,
  lookupProjectConfig,
  workspaceConfig,
  type AppliedConfiguration,
  type ClaimGuardOverrides,
  type ProjectConfigLookup,
  type RuleSeverity,
  type WorkspaceConfig,
  type WorkspaceConfigOptions,
} from './workspace-config';
