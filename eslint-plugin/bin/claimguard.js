#!/usr/bin/env node
'use strict';

// `claimguard … | head` closes the pipe early; that ends the output, not the run with a stack trace.
process.stdout.on('error', (error) => {
  if (error.code !== 'EPIPE') throw error;
});

require('../out/cli/main.js')
  .run(process.argv.slice(2))
  .then((code) => {
    process.exitCode = code;
  });
