import * as fs from 'node:fs';
import * as path from 'node:path';
import { ESLint, type Linter, type Rule } from 'eslint';
import type { TSESLint } from '@typescript-eslint/utils';
import { findingDetails, type FindingDetail, type Span } from '../analysis/findings';
import { createProjectGrader, type ProjectGrader, type ProjectRouteReport, type SummarizedFile } from '../api';
import { refusalBeforeParsing } from '../project/parse';
import { createProjectESLint, JS_FILES, lookupProjectConfig, TS_FILES, workspaceConfig, type ProjectConfigLookup } from '../workspace-config';
import { UsageError, type Concurrency } from './args';
import type { Targets } from './targets';
import { lintOnThreads, threadCount } from './threads';

/** One finding of a ClaimGuard rule, or a file that could not be analysed (`fatal`). */
export interface LintedFinding {
  ruleId: string | null;
  severity: 1 | 2;
  fatal: boolean;
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
  message: string;
  /** Where the untrusted, decoded or weak value came from, in the same file. */
  origin?: { description: string; span: Span };
  /** The reported line's text, trimmed: what a fingerprint that survives unrelated edits is made of. */
  lineText: string;
  /** Why the finding does not count: an `eslint-disable` comment or the recorded baseline. */
  suppressions?: Suppression[];
}

export interface Suppression {
  kind: 'directive' | 'baseline';
  justification: string;
}

export interface LintedFile {
  /** Absolute path. */
  file: string;
  /** ClaimGuard's findings and parse failures; other plugins' messages never reach the report. */
  findings: LintedFinding[];
  /** ClaimGuard's findings switched off by an `eslint-disable` comment (and, later, by the baseline). */
  suppressed: LintedFinding[];
}

/** A `/* eslint … *\/` comment the command did not apply: the configuration file and command line decide. */
export interface IgnoredInlineConfig {
  file: string;
  line: number;
  text: string;
}

export interface ProjectRun {
  /** The folder ESLint ran in; report paths are relative to it. */
  base: string;
  linted: LintedFile[];
  /**
   * Every route of the linted files, graded by the plugin's project grader from the files' summaries; public
   * routes come from the command line and from `maturity-level`'s options in each file's configuration (never
   * from inline comments).
   */
  routes: ProjectRouteReport[];
  ignoredInlineConfig: IgnoredInlineConfig[];
  /** Which configuration applied, one sentence per distinct one (see `workspaceConfig`). */
  configurations: string[];
}

/** Which configuration the command runs: the bundled one, or the project's merged into it. */
export interface ConfigChoice {
  /** Apply the project's `eslint.config.*` (this runs its code). */
  project: boolean;
  /** The project's config file to use instead of ESLint's lookup; implies `project`. */
  configFile?: string;
}

/**
 * What one file handed over during its lint, as plain data: its summary (already with the grader), the inline
 * configuration it holds, its text and the details the rules recorded. Never the parse: the command keeps
 * summaries, not syntax trees, so its memory grows with the routes and functions, not with the source.
 */
interface Collected {
  summarized: SummarizedFile;
  inlineConfig: (IgnoredInlineConfig & { range: readonly [number, number] })[];
  text: string;
  details: readonly FindingDetail[];
}

/** Files linted with one configuration. */
export interface Batch {
  config: Linter.Config[];
  /** What `lintFiles` gets: the paths given (bundled configuration) or the files the project's config selects. */
  patterns: string[];
  publicRoutes: readonly string[];
  description: string;
  /** How a worker thread builds the same batch (its config holds functions, which cannot be sent). */
  recipe: BatchRecipe;
}

/** The bundled configuration, or the project's as it resolves for `sample` (every file of the batch resolves alike). */
export type BatchRecipe = { kind: 'bundled' } | { kind: 'project'; configFile?: string; sample: string };

/** What linting one batch's files gives. */
export interface BatchOutcome {
  linted: LintedFile[];
  ignoredInlineConfig: IgnoredInlineConfig[];
  /** Each linted file's final summary (after an inline-config relint), for a grader in another thread. */
  summaries: SummarizedFile[];
}

const COLLECTOR_RULE = 'claimguard-cli/collect';

/** Build output and dependencies are never the code under review. */
const BUILT_IN_IGNORES: Linter.Config = { name: 'claimguard/cli-ignores', ignores: ['**/node_modules/**', '**/dist/**', '**/build/**', '**/out/**', '**/coverage/**', '**/.next/**'] };

/** A `/* eslint rule: … *\/` comment (not `eslint-disable`, which stays in force and is listed). */
const INLINE_RULE_CONFIG = /^\s*eslint(?:\s|$)/;

/**
 * A rule of the command's own that hands each file's parse to the route grading as it is linted, so the parse can
 * go as soon as the file is done; it never reports. Listed after every ClaimGuard rule, it runs after them.
 */
function collectorConfig(collected: Map<string, Collected>, grader: ProjectGrader, publicRoutes: readonly string[]): Linter.Config {
  const collect: Rule.RuleModule = {
    meta: { type: 'problem', schema: [] },
    create(context) {
      return {
        'Program:exit'() {
          const sourceCode = context.sourceCode as unknown as TSESLint.SourceCode;
          const inlineConfig = sourceCode
            .getAllComments()
            .filter((comment) => comment.type === 'Block' && INLINE_RULE_CONFIG.test(comment.value))
            .map((comment) => ({ file: context.filename, line: comment.loc.start.line, text: `/*${comment.value}*/`, range: comment.range }));
          const summarized = grader.add({ filename: context.filename, sourceCode, settings: context.settings, publicRoutes });
          collected.set(context.filename, { summarized, inlineConfig, text: sourceCode.text, details: [...findingDetails(sourceCode)] });
        },
      };
    },
  };
  return {
    files: [...JS_FILES, ...TS_FILES],
    plugins: { 'claimguard-cli': { rules: { collect } } },
    rules: { [COLLECTOR_RULE]: 'error' },
  };
}

/**
 * Lints the targets and grades their routes. With `concurrency`, files are linted on worker threads that hand back
 * plain results and summaries, and one grader links the project: the report is the same as on one thread.
 */
export async function lintProject(targets: Targets, choice: ConfigChoice, publicRoutes: readonly string[], concurrency: Concurrency = 'off'): Promise<ProjectRun> {
  const batches = choice.project || choice.configFile !== undefined ? await projectBatches(targets, choice.configFile) : [bundledBatch(targets)];
  const files = await Promise.all(batches.map((batch) => batchFiles(new ESLint({ cwd: targets.base, overrideConfigFile: true, overrideConfig: batch.config }), batch.patterns)));
  const grader = createProjectGrader({ publicRoutes });
  const threads = threadCount(concurrency, files.reduce((sum, list) => sum + list.length, 0));
  let outcomes: BatchOutcome[];
  if (threads > 1) {
    outcomes = await lintOnThreads({ targets, recipes: batches.map((batch) => batch.recipe) }, files, threads);
    for (const outcome of outcomes) for (const summary of outcome.summaries) grader.accept(summary);
  } else {
    outcomes = [];
    for (const [index, batch] of batches.entries()) outcomes.push(await lintBatch(batch, targets, files[index]!, grader));
  }
  const byFile = (a: { file: string }, b: { file: string }) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0);
  const linted = outcomes.flatMap((outcome) => outcome.linted).sort(byFile);
  const ignoredInlineConfig = outcomes.flatMap((outcome) => outcome.ignoredInlineConfig).sort((a, b) => byFile(a, b) || a.line - b.line);
  const configurations = [...new Set(batches.map((batch) => batch.description))];
  return { base: targets.base, linted, routes: grader.routes(), ignoredInlineConfig, configurations };
}

/** The bundled configuration on the paths as given. */
export function bundledBatch(targets: Targets): Batch {
  const { config, applied } = workspaceConfig();
  return {
    config: [BUILT_IN_IGNORES, ...config],
    patterns: targets.paths.map((target) => target.absolute),
    publicRoutes: applied.publicRoutes,
    description: applied.description,
    recipe: { kind: 'bundled' },
  };
}

/** The batch of the files the project's config resolves like `file` (see `projectBatches`). */
export function projectBatch(base: string, lookup: ProjectConfigLookup, file: string, configFile: string | undefined): Batch {
  const projectConfig = lookup.kind === 'config' ? lookup.config : undefined;
  const projectConfigFile = lookup.kind === 'config' && lookup.configFile ? path.relative(base, lookup.configFile) || lookup.configFile : undefined;
  const { config, applied } = workspaceConfig({ ...(projectConfig ? { projectConfig } : {}), ...(projectConfigFile ? { projectConfigFile } : {}), filePath: file });
  return {
    config: [BUILT_IN_IGNORES, ...config],
    patterns: [],
    publicRoutes: applied.publicRoutes,
    description: applied.description,
    recipe: { kind: 'project', ...(configFile !== undefined ? { configFile } : {}), sample: file },
  };
}

/**
 * The project's config merged into the bundled one, as the trusted editor does. ESLint resolves the project's
 * config per file, so files are grouped by the config object it resolves (it hands out one object per
 * distinct combination) and each group is linted with its merged configuration.
 */
async function projectBatches(targets: Targets, configFile: string | undefined): Promise<Batch[]> {
  if (configFile !== undefined && !fs.existsSync(configFile)) throw new UsageError(`config file not found: ${path.relative(process.cwd(), configFile) || configFile}`);
  const project = createProjectESLint(targets.base, configFile !== undefined ? { configFile } : {});
  const lister = fileLister(targets.base);
  const groups = new Map<Linter.Config | undefined, Map<boolean, Batch>>();
  const placed = new Set<string>();
  for (const target of targets.paths) {
    let selected = 0;
    let ignoredByProject = 0;
    for (const file of await candidateFiles(lister, [target.absolute])) {
      if (placed.has(file)) {
        selected++;
        continue;
      }
      const lookup = await lookupOrFail(project, file);
      if (lookup.kind === 'ignored') {
        ignoredByProject++;
        continue;
      }
      const projectConfig = lookup.kind === 'config' ? lookup.config : undefined;
      const commonJs = /\.c[jt]s$/i.test(file);
      const byKind = groups.get(projectConfig) ?? new Map<boolean, Batch>();
      groups.set(projectConfig, byKind);
      let batch = byKind.get(commonJs);
      if (!batch) {
        batch = projectBatch(targets.base, lookup, file, configFile);
        byKind.set(commonJs, batch);
      }
      batch.patterns.push(file);
      placed.add(file);
      selected++;
    }
    if (selected === 0) {
      const why = ignoredByProject > 0 ? " (the project's config ignores every one)" : '';
      throw new UsageError(`no JavaScript or TypeScript files to analyse in ${target.given}${why}`);
    }
  }
  return [...groups.values()].flatMap((byKind) => [...byKind.values()]);
}

export async function lookupOrFail(project: ESLint, file: string): ReturnType<typeof lookupProjectConfig> {
  try {
    return await lookupProjectConfig(project, file);
  } catch (error) {
    throw new UsageError(configurationMessage(error));
  }
}

/**
 * Lints some of a batch's files (all of them, or a worker thread's share), each summary handed to `grader` as its
 * file is done. A file that would exhaust the parser's stack is never handed to ESLint: it is reported as not
 * analysed, with the reason, and the others go on.
 */
export async function lintBatch(batch: Batch, targets: Targets, files: readonly string[], grader: ProjectGrader): Promise<BatchOutcome> {
  const collected = new Map<string, Collected>();
  const eslint = new ESLint({ cwd: targets.base, overrideConfigFile: true, overrideConfig: [...batch.config, collectorConfig(collected, grader, batch.publicRoutes)] });
  const display = (file: string) => targets.paths.find((target) => target.absolute === file)?.given ?? (path.relative(targets.base, file) || '.');
  const { admitted, refused } = refuseBeforeParsing(files);
  const results = admitted.length > 0 ? await lintPass(eslint, admitted, display, collected) : [];
  checkEverythingAnalysed(results, display);
  // Inline `/* eslint … */` comments are code the analysed project writes: they could switch a rule off or
  // declare every route public. A file that holds one is linted again with those comments blanked out (same
  // length, so every position stays); its `eslint-disable` comments stay in force and are listed.
  const withInline = [...collected.values()].filter((entry) => entry.inlineConfig.length > 0);
  const relinted = new Map<string, ESLint.LintResult>();
  for (const entry of withInline) {
    const file = entry.inlineConfig[0]!.file;
    try {
      for (const result of await eslint.lintText(withoutComments(entry.text, entry.inlineConfig), { filePath: file })) relinted.set(result.filePath, result);
    } catch (error) {
      relinted.set(file, failedFile(file, error));
    }
  }
  const linted = results.map((result) => {
    const final = relinted.get(result.filePath) ?? result;
    return lintedFile(final, failedResults.has(final) ? undefined : collected.get(result.filePath));
  });
  for (const { file, reason } of refused) linted.push(lintedFile(failedFile(file, reason, 'did not'), undefined));
  return {
    linted,
    ignoredInlineConfig: withInline.flatMap((entry) => entry.inlineConfig.map(({ file, line, text }) => ({ file, line, text }))),
    summaries: [...collected.values()].map((entry) => entry.summarized),
  };
}

/** Files whose text would exhaust the parser (see `refusalBeforeParsing`), apart from the others; one linear pass each. */
function refuseBeforeParsing(files: readonly string[]): { admitted: string[]; refused: { file: string; reason: string }[] } {
  const admitted: string[] = [];
  const refused: { file: string; reason: string }[] = [];
  for (const file of files) {
    let text: string | undefined;
    try {
      text = fs.statSync(file).isFile() ? fs.readFileSync(file, 'utf8') : undefined;
    } catch {
      text = undefined;
    }
    const reason = text === undefined ? undefined : refusalBeforeParsing(text);
    if (reason === undefined) admitted.push(file);
    else refused.push({ file, reason });
  }
  return { admitted, refused };
}

/** `text` with each range replaced by spaces, line breaks kept. */
function withoutComments(text: string, comments: readonly { range: readonly [number, number] }[]): string {
  let result = '';
  let from = 0;
  for (const { range } of [...comments].sort((a, b) => a.range[0] - b.range[0])) {
    result += text.slice(from, range[0]) + text.slice(range[0], range[1]).replace(/[^\r\n]/g, ' ');
    from = range[1];
  }
  return result + text.slice(from);
}

async function lintPass(eslint: ESLint, patterns: readonly string[], display: (file: string) => string, collected: Map<string, Collected>): Promise<ESLint.LintResult[]> {
  try {
    return await eslint.lintFiles([...patterns]);
  } catch (error) {
    const unmatched = unmatchedPattern(error);
    if (unmatched !== undefined) throw new UsageError(`no JavaScript or TypeScript files to analyse in ${display(unmatched)}`);
    // One file that breaks ESLint itself (a stack overflow in its scope analysis on absurdly deep code)
    // must not cost the report on every other file: lint file by file and report that one as a failure.
    if (!isFileFailure(error)) throw new UsageError(configurationMessage(error));
    collected.clear();
    return lintFileByFile(eslint, patterns);
  }
}

/** ESLint's "no files matching" and "all files ignored" errors name the pattern they are about. */
function unmatchedPattern(error: unknown): string | undefined {
  const { messageTemplate, messageData } = (error ?? {}) as { messageTemplate?: string; messageData?: { pattern?: string } };
  if (messageTemplate !== 'no-files-found' && messageTemplate !== 'all-matched-files-ignored') return undefined;
  return messageData?.pattern ?? '';
}

/** A path given on the command line that ESLint skipped (ignored, or no configuration for it) fails the run. */
function checkEverythingAnalysed(results: readonly ESLint.LintResult[], display: (file: string) => string): void {
  for (const result of results) {
    if (!isSkippedResult(result)) continue;
    const reason = result.messages[0]!.message.split('. ')[0]!.replace(/\.$/, '').replace(/^File ignored/, 'it is ignored');
    throw new UsageError(`${display(result.filePath)} was not analysed: ${reason}`);
  }
}

/** ESLint's result for a file it was asked to lint but did not: one warning without a rule or a position. */
function isSkippedResult(result: ESLint.LintResult): boolean {
  const [only, ...rest] = result.messages;
  return rest.length === 0 && only !== undefined && only.ruleId === null && !only.fatal && only.line === undefined;
}

/**
 * Errors that come from one file rather than the configuration: ESLint appends "Occurred while linting <file>"
 * to rule and parser errors, and a stack overflow in its scope analysis arrives as a bare RangeError.
 */
function isFileFailure(error: unknown): boolean {
  return error instanceof RangeError || (error instanceof Error && /Occurred while linting /.test(error.message));
}

async function lintFileByFile(eslint: ESLint, patterns: readonly string[]): Promise<ESLint.LintResult[]> {
  const results: ESLint.LintResult[] = [];
  for (const file of await candidateFiles(eslint, patterns)) {
    try {
      results.push(...(await eslint.lintFiles([file])));
    } catch (error) {
      results.push(failedFile(file, error));
    }
  }
  return results;
}

const LINTED_EXTENSION = /\.(js|mjs|cjs|jsx|ts|mts|cts|tsx)$/;

/**
 * The files a batch lints: those below its folders that its configuration does not ignore, and each file named on
 * its own (ESLint then says why if it skips one). A folder with nothing to lint stays a pattern, so ESLint's own
 * "no files" error names it.
 */
async function batchFiles(eslint: ESLint, patterns: readonly string[]): Promise<string[]> {
  const files = new Set<string>();
  const empty: string[] = [];
  for (const pattern of patterns) {
    if (!fs.statSync(pattern, { throwIfNoEntry: false })?.isDirectory()) {
      files.add(pattern);
      continue;
    }
    const found = await candidateFiles(eslint, [pattern]);
    if (found.length === 0) empty.push(pattern);
    for (const file of found) files.add(file);
  }
  return [...[...files].sort(), ...empty];
}

/** Matches the JavaScript and TypeScript files the command lints, as ESLint matches them, minus the built-in ignores. */
function fileLister(base: string): ESLint {
  return new ESLint({ cwd: base, overrideConfigFile: true, overrideConfig: [BUILT_IN_IGNORES, { files: [...JS_FILES, ...TS_FILES] }] });
}

/** The files the command lints in `folder` before any project config is applied; the editor's workspace report lists the same. */
export function commandFiles(folder: string): Promise<string[]> {
  return candidateFiles(fileLister(folder), [folder]);
}

/**
 * The JavaScript and TypeScript files under `patterns` (absolute paths) that the configuration does not
 * ignore. Symbolic links inside a folder are not followed: a link back up the tree would never end.
 */
async function candidateFiles(eslint: ESLint, patterns: readonly string[]): Promise<string[]> {
  const files: string[] = [];
  const pending = patterns.map((pattern) => ({ file: pattern, stat: fs.statSync(pattern, { throwIfNoEntry: false }) }));
  while (pending.length > 0) {
    const { file, stat } = pending.pop()!;
    if (stat?.isDirectory()) {
      for (const entry of fs.readdirSync(file)) {
        if (entry !== 'node_modules' && entry !== '.git') pending.push({ file: path.join(file, entry), stat: fs.lstatSync(path.join(file, entry), { throwIfNoEntry: false }) });
      }
    } else if (stat?.isFile() && LINTED_EXTENSION.test(file) && !(await eslint.isPathIgnored(file))) {
      files.push(file);
    }
  }
  return files.sort();
}

/** Results the command made up for files ESLint failed on: their parse (if any) is not to be trusted. */
const failedResults = new WeakSet<ESLint.LintResult>();

function failedFile(filePath: string, error: unknown, could: 'could not' | 'did not' = 'could not'): ESLint.LintResult {
  const reason = error instanceof Error ? (error.message.split('\n')[0] ?? 'ESLint failed') : String(error);
  const result: ESLint.LintResult = {
    filePath,
    messages: [{ ruleId: null, fatal: true, severity: 2, line: 1, column: 1, message: `ClaimGuard ${could} analyse this file: ${reason}` }],
    suppressedMessages: [],
    errorCount: 1,
    fatalErrorCount: 1,
    warningCount: 0,
    fixableErrorCount: 0,
    fixableWarningCount: 0,
    usedDeprecatedRules: [],
  };
  failedResults.add(result);
  return result;
}

/** ESLint's errors run over several lines (stack, config path); the first says what is wrong. */
function configurationMessage(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const first = message.split('\n').find((line) => line.trim() !== '') ?? 'ESLint failed';
  return `configuration error: ${first.trim()}`;
}

function isClaimGuardRule(ruleId: string | null): boolean {
  return ruleId !== null && ruleId.startsWith('claimguard/');
}

/**
 * Keeps what may decide the exit code: ClaimGuard's findings and files that could not be analysed. A fatal
 * message on a file the rules did run on (ESLint 10's "`/* eslint-env *\/` comments are no longer supported")
 * is about the project's comments, not a failure to analyse.
 */
function lintedFile(result: ESLint.LintResult, collected: Collected | undefined): LintedFile {
  const details = detailQueues(collected?.details ?? []);
  let lines: string[] | undefined;
  const lineText = (line: number): string => {
    lines ??= collected ? collected.text.split(LINE_BREAK) : [];
    return (lines[line - 1] ?? '').trim();
  };
  const finding = (message: Linter.LintMessage | Linter.SuppressedLintMessage): LintedFinding => ({
    ruleId: message.ruleId,
    severity: message.severity === 2 ? 2 : 1,
    fatal: message.fatal === true,
    line: message.line,
    column: message.column,
    ...(message.endLine !== undefined ? { endLine: message.endLine } : {}),
    ...(message.endColumn !== undefined ? { endColumn: message.endColumn } : {}),
    message: message.message,
    ...originOf(details, message),
    lineText: lineText(message.line),
    ...('suppressions' in message ? { suppressions: message.suppressions.map(suppressionOf) } : {}),
  });
  return {
    file: result.filePath,
    findings: result.messages.filter((message) => isClaimGuardRule(message.ruleId) || (message.fatal === true && collected === undefined)).map(finding),
    suppressed: result.suppressedMessages.filter((message) => isClaimGuardRule(message.ruleId)).map(finding),
  };
}

function suppressionOf(suppression: Linter.SuppressedLintMessage['suppressions'][number]): Suppression {
  return { kind: suppression.kind === 'directive' ? 'directive' : 'baseline', justification: suppression.justification };
}

/** ESLint's own line breaks (`SourceCode#lines`). */
const LINE_BREAK = /\r\n|[\r\n\u2028\u2029]/;

/** Recorded details by rule and start position, each queue in report order. */
function detailQueues(details: readonly FindingDetail[]): Map<string, FindingDetail[]> {
  const queues = new Map<string, FindingDetail[]>();
  for (const detail of details) {
    const key = `${detail.ruleId}@${detail.span.start.line}:${detail.span.start.column + 1}`;
    const queue = queues.get(key);
    if (queue) queue.push(detail);
    else queues.set(key, [detail]);
  }
  return queues;
}

/** The recorded detail of a message (same rule, same start), each detail used once, in report order. */
function originOf(details: Map<string, FindingDetail[]>, message: Linter.LintMessage): Pick<LintedFinding, 'origin'> {
  const origin = details.get(`${message.ruleId}@${message.line}:${message.column}`)?.shift()?.origin;
  return origin ? { origin } : {};
}
