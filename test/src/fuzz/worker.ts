import { parentPort, workerData } from 'node:worker_threads';
import { runProperties, type WorkerMessage } from './runner';

// The fuzz properties run here so that the parent thread can stop a lint that never ends (see runFuzz).
const options = workerData as { seed: number; runs: number; path?: string };
const post = (message: WorkerMessage): void => parentPort?.postMessage(message);
const report = runProperties(options, (file) => post({ type: 'case', file }));
post({ type: 'done', report });
