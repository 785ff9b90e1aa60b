import { execFile } from 'node:child_process';
import * as path from 'node:path';

/**
 * Runs a multi-file fixture project (test/fixtures/projects; its README explains the conventions) through the real
 * `claimguard` command with the strict configuration, and says how the report differs from the project's
 * hand-written expected.json.
 */

const ROOT = path.resolve(__dirname, '../../..');
const CLI = path.join(ROOT, 'eslint-plugin/bin/claimguard.js');
export const PROJECTS = path.join(ROOT, 'test/fixtures/projects');
const STRICT_CONFIG = path.join(PROJECTS, 'strict.config.mjs');
const MATURITY = 'claimguard/maturity-level';

export interface Expected {
  findings: { file: string; line: number; ruleId: string }[];
  quiet?: { file: string; line: number }[];
  parseErrors?: { file: string; line: number }[];
  routes: { method: string; path: string; operation?: string; file: string; line: number; level: number | string }[];
}

export interface Report {
  findings: { file: string; line: number; ruleId: string | null; message: string }[];
  routes: { method: string; path: string; operation?: string; file: string; line: number; level: number | string }[];
}

export function claimguardReport(project: string): Promise<Report> {
  return new Promise((resolve, reject) => {
    const args = [CLI, '.', '--format', 'json', '--config', STRICT_CONFIG];
    execFile(process.execPath, args, { cwd: project, encoding: 'utf8', timeout: 60_000, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      // Exit code 1 means findings or a low grade; anything else is a failure of the run itself.
      if (error && error.code !== 1) return reject(new Error(`claimguard failed (${String(error.code)}): ${stderr}`));
      try {
        resolve(JSON.parse(stdout) as Report);
      } catch (parseError) {
        reject(parseError instanceof Error ? parseError : new Error(String(parseError)));
      }
    });
  });
}

const at = (item: { file: string; line: number }) => `${item.file}:${item.line}`;
// One GraphQL endpoint serves many operations: each is its own route.
const routeName = (route: { method: string; path: string; operation?: string }) => `${route.method} ${route.path}${route.operation !== undefined ? ` ${route.operation}` : ''}`;

/**
 * How the command's report differs from the expectations, one line per difference. Route grades are compared
 * route by route; a `maturity-level` finding must sit on a listed route below Level 3, and may be absent where the
 * route's grade is right, since the rule stays quiet when another rule's finding already holds the route down.
 */
export function differences(expected: Expected, report: Report): string[] {
  const found = new Set(report.findings.map((finding) => `${at(finding)} ${finding.ruleId ?? 'fatal'}`));
  const wanted = new Set(expected.findings.map((finding) => `${at(finding)} ${finding.ruleId}`));
  const lines: string[] = [];
  for (const key of wanted) if (!key.endsWith(MATURITY) && !found.has(key)) lines.push(`missed ${key}`);
  const routeLinesBelow3 = new Set(expected.routes.filter((route) => route.level !== 3 && route.level !== 'unknown').map(at));
  for (const key of found) {
    if (wanted.has(key)) continue;
    const [place, ruleId] = key.split(' ');
    if (ruleId === 'fatal' && expected.parseErrors?.some((error) => at(error) === place)) continue;
    if (ruleId === MATURITY && routeLinesBelow3.has(place!)) continue;
    lines.push(`unexpected ${key}`);
  }
  for (const quiet of expected.quiet ?? []) {
    for (const finding of report.findings) if (at(finding) === at(quiet)) lines.push(`not quiet ${at(finding)} ${finding.ruleId ?? 'fatal'}`);
  }
  const routes = new Map(report.routes.map((route) => [routeName(route), route]));
  for (const route of expected.routes) {
    const graded = routes.get(routeName(route));
    if (!graded) lines.push(`route not found ${routeName(route)} (${at(route)})`);
    else if (String(graded.level) !== String(route.level)) lines.push(`route ${routeName(route)} graded ${String(graded.level)}, expected ${String(route.level)}`);
    routes.delete(routeName(route));
  }
  for (const route of routes.values()) lines.push(`route not expected ${routeName(route)} (${at(route)})`);
  return lines.sort();
}

