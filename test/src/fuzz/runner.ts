import { Worker } from 'node:worker_threads';
import * as path from 'node:path';
import fc from 'fast-check';
import { generatedFileArb } from './arbitraries';
import { checkFile, createLinterPair, UNRELATED_EDIT_COUNT } from './properties';
import { renderFile, renderTypeScript, type RenderedFile } from './render';

export interface FuzzOptions {
  seed: number;
  runs: number;
  /** A single file whose lints take longer than this counts as a hang. */
  caseTimeoutMs: number;
}

export interface FuzzReport {
  seed: number;
  runs: number;
  /** Files checked, shrinking included. */
  casesChecked: number;
  elapsedMs: number;
  failure?: {
    kind: 'violation' | 'hang' | 'worker';
    message: string;
    /** fast-check's path to the counterexample: with the seed, `FUZZ_PATH` replays exactly this case. */
    path?: string;
    file?: RenderedFile;
    /** The same file in plain JavaScript, where the framework has such a rendering. */
    javascript?: RenderedFile;
  };
}

/** Messages from the fuzz worker to the thread that watches it. */
export type WorkerMessage = { type: 'case'; file: RenderedFile } | { type: 'done'; report: FuzzReport };

/** Runs the properties in this thread; `onCase` hears of each file before it is linted. */
export function runProperties(options: Pick<FuzzOptions, 'seed' | 'runs'> & { path?: string }, onCase: (file: RenderedFile) => void): FuzzReport {
  const started = Date.now();
  const linters = createLinterPair();
  let casesChecked = 0;
  const variant = fc.record({ freshRepeat: fc.boolean(), edit: fc.nat({ max: UNRELATED_EDIT_COUNT - 1 }), onJavaScript: fc.boolean() });
  const property = fc.property(generatedFileArb, variant, (generated, checks) => {
    const file = renderTypeScript(generated);
    casesChecked++;
    onCase(file);
    checkFile(linters, { ts: file, js: renderFile(generated, 'js') }, checks);
  });
  const details = fc.check(property, { seed: options.seed, numRuns: options.runs, path: options.path });
  const report: FuzzReport = { seed: options.seed, runs: options.runs, casesChecked, elapsedMs: Date.now() - started };
  if (details.failed) {
    const generated = details.counterexample?.[0];
    const file = generated ? renderTypeScript(generated) : undefined;
    const javascript = generated ? renderFile(generated, 'js') : undefined;
    const error = details.errorInstance;
    report.failure = {
      kind: 'violation',
      message: error instanceof Error ? error.message : String(error),
      path: details.counterexamplePath ?? undefined,
      file,
      ...(javascript ? { javascript } : {}),
    };
  }
  return report;
}

/**
 * Runs the properties in a worker thread and watches it: a rule that never returns cannot be interrupted
 * inside its own thread, but a watcher can stop the worker and name the file it was stuck on.
 */
export function runFuzz(options: FuzzOptions & { path?: string }): Promise<FuzzReport> {
  const started = Date.now();
  const worker = new Worker(path.join(__dirname, 'worker.js'), { workerData: { seed: options.seed, runs: options.runs, path: options.path } });
  let current: RenderedFile | undefined;
  let caseStarted = Date.now();
  let cases = 0;
  return new Promise<FuzzReport>((resolve) => {
    let settled = false;
    const finish = (report: FuzzReport): void => {
      if (settled) return;
      settled = true;
      clearInterval(watchdog);
      void worker.terminate();
      resolve(report);
    };
    const failed = (kind: 'hang' | 'worker', message: string): FuzzReport => ({
      seed: options.seed,
      runs: options.runs,
      casesChecked: cases,
      elapsedMs: Date.now() - started,
      failure: { kind, message, file: current },
    });
    const watchdog = setInterval(() => {
      if (Date.now() - caseStarted > options.caseTimeoutMs) finish(failed('hang', `no result after ${options.caseTimeoutMs} ms on one file`));
    }, 100);
    worker.on('message', (message: WorkerMessage) => {
      if (message.type === 'done') return finish(message.report);
      current = message.file;
      caseStarted = Date.now();
      cases++;
    });
    worker.on('error', (error) => finish(failed('worker', error.stack ?? error.message)));
    worker.on('exit', (code) => finish(failed('worker', `fuzz worker exited with code ${code} before reporting`)));
  });
}

/** A failure as people read it: what broke, how to replay it, and the file. */
export function formatFailure(report: FuzzReport): string {
  const failure = report.failure;
  if (!failure) return `fuzz: ${report.runs} runs passed (seed ${report.seed}, ${report.casesChecked} files, ${report.elapsedMs} ms)`;
  const replay = `FUZZ_SEED=${report.seed} FUZZ_RUNS=${report.runs}${failure.path ? ` FUZZ_PATH=${failure.path}` : ''} npm run fuzz`;
  const show = (file: RenderedFile | undefined): string =>
    file ? `\n--- ${file.framework}: ${file.filename} settings=${JSON.stringify(file.settings)}\n${file.code}---` : '';
  const file = show(failure.file) + show(failure.javascript);
  return `fuzz ${failure.kind} (seed ${report.seed}${failure.path ? `, path ${failure.path}` : ''})\nreplay: ${replay}\n${failure.message}${file}`;
}
