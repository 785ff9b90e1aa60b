// Starts the programs the end-to-end test needs and guarantees they are gone when it ends, failed or not.
const { spawn } = require('node:child_process');
const { readdirSync, readFileSync } = require('node:fs');
const net = require('node:net');

const started = new Set();

/** Spawns in a new process group, so the program and everything it starts can be killed together. */
function startProcess(command, args, options = {}) {
  const child = spawn(command, args, { ...options, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  started.add(child);
  child.on('exit', () => started.delete(child));
  return { child, output: () => output };
}

function killGroup(child, signal) {
  try {
    process.kill(-child.pid, signal);
  } catch {
    // Already gone.
  }
}

/** Ends every process group this run started: politely, then for sure. */
async function stopAll() {
  const children = [...started];
  for (const child of children) killGroup(child, 'SIGTERM');
  const deadline = Date.now() + 5000;
  while (started.size > 0 && Date.now() < deadline) await sleep(100);
  for (const child of [...started, ...children]) killGroup(child, 'SIGKILL');
}

/** Running processes whose command line mentions `marker` (a temporary folder only this run uses). */
function processesMentioning(marker) {
  const found = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
    try {
      const commandLine = readFileSync(`/proc/${entry}/cmdline`, 'utf8').replace(/\0/g, ' ').trim();
      if (commandLine.includes(marker)) found.push({ pid: Number(entry), commandLine });
    } catch {
      // The process ended while being read.
    }
  }
  return found;
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

async function waitForHttp(url, timeoutMs, describeFailure) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await sleep(250);
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms\n${describeFailure()}`);
}

function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

module.exports = { startProcess, stopAll, processesMentioning, freePort, waitForHttp, sleep };
