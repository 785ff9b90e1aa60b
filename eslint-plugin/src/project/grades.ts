/**
 * Route grades as every surface shows them: the `maturity-level` rule, the editor API and the `claimguard`
 * command all grade the linked routes of the project index, so they agree on the same files and settings.
 */
import type { TSESLint } from '@typescript-eslint/utils';
import type { Span } from '../analysis/findings';
import { gradeChain, matchesPublicRoute, type Grade } from '../analysis/maturity';
import { projectFor, type LinkedRoute } from './index';

type EslintSettings = Readonly<Record<string, unknown>>;

export interface GradedRoute {
  linked: LinkedRoute;
  /** The path with mount prefixes. */
  path: string;
  grade: Grade;
  publicRoute: boolean;
  /** Where reports and code lenses point: the method name of the registration, the decorated method's name… */
  anchor: Span;
}

export function gradeRoutes(routes: readonly LinkedRoute[], publicRoutes: readonly string[]): GradedRoute[] {
  return routes.map((linked) => ({
    linked,
    path: linked.path,
    grade: gradeChain(linked.facts, linked.upstreamHidden, linked.route.framework),
    publicRoute: matchesPublicRoute(linked.path, publicRoutes),
    anchor: linked.route.anchor,
  }));
}

const cache = new WeakMap<TSESLint.SourceCode, { key: string; graded: GradedRoute[] }>();

/**
 * The routes the file registers, graded with their whole chain across the project. Memoized per parse and
 * allow-list, because the rule and the editor API ask for the same file right after each other.
 */
export function gradeFileRoutes(
  sourceCode: TSESLint.SourceCode,
  settings: EslintSettings | undefined,
  filename: string,
  publicRoutes: readonly string[],
): GradedRoute[] {
  const key = `${filename}\0${publicRoutes.join('\n')}`;
  const cached = cache.get(sourceCode);
  if (cached?.key === key) return cached.graded;
  const index = projectFor(filename, settings);
  index.record(filename, sourceCode);
  const graded = gradeRoutes(index.routesIn(filename), publicRoutes);
  cache.set(sourceCode, { key, graded });
  return graded;
}
