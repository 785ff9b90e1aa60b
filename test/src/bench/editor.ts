import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { DidChangeTextDocumentNotification } from 'vscode-languageserver-protocol';
import { writeCorpus } from './corpus';
import { fileUri, stdioClient, type TestClient } from '../server/lsp-client';

const EDITS = 50;
const SIZES = [200, 2_000, 10_000];
const CORPUS_FILES = 2_000;

/** One route of a generated API file: a verified-claims check and an untrusted header decision, in turn. */
function route(index: number): string {
  const decision =
    index % 2 === 0
      ? `  if (!req.auth.payload.permissions.includes('read:items')) return res.sendStatus(403);`
      : `  if (req.headers['x-role'] !== 'admin') return res.sendStatus(403);`;
  return `app.get('/items/${index}', async (req, res) => {
${decision}
  const rows = await db.items.findMany({ where: { tenantId: req.auth.payload.tenant_id, page: Number(req.query.page ?? 1) } });
  // edit-marker-${index}
  res.json(rows);
});
`;
}

/** A single Express file of about `lines` lines. */
function generatedFile(lines: number): string {
  const header = `const express = require('express');
const { auth } = require('express-oauth2-jwt-bearer');
const db = require('./db');

const app = express();
app.use(auth({ audience: 'https://api.example.com', issuerBaseURL: 'https://issuer.example.com/', tokenSigningAlg: 'RS256' }));

`;
  const parts = [header];
  let count = header.split('\n').length;
  for (let index = 0; count < lines; index += 1) {
    const text = route(index);
    parts.push(text);
    count += text.split('\n').length - 1;
  }
  parts.push('module.exports = app;\n');
  return parts.join('');
}

function percentile(sorted: readonly number[], fraction: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)];
}

/** Replaces the text of one line by an incremental change, as an editor sends a keystroke. */
async function editLine(client: TestClient, uri: string, version: number, line: number, text: string): Promise<void> {
  await client.connection.sendNotification(DidChangeTextDocumentNotification.type, {
    textDocument: { uri, version },
    contentChanges: [{ range: { start: { line, character: 0 }, end: { line, character: 1_000 } }, text }],
  });
}

/** Milliseconds from each edit to the diagnostics of that version: pulled (no debounce) or pushed (with it). */
async function latencies(text: string, mode: 'pull' | 'push', dir: string): Promise<number[]> {
  const { client, child } = await stdioClient({ pull: mode === 'pull' });
  try {
    const uri = fileUri(path.join(dir, `bench-${mode}.js`));
    await client.open(uri, text);
    if (mode === 'pull') await client.pull(uri);
    else await client.waitForDiagnostics(uri, 1);
    const markerLines = text.split('\n').flatMap((line, index) => (line.includes('edit-marker-') ? [index] : []));
    const times: number[] = [];
    for (let edit = 0; edit < EDITS; edit += 1) {
      const version = edit + 2;
      const line = markerLines[(edit * 7) % markerLines.length];
      const started = performance.now();
      await editLine(client, uri, version, line, `  // edited ${edit}`);
      if (mode === 'pull') await client.pull(uri);
      else await client.waitForDiagnostics(uri, version);
      times.push(performance.now() - started);
    }
    return times.sort((a, b) => a - b);
  } finally {
    client.dispose();
    child.kill();
  }
}

/** Resident and peak memory of a process, from Linux's /proc; undefined elsewhere. */
function memoryOf(pid: number): { rssMb: number; peakMb: number } | undefined {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
    return { rssMb: kb('VmRSS') / 1024, peakMb: kb('VmHWM') / 1024 };
  } catch {
    return undefined;
  }
}

async function workspaceMemory(dir: string): Promise<string> {
  const corpus = path.join(dir, 'corpus');
  writeCorpus(corpus, { files: CORPUS_FILES, seed: 20261128 });
  const { client, child } = await stdioClient({ pull: true, workspaceFolders: [corpus] });
  try {
    const started = performance.now();
    const report = await client.workspaceReport();
    const seconds = (performance.now() - started) / 1000;
    const memory = child.pid === undefined ? undefined : memoryOf(child.pid);
    const figures = memory ? `${memory.rssMb.toFixed(0)} MB resident, ${memory.peakMb.toFixed(0)} MB peak` : 'memory not measurable on this OS';
    return `workspace report over ${report.filesAnalyzed} generated files (${report.routes.length} routes, grade ${String(report.grade)}) in ${seconds.toFixed(1)} s: server ${figures} (budget 300 MB)`;
  } finally {
    client.dispose();
    child.kill();
  }
}

/** `npm run bench`, editor section: the real server binary over stdio, as an editor runs it. */
export async function runEditorBench(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'claimguard-bench-editor-'));
  try {
    console.log(`\n## Editor: edit to diagnostics (${EDITS} edits per file, real server over stdio)\n`);
    console.log('| file | mode | p50 (ms) | p95 (ms) |');
    console.log('| --- | --- | ---: | ---: |');
    for (const lines of SIZES) {
      const text = generatedFile(lines);
      const modes: ('pull' | 'push')[] = lines === 2_000 ? ['pull', 'push'] : ['pull'];
      for (const mode of modes) {
        const times = await latencies(text, mode, dir);
        const label = mode === 'pull' ? 'pull (no debounce)' : 'push (150 ms debounce included)';
        console.log(`| ${lines.toLocaleString('en')} lines | ${label} | ${percentile(times, 0.5).toFixed(1)} | ${percentile(times, 0.95).toFixed(1)} |`);
      }
    }
    console.log('\nBudget: p95 ≤ 150 ms at 2,000 lines, debounce excluded.\n');
    console.log(await workspaceMemory(dir));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
