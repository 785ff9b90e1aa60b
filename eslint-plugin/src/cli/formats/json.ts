import type { Report } from '../report';

/** The report as JSON for scripts; `rulesMeta` is left out (it is ESLint's, and large). */
export function formatJson(report: Report): string {
  return `${JSON.stringify({ version: 1, ...report, rulesMeta: undefined }, null, 2)}\n`;
}
