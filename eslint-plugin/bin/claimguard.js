#!/usr/bin/env node
'use strict';

// `claimguard … | head` closes the pipe early; that ends the output, not the run with a stack trace.
process.stdout.on('error', (error) => {
  if (error.code !== 'EPIPE') throw error;
});

// The command runs several ESLint instances (listing, linting, worker threads), and ESLint warns once per instance
// (a legacy `.eslintignore` in the project, say): the same warning once per run says it all.
const emitWarning = process.emitWarning;
const warned = new Set();
process.emitWarning = function emitOnce(warning, ...rest) {
  const text = typeof warning === 'string' ? warning : String(warning && warning.message);
  if (warned.has(text)) return;
  warned.add(text);
  emitWarning.call(process, warning, ...rest);
};

// The command keeps every file's summary until the whole project is graded, and its analysis makes much short-lived
// garbage besides. By default V8 lets the heap grow to several times what is live before it collects in full, so
// the peak followed the garbage, not the summaries; growing by at most 40% keeps the peak near what is kept.
require('node:v8').setFlagsFromString('--heap-growing-percent=40');

require('../out/cli/main.js')
  .run(process.argv.slice(2))
  .then((code) => {
    process.exitCode = code;
  });
