/**
 * A worker thread of the `claimguard` command (see threads.ts): it rebuilds the main thread's batches from their
 * recipes, and summarizes, accepts and lints files as asked, replying with plain data only.
 */
import * as fs from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { ESLint } from 'eslint';
import { createProjectGrader, type SummarizedFile } from '../api';
import { mayRoute, projectFor } from '../project/index';
import { createProjectESLint } from '../workspace-config';
import { UsageError } from './args';
import { bundledBatch, lintBatch, lookupOrFail, projectBatch, type Batch } from './project';
import type { ThreadReply, ThreadRequest, ThreadSetup, ThreadWarning } from './threads';

// What ESLint warns about here the main thread prints, so each warning is printed once per run, not once per thread.
process.emitWarning = ((warning: string | Error, options?: unknown) => {
  const named = typeof options === 'object' && options !== null ? (options as { type?: unknown }).type : options;
  const type = typeof named === 'string' ? named : warning instanceof Error ? warning.name : undefined;
  parentPort!.postMessage({ warning: { message: typeof warning === 'string' ? warning : warning.message, type } } satisfies ThreadWarning);
}) as typeof process.emitWarning;

const setup = workerData as ThreadSetup;
const grader = createProjectGrader();
const batches = new Map<number, Promise<{ batch: Batch; eslint: ESLint }>>();

function batchAt(index: number): Promise<{ batch: Batch; eslint: ESLint }> {
  let built = batches.get(index);
  if (!built) {
    built = buildBatch(index);
    batches.set(index, built);
  }
  return built;
}

async function buildBatch(index: number): Promise<{ batch: Batch; eslint: ESLint }> {
  const recipe = setup.recipes[index]!;
  const base = setup.targets.base;
  let batch: Batch;
  if (recipe.kind === 'bundled') {
    batch = bundledBatch(setup.targets);
  } else {
    const project = createProjectESLint(base, recipe.configFile !== undefined ? { configFile: recipe.configFile } : {});
    batch = projectBatch(base, await lookupOrFail(project, recipe.sample), recipe.sample, recipe.configFile);
  }
  return { batch, eslint: new ESLint({ cwd: base, overrideConfigFile: true, overrideConfig: batch.config }) };
}

/** Summaries of the files whose text may register, mount or guard routes, with the settings their lint will use. */
async function summarize(index: number, files: readonly string[]): Promise<SummarizedFile[]> {
  const { batch, eslint } = await batchAt(index);
  const summaries: SummarizedFile[] = [];
  for (const file of files) {
    let text: string;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch {
      continue;
    }
    if (!mayRoute(file, text)) continue;
    const config = (await eslint.calculateConfigForFile(file)) as { settings?: Record<string, unknown> } | undefined;
    const settings = config?.settings?.claimguard === undefined ? {} : { claimguard: config.settings.claimguard };
    const entry = projectFor(file, settings).entryOf(file);
    if (entry) summaries.push({ filename: file, settings, publicRoutes: batch.publicRoutes, entry });
  }
  return summaries;
}

async function handle(request: ThreadRequest): Promise<ThreadReply> {
  switch (request.kind) {
    case 'summarize':
      return { id: request.id, ok: true, summaries: await summarize(request.batch, request.files) };
    case 'accept':
      for (const summary of request.summaries) grader.accept(summary);
      return { id: request.id, ok: true };
    case 'lint': {
      const { batch } = await batchAt(request.batch);
      return { id: request.id, ok: true, outcome: await lintBatch(batch, setup.targets, request.files, grader) };
    }
  }
}

parentPort!.on('message', (request: ThreadRequest) => {
  handle(request).then(
    (reply) => parentPort!.postMessage(reply),
    (error: unknown) =>
      parentPort!.postMessage({
        id: request.id,
        ok: false,
        usage: error instanceof UsageError,
        message: error instanceof UsageError ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error),
      } satisfies ThreadReply),
  );
});
