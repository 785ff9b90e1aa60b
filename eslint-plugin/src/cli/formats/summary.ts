import type { RouteLevel } from '../../analysis/findings';
import { levelLabel, plural, type Report } from '../report';

const LEVEL_ORDER: readonly RouteLevel[] = [3, 2, 1, 0, 'unauthenticated', 'unknown'];

/**
 * The report in one line: routes per level, findings per rule, what was suppressed, files.
 * e.g. "4 routes (Level 3: 1, Level 2: 2, public: 1) · 1 error, 1 warning (no-api-key-auth 1, no-untrusted-authorization 1) · 3 files"
 */
export function summaryLine(report: Report): string {
  return summaryParts(report).join(SEPARATOR);
}

export const SEPARATOR = ' · ';

/** The summary's parts, for a layout that breaks lines between them. */
export function summaryParts(report: Report): string[] {
  const parts = [routesPart(report), problemsPart(report)];
  if (report.suppressed.length > 0) parts.push(`${report.suppressed.length} suppressed`);
  const unparsed = report.skipped.length > 0 ? `, ${report.skipped.length} could not be parsed` : '';
  parts.push(`${plural(report.filesAnalyzed, 'file')}${unparsed}`);
  return parts;
}

function routesPart(report: Report): string {
  const counts: string[] = [];
  for (const level of LEVEL_ORDER) {
    const count = report.routes.filter((route) => !route.publicRoute && route.level === level).length;
    if (count > 0) counts.push(`${levelLabel(level)}: ${count}`);
  }
  const publicCount = report.routes.filter((route) => route.publicRoute).length;
  if (publicCount > 0) counts.push(`public: ${publicCount}`);
  return `${plural(report.routes.length, 'route')}${counts.length > 0 ? ` (${counts.join(', ')})` : ''}`;
}

function problemsPart(report: Report): string {
  const byRule = new Map<string, number>();
  for (const finding of report.findings) {
    if (finding.ruleId === null) continue;
    const rule = finding.ruleId.replace(/^claimguard\//, '');
    byRule.set(rule, (byRule.get(rule) ?? 0) + 1);
  }
  const rules = [...byRule].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([rule, count]) => `${rule} ${count}`);
  const counts = `${plural(report.errorCount, 'error')}, ${plural(report.warningCount, 'warning')}`;
  return rules.length > 0 ? `${counts} (${rules.join(', ')})` : counts;
}
