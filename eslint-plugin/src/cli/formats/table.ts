import { levelLabel, type Report, type ReportRoute } from '../report';

/** ESLint-stylish findings, then the route table and the codebase grade. */
export function formatTable(report: Report): string {
  return [findingsSection(report), routesSection(report.routes), gradeSection(report), summary(report)].filter((part) => part !== '').join('\n\n') + '\n';
}

function findingsSection(report: Report): string {
  const byFile = new Map<string, Report['findings']>();
  for (const finding of report.findings) byFile.set(finding.file, [...(byFile.get(finding.file) ?? []), finding]);
  const blocks: string[] = [];
  for (const [file, findings] of byFile) {
    const rows = findings.map((finding) => [`${finding.line}:${finding.column}`, finding.severity, finding.message, finding.ruleId ?? '']);
    blocks.push(`${file}\n${columns(rows, '  ').join('\n')}`);
  }
  return blocks.join('\n\n');
}

function routesSection(routes: readonly ReportRoute[]): string {
  if (routes.length === 0) return 'Routes: none found';
  const rows = routes.map((route) => [
    route.method,
    route.path,
    `${route.file}:${route.line}`,
    route.publicRoute ? 'public' : levelLabel(route.level),
    route.reasons[0] ?? '',
  ]);
  return `Routes\n${columns([['METHOD', 'PATH', 'LOCATION', 'LEVEL', 'REASON'], ...rows], '  ').join('\n')}`;
}

function gradeSection(report: Report): string {
  const lines = [`Codebase grade: ${levelLabel(report.grade)}`];
  if (report.weakestRoutes.length > 0) {
    lines.push('Routes pulling it down:');
    for (const route of report.weakestRoutes) {
      lines.push(`  ${route.method} ${route.path} (${route.file}:${route.line}): ${route.reasons[0] ?? ''}${route.nextStep ? `; ${route.nextStep}` : ''}`);
    }
  }
  return lines.join('\n');
}

function summary(report: Report): string {
  const problems = report.errorCount + report.warningCount;
  const skipped = report.skipped.length > 0 ? `, ${report.skipped.length} could not be parsed` : '';
  return `${problems} problem${problems === 1 ? '' : 's'} (${report.errorCount} error${report.errorCount === 1 ? '' : 's'}, ${report.warningCount} warning${report.warningCount === 1 ? '' : 's'}) in ${report.filesAnalyzed} file${report.filesAnalyzed === 1 ? '' : 's'}${skipped}`;
}

/** Left-aligned columns; the last column is never padded. */
function columns(rows: readonly string[][], indent: string): string[] {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, cell.length)));
  return rows.map((row) => indent + row.map((cell, i) => (i === row.length - 1 ? cell : cell.padEnd(widths[i]!))).join('  ').trimEnd());
}
