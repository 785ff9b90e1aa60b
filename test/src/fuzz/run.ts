import { formatFailure, runFuzz } from './runner';

/**
 * `npm run fuzz`: a long property run. `FUZZ_SEED` and `FUZZ_RUNS` choose the run (a new seed each time by
 * default, always printed); `FUZZ_PATH` with the seed replays one reported counterexample.
 */
function numberFromEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isSafeInteger(value)) throw new Error(`${name} must be an integer, got '${raw}'.`);
  return value;
}

async function main(): Promise<number> {
  const seed = numberFromEnv('FUZZ_SEED', Math.floor(Math.random() * 2 ** 31));
  const runs = numberFromEnv('FUZZ_RUNS', 2000);
  const caseTimeoutMs = numberFromEnv('FUZZ_CASE_TIMEOUT_MS', 30_000);
  console.log(`fuzz: seed ${seed}, ${runs} runs`);
  const report = await runFuzz({ seed, runs, caseTimeoutMs, path: process.env.FUZZ_PATH || undefined });
  console.log(formatFailure(report));
  if (!report.failure) console.log(`fuzz: ${(report.elapsedMs / Math.max(report.casesChecked, 1)).toFixed(1)} ms per file (up to 5 lints each: TypeScript, JavaScript under both parsers, a repeat and an edit)`);
  return report.failure ? 1 : 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 2;
  },
);
