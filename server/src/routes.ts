import type { Linter } from 'eslint';
import { lowestLevel, type ProjectRouteReport } from 'eslint-plugin-claimguard/api';
import type { RouteReport } from './lint-engine';
import type { RouteLevel, RouteSummary } from './protocol';

/**
 * A file's grade for its status: the lowest level of its protected routes, as the plugin grades a project;
 * `unknown` when its only protected routes depend on files not seen here (a router mounted elsewhere). Routes
 * with no authentication and no access decision do not count, but are counted, so the status can say so.
 */
export function fileGrade(routes: readonly RouteReport[]): { level: RouteLevel | null; ungradedRoutes: number } {
  const counted = routes.filter((route) => !route.publicRoute);
  const ungradedRoutes = counted.filter((route) => !route.protectedRoute).length;
  const lowest = lowestLevel(counted);
  if (lowest !== null) return { level: lowest, ungradedRoutes };
  const unknown = counted.some((route) => route.protectedRoute && route.level === 'unknown');
  return { level: unknown ? 'unknown' : null, ungradedRoutes };
}

export function levelLabel(level: RouteLevel): string {
  return typeof level === 'number' ? `Level ${level}` : level;
}

export function lensTitle(route: RouteReport): string {
  const label = route.publicRoute ? `${levelLabel(route.level)} (public)` : levelLabel(route.level);
  const why = route.reasons[0]?.text ?? route.nextStep;
  return why ? `API maturity: ${label} — ${why}` : `API maturity: ${label}`;
}

/** A file's findings, by absolute path, for the report's "held down by" lists. */
export type FileFindings = (file: string) => { uri: string; messages: readonly Pick<Linter.LintMessage, 'ruleId' | 'message' | 'line' | 'column'>[] } | undefined;

/** A route as the workspace report returns it, with the findings (in its file or another) that hold it down. */
export function summarizeRoute(uri: string, route: ProjectRouteReport, findingsOf: FileFindings): RouteSummary {
  const findings: RouteSummary['findings'] = [];
  const seen = new Set<string>();
  for (const reason of route.reasons) {
    const file = reason.span ? findingsOf(reason.file ?? route.file) : undefined;
    for (const message of file?.messages ?? []) {
      if (!message.ruleId || message.ruleId === 'claimguard/maturity-level' || message.line !== reason.span?.start.line) continue;
      const key = `${file!.uri}:${message.line}:${message.column}:${message.ruleId}`;
      if (seen.has(key)) continue;
      seen.add(key);
      findings.push({ ruleId: message.ruleId, message: message.message, uri: file!.uri, line: message.line - 1 });
    }
  }
  return {
    uri,
    method: route.method,
    path: route.path,
    ...(route.operation !== undefined ? { operation: route.operation } : {}),
    line: route.span.start.line - 1,
    character: route.span.start.column,
    level: route.level,
    reasons: route.reasons.map((reason) => reason.text),
    nextStep: route.nextStep,
    publicRoute: route.publicRoute,
    protectedRoute: route.protectedRoute,
    findings,
  };
}
