import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseCliArgs, UsageError, USAGE, type CliOptions } from './args';
import { lintProject } from './project';
import { buildReport, levelLabel, plural, routesBelow, type Report } from './report';
import { resolveTargets, checkWritableFile } from './targets';
import { applyFindingBaseline, applyLevelBaseline, baselineFiles, countEntries, type BaselineFiles, type FindingBaseline, type LevelBaseline } from './baseline';
import { formatTable } from './formats/table';
import { formatJson } from './formats/json';
import { formatSarif } from './formats/sarif';
import { formatMarkdown, formatStepSummary } from './formats/markdown';
import { summaryLine } from './formats/summary';
import { terminalFor, type Terminal } from './formats/terminal';
import { visible } from './formats/text';

export interface Streams {
  stdout: NodeJS.WritableStream & { isTTY?: boolean; columns?: number };
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
}

interface FormatContext {
  terminal: Terminal;
  base: string;
}

const FORMATTERS: Record<CliOptions['format'], (report: Report, context: FormatContext) => string> = {
  table: (report, { terminal }) => formatTable(report, terminal),
  json: formatJson,
  sarif: (report, { base }) => formatSarif(report, base),
  markdown: (report) => formatMarkdown(report),
};

/** Runs the command and resolves to its exit code: 0 clean, 1 findings or a low grade, 2 usage or configuration error. */
export async function run(argv: readonly string[], streams: Streams = process, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  let options: CliOptions;
  try {
    options = parseCliArgs(argv);
  } catch (error) {
    return usageFailure(error, streams);
  }
  if (options.help) {
    streams.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (options.version) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    streams.stdout.write(`${(require('../../package.json') as { version: string }).version}\n`);
    return 0;
  }
  const progress = progressLine(streams);
  try {
    return await analyse(options, streams, env, progress);
  } catch (error) {
    progress('');
    return usageFailure(error, streams);
  }
}

async function analyse(options: CliOptions, streams: Streams, env: NodeJS.ProcessEnv, progress: (text: string) => void): Promise<number> {
  const cwd = process.cwd();
  const targets = resolveTargets(options.paths, cwd);
  // Everything that can be checked before the analysis is, so a typo costs a second, not a whole run.
  const output = options.output !== undefined ? checkWritableFile(options.output, cwd, 'the report') : undefined;
  const baseline = { suppressAll: options.suppressAll, pruneSuppressions: options.pruneSuppressions, suppressionsLocation: options.suppressionsLocation };
  const files = baselineFiles(targets.base, baseline, cwd);
  if (options.suppressAll || options.pruneSuppressions) checkWritableFile(path.relative(cwd, files.suppressions), cwd, 'the baseline');
  const choice = { project: options.projectConfig, ...(options.config !== undefined ? { configFile: path.resolve(cwd, options.config) } : {}) };

  progress(`claimguard: analysing ${visible(options.paths.join(' '))}…`);
  const project = await lintProject(targets, choice, options.publicRoutes, options.concurrency);
  const findingBaseline = applyFindingBaseline(project.linted, project.base, files, baseline);
  const report = buildReport({ ...project, linted: findingBaseline.linted });
  const levelBaseline = applyLevelBaseline(report, project.base, project.linted, files, baseline);
  progress('');

  if (choice.project || choice.configFile !== undefined) for (const configuration of report.configurations) streams.stderr.write(`claimguard: ${configuration}\n`);
  const text = FORMATTERS[options.format](report, { terminal: terminalFor(output === undefined ? streams.stdout : undefined, env), base: project.base });
  if (output !== undefined) writeReport(output, options.output!, text);
  else streams.stdout.write(text);
  if (output !== undefined || options.format !== 'table') streams.stderr.write(`claimguard: ${summaryLine(report)}\n`);
  writeStepSummary(report, env, streams);
  reportBaseline(findingBaseline, levelBaseline, files, cwd, streams);
  return exitCode(report, options, findingBaseline, levelBaseline, streams);
}

function writeReport(file: string, given: string, text: string): void {
  try {
    fs.writeFileSync(file, text);
  } catch (error) {
    throw new UsageError(`cannot write the report to ${given}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
}

/** In GitHub Actions the route table goes to the job's summary page as well, whatever the format. */
function writeStepSummary(report: Report, env: NodeJS.ProcessEnv, streams: Streams): void {
  const file = env.GITHUB_STEP_SUMMARY;
  if (env.GITHUB_ACTIONS !== 'true' || !file) return;
  try {
    fs.appendFileSync(file, formatStepSummary(report));
  } catch (error) {
    streams.stderr.write(`claimguard: could not write the step summary: ${(error as Error).message.split('\n')[0]}\n`);
  }
}

function reportBaseline(findings: FindingBaseline, levels: LevelBaseline, files: BaselineFiles, cwd: string, streams: Streams): void {
  const name = (file: string) => path.relative(cwd, file) || file;
  if (findings.recorded !== undefined) {
    streams.stderr.write(`claimguard: recorded ${plural(findings.recorded, 'finding')} in ${name(files.suppressions)} and ${plural(levels.recorded ?? 0, 'route level')} in ${name(files.levels)}\n`);
  }
}

function exitCode(report: Report, options: CliOptions, findings: FindingBaseline, levels: LevelBaseline, streams: Streams): number {
  let code = report.errorCount > 0 ? 1 : 0;
  if (options.minLevel !== undefined) {
    // With recorded levels, a recorded route is held to its record; only the others meet --min-level.
    const below = routesBelow(report, options.minLevel).filter((route) => !levels.active || route.recordedLevel === undefined);
    if (below.length > 0) {
      const which = levels.active ? ' not in the baseline' : '';
      streams.stderr.write(`claimguard: ${plural(below.length, 'protected route')}${which} ${below.length === 1 ? 'is' : 'are'} below Level ${options.minLevel} (codebase grade: ${levelLabel(report.grade)})\n`);
      code = 1;
    }
  }
  if (levels.dropped.length > 0) {
    const list = levels.dropped.map((route) => `${route.method} ${route.path} (${route.file}:${route.line}) ${levelLabel(route.level)}, recorded ${levelLabel(route.recordedLevel!)}`);
    streams.stderr.write(`claimguard: ${plural(levels.dropped.length, 'route')} dropped below the recorded level: ${visible(list.join('; '))}\n`);
    code = 1;
  }
  const staleCounts = countEntries(findings.unused);
  if (staleCounts + levels.loose > 0 && !options.passOnUnprunedSuppressions) {
    const stale = [staleCounts > 0 ? plural(staleCounts, 'finding count') : '', levels.loose > 0 ? plural(levels.loose, 'route level') : ''].filter(Boolean).join(' and ');
    streams.stderr.write(`claimguard: the baseline allows more than the code has now (stale: ${stale}); run with --prune-suppressions to tighten it, or pass --pass-on-unpruned-suppressions\n`);
    return 2;
  }
  return code;
}

/** Usage and configuration errors end with one line and exit code 2; anything else is a bug and shows its stack. */
function usageFailure(error: unknown, streams: Streams): number {
  if (error instanceof UsageError) {
    streams.stderr.write(`claimguard: ${visible(error.message)}\n`);
    return 2;
  }
  const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
  streams.stderr.write(`claimguard: internal error: ${message}\n`);
  return 2;
}

/** A status line on stderr that rewrites itself, only when a person is watching. */
function progressLine(streams: Streams): (text: string) => void {
  if (!streams.stderr.isTTY) return () => undefined;
  return (text) => streams.stderr.write(`\r\x1b[K${text}`);
}
