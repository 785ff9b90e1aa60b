import * as fs from 'node:fs';
import * as path from 'node:path';
import type { RouteLevel } from '../analysis/findings';
import { levelRank } from '../analysis/maturity';
import { UsageError } from './args';
import type { LintedFile } from './project';
import { relativeTo, type Report, type ReportRoute } from './report';

/**
 * The baseline for legacy code: CI fails only on new findings and on routes that drop below the level
 * recorded for them. Findings are counted per file and rule in ESLint's own bulk-suppressions file
 * (`eslint-suppressions.json`, same format and same counting, so `eslint` and `claimguard` can share it);
 * route levels sit next to it in `claimguard-route-levels.json`.
 *
 * ESLint's Node API (10.x) can only apply a suppressions file (`applySuppressions`), and it would do so on
 * every plugin's raw messages before the command drops other plugins' and neutralizes inline configuration;
 * writing, pruning and reporting unused entries are not in its API. So this module implements the file's
 * semantics for ClaimGuard's rules and leaves every other rule's entries as they are.
 */

/** File (POSIX, relative to the folder ESLint ran in) → rule → how many errors of that rule are allowed. */
export type SuppressionCounts = Record<string, Record<string, { count: number }>>;
/** File → "METHOD path" → the level recorded for that route. */
export type RecordedLevels = Record<string, Record<string, RouteLevel>>;

export const SUPPRESSIONS_FILE = 'eslint-suppressions.json';
export const LEVELS_FILE = 'claimguard-route-levels.json';

export interface BaselineOptions {
  suppressAll: boolean;
  pruneSuppressions: boolean;
  /** Where the suppressions file is, as given; the levels file sits in the same folder. */
  suppressionsLocation: string | undefined;
}

export interface BaselineFiles {
  suppressions: string;
  levels: string;
}

export function baselineFiles(base: string, options: BaselineOptions, cwd: string): BaselineFiles {
  const suppressions = options.suppressionsLocation !== undefined ? path.resolve(cwd, options.suppressionsLocation) : path.join(base, SUPPRESSIONS_FILE);
  if (options.suppressionsLocation !== undefined && !options.suppressAll && !fs.existsSync(suppressions)) {
    throw new UsageError(`the suppressions file ${options.suppressionsLocation} does not exist; run with --suppress-all to create it`);
  }
  return { suppressions, levels: path.join(path.dirname(suppressions), LEVELS_FILE) };
}

// ---- findings ---------------------------------------------------------------------------------------------

export interface FindingBaseline {
  linted: LintedFile[];
  /** Entries that allow more findings than there are: stale counts would hide new findings. */
  unused: SuppressionCounts;
  recorded?: number;
}

export function applyFindingBaseline(linted: readonly LintedFile[], base: string, files: BaselineFiles, options: BaselineOptions): FindingBaseline {
  const exists = fs.existsSync(files.suppressions);
  if (!exists && !options.suppressAll) return { linted: [...linted], unused: {} };
  const display = relativeTo(base);
  let counts = exists ? readCounts(files.suppressions) : {};
  let recorded: number | undefined;
  if (options.suppressAll) {
    counts = recordFindings(counts, linted, display);
    recorded = linted.reduce((sum, file) => sum + file.findings.filter(isCountable).length, 0);
    writeJson(files.suppressions, counts, false);
  }
  let applied = applySuppressions(linted, counts, display);
  if (options.pruneSuppressions) {
    counts = pruneCounts(counts, applied.unused, base);
    writeJson(files.suppressions, counts, false);
    applied = applySuppressions(linted, counts, display);
  }
  return { ...applied, ...(recorded !== undefined ? { recorded } : {}) };
}

function isClaimGuardRule(ruleId: string): boolean {
  return ruleId.startsWith('claimguard/');
}

/** ESLint counts errors with a rule id; warnings and parse failures are never suppressed by count. */
function isCountable(finding: LintedFile['findings'][number]): boolean {
  return finding.severity === 2 && finding.ruleId !== null && !finding.fatal;
}

function countByRule(file: LintedFile): Map<string, number> {
  const counts = new Map<string, number>();
  for (const finding of file.findings) if (isCountable(finding)) counts.set(finding.ruleId!, (counts.get(finding.ruleId!) ?? 0) + 1);
  return counts;
}

/** `--suppress-all`: the current count of every ClaimGuard rule in every linted file; other entries stay. */
function recordFindings(counts: SuppressionCounts, linted: readonly LintedFile[], display: (file: string) => string): SuppressionCounts {
  const next = structuredClone(counts);
  for (const file of linted) {
    for (const [ruleId, count] of countByRule(file)) {
      next[display(file.file)] ??= {};
      next[display(file.file)]![ruleId] = { count };
    }
  }
  return next;
}

/**
 * A rule's findings in a file are suppressed, all of them, when there are no more errors than recorded;
 * otherwise all of them count, as in ESLint.
 */
function applySuppressions(linted: readonly LintedFile[], counts: SuppressionCounts, display: (file: string) => string): Omit<FindingBaseline, 'recorded'> {
  const unused: SuppressionCounts = {};
  const result = linted.map((file) => {
    const entry = counts[display(file.file)];
    if (!entry) return file;
    const actual = countByRule(file);
    const suppressedRules = new Set<string>();
    for (const [ruleId, { count }] of Object.entries(entry)) {
      if (!isClaimGuardRule(ruleId)) continue;
      const found = actual.get(ruleId) ?? 0;
      if (found > 0 && found <= count) suppressedRules.add(ruleId);
      if (found < count) (unused[display(file.file)] ??= {})[ruleId] = { count: count - found };
    }
    if (suppressedRules.size === 0) return file;
    const suppressed = file.findings.filter((finding) => finding.ruleId !== null && suppressedRules.has(finding.ruleId));
    return {
      file: file.file,
      findings: file.findings.filter((finding) => !suppressed.includes(finding)),
      suppressed: [...file.suppressed, ...suppressed.map((finding) => ({ ...finding, suppressions: [{ kind: 'baseline' as const, justification: '' }] }))],
    };
  });
  return { linted: result, unused };
}

/** `--prune-suppressions`: lowers counts to what is still found and drops entries of files that are gone. */
function pruneCounts(counts: SuppressionCounts, unused: SuppressionCounts, base: string): SuppressionCounts {
  const next = structuredClone(counts);
  for (const [file, rules] of Object.entries(unused)) {
    for (const [ruleId, { count }] of Object.entries(rules)) {
      const entry = next[file]?.[ruleId];
      if (!entry) continue;
      if (entry.count <= count) delete next[file]![ruleId];
      else entry.count -= count;
    }
  }
  for (const [file, rules] of Object.entries(next)) {
    if (!fs.existsSync(path.resolve(base, file))) for (const ruleId of Object.keys(rules)) if (isClaimGuardRule(ruleId)) delete rules[ruleId];
    if (Object.keys(rules).length === 0) delete next[file];
  }
  return next;
}

export function countEntries(counts: SuppressionCounts): number {
  return Object.values(counts).reduce((sum, rules) => sum + Object.keys(rules).length, 0);
}

// ---- route levels -------------------------------------------------------------------------------------------

export interface LevelBaseline {
  /** Routes now graded below the level recorded for them. */
  dropped: ReportRoute[];
  /** Recorded routes that are now above their level or gone: the record no longer holds the line. */
  loose: number;
  recorded?: number;
  /** Whether there is a levels file at all; without one, `--min-level` judges every route. */
  active: boolean;
}

/** Marks each route with its recorded level and finds the ones that dropped; records or prunes on request. */
export function applyLevelBaseline(report: Report, base: string, linted: readonly LintedFile[], files: BaselineFiles, options: BaselineOptions): LevelBaseline {
  const exists = fs.existsSync(files.levels);
  if (!exists && !options.suppressAll) return { dropped: [], loose: 0, active: false };
  const lintedFiles = new Set(linted.map((file) => relativeTo(base)(file.file)));
  let levels = exists ? readLevels(files.levels) : {};
  let recorded: number | undefined;
  if (options.suppressAll) {
    levels = recordLevels(levels, report.routes, lintedFiles);
    recorded = Object.values(levels).reduce((sum, routes) => sum + Object.keys(routes).length, 0);
    writeJson(files.levels, levels, true);
  }
  if (options.pruneSuppressions) {
    levels = pruneLevels(levels, report.routes, lintedFiles);
    writeJson(files.levels, levels, true);
  }
  const dropped: ReportRoute[] = [];
  for (const route of report.routes) {
    const level = levels[route.file]?.[routeKey(route)];
    if (level === undefined || route.publicRoute) continue;
    route.recordedLevel = level;
    if (route.level !== 'unknown' && levelRank(route.level) < levelRank(level)) dropped.push(route);
  }
  return { dropped, loose: countLoose(levels, report.routes, lintedFiles), active: true, ...(recorded !== undefined ? { recorded } : {}) };
}

/** Recorded routes of the linted files that are gone or now above their recorded level. */
function countLoose(levels: RecordedLevels, routes: readonly ReportRoute[], lintedFiles: ReadonlySet<string>): number {
  let loose = 0;
  for (const [file, recorded] of Object.entries(levels)) {
    if (!lintedFiles.has(file)) continue;
    const current = currentLevels(routes, file);
    const present = new Set(routes.filter((route) => route.file === file && !route.publicRoute).map(routeKey));
    for (const [key, level] of Object.entries(recorded)) {
      const now = current[key];
      if (!present.has(key) || (now !== undefined && levelRank(now) > levelRank(level))) loose++;
    }
  }
  return loose;
}

export function routeKey(route: Pick<ReportRoute, 'method' | 'path'>): string {
  return `${route.method} ${route.path}`;
}

/** The routes that can be held to a level: not public, level known. The same key twice keeps the lower one. */
function currentLevels(routes: readonly ReportRoute[], file: string): Record<string, RouteLevel> {
  const levels: Record<string, RouteLevel> = {};
  for (const route of routes) {
    if (route.file !== file || route.publicRoute || route.level === 'unknown') continue;
    const key = routeKey(route);
    const before = levels[key];
    if (before === undefined || levelRank(route.level) < levelRank(before)) levels[key] = route.level;
  }
  return levels;
}

/** `--suppress-all`: every linted file's routes as they are now. */
function recordLevels(levels: RecordedLevels, routes: readonly ReportRoute[], lintedFiles: ReadonlySet<string>): RecordedLevels {
  const next = structuredClone(levels);
  for (const file of lintedFiles) {
    const current = currentLevels(routes, file);
    if (Object.keys(current).length > 0) next[file] = current;
    else delete next[file];
  }
  return next;
}

/** `--prune-suppressions`: raises recorded levels to what routes reach now (never lowers one) and drops routes that are gone. */
function pruneLevels(levels: RecordedLevels, routes: readonly ReportRoute[], lintedFiles: ReadonlySet<string>): RecordedLevels {
  const next: RecordedLevels = {};
  for (const [file, recorded] of Object.entries(levels)) {
    if (!lintedFiles.has(file)) {
      next[file] = recorded;
      continue;
    }
    const current = currentLevels(routes, file);
    const kept: Record<string, RouteLevel> = {};
    for (const [key, level] of Object.entries(recorded)) {
      const now = current[key];
      if (now === undefined) continue;
      kept[key] = levelRank(now) > levelRank(level) ? now : level;
    }
    if (Object.keys(kept).length > 0) next[file] = kept;
  }
  return next;
}

// ---- files --------------------------------------------------------------------------------------------------

function readJson(file: string): Record<string, Record<string, unknown>> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    throw new UsageError(`cannot read ${path.basename(file)}: ${(error as Error).message.split('\n')[0]}`);
  }
  if (!isObject(parsed) || !Object.values(parsed).every(isObject)) throw new UsageError(`cannot read ${path.basename(file)}: expected an object of objects, one per file`);
  return parsed as Record<string, Record<string, unknown>>;
}

function readCounts(file: string): SuppressionCounts {
  const parsed = readJson(file);
  for (const rules of Object.values(parsed)) {
    for (const entry of Object.values(rules)) {
      if (!isObject(entry) || typeof entry.count !== 'number') throw new UsageError(`cannot read ${path.basename(file)}: every rule needs a numeric "count"`);
    }
  }
  return parsed as SuppressionCounts;
}

const LEVELS: readonly unknown[] = [0, 1, 2, 3, 'unauthenticated', 'unknown'];

function readLevels(file: string): RecordedLevels {
  const parsed = readJson(file);
  for (const routes of Object.values(parsed)) {
    for (const level of Object.values(routes)) {
      if (!LEVELS.includes(level)) throw new UsageError(`cannot read ${path.basename(file)}: a route level must be 0, 1, 2, 3, "unauthenticated" or "unknown"`);
    }
  }
  return parsed as RecordedLevels;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Keys sorted at every depth and two-space indentation: ESLint writes its suppressions file this way (with
 * no newline at the end), so the file does not churn when both tools write it.
 */
function writeJson(file: string, value: object, finalNewline: boolean): void {
  fs.writeFileSync(file, `${JSON.stringify(sortKeys(value), null, 2)}${finalNewline ? '\n' : ''}`);
}

function sortKeys(value: unknown): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
  return Object.fromEntries(Object.keys(value).sort().map((key) => [key, sortKeys((value as Record<string, unknown>)[key])]));
}
