import { createHash } from 'node:crypto';
import * as path from 'node:path';
import type { RouteLevel } from '../analysis/findings';
import { levelRank, lowestLevel } from '../analysis/maturity';
import type { IgnoredInlineConfig, LintedFinding, ProjectRun, Suppression } from './project';

export interface ReportLocation {
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
}

export interface ReportFinding extends ReportLocation {
  file: string;
  severity: 'error' | 'warning';
  /** Null for a file that could not be parsed or analysed. */
  ruleId: string | null;
  message: string;
  /** Where the untrusted, decoded or weak value came from, in the same file. */
  origin?: ReportLocation & { description: string };
  /** Stable across edits elsewhere: rule, file, the reported line's text and the origin, plus an occurrence count. */
  fingerprint: string;
  /** Present on suppressed findings: the `eslint-disable` comment or the recorded baseline. */
  suppressions?: Suppression[];
}

export interface ReportRoute {
  method: string;
  path: string;
  /** Where one endpoint serves many operations (GraphQL): the operation, `Query.invoice`. */
  operation?: string;
  file: string;
  line: number;
  column: number;
  level: RouteLevel;
  reasons: string[];
  nextStep: string;
  publicRoute: boolean;
  protectedRoute: boolean;
  /** The level the baseline recorded for this route, when there is a baseline and it names the route. */
  recordedLevel?: RouteLevel;
}

/** Everything every output format shows; paths are relative to the folder ESLint ran in, with `/`. */
export interface Report {
  /** ClaimGuard's findings that count, and files that could not be analysed. */
  findings: ReportFinding[];
  /** ClaimGuard's findings switched off by `eslint-disable` comments or the baseline, so reviewers see them. */
  suppressed: ReportFinding[];
  routes: ReportRoute[];
  /** The lowest level of the protected routes; null when there are none. */
  grade: RouteLevel | null;
  /** The protected routes at the grade's level. */
  weakestRoutes: ReportRoute[];
  filesAnalyzed: number;
  /** Files that could not be parsed or read, with ESLint's reason. */
  skipped: { file: string; reason: string }[];
  errorCount: number;
  warningCount: number;
  /** `/* eslint … *\/` comments that were not applied: rule settings come from the configuration file. */
  ignoredInlineConfig: IgnoredInlineConfig[];
  /** Which configuration applied, one sentence per distinct one. */
  configurations: string[];
}

export function buildReport(run: ProjectRun): Report {
  const relative = relativeTo(run.base);
  const findings = run.linted.flatMap((file) => reportFindings(relative(file.file), file.findings));
  const suppressed = run.linted.flatMap((file) => reportFindings(relative(file.file), file.suppressed));
  const skipped = findings.filter((finding) => finding.ruleId === null).map((finding) => ({ file: finding.file, reason: finding.message }));
  // The plugin's project grading, which the editor's workspace report uses too.
  const routes = run.routes.map((route) => ({
    method: route.method,
    path: route.path,
    ...(route.operation !== undefined ? { operation: route.operation } : {}),
    file: relative(route.file),
    line: route.span.start.line,
    column: route.span.start.column + 1,
    level: route.level,
    reasons: route.reasons.map((reason) => reason.text),
    nextStep: route.nextStep,
    publicRoute: route.publicRoute,
    protectedRoute: route.protectedRoute,
  }));
  routes.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.method.localeCompare(b.method));
  const grade = lowestLevel(routes);
  return {
    findings,
    suppressed,
    routes,
    grade,
    // At Level 3 nothing pulls the grade down.
    weakestRoutes: grade === null || grade === 3 ? [] : routes.filter((route) => isCounted(route) && route.level === grade),
    filesAnalyzed: run.linted.length,
    skipped,
    errorCount: findings.filter((finding) => finding.severity === 'error').length,
    warningCount: findings.filter((finding) => finding.severity === 'warning').length,
    ignoredInlineConfig: run.ignoredInlineConfig.map((comment) => ({ ...comment, file: relative(comment.file) })),
    configurations: run.configurations,
  };
}

/** POSIX paths relative to `base`, as ESLint's suppressions file and code scanning want them. */
export function relativeTo(base: string): (file: string) => string {
  return (file) => (path.relative(base, file) || path.basename(file)).split(path.sep).join('/');
}

function reportFindings(file: string, findings: readonly LintedFinding[]): ReportFinding[] {
  const occurrences = new Map<string, number>();
  return findings.map((finding) => {
    const hash = createHash('sha256')
      .update([finding.ruleId ?? '', file, finding.lineText.replace(/\s+/g, ''), finding.origin?.description ?? ''].join('\0'))
      .digest('hex')
      .slice(0, 32);
    const occurrence = (occurrences.get(hash) ?? 0) + 1;
    occurrences.set(hash, occurrence);
    return {
      file,
      line: finding.line,
      column: finding.column,
      ...(finding.endLine !== undefined ? { endLine: finding.endLine } : {}),
      ...(finding.endColumn !== undefined ? { endColumn: finding.endColumn } : {}),
      severity: finding.severity === 2 ? 'error' : 'warning',
      ruleId: finding.ruleId,
      message: finding.message,
      ...(finding.origin ? { origin: originLocation(finding.origin) } : {}),
      fingerprint: `${hash}:${occurrence}`,
      ...(finding.suppressions ? { suppressions: finding.suppressions } : {}),
    };
  });
}

function originLocation({ description, span }: NonNullable<LintedFinding['origin']>): NonNullable<ReportFinding['origin']> {
  return { description, line: span.start.line, column: span.start.column + 1, endLine: span.end.line, endColumn: span.end.column + 1 };
}

/** Routes the grade and `--min-level` look at: protected, not public, level known. */
export function isCounted(route: ReportRoute): boolean {
  return route.protectedRoute && !route.publicRoute && route.level !== 'unknown';
}

export { routeTarget } from '../api';

/** Routes below `minLevel`, which fail the command. */
export function routesBelow(report: Report, minLevel: number): ReportRoute[] {
  return report.routes.filter((route) => isCounted(route) && levelRank(route.level) < minLevel);
}

/** "Level 2", "unauthenticated", "unknown". */
export function levelLabel(level: RouteLevel | null): string {
  if (level === null) return 'no protected routes';
  return typeof level === 'number' ? `Level ${level}` : level;
}

/** "1 warning", "2 warnings". */
export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
