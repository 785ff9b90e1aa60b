import { levelLabel, type Report } from '../report';

/** A pull-request comment: the grade, the routes pulling it down, the route table and the findings. */
export function formatMarkdown(report: Report): string {
  const lines = ['## ClaimGuard: API security maturity', '', `**Codebase grade: ${levelLabel(report.grade)}**`, ''];
  if (report.weakestRoutes.length > 0) {
    lines.push('Routes pulling it down:', '');
    for (const route of report.weakestRoutes) {
      lines.push(`- \`${route.method} ${cell(route.path)}\` (${route.file}:${route.line}): ${cell(route.reasons[0] ?? '')}${route.nextStep ? `; ${cell(route.nextStep)}` : ''}`);
    }
    lines.push('');
  }
  lines.push('### Routes', '');
  if (report.routes.length === 0) lines.push('No routes found.', '');
  else {
    lines.push('| Method | Path | Location | Level | Reason |', '| --- | --- | --- | --- | --- |');
    for (const route of report.routes) {
      lines.push(`| ${route.method} | \`${cell(route.path)}\` | ${cell(route.file)}:${route.line} | ${route.publicRoute ? 'public' : levelLabel(route.level)} | ${cell(route.reasons[0] ?? '')} |`);
    }
    lines.push('');
  }
  lines.push(`### Findings (${report.errorCount} errors, ${report.warningCount} warnings)`, '');
  if (report.findings.length === 0) lines.push('None.');
  else {
    lines.push('| Location | Severity | Rule | Message |', '| --- | --- | --- | --- |');
    for (const finding of report.findings) {
      lines.push(`| ${cell(finding.file)}:${finding.line}:${finding.column} | ${finding.severity} | ${finding.ruleId ?? ''} | ${cell(finding.message)} |`);
    }
  }
  return `${lines.join('\n')}\n`;
}

/** Table cells cannot hold pipes or line breaks. */
function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}
