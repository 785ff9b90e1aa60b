import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ESLint, type Linter } from 'eslint';
import js from '@eslint/js';
import plugin from 'eslint-plugin-claimguard';
import { writeCorpus } from './corpus';

const CORPUS_FILES = 500;
const RUNS = 3;

interface Timing {
  medianMs: number;
  results: ESLint.LintResult[];
}

async function timeLint(cwd: string, config: Linter.Config[]): Promise<Timing> {
  const samples: number[] = [];
  let results: ESLint.LintResult[] = [];
  // One warm-up run so module loading and JIT do not count against either configuration.
  for (let run = 0; run <= RUNS; run++) {
    const eslint = new ESLint({ cwd, overrideConfigFile: true, overrideConfig: config, stats: true });
    const start = process.hrtime.bigint();
    results = await eslint.lintFiles(['.']);
    const elapsed = Number(process.hrtime.bigint() - start) / 1e6;
    if (run > 0) samples.push(elapsed);
  }
  samples.sort((a, b) => a - b);
  return { medianMs: samples[Math.floor(samples.length / 2)], results };
}

/** Milliseconds per rule, summed over files, from ESLint's own `stats` (the same figures as TIMING=all). */
function ruleTimes(results: ESLint.LintResult[]): Map<string, number> {
  const times = new Map<string, number>();
  for (const result of results) {
    for (const pass of result.stats?.times.passes ?? []) {
      for (const [rule, time] of Object.entries(pass.rules ?? {})) times.set(rule, (times.get(rule) ?? 0) + time.total);
    }
  }
  return times;
}

function languageOptions(): Linter.Config['languageOptions'] {
  return { ecmaVersion: 'latest', sourceType: 'module', globals: { require: 'readonly', module: 'writable', process: 'readonly' } };
}

/** ESLint with no plugin against ESLint with the ClaimGuard rules, on the same generated corpus. */
export async function runRulesBench(): Promise<void> {
  const dir = path.join(os.tmpdir(), 'claimguard-bench-corpus');
  fs.rmSync(dir, { recursive: true, force: true });
  const files = writeCorpus(dir, { files: CORPUS_FILES, seed: 20261128 });
  const lines = files.reduce((sum, file) => sum + fs.readFileSync(file, 'utf8').split('\n').length, 0);
  const claimguardRules = Object.fromEntries(Object.keys(plugin.rules).map((name) => [`claimguard/${name}`, 'error' as const]));
  const base: Linter.Config = { files: ['**/*.{js,mjs}'], languageOptions: languageOptions() };
  const parseOnly = await timeLint(dir, [base]);
  const recommended = await timeLint(dir, [base, js.configs.recommended]);
  const withPlugin = await timeLint(dir, [base, js.configs.recommended, { plugins: { claimguard: plugin as unknown as ESLint.Plugin }, rules: claimguardRules }]);
  const findings = withPlugin.results.reduce((sum, result) => sum + result.messages.filter((m) => m.ruleId?.startsWith('claimguard/')).length, 0);

  const ratio = withPlugin.medianMs / recommended.medianMs;
  console.log(`\n## Rules: ESLint alone vs ESLint with ClaimGuard (${files.length} files, ${lines} lines, median of ${RUNS} runs)\n`);
  console.log(`| configuration | time (ms) |`);
  console.log(`| --- | ---: |`);
  console.log(`| parse only (no rules) | ${parseOnly.medianMs.toFixed(0)} |`);
  console.log(`| @eslint/js recommended (no plugin) | ${recommended.medianMs.toFixed(0)} |`);
  console.log(`| recommended + every claimguard rule | ${withPlugin.medianMs.toFixed(0)} |`);
  console.log(`\nratio with/without the plugin: ${ratio.toFixed(2)}x (budget 1.25x: ${ratio <= 1.25 ? 'within' : 'OVER'}); ${findings} findings`);

  const times = ruleTimes(withPlugin.results);
  const claimguardTotal = [...times].filter(([rule]) => rule.startsWith('claimguard/')).reduce((sum, [, time]) => sum + time, 0);
  console.log(`\n| rule (TIMING=all equivalent) | total ms | % of no-plugin run |`);
  console.log(`| --- | ---: | ---: |`);
  for (const [rule, time] of [...times].filter(([rule]) => rule.startsWith('claimguard/')).sort((a, b) => b[1] - a[1])) {
    console.log(`| ${rule} | ${time.toFixed(1)} | ${((time / recommended.medianMs) * 100).toFixed(1)}% |`);
  }
  console.log(`| all claimguard rules | ${claimguardTotal.toFixed(1)} | ${((claimguardTotal / recommended.medianMs) * 100).toFixed(1)}% |`);
  fs.rmSync(dir, { recursive: true, force: true });
}
