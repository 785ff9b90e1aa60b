import * as path from 'node:path';
import { createRequire } from 'node:module';
import { ESLint, Linter } from 'eslint';
import plugin from 'eslint-plugin-claimguard';
import * as api from 'eslint-plugin-claimguard/api';
import type { FindingDetail, RouteReport } from 'eslint-plugin-claimguard/api';
import type { ClaimGuardEditorSettings } from './protocol';

export type { FindingDetail, RouteReport };

/** What one lint of one text produced; `sourceCode` is dropped so results can be kept without the AST. */
export interface LintResult {
  messages: Linter.LintMessage[];
  details: readonly FindingDetail[];
  routes: RouteReport[];
}

export interface LintRequest {
  text: string;
  /** An absolute path whose extension tells the parser the dialect (`.tsx`, `.mjs`…). */
  filePath: string;
  settings: ClaimGuardEditorSettings;
  /** The workspace folder whose own ESLint config may be used; undefined in untrusted workspaces. */
  trustedFolder?: string;
}

const JS_FILES = ['**/*.js', '**/*.mjs', '**/*.cjs', '**/*.jsx'];
const TS_FILES = ['**/*.ts', '**/*.mts', '**/*.cts', '**/*.tsx'];
export const LINTABLE_EXTENSIONS = new Set(['.js', '.mjs', '.cjs', '.jsx', '.ts', '.mts', '.cts', '.tsx']);

/** The plugin depends on the TypeScript parser, so load the copy it resolves rather than declaring a second one. */
function loadTypeScriptParser(): Linter.Parser {
  const pluginManifest = require.resolve('eslint-plugin-claimguard/package.json');
  return createRequire(pluginManifest)('@typescript-eslint/parser') as Linter.Parser;
}

type RouteReportsFn = (sourceCode: unknown, settings: unknown, options: { filename?: string }) => RouteReport[];

/** Route grading lands in the plugin separately; until it does, files simply have no routes. */
function routeReportsFn(): RouteReportsFn | undefined {
  const candidate = (api as { routeReports?: unknown }).routeReports;
  return typeof candidate === 'function' ? (candidate as RouteReportsFn) : undefined;
}

export function ruleDocsUrl(ruleId: string): string | undefined {
  const rule = plugin.rules[ruleId.replace(/^claimguard\//, '')];
  return rule?.meta.docs?.url;
}

type RuleEntry = Linter.RuleEntry;

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

/** Runs ESLint's `Linter` with the bundled plugin, exactly as CI would for the same settings. */
export class LintEngine {
  private readonly linter = new Linter({ configType: 'flat', cwd: path.parse(process.cwd()).root });
  private readonly tsParser = loadTypeScriptParser();
  private readonly projectLinters = new Map<string, ESLint>();
  private readonly reportedConfigFailures = new Set<string>();

  constructor(private readonly log: { warn(message: string): void; error(message: string): void }) {}

  lint(request: LintRequest): LintResult {
    const config = this.buildConfig(request.settings, undefined);
    return this.run(request, config);
  }

  /** Lints with the workspace's own ESLint config layered under the editor settings (trusted workspaces only). */
  async lintWithProject(request: LintRequest): Promise<LintResult | 'ignored'> {
    const project = request.trustedFolder ? await this.projectConfig(request.trustedFolder, request.filePath) : undefined;
    if (project === 'ignored') return 'ignored';
    return this.run(request, this.buildConfig(request.settings, project));
  }

  /** The text with every autofix applied, or undefined when nothing changes. */
  async fixAll(request: LintRequest): Promise<string | undefined> {
    const project = request.trustedFolder ? await this.projectConfig(request.trustedFolder, request.filePath) : undefined;
    if (project === 'ignored') return undefined;
    const report = this.linter.verifyAndFix(request.text, this.buildConfig(request.settings, project), {
      filename: request.filePath,
    });
    return report.fixed ? report.output : undefined;
  }

  private run(request: LintRequest, config: Linter.Config[]): LintResult {
    const messages = this.linter
      .verify(request.text, config, { filename: request.filePath })
      // Keep ClaimGuard's findings and parse errors; notices about other tools' directives are not ours to show.
      .filter((message) => message.fatal === true || message.ruleId?.startsWith('claimguard/') === true);
    const sourceCode = this.linter.getSourceCode() as unknown as Parameters<typeof api.getFindingDetails>[0] | null;
    if (!sourceCode || messages.some((message) => message.fatal)) return { messages, details: [], routes: [] };
    const grade = routeReportsFn();
    const settings = settingsSeenByRules.get(sourceCode) ?? {};
    return {
      messages,
      details: api.getFindingDetails(sourceCode),
      routes: grade ? grade(sourceCode, settings, { filename: request.filePath }) : [],
    };
  }

  private buildConfig(settings: ClaimGuardEditorSettings, project: Linter.Config | undefined): Linter.Config[] {
    const projectRules = (project?.rules ?? {}) as Record<string, RuleEntry>;
    const projectChoosesRules = Object.keys(projectRules).length > 0;
    const configs: Linter.Config[] = [
      { files: JS_FILES, languageOptions: { parserOptions: { ecmaFeatures: { jsx: true } } } },
      { files: TS_FILES, languageOptions: { parser: this.tsParser, parserOptions: { ecmaFeatures: { jsx: true } } } },
      { linterOptions: { reportUnusedDisableDirectives: 'off' } },
      {
        plugins: { claimguard: plugin as unknown as ESLint.Plugin, 'claimguard-server': probePlugin },
        rules: { 'claimguard-server/settings-probe': 'error' },
      },
    ];
    if (!projectChoosesRules) configs.push({ rules: recommendedRules() });
    if (project) configs.push(project);
    configs.push({ rules: this.editorRules(settings, { ...recommendedRules(), ...projectRules }) });
    const projectClaimGuard = (project?.settings?.claimguard ?? {}) as Record<string, unknown>;
    configs.push({ settings: { claimguard: { ...projectClaimGuard, ...settings.settings } } });
    return configs;
  }

  /** The user's severities and `minimumLevel` on top of whatever config the file would otherwise get. */
  private editorRules(settings: ClaimGuardEditorSettings, base: Record<string, RuleEntry>): Record<string, RuleEntry> {
    const rules: Record<string, RuleEntry> = {};
    for (const [name, severity] of Object.entries(settings.rules)) {
      if (plugin.rules[name]) rules[`claimguard/${name}`] = severity;
      else this.reportOnce('warn', `unknown-rule:${name}`, `claimguard.rules names an unknown rule '${name}'; it is ignored.`);
    }
    if (plugin.rules['maturity-level']) {
      const severity = settings.rules['maturity-level'] ?? severityOf(base['claimguard/maturity-level']) ?? 'warn';
      rules['claimguard/maturity-level'] = [severity, { minimumLevel: settings.minimumLevel }];
    }
    return rules;
  }

  /**
   * The project's resolved config for one file, reduced to what shapes ClaimGuard's results: parser and
   * language options, `settings`, and its `claimguard/*` rules. Loading it runs the project's code, which
   * is why callers pass a folder only for trusted workspaces.
   */
  private async projectConfig(folder: string, filePath: string): Promise<Linter.Config | 'ignored' | undefined> {
    try {
      const eslint = this.projectLinter(folder);
      if (await eslint.isPathIgnored(filePath)) return 'ignored';
      const resolved = (await eslint.calculateConfigForFile(filePath)) as Linter.Config | undefined;
      if (!resolved) return undefined;
      const rules = Object.fromEntries(
        Object.entries(resolved.rules ?? {}).filter(([id]) => id.startsWith('claimguard/')),
      );
      return { languageOptions: resolved.languageOptions, settings: resolved.settings, rules };
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      // No config at all is an ordinary project, not a failure.
      if (!/could not find config file/i.test(message)) {
        this.reportOnce(
          'error',
          `config:${folder}`,
          `The ESLint config of ${folder} could not be loaded (${message.split('\n')[0]}); using ClaimGuard's bundled defaults.`,
        );
      }
      return undefined;
    }
  }

  private projectLinter(folder: string): ESLint {
    let eslint = this.projectLinters.get(folder);
    if (!eslint) {
      eslint = new ESLint({ cwd: folder });
      this.projectLinters.set(folder, eslint);
    }
    return eslint;
  }

  /** Forgets loaded project configs so edits to them take effect. */
  resetProjects(): void {
    this.projectLinters.clear();
    this.reportedConfigFailures.clear();
  }

  private reportOnce(kind: 'warn' | 'error', key: string, message: string): void {
    if (this.reportedConfigFailures.has(key)) return;
    this.reportedConfigFailures.add(key);
    this.log[kind](message);
  }
}

function recommendedRules(): Record<string, RuleEntry> {
  return (plugin.configs.recommended.rules ?? {}) as Record<string, RuleEntry>;
}

function severityOf(entry: RuleEntry | undefined): 'off' | 'warn' | 'error' | undefined {
  const level = Array.isArray(entry) ? entry[0] : entry;
  if (level === undefined) return undefined;
  if (level === 0 || level === 'off') return 'off';
  if (level === 1 || level === 'warn') return 'warn';
  return 'error';
}
