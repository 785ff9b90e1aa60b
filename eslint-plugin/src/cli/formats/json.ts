import type { Report } from '../report';

/** The report as JSON for scripts: every field of the report, paths relative to the folder ESLint ran in. */
export function formatJson(report: Report): string {
  return `${JSON.stringify({ version: 1, ...report }, null, 2)}\n`;
}
