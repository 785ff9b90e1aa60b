import { parseArgs } from 'node:util';

export const FORMATS = ['table', 'json', 'sarif', 'markdown'] as const;
export type Format = (typeof FORMATS)[number];

/** Worker threads: none, as many as the machine's cores (one core means none, as with ESLint), or a number. */
export type Concurrency = 'off' | 'auto' | number;

export interface CliOptions {
  paths: string[];
  format: Format;
  output: string | undefined;
  minLevel: 0 | 1 | 2 | 3 | undefined;
  config: string | undefined;
  projectConfig: boolean;
  publicRoutes: string[];
  suppressAll: boolean;
  pruneSuppressions: boolean;
  suppressionsLocation: string | undefined;
  passOnUnprunedSuppressions: boolean;
  concurrency: Concurrency;
  help: boolean;
  version: boolean;
}

/** A mistake in how the command was called; the message is the one line the user sees. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export const USAGE = `Usage: claimguard [options] [paths...]

Lints JavaScript and TypeScript files for authorization that trusts caller-controlled values and grades
every route on the API Security Maturity Model (Level 0-3).

Options:
  -f, --format <table|json|sarif|markdown>  output format (default: table)
  -o, --output <file>                        write the report to a file instead of stdout
      --min-level <0-3>                      exit 1 when a protected route is below this level
      --project-config                       also apply the project's eslint.config.* (its ignores, parser
                                             options, settings.claimguard and claimguard/* rules), as a
                                             trusted editor does; loading it runs the project's code
  -c, --config <file>                        like --project-config, with this config file
      --public <path>                        a public route path or glob (repeatable), never graded
      --concurrency <off|auto|N>             lint on worker threads: auto uses one per two cores, as
                                             ESLint does (none below four); the report is the same
                                             (default: off)

Baseline (fail only on new findings and on routes that drop below their recorded level):
      --suppress-all                         record every current finding in eslint-suppressions.json and
                                             every route's level in claimguard-route-levels.json
      --prune-suppressions                   drop what no longer occurs; raise recorded levels routes now exceed
      --suppressions-location <file>         the suppressions file (default: eslint-suppressions.json); the
                                             levels file sits next to it
      --pass-on-unpruned-suppressions        do not fail when the baseline records more than remains

  -h, --help                                 show this help
  -v, --version                              print the version

Exit codes: 0 clean; 1 error findings, a route below --min-level or below its recorded level; 2 usage or
configuration error, nothing to analyse, or a baseline that needs --prune-suppressions.`;

export function parseCliArgs(argv: readonly string[]): CliOptions {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        format: { type: 'string', short: 'f', default: 'table' },
        output: { type: 'string', short: 'o' },
        'min-level': { type: 'string' },
        config: { type: 'string', short: 'c' },
        'project-config': { type: 'boolean', default: false },
        public: { type: 'string', multiple: true, default: [] },
        'suppress-all': { type: 'boolean', default: false },
        'prune-suppressions': { type: 'boolean', default: false },
        'suppressions-location': { type: 'string' },
        'pass-on-unpruned-suppressions': { type: 'boolean', default: false },
        concurrency: { type: 'string', default: 'off' },
        help: { type: 'boolean', short: 'h', default: false },
        version: { type: 'boolean', short: 'v', default: false },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message.split('\n')[0]!);
  }
  const { values, positionals } = parsed;
  const format = values.format as Format;
  if (!FORMATS.includes(format)) throw new UsageError(`unknown --format '${values.format}': use one of ${FORMATS.join(', ')}`);
  if (values['suppress-all'] && values['prune-suppressions']) throw new UsageError('--suppress-all and --prune-suppressions cannot be used together');
  return {
    paths: positionals.length > 0 ? positionals : ['.'],
    format,
    output: values.output,
    minLevel: parseMinLevel(values['min-level']),
    config: values.config,
    projectConfig: values['project-config'],
    publicRoutes: values.public,
    suppressAll: values['suppress-all'],
    pruneSuppressions: values['prune-suppressions'],
    suppressionsLocation: values['suppressions-location'],
    passOnUnprunedSuppressions: values['pass-on-unpruned-suppressions'],
    concurrency: parseConcurrency(values.concurrency),
    help: values.help,
    version: values.version,
  };
}

function parseConcurrency(raw: string): Concurrency {
  const value = raw.trim();
  if (value === 'off' || value === 'auto') return value;
  if (/^[1-9]\d{0,3}$/.test(value)) return Number(value);
  throw new UsageError(`invalid --concurrency '${raw}': use off, auto or a number of threads`);
}

function parseMinLevel(raw: string | undefined): CliOptions['minLevel'] {
  if (raw === undefined) return undefined;
  if (!/^[0-3]$/.test(raw.trim())) throw new UsageError(`invalid --min-level '${raw}': use 0, 1, 2 or 3`);
  return Number(raw) as 0 | 1 | 2 | 3;
}
