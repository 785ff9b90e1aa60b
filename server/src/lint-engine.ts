import * as path from 'node:path';
import { type ESLint, Linter } from 'eslint';
import plugin from 'eslint-plugin-claimguard';
import * as api from 'eslint-plugin-claimguard/api';
import type { ClaimGuardOverrides, FindingDetail, ProjectFile, RouteReport, WorkspaceConfig } from 'eslint-plugin-claimguard/api';
import type { ClaimGuardEditorSettings } from './protocol';

export type { FindingDetail, RouteReport };

/** What one lint of one text produced; `sourceCode` is dropped so results can be kept without the AST. */
export interface LintResult {
  messages: Linter.LintMessage[];
  details: readonly FindingDetail[];
  /**
   * The file's routes, graded with the rest of its project; computed on first call, which also records the text's
   * summary in the project index. Asked after the diagnostics are out: grading is not needed to show them.
   */
  routes(): RouteReport[];
  /** Which configuration applied, in one sentence. */
  configuration: string;
  /** The parse and settings, for grading the file with the rest of its project; only when asked for. */
  source?: ProjectFile;
}

/** A file the workspace's ESLint config ignores, with the reason to show. */
export interface IgnoredFile {
  ignored: string;
}

export interface LintRequest {
  text: string;
  /** An absolute path whose extension tells the parser the dialect (`.tsx`, `.mjs`…). */
  filePath: string;
  settings: ClaimGuardEditorSettings;
  /** The workspace folder whose own ESLint config may be used; undefined in untrusted workspaces. */
  trustedFolder?: string;
}

export const LINTABLE_EXTENSIONS = new Set(['.js', '.mjs', '.cjs', '.jsx', '.ts', '.mts', '.cts', '.tsx']);

export function ruleDocsUrl(ruleId: string): string | undefined {
  const rule = plugin.rules[ruleId.replace(/^claimguard\//, '') as keyof typeof plugin.rules];
  return rule?.meta.docs?.url;
}

/**
 * The settings object ESLint handed the rules, per parsed file. The analysis is cached on that exact
 * object, so route grading reuses the rules' analysis instead of redoing it.
 */
const settingsSeenByRules = new WeakMap<object, Record<string, unknown>>();

const probePlugin: ESLint.Plugin = {
  meta: { name: 'claimguard-server' },
  rules: {
    'settings-probe': {
      meta: { type: 'problem', schema: [] },
      create(context) {
        settingsSeenByRules.set(context.sourceCode, context.settings as Record<string, unknown>);
        return {};
      },
    },
  },
};

let loadedParser: { parseForESLint(text: string, options?: unknown): Linter.ESLintParseResult } | undefined;

/**
 * The server's own typescript-eslint parser (a dependency of the server, where the plugin only has it as an
 * optional peer), required on the first TypeScript file: installed next to the plugin rather than inside a
 * project, the plugin could not find one.
 */
const typeScriptParser: Linter.Parser = {
  meta: { name: '@typescript-eslint/parser' },
  parseForESLint(text: string, options?: Linter.ParserOptions) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    loadedParser ??= require('@typescript-eslint/parser') as NonNullable<typeof loadedParser>;
    return loadedParser.parseForESLint(text, options);
  },
};

const PROBE_CONFIG: Linter.Config = {
  files: ['**/*'],
  plugins: { 'claimguard-server': probePlugin },
  rules: { 'claimguard-server/settings-probe': 'error' },
};

interface ResolvedConfig extends WorkspaceConfig {
  /** The sentence for the status: the applied configuration, and why the workspace's own was not used. */
  configuration: string;
}

/** Runs ESLint's `Linter` with the bundled plugin, merged with the workspace's config as the plugin's API defines. */
export class LintEngine {
  private readonly linter = new Linter({ configType: 'flat', cwd: path.parse(process.cwd()).root });
  private readonly projectLinters = new Map<string, ESLint>();
  private readonly reported = new Set<string>();

  constructor(private readonly log: { warn(message: string): void; error(message: string): void }) {}

  /**
   * Lints one text; in a trusted folder its own ESLint config is looked up (which runs the project's code).
   * `keepSource` keeps the parse in the result, for grading a whole project.
   */
  async lint(request: LintRequest, options: { keepSource?: boolean } = {}): Promise<LintResult | IgnoredFile> {
    const resolved = await this.configFor(request);
    if ('ignored' in resolved) return resolved;
    return this.run(request, resolved, options.keepSource === true);
  }

  /** The text with every autofix applied, or undefined when nothing changes. */
  async fixAll(request: LintRequest): Promise<string | undefined> {
    const resolved = await this.configFor(request);
    if ('ignored' in resolved || api.refusalBeforeParsing(request.text) !== undefined) return undefined;
    const report = this.linter.verifyAndFix(request.text, [...resolved.config, PROBE_CONFIG], { filename: request.filePath });
    return report.fixed ? report.output : undefined;
  }

  private run(request: LintRequest, resolved: ResolvedConfig, keepSource: boolean): LintResult | IgnoredFile {
    // A text that would exhaust the parser's stack can abort the whole server inside ESLint: never hand it over.
    const refusal = api.refusalBeforeParsing(request.text);
    if (refusal !== undefined) return { messages: [notAnalysed(refusal)], details: [], routes: () => [], configuration: resolved.configuration };
    const all = this.linter.verify(request.text, [...resolved.config, PROBE_CONFIG], { filename: request.filePath });
    // ESLint's "No matching configuration" notice, without a line: the file was not linted at all (and
    // `getSourceCode()` would still hold the previous file).
    const notLinted = all.find((message) => message.ruleId === null && !message.fatal && message.line === 0);
    if (notLinted) return { ignored: `not analysed: ${notLinted.message}` };
    // Keep ClaimGuard's findings and parse errors; notices about other tools' directives are not ours to show.
    const messages = all.filter((message) => message.fatal === true || message.ruleId?.startsWith('claimguard/') === true);
    const sourceCode = this.linter.getSourceCode() as unknown as Parameters<typeof api.getFindingDetails>[0] | null;
    const configuration = resolved.configuration;
    if (!sourceCode || messages.some((message) => message.fatal)) return { messages, details: [], routes: () => [], configuration };
    const settings = settingsSeenByRules.get(sourceCode) ?? {};
    const publicRoutes = resolved.applied.publicRoutes;
    let routes: RouteReport[] | undefined;
    return {
      messages,
      details: api.getFindingDetails(sourceCode),
      routes: () => (routes ??= api.routeReports(sourceCode, settings, { filename: request.filePath, publicRoutes })),
      configuration,
      ...(keepSource ? { source: { filename: request.filePath, sourceCode, settings, publicRoutes } } : {}),
    };
  }

  private async configFor(request: LintRequest): Promise<ResolvedConfig | IgnoredFile> {
    const overrides = editorOverrides(request.settings);
    const folder = request.trustedFolder;
    if (!folder) {
      const why = request.settings.useWorkspaceConfig ? "the workspace is not trusted, so its ESLint config is not loaded" : 'claimguard.useWorkspaceConfig is off';
      return this.merged({ overrides }, why);
    }
    let lookup: api.ProjectConfigLookup;
    try {
      lookup = await api.lookupProjectConfig(this.projectLinter(folder), request.filePath);
    } catch (error) {
      const reason = (error instanceof Error ? error.message : String(error)).split('\n')[0];
      this.reportOnce('error', `config:${folder}`, `The ESLint config of ${folder} could not be loaded (${reason}); using ClaimGuard's bundled defaults.`);
      return this.merged({ overrides }, `the workspace's ESLint config failed to load: ${reason}`);
    }
    const configFile = lookup.kind === 'none' ? undefined : lookup.configFile && path.relative(folder, lookup.configFile);
    if (lookup.kind === 'ignored') return { ignored: `ignored by the workspace's ESLint config${configFile ? ` (${configFile})` : ''}` };
    if (lookup.kind === 'none') return this.merged({ overrides }, 'the workspace has no ESLint config');
    return this.merged({ projectConfig: lookup.config, projectConfigFile: configFile, filePath: request.filePath, overrides });
  }

  private merged(options: api.WorkspaceConfigOptions, whyNotProject?: string): ResolvedConfig {
    const merged = api.workspaceConfig({ ...options, typeScriptParser });
    for (const problem of merged.applied.problems) this.reportOnce('warn', `override:${problem}`, `claimguard.rules: ${problem}; it is ignored.`);
    const configuration = whyNotProject ? `${merged.applied.description} (${whyNotProject})` : merged.applied.description;
    return { ...merged, configuration };
  }

  private projectLinter(folder: string): ESLint {
    let eslint = this.projectLinters.get(folder);
    if (!eslint) {
      eslint = api.createProjectESLint(folder);
      this.projectLinters.set(folder, eslint);
    }
    return eslint;
  }

  /** Forgets loaded project configs so edits to them take effect. */
  resetProjects(): void {
    this.projectLinters.clear();
    this.reported.clear();
  }

  private reportOnce(kind: 'warn' | 'error', key: string, message: string): void {
    if (this.reported.has(key)) return;
    this.reported.add(key);
    this.log[kind](message);
  }
}

/** What the editor shows on the first line of a file ClaimGuard refused to parse. */
function notAnalysed(reason: string): Linter.LintMessage {
  return { ruleId: null, fatal: true, severity: 2, line: 1, column: 1, message: `ClaimGuard did not analyse this file: ${reason}` };
}

/** The editor's `claimguard.*` settings as the overrides the plugin's workspace config takes. */
function editorOverrides(settings: ClaimGuardEditorSettings): ClaimGuardOverrides {
  return {
    rules: settings.rules,
    ...(settings.minimumLevel !== null ? { minimumLevel: settings.minimumLevel } : {}),
    settings: settings.settings,
  };
}
