import * as fs from 'node:fs';
import { parseCliArgs, UsageError, USAGE, type CliOptions } from './args';
import { lintProject } from './project';
import { buildReport, levelLabel, routesBelow, type Report } from './report';
import { formatTable } from './formats/table';
import { formatJson } from './formats/json';
import { formatSarif } from './formats/sarif';
import { formatMarkdown } from './formats/markdown';

export interface Streams {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
}

const FORMATTERS: Record<CliOptions['format'], (report: Report) => string> = {
  table: formatTable,
  json: formatJson,
  sarif: formatSarif,
  markdown: formatMarkdown,
};

/** Runs the command and resolves to its exit code: 0 clean, 1 findings or a low grade, 2 usage or configuration error. */
export async function run(argv: readonly string[], streams: Streams = process): Promise<number> {
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
    progress(`claimguard: analysing ${options.paths.join(' ')}…`);
    const report = buildReport(await lintProject(options.paths, options.config, options.publicRoutes));
    progress('');
    const text = FORMATTERS[options.format](report);
    if (options.output) fs.writeFileSync(options.output, text);
    else streams.stdout.write(text);
    return exitCode(report, options, streams);
  } catch (error) {
    progress('');
    return usageFailure(error, streams);
  }
}

function exitCode(report: Report, options: CliOptions, streams: Streams): number {
  let code = report.errorCount > 0 ? 1 : 0;
  if (options.minLevel !== undefined) {
    const below = routesBelow(report, options.minLevel);
    if (below.length > 0) {
      streams.stderr.write(`claimguard: ${below.length} protected route${below.length === 1 ? ' is' : 's are'} below Level ${options.minLevel} (codebase grade: ${levelLabel(report.grade)})\n`);
      code = 1;
    }
  }
  return code;
}

/** Usage and configuration errors end with one line and exit code 2; anything else is a bug and shows its stack. */
function usageFailure(error: unknown, streams: Streams): number {
  if (error instanceof UsageError) {
    streams.stderr.write(`claimguard: ${error.message}\n`);
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
