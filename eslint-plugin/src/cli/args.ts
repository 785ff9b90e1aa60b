import { parseArgs } from 'node:util';

export const FORMATS = ['table', 'json', 'sarif', 'markdown'] as const;
export type Format = (typeof FORMATS)[number];

export interface CliOptions {
  paths: string[];
  format: Format;
  output: string | undefined;
  minLevel: 0 | 1 | 2 | 3 | undefined;
  config: string | undefined;
  publicRoutes: string[];
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
  -c, --config <file>                        use this ESLint flat config instead of the built-in one
      --public <path>                        a public route path or glob (repeatable), never graded
  -h, --help                                 show this help
  -v, --version                              print the version

Exit codes: 0 clean, 1 error findings or a route below --min-level, 2 usage or configuration error.`;

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
        public: { type: 'string', multiple: true, default: [] },
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
  return {
    paths: positionals.length > 0 ? positionals : ['.'],
    format,
    output: values.output,
    minLevel: parseMinLevel(values['min-level']),
    config: values.config,
    publicRoutes: values.public,
    help: values.help,
    version: values.version,
  };
}

function parseMinLevel(raw: string | undefined): CliOptions['minLevel'] {
  if (raw === undefined) return undefined;
  if (!/^[0-3]$/.test(raw.trim())) throw new UsageError(`invalid --min-level '${raw}': use 0, 1, 2 or 3`);
  return Number(raw) as 0 | 1 | 2 | 3;
}
