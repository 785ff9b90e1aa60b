import { SarifBuilder, SarifResultBuilder, SarifRuleBuilder, SarifRunBuilder } from 'node-sarif-builder';
import type { Report } from '../report';
import { levelLabel } from '../report';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { version } = require('../../../package.json') as { version: string };

const ROUTE_RULE = 'claimguard/route-maturity';

/**
 * SARIF 2.1.0 for code scanning: one result per finding, plus one note per route below Level 3 so the
 * grade shows where the code is.
 */
export function formatSarif(report: Report): string {
  const run = new SarifRunBuilder().initSimple({ toolDriverName: 'claimguard', toolDriverVersion: version, url: 'https://github.com/claimguard/claimguard' });
  const ruleIds = new Set(report.findings.map((finding) => finding.ruleId ?? 'claimguard/parse-error'));
  for (const ruleId of ruleIds) {
    const meta = report.rulesMeta[ruleId];
    run.addRule(
      new SarifRuleBuilder().initSimple({
        ruleId,
        shortDescriptionText: meta?.docs?.description ?? (ruleId === 'claimguard/parse-error' ? 'The file could not be parsed.' : ruleId),
        ...(meta?.docs?.url ? { helpUri: meta.docs.url } : {}),
      }),
    );
  }
  run.addRule(new SarifRuleBuilder().initSimple({ ruleId: ROUTE_RULE, shortDescriptionText: 'A route below API Security Maturity Level 3.' }));
  for (const finding of report.findings) {
    run.addResult(
      new SarifResultBuilder().initSimple({
        level: finding.severity === 'error' ? 'error' : 'warning',
        messageText: finding.message,
        ruleId: finding.ruleId ?? 'claimguard/parse-error',
        fileUri: finding.file,
        startLine: Math.max(finding.line, 1),
        startColumn: Math.max(finding.column, 1),
        ...(finding.endLine !== undefined ? { endLine: finding.endLine } : {}),
        ...(finding.endColumn !== undefined ? { endColumn: finding.endColumn } : {}),
      }),
    );
  }
  for (const route of report.routes) {
    if (route.publicRoute || route.level === 3) continue;
    run.addResult(
      new SarifResultBuilder().initSimple({
        level: 'note',
        messageText: `${route.method} ${route.path}: ${levelLabel(route.level)}${route.reasons[0] ? ` (${route.reasons[0]})` : ''}`,
        ruleId: ROUTE_RULE,
        fileUri: route.file,
        startLine: route.line,
        startColumn: route.column,
      }),
    );
  }
  const builder = new SarifBuilder();
  builder.addRun(run);
  return `${builder.buildSarifJsonString({ indent: true })}\n`;
}
