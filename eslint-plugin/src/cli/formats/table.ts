import type { RouteLevel } from '../../analysis/findings';
import { levelLabel, plural, routeTarget, type Report, type ReportFinding, type ReportRoute } from '../report';
import { SEPARATOR, summaryParts } from './summary';
import { layout, layoutRows, length, paint, wrap, type Cell, type Style, type Terminal } from './terminal';
import { visible } from './text';

/** ESLint-stylish findings, what was switched off, the route table, the codebase grade and a one-line summary. */
export function formatTable(report: Report, terminal: Terminal): string {
  const sections = [
    findingsSection(report.findings, terminal),
    suppressedSection(report, terminal),
    inlineConfigSection(report, terminal),
    routesSection(report.routes, terminal),
    gradeSection(report, terminal),
    summarySection(report, terminal),
  ];
  return `${sections.filter((section) => section !== '').join('\n\n')}\n`;
}

/**
 * ESLint's stylish layout: position, severity, message, rule id. The message wraps under itself and the rule
 * id follows its last line, or takes a line of its own when it does not fit there.
 */
function findingsSection(findings: readonly ReportFinding[], terminal: Terminal): string {
  const byFile = new Map<string, ReportFinding[]>();
  for (const finding of findings) byFile.set(finding.file, [...(byFile.get(finding.file) ?? []), finding]);
  const blocks: string[] = [];
  for (const [file, inFile] of byFile) {
    const positionWidth = Math.max(...inFile.map((finding) => `${finding.line}:${finding.column}`.length));
    const indent = ' '.repeat(2 + positionWidth + 2 + 'warning'.length + 2);
    const messageWidth = Math.max(30, terminal.width - indent.length);
    const lines = [paint(terminal, 'underline', visible(file))];
    for (const finding of inFile) {
      const rule = finding.ruleId ?? 'parse error';
      const wrapped = wrap(visible(finding.message), messageWidth);
      const last = wrapped[wrapped.length - 1]!;
      const ruleOnLastLine = length(last) + 2 + rule.length <= messageWidth;
      const position = paint(terminal, 'dim', `${finding.line}:${finding.column}`.padEnd(positionWidth));
      const severity = paint(terminal, finding.severity === 'error' ? 'red' : 'yellow', finding.severity) + ' '.repeat('warning'.length - finding.severity.length);
      wrapped.forEach((text, i) => {
        const prefix = i === 0 ? `  ${position}  ${severity}  ` : indent;
        const suffix = i === wrapped.length - 1 && ruleOnLastLine ? `  ${paint(terminal, 'dim', rule)}` : '';
        lines.push(`${prefix}${text}${suffix}`);
      });
      if (!ruleOnLastLine) lines.push(`${indent}${paint(terminal, 'dim', rule)}`);
    }
    blocks.push(lines.join('\n'));
  }
  return blocks.join('\n\n');
}

/** Every `eslint-disable` of a ClaimGuard rule, one line each; findings recorded in the baseline, counted. */
function suppressedSection(report: Report, terminal: Terminal): string {
  if (report.suppressed.length === 0) return '';
  const byComment = report.suppressed.filter((finding) => finding.suppressions?.some((suppression) => suppression.kind === 'directive'));
  const byBaseline = report.suppressed.length - byComment.length;
  const lines = [paint(terminal, 'bold', `Suppressed: ${plural(report.suppressed.length, 'finding')} not counted`)];
  const rows = byComment.map((finding): Cell[] => {
    const justification = finding.suppressions?.find((suppression) => suppression.kind === 'directive')?.justification ?? '';
    return [
      { text: visible(`${finding.file}:${finding.line}:${finding.column}`), minWidth: 16 },
      { text: finding.ruleId ?? '', style: 'dim' },
      { text: justification ? `eslint-disable: ${visible(justification)}` : 'eslint-disable, no reason given', minWidth: 20 },
    ];
  });
  lines.push(...layout(rows, terminal, '  '));
  if (byBaseline > 0) lines.push(`  ${plural(byBaseline, 'finding')} recorded in the baseline`);
  return lines.join('\n');
}

function inlineConfigSection(report: Report, terminal: Terminal): string {
  if (report.ignoredInlineConfig.length === 0) return '';
  const rows = report.ignoredInlineConfig.map((comment): Cell[] => [
    { text: visible(`${comment.file}:${comment.line}`), minWidth: 16 },
    { text: visible(comment.text), minWidth: 20 },
  ]);
  return [paint(terminal, 'bold', 'Inline configuration not applied (rule settings and public routes come from the configuration file and the command line):'), ...layout(rows, terminal, '  ')].join('\n');
}

/** Narrower than this, the reason goes on lines of its own under each route. */
const MIN_REASON_COLUMN = 40;
const REASON_INDENT = '      ';

function routesSection(routes: readonly ReportRoute[], terminal: Terminal): string {
  if (routes.length === 0) return 'Routes: none found';
  const header: Cell[] = ['METHOD', 'PATH', 'LOCATION', 'LEVEL', 'REASON'].map((text) => ({ text, style: 'bold' }));
  const rows = routes.map((route): Cell[] => [
    { text: visible(route.method) },
    { text: visible(routeTarget(route)), minWidth: 16 },
    { text: visible(`${route.file}:${route.line}`), minWidth: 16 },
    { text: levelCell(route), style: route.publicRoute ? 'cyan' : levelStyle(route.level) },
    { text: visible(route.reasons[0] ?? ''), minWidth: 24 },
  ]);
  const title = paint(terminal, 'bold', 'Routes');
  const fixedWidth = 2 + [0, 1, 2, 3].reduce((sum, i) => sum + Math.max(...[header, ...rows].map((row) => length(row[i]!.text))) + 2, 0);
  if (terminal.width - fixedWidth >= MIN_REASON_COLUMN) return [title, ...layout([header, ...rows], terminal, '  ')].join('\n');
  // A narrow terminal: four columns, and each reason below its route, as wide as the terminal allows.
  const [headerLines, ...rowLines] = layoutRows([header.slice(0, 4), ...rows.map((row) => row.slice(0, 4))], terminal, '  ');
  const lines = [title, ...headerLines!];
  rowLines.forEach((routeLines, i) => {
    lines.push(...routeLines);
    const reason = rows[i]![4]!.text;
    if (reason) lines.push(...wrap(reason, Math.max(terminal.width - REASON_INDENT.length, 20)).map((line) => REASON_INDENT + line));
  });
  return lines.join('\n');
}

function levelCell(route: ReportRoute): string {
  if (route.publicRoute) return 'public';
  const recorded = route.recordedLevel !== undefined && route.recordedLevel !== route.level ? ` (recorded: ${levelLabel(route.recordedLevel)})` : '';
  return `${levelLabel(route.level)}${recorded}`;
}

function levelStyle(level: RouteLevel | null): Style | undefined {
  if (level === 3) return 'green';
  if (level === 2 || level === 1) return 'yellow';
  if (level === 'unknown' || level === null) return 'dim';
  return 'red';
}

function gradeSection(report: Report, terminal: Terminal): string {
  const lines = [`Codebase grade: ${paint(terminal, levelStyle(report.grade), levelLabel(report.grade))}`];
  if (report.weakestRoutes.length > 0) {
    lines.push('Routes pulling it down:');
    for (const route of report.weakestRoutes) {
      const text = visible(`${route.method} ${routeTarget(route)} (${route.file}:${route.line}): ${route.reasons[0] ?? ''}${route.nextStep ? `; ${route.nextStep}` : ''}`);
      const [first, ...rest] = wrap(text, Math.max(terminal.width - 4, 20));
      lines.push(`  ${first ?? ''}`, ...rest.map((line) => `    ${line}`));
    }
  }
  return lines.join('\n');
}

/** One line where it fits; on a narrow terminal it breaks between its parts rather than inside them. */
function summarySection(report: Report, terminal: Terminal): string {
  const lines: string[] = [];
  let line = '';
  for (const part of summaryParts(report)) {
    if (line !== '' && length(line) + SEPARATOR.length + length(part) <= terminal.width) line += SEPARATOR + part;
    else {
      if (line !== '') lines.push(line);
      const [first, ...rest] = wrap(part, terminal.width);
      lines.push(...(first !== undefined && rest.length > 0 ? [first, ...rest.slice(0, -1)] : []));
      line = rest.length > 0 ? rest[rest.length - 1]! : (first ?? '');
    }
  }
  if (line !== '') lines.push(line);
  return lines.map((text) => paint(terminal, 'bold', text)).join('\n');
}
