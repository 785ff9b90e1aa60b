import { levelLabel, plural, routeTarget, type Report, type ReportRoute } from '../report';
import { summaryLine } from './summary';
import { codeSpan } from './text';

/**
 * A pull-request comment or a GitHub Actions step summary: the grade, the routes pulling it down, the route
 * table, the findings and what was switched off. Everything the analysed code controls (paths, file names,
 * messages that quote header names) is in code spans, so it never renders as a link, an image or a mention.
 */
export function formatMarkdown(report: Report, { maxRows = Infinity }: { maxRows?: number } = {}): string {
  const lines = ['## ClaimGuard: API security maturity', '', `**Codebase grade: ${levelLabel(report.grade)}**`, ''];
  if (report.weakestRoutes.length > 0) {
    lines.push('Routes pulling it down:', '');
    for (const route of report.weakestRoutes) {
      const why = `${route.reasons[0] ?? ''}${route.nextStep ? `; ${route.nextStep}` : ''}`;
      lines.push(`- ${codeSpan(`${route.method} ${routeTarget(route)}`)} (${codeSpan(`${route.file}:${route.line}`)}): ${codeSpan(why)}`);
    }
    lines.push('');
  }
  lines.push(...routesSection(report.routes, maxRows));
  lines.push(`### Findings (${plural(report.errorCount, 'error')}, ${plural(report.warningCount, 'warning')})`, '');
  if (report.findings.length === 0) lines.push('None.', '');
  else {
    lines.push('| Location | Severity | Rule | Message |', '| --- | --- | --- | --- |');
    for (const finding of report.findings.slice(0, maxRows)) {
      lines.push(`| ${codeSpan(`${finding.file}:${finding.line}:${finding.column}`, true)} | ${finding.severity} | ${finding.ruleId ?? 'parse error'} | ${codeSpan(finding.message, true)} |`);
    }
    lines.push(...more(report.findings.length, maxRows, 'finding'), '');
  }
  lines.push(...suppressedSection(report));
  if (report.ignoredInlineConfig.length > 0) {
    lines.push('### Inline configuration not applied', '', 'Rule settings and public routes come from the configuration file and the command line.', '');
    for (const comment of report.ignoredInlineConfig) lines.push(`- ${codeSpan(`${comment.file}:${comment.line}`)}: ${codeSpan(comment.text)}`);
    lines.push('');
  }
  lines.push(summaryLine(report));
  return `${lines.join('\n')}\n`;
}

/**
 * GitHub shows at most 1 MiB of step summary per step; a report that would not fit keeps its grade, the
 * routes pulling it down and the summary line, and its tables their first rows.
 */
export function formatStepSummary(report: Report): string {
  const full = formatMarkdown(report);
  return Buffer.byteLength(full) <= STEP_SUMMARY_LIMIT ? full : formatMarkdown(report, { maxRows: 200 });
}

const STEP_SUMMARY_LIMIT = 1_000_000;

function more(total: number, shown: number, noun: string): string[] {
  return total > shown ? ['', `… and ${plural(total - shown, noun)} more: see the full report.`] : [];
}

function routesSection(routes: readonly ReportRoute[], maxRows: number): string[] {
  const lines = ['### Routes', ''];
  if (routes.length === 0) return [...lines, 'No routes found.', ''];
  lines.push('| Method | Path | Location | Level | Reason |', '| --- | --- | --- | --- | --- |');
  for (const route of routes.slice(0, maxRows)) {
    const level = route.publicRoute ? 'public' : levelLabel(route.level);
    const recorded = !route.publicRoute && route.recordedLevel !== undefined && route.recordedLevel !== route.level ? ` (recorded: ${levelLabel(route.recordedLevel)})` : '';
    lines.push(`| ${codeSpan(route.method, true)} | ${codeSpan(routeTarget(route), true)} | ${codeSpan(`${route.file}:${route.line}`, true)} | ${level}${recorded} | ${codeSpan(route.reasons[0] ?? '', true)} |`);
  }
  return [...lines, ...more(routes.length, maxRows, 'route'), ''];
}

/** Each `eslint-disable` of a ClaimGuard rule, with its reason; findings recorded in the baseline, counted. */
function suppressedSection(report: Report): string[] {
  if (report.suppressed.length === 0) return [];
  const lines = [`### Suppressed (${plural(report.suppressed.length, 'finding')} not counted)`, ''];
  const byComment = report.suppressed.filter((finding) => finding.suppressions?.some((suppression) => suppression.kind === 'directive'));
  if (byComment.length > 0) {
    lines.push('| Location | Rule | Message | Reason given |', '| --- | --- | --- | --- |');
    for (const finding of byComment) {
      const justification = finding.suppressions?.find((suppression) => suppression.kind === 'directive')?.justification ?? '';
      lines.push(`| ${codeSpan(`${finding.file}:${finding.line}:${finding.column}`, true)} | ${finding.ruleId ?? ''} | ${codeSpan(finding.message, true)} | ${justification ? codeSpan(justification, true) : 'none'} |`);
    }
    lines.push('');
  }
  const byBaseline = report.suppressed.length - byComment.length;
  if (byBaseline > 0) lines.push(`${plural(byBaseline, 'finding')} recorded in the baseline.`, '');
  return lines;
}
