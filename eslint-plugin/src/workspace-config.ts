/**
 * The one place where a project's own ESLint config meets ClaimGuard's bundled one, for every tool that runs
 * ClaimGuard on a project it did not configure itself (the language server in a trusted workspace, the
 * `claimguard` command when asked to use the project's config).
 *
 * The bundled configuration always applies to JavaScript and TypeScript files: its parsers, the plugin and the
 * `recommended` rules. The project's config, as ESLint resolves it for one file, adds only what shapes
 * ClaimGuard's own results: its ignores (a file is skipped only when the project explicitly ignores it), parser
 * options, `settings.claimguard` and its `claimguard/*` rules. Its other plugins, rules, parsers and processors
 * never run on ClaimGuard's results. Overrides (editor settings, command-line flags) come last.
 */
import * as path from 'node:path';
import { ESLint, type Linter } from 'eslint';
import plugin from './index';
import type { MaturityLevel } from './analysis/findings';
import { javaScriptParser } from './project/parse';
import { loadTypeScriptParser } from './util/typescript-parser';

export type RuleSeverity = 'off' | 'warn' | 'error';

/** What an editor's settings or a command line put on top of everything else. */
export interface ClaimGuardOverrides {
  /** Severity per rule, by name with or without the `claimguard/` prefix. A rule's options are kept. */
  rules?: Readonly<Record<string, RuleSeverity>>;
  /** `maturity-level`'s `minimumLevel`; turns the rule on (as a warning) where nothing else turned it on. */
  minimumLevel?: MaturityLevel;
  /** Merged over the project's `settings.claimguard`, key by key. */
  settings?: Readonly<Record<string, unknown>>;
}

export interface WorkspaceConfigOptions {
  /**
   * The project's config for the file, as `ESLint#calculateConfigForFile` resolves it (see
   * `lookupProjectConfig`), or undefined when the project has none or it may not be loaded.
   */
  projectConfig?: Linter.Config;
  /** Where the project's config came from (e.g. `eslint.config.mjs`), for the description. */
  projectConfigFile?: string;
  /** The file the config is for: tells ESLint's default source type (`.cjs` is CommonJS) from a project's own. */
  filePath?: string;
  overrides?: ClaimGuardOverrides;
  /**
   * The parser for TypeScript files; by default typescript-eslint's, required from beside the plugin on the first
   * TypeScript file. A tool that ships its own copy (the language server) passes it, so TypeScript parses
   * wherever the plugin itself was installed.
   */
  typeScriptParser?: Linter.Parser;
}

/** Which configuration applied to a file, for a status line or a log. */
export interface AppliedConfiguration {
  /** `recommended` when the bundled rules ran; `project` when the project's `claimguard/*` rules replaced them. */
  rules: 'recommended' | 'project';
  projectConfigFile?: string;
  /** What was taken from the project's config. */
  fromProject: string[];
  /** The overrides that changed something, e.g. `claimguard.rules: no-api-key-auth off`. */
  overrides: string[];
  /** Override entries that could not be applied (an unknown rule name). */
  problems: string[];
  /**
   * `maturity-level`'s `publicRoutes`, also when the rule is off: route grades elsewhere (code lenses, a route
   * table) must treat the same routes as public.
   */
  publicRoutes: string[];
  /** All of the above in one sentence. */
  description: string;
}

export interface WorkspaceConfig {
  /** A complete flat config for `Linter#verify` or `new ESLint({ overrideConfigFile: true, overrideConfig })`. */
  config: Linter.Config[];
  applied: AppliedConfiguration;
}

export const JS_FILES = ['**/*.js', '**/*.mjs', '**/*.cjs', '**/*.jsx'];
export const TS_FILES = ['**/*.ts', '**/*.mts', '**/*.cts', '**/*.tsx'];

/**
 * Type-aware parsing options: ClaimGuard needs no type information, and with them the TypeScript parser would
 * build a whole program per file (or fail on files outside the tsconfig).
 */
const TYPE_AWARE_PARSER_OPTIONS = new Set(['project', 'projectService', 'tsconfigRootDir', 'programs', 'EXPERIMENTAL_useProjectService']);

type RuleEntry = Linter.RuleEntry;
type Rules = Record<string, RuleEntry>;

/** Merges the project's config for one file into the bundled configuration; see the module comment. */
export function workspaceConfig(options: WorkspaceConfigOptions = {}): WorkspaceConfig {
  const project = options.projectConfig;
  const fromProject: string[] = [];
  const projectRules = claimGuardRules(project?.rules);
  const rulesFromProject = Object.keys(projectRules).length > 0;
  if (rulesFromProject) fromProject.push('claimguard/* rules');
  const projectSettings = claimGuardSettings(project?.settings);
  if (projectSettings) fromProject.push('settings.claimguard');
  const languageOptions = projectLanguageOptions(project?.languageOptions, options.filePath);
  if (languageOptions) fromProject.push('parser options');

  const overrides = applyOverrides(rulesFromProject ? projectRules : recommendedRules(), options.overrides ?? {});
  const settings = { ...projectSettings, ...options.overrides?.settings };
  if (options.overrides?.settings && Object.keys(options.overrides.settings).length > 0) overrides.applied.push('settings');

  const config: Linter.Config[] = [
    ...bundledLanguageConfig(options.typeScriptParser ?? loadTypeScriptParser()),
    ...(languageOptions ? [{ name: 'claimguard/project-language-options', files: [...JS_FILES, ...TS_FILES], languageOptions }] : []),
    { name: 'claimguard/rules', files: [...JS_FILES, ...TS_FILES], plugins: { claimguard: plugin as unknown as ESLint.Plugin }, rules: overrides.rules },
    { name: 'claimguard/settings', files: [...JS_FILES, ...TS_FILES], settings: { claimguard: settings } },
  ];
  const applied: AppliedConfiguration = {
    rules: rulesFromProject ? 'project' : 'recommended',
    ...(project && options.projectConfigFile ? { projectConfigFile: options.projectConfigFile } : {}),
    fromProject,
    overrides: overrides.applied,
    problems: overrides.problems,
    publicRoutes: publicRoutesOf(overrides.rules['claimguard/maturity-level']),
    description: '',
  };
  applied.description = describe(applied, project !== undefined);
  return { config, applied };
}

/**
 * JavaScript through espree (JSX on) with the index's cheaper scope analysis, TypeScript through typescript-eslint;
 * nothing else of ESLint's reporting.
 */
function bundledLanguageConfig(typeScriptParser: Linter.Parser): Linter.Config[] {
  return [
    // JSX in every JavaScript file, as the plugin's own configs have it, so every tool parses alike.
    { name: 'claimguard/javascript', files: JS_FILES, languageOptions: { parser: javaScriptParser, parserOptions: { ecmaFeatures: { jsx: true } } } },
    { name: 'claimguard/typescript', files: TS_FILES, languageOptions: { parser: typeScriptParser, parserOptions: { ecmaFeatures: { jsx: true } } } },
    // Unused-directive reports are about other tools' comments as often as ours: they are not ClaimGuard's findings.
    { name: 'claimguard/linter-options', linterOptions: { reportUnusedDisableDirectives: 'off' } },
  ];
}

/** The `recommended` config's rules, whether the config is one object or a list of them. */
function recommendedRules(): Rules {
  const recommended = plugin.configs.recommended as unknown as Linter.Config | Linter.Config[];
  const configs = Array.isArray(recommended) ? recommended : [recommended];
  return Object.assign({}, ...configs.map((config) => config.rules ?? {})) as Rules;
}

function claimGuardRules(rules: Linter.Config['rules']): Rules {
  const selected: Rules = {};
  for (const [id, entry] of Object.entries(rules ?? {})) {
    if (id.startsWith('claimguard/') && entry !== undefined) selected[id] = entry;
  }
  return selected;
}

function claimGuardSettings(settings: Linter.Config['settings']): Record<string, unknown> | undefined {
  const value = (settings as Record<string, unknown> | undefined)?.claimguard;
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : undefined;
}

/**
 * The project's source type and parser options where they differ from ESLint's defaults (which a resolved
 * config always repeats); never its parser, and never an older ECMAScript version: the analysis reads the
 * latest syntax whatever the project's own linting accepts.
 */
function projectLanguageOptions(raw: Linter.Config['languageOptions'], filePath: string | undefined): Linter.LanguageOptions | undefined {
  if (!raw) return undefined;
  const options = raw as Linter.LanguageOptions;
  const taken: Linter.LanguageOptions = {};
  const defaultSourceType = filePath !== undefined && /\.c[jt]s$/i.test(filePath) ? 'commonjs' : 'module';
  if (options.sourceType !== undefined && options.sourceType !== defaultSourceType) taken.sourceType = options.sourceType;
  // ESLint copies the source type and version into the parser options; they are handled above.
  const parserOptions = Object.fromEntries(
    Object.entries((options.parserOptions ?? {}) as Record<string, unknown>).filter(
      ([key, value]) => key !== 'sourceType' && key !== 'ecmaVersion' && !TYPE_AWARE_PARSER_OPTIONS.has(key) && !(key === 'ecmaFeatures' && onlyJsx(value)),
    ),
  );
  if (Object.keys(parserOptions).length > 0) taken.parserOptions = parserOptions;
  return Object.keys(taken).length > 0 ? taken : undefined;
}

/** `{ jsx: true }`: what the bundled configuration sets for every source file anyway. */
function onlyJsx(value: unknown): boolean {
  return typeof value === 'object' && value !== null && Object.keys(value).every((key) => key === 'jsx') && (value as { jsx?: unknown }).jsx === true;
}

const ruleName = (id: string) => id.replace(/^claimguard\//, '');

function applyOverrides(base: Rules, overrides: ClaimGuardOverrides): { rules: Rules; applied: string[]; problems: string[] } {
  const rules: Rules = { ...base };
  const applied: string[] = [];
  const problems: string[] = [];
  for (const [name, severity] of Object.entries(overrides.rules ?? {})) {
    const id = `claimguard/${ruleName(name)}`;
    if (!plugin.rules[ruleName(name) as keyof typeof plugin.rules]) {
      problems.push(`unknown rule '${name}'`);
      continue;
    }
    rules[id] = withSeverity(rules[id], severity);
    applied.push(`${ruleName(name)} ${severity}`);
  }
  if (overrides.minimumLevel !== undefined) {
    const id = 'claimguard/maturity-level';
    const current = rules[id];
    // Asking for a level means wanting routes below it reported, unless the rule itself was set here.
    const severity = overrides.rules?.['maturity-level'] ?? overrides.rules?.[id] ?? (isOff(current) ? 'warn' : undefined);
    const entry = withSeverity(current, severity ?? severityOf(current));
    const [level, options] = Array.isArray(entry) ? [entry[0], entry[1] as Record<string, unknown> | undefined] : [entry, undefined];
    rules[id] = [level, { ...options, minimumLevel: overrides.minimumLevel }];
    applied.push(`minimumLevel ${overrides.minimumLevel}`);
  }
  return { rules, applied, problems };
}

function withSeverity(entry: RuleEntry | undefined, severity: RuleSeverity): RuleEntry {
  return Array.isArray(entry) ? [severity, ...entry.slice(1)] : severity;
}

function severityOf(entry: RuleEntry | undefined): RuleSeverity {
  const level = Array.isArray(entry) ? entry[0] : entry;
  if (level === 2 || level === 'error') return 'error';
  if (level === 1 || level === 'warn') return 'warn';
  return 'off';
}

const isOff = (entry: RuleEntry | undefined) => severityOf(entry) === 'off';

function publicRoutesOf(entry: RuleEntry | undefined): string[] {
  const options = Array.isArray(entry) ? (entry[1] as { publicRoutes?: unknown } | undefined) : undefined;
  const routes = options?.publicRoutes;
  return Array.isArray(routes) ? routes.filter((route): route is string => typeof route === 'string') : [];
}

function describe(applied: AppliedConfiguration, projectLoaded: boolean): string {
  const source = applied.projectConfigFile ?? "the project's ESLint config";
  let text = "ClaimGuard's bundled configuration";
  if (applied.rules === 'recommended') text += ' (recommended rules)';
  if (projectLoaded && applied.fromProject.length === 0) text += `; ${source} sets nothing ClaimGuard uses for this file`;
  else if (projectLoaded) text += ` with the ${listWords(applied.fromProject)} of ${source}`;
  if (applied.overrides.length > 0) text += `; overridden: ${applied.overrides.join(', ')}`;
  return text;
}

function listWords(words: readonly string[]): string {
  return words.length <= 1 ? words.join('') : `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}

/** What the project's config says about one file. */
export type ProjectConfigLookup =
  /** The project's config explicitly ignores the file (its global `ignores`, or ESLint's default ones). */
  | { kind: 'ignored'; configFile: string | undefined }
  | { kind: 'config'; config: Linter.Config; configFile: string | undefined }
  /** The project has no ESLint config at all. */
  | { kind: 'none' };

/**
 * An ESLint instance on the project's own config, for `lookupProjectConfig`. Creating it is cheap; the first
 * lookup imports the config, which runs the project's code: only for projects the user trusts.
 */
export function createProjectESLint(cwd: string, options: { configFile?: string } = {}): ESLint {
  const root = path.resolve(cwd);
  return new ESLint({
    cwd: root,
    ...(options.configFile !== undefined ? { overrideConfigFile: path.resolve(root, options.configFile) } : {}),
    // ESLint treats a file no config object matches as ignored; a `files` list naming only `.js` is not a wish
    // to skip `.ts` files. This object matches every JS and TS file, so only real ignores remain.
    overrideConfig: [{ name: 'claimguard/every-source-file', files: [...JS_FILES, ...TS_FILES] }],
  });
}

/** The project's resolved config for `filePath`; configuration errors (a config that throws) propagate. */
export async function lookupProjectConfig(eslint: ESLint, filePath: string): Promise<ProjectConfigLookup> {
  let resolved: Linter.Config | undefined;
  try {
    resolved = (await eslint.calculateConfigForFile(filePath)) as Linter.Config | undefined;
  } catch (error) {
    if ((error as { messageTemplate?: unknown }).messageTemplate === 'config-file-missing') return { kind: 'none' };
    throw error;
  }
  const configFile = await eslint.findConfigFile(filePath);
  return resolved === undefined ? { kind: 'ignored', configFile } : { kind: 'config', config: resolved, configFile };
}
