import * as fs from 'node:fs';
import * as path from 'node:path';
import { ESLint, type Linter, type Rule } from 'eslint';
import type { TSESLint } from '@typescript-eslint/utils';
import plugin from '../index';
import { getFileFacts, nameFileFacts, routeOptionsOf, type FileFacts } from '../analysis/maturity';
import type { ImportRef } from '../analysis/routes';
import { UsageError } from './args';

/** What one file handed to the route grading: its parse, settings and name. */
interface Collected {
  sourceCode: TSESLint.SourceCode;
  settings: Record<string, unknown>;
}

export interface ProjectRun {
  results: ESLint.LintResult[];
  rulesMeta: Record<string, Rule.RuleMetaData>;
  files: Map<string, FileFacts>;
  publicRoutes: string[];
  cwd: string;
}

const JS_FILES = ['**/*.js', '**/*.mjs', '**/*.cjs', '**/*.jsx'];
const TS_FILES = ['**/*.ts', '**/*.mts', '**/*.cts', '**/*.tsx'];
const RESOLVE_EXTENSIONS = ['', '.ts', '.tsx', '.js', '.mjs', '.cjs', '.jsx', '/index.ts', '/index.tsx', '/index.js'];

/** The built-in configuration: every JS and TS file, the `recommended` rules. */
function zeroConfig(): Linter.Config[] {
  return [
    { ignores: ['**/node_modules/**', '**/dist/**', '**/build/**', '**/out/**', '**/coverage/**', '**/.next/**'] },
    { files: JS_FILES, languageOptions: { ecmaVersion: 'latest', sourceType: 'module', parserOptions: { ecmaFeatures: { jsx: true } } } },
    { files: ['**/*.cjs'], languageOptions: { sourceType: 'commonjs' } },
    // The plugin's config covers JS and TS files and brings the TypeScript parser.
    ...plugin.configs.recommended,
  ];
}

/** A rule of the command's own that hands each file's parse to the route grading; it never reports. */
function collectorConfig(collected: Map<string, Collected>): Linter.Config {
  const collect: Rule.RuleModule = {
    meta: { type: 'problem', schema: [] },
    create(context) {
      return {
        'Program:exit'() {
          collected.set(context.filename, { sourceCode: context.sourceCode as unknown as TSESLint.SourceCode, settings: context.settings });
        },
      };
    },
  };
  return {
    files: [...JS_FILES, ...TS_FILES],
    plugins: { 'claimguard-cli': { rules: { collect } } },
    rules: { 'claimguard-cli/collect': 'error' },
  };
}

export async function lintProject(paths: readonly string[], configFile: string | undefined, publicRoutes: readonly string[]): Promise<ProjectRun> {
  const cwd = process.cwd();
  for (const target of paths) {
    if (!fs.existsSync(path.resolve(cwd, target))) throw new UsageError(`path not found: ${target}`);
  }
  if (configFile !== undefined && !fs.existsSync(path.resolve(cwd, configFile))) throw new UsageError(`config file not found: ${configFile}`);
  const collected = new Map<string, Collected>();
  const eslint = new ESLint({
    cwd,
    errorOnUnmatchedPattern: false,
    overrideConfigFile: configFile === undefined ? true : path.resolve(cwd, configFile),
    overrideConfig: [...(configFile === undefined ? zeroConfig() : []), collectorConfig(collected)],
  });
  let results: ESLint.LintResult[];
  try {
    results = await eslint.lintFiles([...paths]);
  } catch (error) {
    // One file that breaks ESLint itself (a stack overflow in its scope analysis on absurdly deep code)
    // must not cost the report on every other file: lint file by file and report that one as a failure.
    if (!isFileFailure(error)) throw new UsageError(configurationMessage(error));
    results = await lintFileByFile(eslint, paths, cwd);
  }
  const files = new Map<string, FileFacts>();
  const ruleOptions = new Set<string>(publicRoutes);
  for (const [file, { sourceCode, settings }] of collected) {
    const facts = getFileFacts(sourceCode, settings, file);
    nameFileFacts(facts, file);
    files.set(file, facts);
    for (const route of routeOptionsOf(sourceCode)?.publicRoutes ?? []) ruleOptions.add(route);
  }
  return { results: results.map(withoutCollector), rulesMeta: eslint.getRulesMetaForResults(results), files, publicRoutes: [...ruleOptions], cwd };
}

/**
 * Errors that come from one file rather than the configuration: ESLint appends "Occurred while linting <file>"
 * to rule and parser errors, and a stack overflow in its scope analysis arrives as a bare RangeError.
 */
function isFileFailure(error: unknown): boolean {
  return error instanceof RangeError || (error instanceof Error && /Occurred while linting /.test(error.message));
}

async function lintFileByFile(eslint: ESLint, paths: readonly string[], cwd: string): Promise<ESLint.LintResult[]> {
  const results: ESLint.LintResult[] = [];
  for (const file of await candidateFiles(eslint, paths, cwd)) {
    try {
      results.push(...(await eslint.lintFiles([file])));
    } catch (error) {
      results.push(failedFile(file, error));
    }
  }
  return results;
}

const LINTED_EXTENSION = /\.(js|mjs|cjs|jsx|ts|mts|cts|tsx)$/;

/** The files `lintFiles` would visit under `paths`, minus what the configuration ignores. */
async function candidateFiles(eslint: ESLint, paths: readonly string[], cwd: string): Promise<string[]> {
  const files: string[] = [];
  const pending = paths.map((target) => path.resolve(cwd, target));
  while (pending.length > 0) {
    const current = pending.pop()!;
    const stat = fs.statSync(current, { throwIfNoEntry: false });
    if (stat?.isDirectory()) {
      for (const entry of fs.readdirSync(current)) if (entry !== 'node_modules' && entry !== '.git') pending.push(path.join(current, entry));
    } else if (stat?.isFile() && LINTED_EXTENSION.test(current) && !(await eslint.isPathIgnored(current))) {
      files.push(current);
    }
  }
  return files.sort();
}

function failedFile(filePath: string, error: unknown): ESLint.LintResult {
  const reason = error instanceof Error ? (error.message.split('\n')[0] ?? 'ESLint failed') : String(error);
  return {
    filePath,
    messages: [{ ruleId: null, fatal: true, severity: 2, line: 1, column: 1, message: `ClaimGuard could not analyse this file: ${reason}` }],
    suppressedMessages: [],
    errorCount: 1,
    fatalErrorCount: 1,
    warningCount: 0,
    fixableErrorCount: 0,
    fixableWarningCount: 0,
    usedDeprecatedRules: [],
  };
}

/** ESLint's errors run over several lines (stack, config path); the first says what is wrong. */
function configurationMessage(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const first = message.split('\n').find((line) => line.trim() !== '') ?? 'ESLint failed';
  return `configuration error: ${first.trim()}`;
}

function withoutCollector(result: ESLint.LintResult): ESLint.LintResult {
  return { ...result, messages: result.messages.filter((message) => message.ruleId !== 'claimguard-cli/collect') };
}

/** Resolves a relative import between linted files (`./auth` → `/abs/auth.ts`). */
export function importResolver(files: ReadonlyMap<string, FileFacts>, cwd: string) {
  return (fromFile: string, ref: ImportRef): FileFacts | undefined => {
    const bases = ref.source.startsWith('@/') || ref.source.startsWith('~/')
      ? [path.join(cwd, 'src', ref.source.slice(2)), path.join(cwd, ref.source.slice(2))]
      : [path.resolve(path.dirname(fromFile), ref.source)];
    for (const base of bases) {
      const stem = base.replace(/\.(js|mjs|cjs|jsx)$/, '');
      for (const candidate of [base, stem]) {
        for (const extension of RESOLVE_EXTENSIONS) {
          const facts = files.get(candidate + extension);
          if (facts) return facts;
        }
      }
    }
    return undefined;
  };
}
