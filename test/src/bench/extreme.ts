import { ESLint, type Linter } from 'eslint';
import { allRulesConfig, createLinter } from '../fuzz/lint';
import { bigFile, NESTING_KINDS, nestedFile } from '../fuzz/inputs';
import { lintDeep, probeDepth, type ParserName } from '../fuzz/deep';

const SIZES = [10_000, 50_000];
const NESTING_CEILING = 10_000;

interface BigLint {
  ms: number;
  /** Milliseconds per claimguard rule, from ESLint's own stats (as TIMING=all shows them). */
  rules: [string, number][];
}

async function lintBig(code: string, rules: Linter.RulesRecord | undefined): Promise<BigLint> {
  const eslint = new ESLint({ overrideConfigFile: true, overrideConfig: allRulesConfig(undefined, rules), stats: true });
  const start = process.hrtime.bigint();
  const [result] = await eslint.lintText(code, { filePath: 'big-router.ts' });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  const times = new Map<string, number>();
  for (const pass of result.stats?.times.passes ?? []) {
    for (const [rule, time] of Object.entries(pass.rules ?? {})) times.set(rule, (times.get(rule) ?? 0) + time.total);
  }
  return { ms, rules: [...times].sort((a, b) => b[1] - a[1]) };
}

const fixed = (value: number, digits = 0): string => value.toFixed(digits);

async function bigFileSection(): Promise<void> {
  console.log('\n## Extreme inputs: one huge file (TypeScript parser, every claimguard rule on)\n');
  console.log('| lines | ESLint alone, ms | with claimguard, ms | per 10k lines, ms | slowest rules (ms) |');
  console.log('| ---: | ---: | ---: | ---: | --- |');
  // Warm-up so module loading and JIT count against neither configuration.
  await lintBig(bigFile(2_000).code, undefined);
  for (const lines of SIZES) {
    const file = bigFile(lines);
    const alone = await lintBig(file.code, {});
    const all = await lintBig(file.code, undefined);
    const slowest = all.rules.slice(0, 3).map(([rule, ms]) => `${rule.replace('claimguard/', '')} ${fixed(ms)}`).join(', ');
    console.log(`| ${file.lines} | ${fixed(alone.ms)} | ${fixed(all.ms)} | ${fixed((all.ms / file.lines) * 10_000)} | ${slowest} |`);
  }
}

function nestingSection(): void {
  console.log(`\n## Extreme inputs: deepest nesting handled (ceiling ${NESTING_CEILING})\n`);
  console.log('Deepest nesting that parsed and linted with every rule on; beyond it the parser (or ESLint\'s scope');
  console.log('analysis) stops with a clean error. Time is one lint at that depth.\n');
  console.log('| nesting | typescript-eslint | ms | espree | ms |');
  console.log('| --- | ---: | ---: | ---: | ---: |');
  const linter = createLinter();
  const parsers: ParserName[] = ['typescript-eslint', 'espree'];
  for (const kind of NESTING_KINDS) {
    const cells: string[] = [];
    for (const parser of parsers) {
      const probe = probeDepth(linter, parser, kind, NESTING_CEILING);
      const start = process.hrtime.bigint();
      const outcome = lintDeep(linter, parser, nestedFile(kind, probe.deepest), `${kind} ${probe.deepest}`);
      const ms = Number(process.hrtime.bigint() - start) / 1e6;
      cells.push(`${probe.deepest}${probe.atCeiling === 'linted' ? '' : ` (${probe.atCeiling} at ${NESTING_CEILING})`}`, outcome.kind === 'linted' ? fixed(ms) : outcome.kind);
    }
    console.log(`| ${kind} | ${cells.join(' | ')} |`);
  }
}

/** `npm run bench` section: worst-case timings from the extreme inputs the resilience suites use. */
export async function runExtremeInputsBench(): Promise<void> {
  await bigFileSection();
  nestingSection();
}
