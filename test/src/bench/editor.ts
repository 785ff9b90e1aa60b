import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { DidChangeTextDocumentNotification, type ClientCapabilities, type Diagnostic } from 'vscode-languageserver-protocol';
import { PUSH_DEBOUNCE_MS } from 'claimguard-language-server/out/server';
import { writeCorpus } from './corpus';
import { EslintServerClient, LIGHT_CONFIG } from './eslint-server';
import { fileUri, stdioClient, type TestClient } from '../server/lsp-client';

const EDITS = 50;
const SIZES = [200, 2_000, 10_000];
const CORPUS_FILES = 2_000;
const PROJECT_FILES = 500;
const DEPENDENT_EDITS = 30;
/** Route files of the 500-file project open beside the middleware they import. */
const OPEN_DEPENDENTS = 3;

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

/**
 * A single Express file of about `lines` lines. Half its routes decide on a header (ClaimGuard findings); the
 * `var` gives the reference server's light rules findings too.
 */
export function generatedFile(lines: number): string {
  const header = `const express = require('express');
const { auth } = require('express-oauth2-jwt-bearer');
const db = require('./db');

var requestCount = 0;
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

const PULL_CAPABILITIES: ClientCapabilities = {
  workspace: { configuration: true, diagnostics: { refreshSupport: true }, codeLens: { refreshSupport: true } },
  textDocument: { publishDiagnostics: { versionSupport: true }, diagnostic: { dynamicRegistration: false } },
};
const PUSH_CAPABILITIES: ClientCapabilities = {
  workspace: { configuration: true, codeLens: { refreshSupport: true } },
  textDocument: { publishDiagnostics: { versionSupport: true } },
};

/** What every answer of a latency run must be: the file parsed, and the answer has findings. */
interface Checked {
  times: number[];
  answers: number;
  /** Answers with a parse error or without a single finding: a run with any is not a measurement. */
  bad: number;
  findings: number;
}

function check(run: Checked, diagnostics: readonly Diagnostic[], isFinding: (diagnostic: Diagnostic) => boolean): void {
  run.answers += 1;
  const parseError = diagnostics.some((diagnostic) => String(diagnostic.message).startsWith('Parsing error'));
  const findings = diagnostics.filter(isFinding).length;
  if (parseError || findings === 0) run.bad += 1;
  run.findings = findings;
}

const isClaimGuardFinding = (diagnostic: Diagnostic) => typeof diagnostic.code === 'string' && diagnostic.code.startsWith('claimguard/');

/** Marker lines of a generated file: the edits rewrite these comments, so the file keeps parsing. */
function markerLines(text: string): number[] {
  return text.split('\n').flatMap((line, index) => (line.includes('edit-marker-') ? [index] : []));
}

/**
 * Milliseconds from each edit to ClaimGuard's diagnostics of that version: pulled (the client asks at once), or
 * pushed (after the server's debounce, which is taken off). The file is a project's file on disk, as in an editor.
 */
export async function claimGuardLatencies(text: string, mode: 'pull' | 'push', dir: string): Promise<Checked> {
  const project = path.join(dir, `latency-${mode}-${text.length}`);
  fs.mkdirSync(project, { recursive: true });
  fs.writeFileSync(path.join(project, 'package.json'), '{ "name": "latency" }\n');
  const file = path.join(project, 'api.js');
  fs.writeFileSync(file, text);
  const { client, child } = await stdioClient({ pull: mode === 'pull', workspaceFolders: [project], capabilities: mode === 'pull' ? PULL_CAPABILITIES : PUSH_CAPABILITIES });
  const run: Checked = { times: [], answers: 0, bad: 0, findings: 0 };
  try {
    const uri = fileUri(file);
    await client.open(uri, text);
    if (mode === 'pull') await client.pull(uri);
    else await client.waitForDiagnostics(uri, 1);
    const lines = markerLines(text);
    for (let edit = 0; edit < EDITS; edit += 1) {
      const version = edit + 2;
      const started = performance.now();
      await editLine(client, uri, version, lines[(edit * 7) % lines.length]!, `  // edited ${edit}`);
      let diagnostics: Diagnostic[];
      if (mode === 'pull') {
        // Each pull waits for the previous one, so its answer is for the version just sent (a stale one is refused).
        const report = await client.pull(uri);
        diagnostics = report.kind === 'full' ? report.items : [];
        run.times.push(performance.now() - started);
      } else {
        diagnostics = (await client.waitForDiagnostics(uri, version)).diagnostics;
        run.times.push(performance.now() - started - PUSH_DEBOUNCE_MS);
      }
      check(run, diagnostics, isClaimGuardFinding);
    }
    run.times.sort((a, b) => a - b);
    return run;
  } finally {
    client.dispose();
    child.kill();
  }
}

/** The same probe on VS Code's ESLint server with a light rule set: the reference. It only pulls. */
export async function eslintServerLatencies(text: string, dir: string): Promise<Checked> {
  const project = path.join(dir, `latency-eslint-${text.length}`);
  fs.mkdirSync(project, { recursive: true });
  fs.writeFileSync(path.join(project, 'package.json'), '{ "name": "latency" }\n');
  fs.writeFileSync(path.join(project, 'eslint.config.mjs'), LIGHT_CONFIG);
  const file = path.join(project, 'api.js');
  fs.writeFileSync(file, text);
  const client = await EslintServerClient.start(project);
  const run: Checked = { times: [], answers: 0, bad: 0, findings: 0 };
  try {
    const uri = fileUri(file);
    await client.open(uri, text);
    check({ ...run }, await client.pull(uri), () => true);
    const lines = markerLines(text);
    for (let edit = 0; edit < EDITS; edit += 1) {
      const started = performance.now();
      await client.editLine(uri, edit + 2, lines[(edit * 7) % lines.length]!, `  // edited ${edit}`);
      const diagnostics = await client.pull(uri);
      run.times.push(performance.now() - started);
      check(run, diagnostics, (diagnostic) => diagnostic.source === 'eslint');
    }
    run.times.sort((a, b) => a - b);
    return run;
  } finally {
    client.dispose();
  }
}

function latencyRow(server: string, lines: number, mode: string, run: Checked): string {
  const proof = run.bad === 0 ? `${run.answers}/${run.answers} parsed, ${run.findings} findings in the last` : `**${run.bad} of ${run.answers} answers had a parse error or no finding**`;
  return `| ${server} | ${lines.toLocaleString('en')} lines | ${mode} | ${percentile(run.times, 0.5).toFixed(1)} | ${percentile(run.times, 0.95).toFixed(1)} | ${proof} |`;
}

const VERIFIED = "jwt.verify(token, process.env.JWT_PUBLIC_KEY, { algorithms: ['RS256'], issuer: 'https://login.example.com', audience: 'orders-api' })";
const DECODED = 'jwt.decode(token)';

/**
 * A 500-file project: one token middleware, route files that run it, and the generated corpus around them.
 * Returns the middleware and the route files.
 */
function dependentsProject(root: string): { middleware: string; routes: string[] } {
  fs.mkdirSync(path.join(root, 'src/auth'), { recursive: true });
  fs.mkdirSync(path.join(root, 'src/routes'), { recursive: true });
  fs.writeFileSync(path.join(root, 'package.json'), '{ "name": "dependents", "private": true }\n');
  const middleware = path.join(root, 'src/auth/middleware.js');
  fs.writeFileSync(
    middleware,
    `const jwt = require('jsonwebtoken');

function requireAuth(req, res, next) {
  const token = (req.headers.authorization || '').replace(/^Bearer /, '');
  try {
    req.auth = ${VERIFIED};
    next();
  } catch {
    res.status(401).json({ error: 'unauthorized' });
  }
}

module.exports = { requireAuth };
`,
  );
  const routes: string[] = [];
  const routeFiles = 10;
  for (let index = 0; index < routeFiles; index += 1) {
    const file = path.join(root, `src/routes/orders-${index}.js`);
    fs.writeFileSync(
      file,
      `const express = require('express');
const { requireAuth } = require('../auth/middleware');

const app = express();

app.get('/orders-${index}', requireAuth, async (req, res) => {
  res.json(await listOrders(req.auth.sub));
});

module.exports = app;
`,
    );
    routes.push(file);
  }
  writeCorpus(path.join(root, 'src/legacy'), { files: PROJECT_FILES - routeFiles - 1, seed: 20260501 });
  return { middleware, routes };
}

const MATURITY = 'claimguard/maturity-level';

/**
 * Milliseconds from an edit of the middleware (its verification removed, or put back) to the moment every open
 * route file that runs it has diagnostics that say so; for push, the debounce of the middleware's own edit is
 * taken off. A run counts only the answers that reflect the edit.
 */
export async function dependentLatencies(mode: 'pull' | 'push', dir: string): Promise<{ times: number[]; wrong: number; firstMs: number }> {
  const root = path.join(dir, `dependents-${mode}`);
  const { middleware, routes } = dependentsProject(root);
  const { client, child } = await stdioClient({
    pull: mode === 'pull',
    workspaceFolders: [root],
    settings: { minimumLevel: 1 },
    capabilities: mode === 'pull' ? PULL_CAPABILITIES : PUSH_CAPABILITIES,
  });
  const times: number[] = [];
  let wrong = 0;
  let firstMs = 0;
  try {
    const open = routes.slice(0, OPEN_DEPENDENTS).map((file) => fileUri(file));
    for (const uri of open) {
      const started = performance.now();
      await client.open(uri, fs.readFileSync(new URL(uri), 'utf8'));
      // The first file opened builds the project index: every file listed, the routing ones summarized.
      if (mode === 'pull') await client.pull(uri);
      else await client.waitForDiagnostics(uri, 1, 120_000);
      firstMs ||= performance.now() - started;
    }
    const middlewareUri = fileUri(middleware);
    const original = fs.readFileSync(middleware, 'utf8');
    await client.open(middlewareUri, original);
    if (mode === 'pull') await client.pull(middlewareUri);
    else await client.waitForDiagnostics(middlewareUri, 1);
    for (let edit = 0; edit < DEPENDENT_EDITS; edit += 1) {
      const decoded = edit % 2 === 0;
      const text = decoded ? original.replace(VERIFIED, DECODED) : original;
      const answers = mode === 'push' ? open.map((uri) => client.nextDiagnostics(uri)) : [];
      const refreshed = mode === 'pull' ? client.nextRefresh('diagnostics') : undefined;
      const started = performance.now();
      await client.change(middlewareUri, text);
      let results: Diagnostic[][];
      if (mode === 'pull') {
        // As VS Code does: pull the changed document, then the others when the server asks for a refresh.
        await client.pull(middlewareUri);
        await refreshed;
        results = await Promise.all(open.map(async (uri) => {
          const report = await client.pull(uri);
          return report.kind === 'full' ? report.items : [];
        }));
        times.push(performance.now() - started);
      } else {
        results = (await Promise.all(answers)).map((params) => params.diagnostics);
        times.push(performance.now() - started - PUSH_DEBOUNCE_MS);
      }
      // Without the verification each route is unauthenticated, and maturity-level says so.
      wrong += results.filter((diagnostics) => diagnostics.some((diagnostic) => diagnostic.code === MATURITY) !== decoded).length;
    }
    return { times: times.sort((a, b) => a - b), wrong, firstMs };
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

export async function workspaceMemory(dir: string): Promise<string> {
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

/** `npm run bench`, editor section: the real servers over stdio, as an editor runs them. */
export async function runEditorBench(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'claimguard-bench-editor-'));
  try {
    console.log(`\n## Editor: edit to diagnostics (${EDITS} edits per file, real servers over stdio)\n`);
    console.log('| server | file | mode | p50 (ms) | p95 (ms) | every answer checked |');
    console.log('| --- | --- | --- | ---: | ---: | --- |');
    for (const lines of SIZES) {
      const text = generatedFile(lines);
      const modes: ('pull' | 'push')[] = lines === 2_000 ? ['pull', 'push'] : ['pull'];
      for (const mode of modes) {
        const label = mode === 'pull' ? 'pull' : `push (${PUSH_DEBOUNCE_MS} ms debounce taken off)`;
        console.log(latencyRow('ClaimGuard', lines, label, await claimGuardLatencies(text, mode, dir)));
      }
      if (lines === 2_000) console.log(latencyRow('vscode-eslint-language-server, light rules', lines, 'pull', await eslintServerLatencies(text, dir)));
    }
    console.log('\nBudget: ClaimGuard p95 ≤ 100 ms at 2,000 lines, pull and push, debounce excluded; the ESLint server (pull only) is the reference.\n');

    console.log(`## Editor: an edit reaching dependent open files (${PROJECT_FILES}-file project, ${OPEN_DEPENDENTS} open route files, ${DEPENDENT_EDITS} edits)\n`);
    console.log('| mode | p50 (ms) | p95 (ms) | answers not reflecting the edit | first open, index built (ms) |');
    console.log('| --- | ---: | ---: | ---: | ---: |');
    for (const mode of ['pull', 'push'] as const) {
      const { times, wrong, firstMs } = await dependentLatencies(mode, dir);
      const label = mode === 'pull' ? 'pull (changed file pulled, then refresh and pull of each dependent)' : `push (${PUSH_DEBOUNCE_MS} ms debounce taken off)`;
      console.log(`| ${label} | ${percentile(times, 0.5).toFixed(1)} | ${percentile(times, 0.95).toFixed(1)} | ${wrong} | ${firstMs.toFixed(0)} |`);
    }
    console.log('\nBudget: p95 ≤ 300 ms after the debounce.\n');
    console.log(await workspaceMemory(dir));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
