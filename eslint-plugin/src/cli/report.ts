import * as path from 'node:path';
import type { ESLint, Rule } from 'eslint';
import type { RouteLevel } from '../analysis/findings';
import { gradeChain, levelRank, lowestLevel, matchesPublicRoute, anchorOf, resolveProject } from '../analysis/maturity';
import { importResolver, type ProjectRun } from './project';

export interface ReportFinding {
  file: string;
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
  severity: 'error' | 'warning';
  ruleId: string | null;
  message: string;
}

export interface ReportRoute {
  method: string;
  path: string;
  file: string;
  line: number;
  column: number;
  level: RouteLevel;
  reasons: string[];
  nextStep: string;
  publicRoute: boolean;
  protectedRoute: boolean;
}

/** Everything every output format shows; paths are relative to the working directory. */
export interface Report {
  findings: ReportFinding[];
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
  rulesMeta: Record<string, Rule.RuleMetaData>;
}

export function buildReport(run: ProjectRun): Report {
  const relative = (file: string) => path.relative(run.cwd, file) || path.basename(file);
  const findings = run.results.flatMap((result) => result.messages.map((message) => findingOf(relative(result.filePath), message)));
  const skipped = run.results
    .filter((result) => result.messages.some((message) => message.fatal))
    .map((result) => ({ file: relative(result.filePath), reason: result.messages.find((message) => message.fatal)!.message }));
  const routes = resolveProject(run.files, importResolver(run.files, run.cwd), relative).map(({ file, route, facts, upstreamHidden }) => {
    const grade = gradeChain(facts, upstreamHidden, route.framework);
    const anchor = anchorOf(route.node);
    return {
      method: route.method,
      path: route.path,
      file: relative(file),
      line: anchor.loc.start.line,
      column: anchor.loc.start.column + 1,
      level: grade.level,
      reasons: grade.reasons.map((reason) => reason.text),
      nextStep: grade.nextStep,
      publicRoute: matchesPublicRoute(route.path, run.publicRoutes),
      protectedRoute: grade.protectedRoute,
    };
  });
  routes.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.method.localeCompare(b.method));
  const grade = lowestLevel(routes);
  return {
    findings,
    routes,
    grade,
    // At Level 3 nothing pulls the grade down.
    weakestRoutes: grade === null || grade === 3 ? [] : routes.filter((route) => isCounted(route) && route.level === grade),
    filesAnalyzed: run.results.length,
    skipped,
    errorCount: findings.filter((finding) => finding.severity === 'error').length,
    warningCount: findings.filter((finding) => finding.severity === 'warning').length,
    rulesMeta: run.rulesMeta,
  };
}

function findingOf(file: string, message: ESLint.LintResult['messages'][number]): ReportFinding {
  return {
    file,
    line: message.line,
    column: message.column,
    ...(message.endLine !== undefined ? { endLine: message.endLine } : {}),
    ...(message.endColumn !== undefined ? { endColumn: message.endColumn } : {}),
    severity: message.severity === 2 ? 'error' : 'warning',
    ruleId: message.ruleId,
    message: message.message,
  };
}

/** Routes the grade and `--min-level` look at: protected, not public, level known. */
export function isCounted(route: ReportRoute): boolean {
  return route.protectedRoute && !route.publicRoute && route.level !== 'unknown';
}

/** Routes below `minLevel`, which fail the command. */
export function routesBelow(report: Report, minLevel: number): ReportRoute[] {
  return report.routes.filter((route) => isCounted(route) && levelRank(route.level) < minLevel);
}

/** "Level 2", "unauthenticated", "unknown". */
export function levelLabel(level: RouteLevel | null): string {
  if (level === null) return 'no protected routes';
  return typeof level === 'number' ? `Level ${level}` : level;
}
