import * as fs from 'node:fs';
import * as inspector from 'node:inspector';
import * as os from 'node:os';
import * as path from 'node:path';
import { ESLint, type Linter } from 'eslint';
import * as tsParser from '@typescript-eslint/parser';
import plugin from 'eslint-plugin-claimguard';
import { forgetProjects } from '../../../eslint-plugin/out/project/index';
import { writeCorpus } from './corpus';

/** Measured runs of each configuration, after one warm-up run of each; the median is reported. */
const RUNS = 5;
const GENERATED_FILES = 500;

const SOURCE_FILES = '**/*.{js,mjs,cjs,jsx,ts,mts,cts,tsx}';

/**
 * ESLint as a project runs it, with no rules: espree for JavaScript, typescript-eslint's parser for TypeScript,
 * dependencies and build output ignored. The plugin's run adds exactly the ClaimGuard rules to the same config.
 */
function baseConfig(): Linter.Config[] {
  return [
    { ignores: ['**/node_modules/**', '**/dist/**', '**/build/**', '**/out/**', '**/coverage/**', '**/*.min.js', '**/*.d.ts'] },
    { files: ['**/*.{js,mjs,cjs,jsx}'], languageOptions: { ecmaVersion: 'latest', sourceType: 'module', parserOptions: { ecmaFeatures: { jsx: true } } } },
    { files: ['**/*.cjs'], languageOptions: { sourceType: 'commonjs' } },
    { files: ['**/*.{ts,mts,cts,tsx}'], languageOptions: { parser: tsParser as Linter.Parser } },
    { files: [SOURCE_FILES] },
    { linterOptions: { reportUnusedDisableDirectives: 'off' } },
  ];
}

function pluginConfig(): Linter.Config[] {
  const rules = Object.fromEntries(Object.keys(plugin.rules).map((name) => [`claimguard/${name}`, 'error' as const]));
  return [...baseConfig(), { files: [SOURCE_FILES], plugins: { claimguard: plugin as unknown as ESLint.Plugin }, rules }];
}

interface Run {
  wallMs: number;
  /** This process's CPU time (user + system): other work on a shared machine moves it far less than wall time. */
  cpuMs: number;
  results: ESLint.LintResult[];
}

/** One `lintFiles` over the corpus; each plugin run starts with no project index, as a new process would. */
async function lintOnce(cwd: string, config: Linter.Config[], stats = false): Promise<Run> {
  forgetProjects();
  const eslint = new ESLint({ cwd, overrideConfigFile: true, overrideConfig: config, stats });
  const cpu = process.cpuUsage();
  const start = process.hrtime.bigint();
  const results = await eslint.lintFiles(['.']);
  const wallMs = Number(process.hrtime.bigint() - start) / 1e6;
  const used = process.cpuUsage(cpu);
  return { wallMs, cpuMs: (used.user + used.system) / 1000, results };
}

const median = (values: readonly number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/** Milliseconds per rule, summed over files, from ESLint's own `stats` (the same figures as TIMING=all). */
function ruleTimes(results: readonly ESLint.LintResult[]): Map<string, number> {
  const times = new Map<string, number>();
  for (const result of results) {
    for (const pass of result.stats?.times.passes ?? []) {
      for (const [rule, time] of Object.entries(pass.rules ?? {})) times.set(rule, (times.get(rule) ?? 0) + time.total);
    }
  }
  return times;
}

interface Profile {
  nodes: { id: number; callFrame: { functionName: string; url: string }; children?: number[] }[];
  samples: number[];
  timeDeltas: number[];
}

function post<T>(session: inspector.Session, method: string): Promise<T> {
  return new Promise((resolve, reject) => session.post(method, (error, result) => (error ? reject(error) : resolve(result as T))));
}

/**
 * Where a plugin run's time goes, from a CPU profile of it: the share of samples with a frame of the project
 * index on the stack (linking, and reading, parsing and summarizing other files), and of those with any frame of
 * the plugin at all.
 */
async function profileShares(cwd: string): Promise<{ indexMs: number; pluginMs: number; totalMs: number }> {
  const session = new inspector.Session();
  session.connect();
  try {
    await post(session, 'Profiler.enable');
    await post(session, 'Profiler.start');
    await lintOnce(cwd, pluginConfig());
    const { profile } = await post<{ profile: Profile }>(session, 'Profiler.stop');
    const parents = new Map<number, number>();
    const byId = new Map(profile.nodes.map((node) => [node.id, node]));
    for (const node of profile.nodes) for (const child of node.children ?? []) parents.set(child, node.id);
    let indexUs = 0;
    let pluginUs = 0;
    let totalUs = 0;
    profile.samples.forEach((sample, i) => {
      const delta = profile.timeDeltas[i] ?? 0;
      totalUs += delta;
      let inIndex = false;
      let inPlugin = false;
      for (let id: number | undefined = sample; id !== undefined; id = parents.get(id)) {
        const url = byId.get(id)!.callFrame.url;
        if (url.includes('/eslint-plugin/out/')) inPlugin = true;
        if (url.includes('/eslint-plugin/out/project/')) inIndex = true;
      }
      if (inIndex) indexUs += delta;
      if (inPlugin) pluginUs += delta;
    });
    return { indexMs: indexUs / 1000, pluginMs: pluginUs / 1000, totalMs: totalUs / 1000 };
  } finally {
    session.disconnect();
  }
}

function countLines(results: readonly ESLint.LintResult[]): number {
  return results.reduce((sum, result) => sum + fs.readFileSync(result.filePath, 'utf8').split('\n').length, 0);
}

/**
 * `npm run bench`, rules section: ESLint with no rules against the same ESLint with every ClaimGuard rule, same
 * files, same parsers, same process, measured alternately. `corpus` is a folder of real projects; by default a
 * generated corpus. Budgets (DESIGN.md, "Performance budgets"): all rules ≤ 1.25× ESLint alone, no rule over 10%.
 */
export async function runRulesBench(corpus?: string): Promise<void> {
  const generated = corpus === undefined ? path.join(os.tmpdir(), 'claimguard-bench-corpus') : undefined;
  if (generated) {
    fs.rmSync(generated, { recursive: true, force: true });
    writeCorpus(generated, { files: GENERATED_FILES, seed: 20261128 });
  }
  const dir = path.resolve(corpus ?? generated!);
  try {
    await lintOnce(dir, baseConfig());
    await lintOnce(dir, pluginConfig());
    const plain: Run[] = [];
    const withPlugin: Run[] = [];
    for (let run = 0; run < RUNS; run++) {
      plain.push(await lintOnce(dir, baseConfig()));
      withPlugin.push(await lintOnce(dir, pluginConfig()));
    }
    const results = withPlugin[0]!.results;
    const files = results.length;
    const lines = countLines(results);
    const findings = results.reduce((sum, result) => sum + result.messages.filter((message) => message.ruleId?.startsWith('claimguard/')).length, 0);
    const parseErrors = results.filter((result) => result.messages.some((message) => message.fatal)).length;
    const [plainWall, pluginWall] = [median(plain.map((run) => run.wallMs)), median(withPlugin.map((run) => run.wallMs))];
    const [plainCpu, pluginCpu] = [median(plain.map((run) => run.cpuMs)), median(withPlugin.map((run) => run.cpuMs))];

    console.log(`\n## Rules: ESLint alone vs every ClaimGuard rule (${corpus === undefined ? 'generated corpus' : dir}: ${files} files, ${lines} lines; median of ${RUNS} alternating runs)\n`);
    console.log('| configuration | wall (ms) | CPU (ms) |');
    console.log('| --- | ---: | ---: |');
    console.log(`| ESLint, no rules (same parsers) | ${plainWall.toFixed(0)} | ${plainCpu.toFixed(0)} |`);
    console.log(`| ESLint + every claimguard rule | ${pluginWall.toFixed(0)} | ${pluginCpu.toFixed(0)} |`);
    const ratio = pluginCpu / plainCpu;
    console.log(`\nratio with/without ClaimGuard: ${ratio.toFixed(2)}× CPU, ${(pluginWall / plainWall).toFixed(2)}× wall (budget 1.25×: ${ratio <= 1.25 ? 'within' : 'OVER'}); ${findings} findings; ${parseErrors} files did not parse`);

    const stats = await lintOnce(dir, pluginConfig(), true);
    const times = [...ruleTimes(stats.results)].filter(([rule]) => rule.startsWith('claimguard/')).sort((a, b) => b[1] - a[1]);
    console.log('\n| rule (TIMING=all equivalent, one run with stats) | ms | % of ESLint alone |');
    console.log('| --- | ---: | ---: |');
    for (const [rule, time] of times) console.log(`| ${rule} | ${time.toFixed(1)} | ${((time / plainWall) * 100).toFixed(1)}%${time / plainWall > 0.1 ? ' (over 10%)' : ''} |`);
    const total = times.reduce((sum, [, time]) => sum + time, 0);
    console.log(`| all claimguard rules | ${total.toFixed(1)} | ${((total / plainWall) * 100).toFixed(1)}% |`);

    const shares = await profileShares(dir);
    console.log(`\nWhere a plugin run's time goes (CPU profile of one run, ${shares.totalMs.toFixed(0)} ms sampled): the plugin's code on the stack ${((shares.pluginMs / shares.totalMs) * 100).toFixed(1)}%, of which the project index (linking; reading, parsing and summarizing other files) ${((shares.indexMs / shares.totalMs) * 100).toFixed(1)}% (${shares.indexMs.toFixed(0)} ms); the rest is ESLint, the parsers and garbage collection.`);
  } finally {
    if (generated) fs.rmSync(generated, { recursive: true, force: true });
  }
}
