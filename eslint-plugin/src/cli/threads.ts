/**
 * Linting on worker threads. Each thread runs ESLint with the plugin on its share of the files and hands back plain
 * data only: the findings and each file's summary, never a parse. It goes in two passes so no thread re-analyses
 * the others' files to link its own routes: first the threads summarize the files that register, mount or guard
 * routes, and every thread receives every summary; then they lint, each route linked through those summaries.
 */
import * as os from 'node:os';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { SummarizedFile } from '../api';
import { UsageError, type Concurrency } from './args';
import type { BatchOutcome, BatchRecipe } from './project';
import type { Targets } from './targets';

/** Below this many files per thread, starting a thread costs more than it saves. */
const FILES_PER_THREAD = 40;
/** Files a thread takes at a time; small enough that the threads finish together. */
const CHUNK = 12;

/**
 * The stack a thread gets, so that a file deep enough to overflow ESLint's own recursion fails on a thread exactly
 * as on the main thread: V8's default limit there is 984 KB, and Node keeps 192 KB of a thread's stack in reserve
 * (threads otherwise get 4 MB and would lint such a file where one thread reports it as not analysed).
 */
const MAIN_THREAD_STACK_MB = (984 + 192) / 1024;

/** What every thread needs to rebuild the main thread's batches. */
export interface ThreadSetup {
  targets: Targets;
  recipes: readonly BatchRecipe[];
}

export type ThreadRequest =
  | { id: number; kind: 'summarize'; batch: number; files: string[] }
  | { id: number; kind: 'accept'; summaries: SummarizedFile[] }
  | { id: number; kind: 'lint'; batch: number; files: string[] };

export type ThreadReply =
  | { id: number; ok: true; summaries?: SummarizedFile[]; outcome?: BatchOutcome }
  | { id: number; ok: false; usage: boolean; message: string };

/** A process warning a worker's ESLint gave, for the main thread to print (once per run, as its own). */
export interface ThreadWarning {
  warning: { message: string; type: string | undefined };
}

/**
 * How many threads to lint `files` files on; 1 means in this thread. `auto` takes one thread per two cores, as
 * ESLint's own `--concurrency auto` does: one thread's garbage collection keeps a second core busy, and the threads
 * each summarize and then lint their share, so on two cores a second thread made the run slower, not faster.
 */
export function threadCount(concurrency: Concurrency, files: number): number {
  if (concurrency === 'off') return 1;
  const wanted = concurrency === 'auto' ? Math.min(os.availableParallelism() >> 1, Math.floor(files / FILES_PER_THREAD)) : concurrency;
  return Math.max(1, Math.min(wanted, files));
}

/** Lints each batch's files on `count` threads; the outcomes, in no particular order. */
export async function lintOnThreads(setup: ThreadSetup, files: readonly (readonly string[])[], count: number): Promise<BatchOutcome[]> {
  const pool = new ThreadPool(setup, count);
  try {
    const chunks = (kind: 'summarize' | 'lint') => files.flatMap((list, batch) => chunksOf(list, CHUNK).map((share) => ({ kind, batch, files: share })));
    const summarized = await pool.run(chunks('summarize'));
    await pool.broadcast({ kind: 'accept', summaries: summarized.flatMap((reply) => reply.summaries ?? []) });
    const linted = await pool.run(chunks('lint'));
    return linted.map((reply) => reply.outcome!);
  } finally {
    await pool.close();
  }
}

type Task = { kind: 'summarize' | 'lint'; batch: number; files: string[] } | { kind: 'accept'; summaries: SummarizedFile[] };
type Success = Extract<ThreadReply, { ok: true }>;

/** Threads that take tasks as they become free, so a thread with light files takes more of them. */
class ThreadPool {
  private readonly workers: Worker[];
  private readonly pending = new Map<number, { resolve: (reply: Success) => void; reject: (error: Error) => void }>();
  private nextId = 0;
  private failure: Error | undefined;

  constructor(setup: ThreadSetup, count: number) {
    this.workers = Array.from({ length: count }, () => {
      const worker = new Worker(path.join(__dirname, 'worker.js'), { workerData: setup, resourceLimits: { stackSizeMb: MAIN_THREAD_STACK_MB } });
      worker.on('message', (reply: ThreadReply | ThreadWarning) => {
        if ('warning' in reply) process.emitWarning(reply.warning.message, reply.warning.type);
        else this.settle(reply);
      });
      worker.on('error', (error) => this.fail(error));
      worker.on('exit', (code) => {
        if (code !== 0) this.fail(new Error(`a worker thread stopped with exit code ${code}`));
      });
      return worker;
    });
  }

  /** Runs every task on whichever thread is free; the replies in task order. */
  async run(tasks: readonly Task[]): Promise<Success[]> {
    const replies: Success[] = new Array<Success>(tasks.length);
    let next = 0;
    const drain = async (worker: Worker): Promise<void> => {
      while (next < tasks.length) {
        const index = next++;
        replies[index] = await this.send(worker, tasks[index]!);
      }
    };
    await Promise.all(this.workers.map(drain));
    return replies;
  }

  async broadcast(task: Task): Promise<void> {
    await Promise.all(this.workers.map((worker) => this.send(worker, task)));
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((worker) => worker.terminate()));
  }

  private send(worker: Worker, task: Task): Promise<Success> {
    if (this.failure) return Promise.reject(this.failure);
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      worker.postMessage({ id, ...task } satisfies ThreadRequest);
    });
  }

  private settle(reply: ThreadReply): void {
    const waiting = this.pending.get(reply.id);
    if (!waiting) return;
    this.pending.delete(reply.id);
    if (reply.ok) waiting.resolve(reply);
    else waiting.reject(reply.usage ? new UsageError(reply.message) : new Error(reply.message));
  }

  private fail(error: Error): void {
    this.failure ??= error;
    for (const { reject } of this.pending.values()) reject(error);
    this.pending.clear();
  }
}

function chunksOf<T>(list: readonly T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let i = 0; i < list.length; i += size) chunks.push(list.slice(i, i + size));
  return chunks;
}
