#!/usr/bin/env node
'use strict';
// Transport flags (--stdio, --node-ipc, --socket=<port>) are read by vscode-languageserver itself.
const transports = ['--stdio', '--node-ipc', '--socket', '--pipe'];
const args = process.argv.slice(2);
if (args.includes('--help') || args.includes('-h') || !args.some((arg) => transports.some((flag) => arg.startsWith(flag)))) {
  const usage = 'Usage: claimguard-language-server --stdio | --node-ipc | --socket=<port> | --pipe=<name>\n';
  (args.includes('--help') || args.includes('-h') ? process.stdout : process.stderr).write(usage);
  process.exitCode = args.includes('--help') || args.includes('-h') ? 0 : 2;
} else {
  require('../out/main.js');
}
