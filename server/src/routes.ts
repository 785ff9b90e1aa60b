import type { Linter } from 'eslint';
import type { RouteReport } from './lint-engine';
import type { RouteLevel, RouteSummary } from './protocol';

/** A route counts towards a grade when it is authenticated somehow and not allow-listed as public. */
function isProtected(route: { level: RouteLevel; publicRoute: boolean }): boolean {
  return !route.publicRoute && typeof route.level === 'number';
}

/** The lowest level among protected routes (DESIGN: a file's and a workspace's grade); null when none. */
export function lowestLevel(routes: readonly { level: RouteLevel; publicRoute: boolean }[]): RouteLevel | null {
  let lowest: number | null = null;
  for (const route of routes) {
    if (isProtected(route) && (lowest === null || (route.level as number) < lowest)) lowest = route.level as number;
  }
  return lowest as RouteLevel | null;
}

export function levelLabel(level: RouteLevel): string {
  return typeof level === 'number' ? `Level ${level}` : level;
}

export function lensTitle(route: RouteReport): string {
  const label = route.publicRoute ? `${levelLabel(route.level)} (public)` : levelLabel(route.level);
  const why = route.reasons[0]?.text ?? route.nextStep;
  return why ? `API maturity: ${label} — ${why}` : `API maturity: ${label}`;
}

/** Markdown for a hover on a route's registration line. */
export function routeHover(route: RouteReport): string {
  const lines = [`**API maturity: ${levelLabel(route.level)}** — \`${route.method} ${route.path}\``];
  if (route.publicRoute) lines.push('', 'Allow-listed as a public route.');
  if (route.reasons.length > 0) {
    lines.push('', 'Why:');
    for (const reason of route.reasons) lines.push(`- ${reason.text}`);
  }
  if (route.nextStep) lines.push('', `Next step: ${route.nextStep}`);
  return lines.join('\n');
}

/** A route as the workspace report returns it, with the file's findings that hold it down. */
export function summarizeRoute(uri: string, route: RouteReport, messages: readonly Linter.LintMessage[]): RouteSummary {
  const reasonLines = new Set(route.reasons.flatMap((reason) => (reason.span ? [reason.span.start.line] : [])));
  const holding = messages.filter(
    (message) => message.ruleId && message.ruleId !== 'claimguard/maturity-level' && reasonLines.has(message.line),
  );
  return {
    uri,
    method: route.method,
    path: route.path,
    line: route.span.start.line - 1,
    character: route.span.start.column,
    level: route.level,
    reasons: route.reasons.map((reason) => reason.text),
    nextStep: route.nextStep,
    publicRoute: route.publicRoute,
    findings: holding.map((message) => ({ ruleId: message.ruleId as string, message: message.message, line: message.line - 1 })),
  };
}
