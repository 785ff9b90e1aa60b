import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { BIN as CLI } from '../cli/helpers';
import { writeCorpus } from './corpus';
import { generatedFile } from './editor';

const MEMORY_FILES = 400;
const MEMORY_LINES = 1_000;
const CONCURRENCY_FILES = 1_000;

/** Written next to the corpus and preloaded into the command: it records the process's peak resident memory. */
const PEAK_RECORDER = `process.on('exit', () => {
  require('fs').writeFileSync(process.env.CLAIMGUARD_BENCH_PEAK, String(process.resourceUsage().maxRSS));
});
`;

interface CliRun {
  wallMs: number;
  peakMb: number;
  /** What the JSON report counts, and its whole text to compare runs. */
  report: { files: number; findings: number; routes: number; text: string };
  exitCode: number | null;
}

/** One `claimguard --format json` over `dir`, as CI runs it: a new process, its wall time and peak memory. */
function runCli(dir: string, args: readonly string[]): CliRun {
  const preload = path.join(dir, '..', 'peak-recorder.cjs');
  const peakFile = path.join(dir, '..', 'peak.txt');
  fs.writeFileSync(preload, PEAK_RECORDER);
  const started = performance.now();
  const child = spawnSync(process.execPath, ['--require', preload, CLI, '--format', 'json', ...args, dir], {
    encoding: 'utf8',
    maxBuffer: 512 * 1024 * 1024,
    env: { ...process.env, CLAIMGUARD_BENCH_PEAK: peakFile },
  });
  const wallMs = performance.now() - started;
  const peakMb = Number(fs.readFileSync(peakFile, 'utf8')) / 1024;
  return { wallMs, peakMb, report: summarize(child.stdout), exitCode: child.status };
}

function summarize(stdout: string): CliRun['report'] {
  const parsed = JSON.parse(stdout) as { findings: unknown[]; routes: unknown[]; filesAnalyzed: number };
  return { files: parsed.filesAnalyzed, findings: parsed.findings.length, routes: parsed.routes.length, text: stdout };
}

function memorySection(root: string): void {
  const dir = path.join(root, 'memory', 'src');
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, '..', 'package.json'), '{ "name": "memory-corpus" }\n');
  const text = generatedFile(MEMORY_LINES);
  for (let i = 0; i < MEMORY_FILES; i++) fs.writeFileSync(path.join(dir, `api-${i}.js`), text.replaceAll("'/items/", `'/v${i}/items/`));
  const run = runCli(path.dirname(dir), []);
  console.log(`\n## claimguard command: ${MEMORY_FILES} files of ${MEMORY_LINES.toLocaleString('en')} lines\n`);
  console.log(`${run.report.files} files, ${run.report.findings} findings, ${run.report.routes} routes graded in ${(run.wallMs / 1000).toFixed(1)} s; peak resident memory ${run.peakMb.toFixed(0)} MB (budget 1,024 MB); exit code ${String(run.exitCode)}`);
}

function concurrencySection(root: string): void {
  const dir = path.join(root, 'concurrency');
  writeCorpus(path.join(dir, 'src'), { files: CONCURRENCY_FILES, seed: 20261201 });
  fs.writeFileSync(path.join(dir, 'package.json'), '{ "name": "concurrency-corpus" }\n');
  runCli(dir, ['--concurrency', 'off']);
  const one = runCli(dir, ['--concurrency', 'off']);
  const auto = runCli(dir, ['--concurrency', 'auto']);
  // `auto` takes one thread per two cores; a thread per core shows what more threads would give here.
  const perCore = String(Math.max(2, os.availableParallelism()));
  const threads = runCli(dir, ['--concurrency', perCore]);
  const same = one.report.text === auto.report.text && one.report.text === threads.report.text;
  console.log(`\n## claimguard command: one thread against worker threads (${CONCURRENCY_FILES} files, ${os.availableParallelism()} cores)\n`);
  console.log('| run | wall (s) | peak memory (MB) | files | findings | routes |');
  console.log('| --- | ---: | ---: | ---: | ---: | ---: |');
  for (const [label, run] of [['--concurrency off', one], ['--concurrency auto', auto], [`--concurrency ${perCore}`, threads]] as const) {
    console.log(`| ${label} | ${(run.wallMs / 1000).toFixed(1)} | ${run.peakMb.toFixed(0)} | ${run.report.files} | ${run.report.findings} | ${run.report.routes} |`);
  }
  const speedUp = (run: CliRun) => (one.wallMs / run.wallMs).toFixed(2);
  console.log(`\nspeed-up: auto ${speedUp(auto)}×, ${perCore} threads ${speedUp(threads)}× (budget ≥ 1.6× on 2 cores); reports ${same ? 'identical' : '**differ**'}`);
}

/** `npm run bench`, command section: memory on large files and the speed-up of worker threads. */
export function runCliBench(): void {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'claimguard-bench-cli-'));
  try {
    memorySection(root);
    concurrencySection(root);
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
}
