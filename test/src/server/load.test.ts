import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { once } from 'node:events';
import { Linter, type ESLint } from 'eslint';
import plugin from 'eslint-plugin-claimguard';
import { CancellationTokenSource, DocumentDiagnosticRequest, type FullDocumentDiagnosticReport } from 'vscode-languageserver-protocol';
import { fileUri, stdioClient, type TestClient } from './lsp-client';
import { UNTRUSTED_RULE } from './fixtures';

/** A handler file whose findings depend on `seed`: route `i` reads header `x-role-<seed+i>` when `i` is even. */
function handlerFile(seed: number, routes = 6): string {
  const lines = ["const express = require('express');", 'const app = express();'];
  for (let i = 0; i < routes; i++) {
    const source = i % 2 === 0 ? `req.headers['x-role-${seed + i}']` : `req.auth.payload.role`;
    lines.push(`app.get('/r${seed}-${i}', (req, res) => {`, `  if (${source} !== 'admin') return res.sendStatus(403);`, "  res.json({ ok: true });", '});');
  }
  return `${lines.join('\n')}\n`;
}

/** What a fresh ESLint run reports for the rule every comparison uses: "line:rule" keys, 0-based lines like LSP. */
function freshFindings(text: string): string[] {
  const messages = new Linter().verify(text, {
    languageOptions: { ecmaVersion: 'latest', sourceType: 'commonjs' },
    plugins: { claimguard: plugin as unknown as ESLint.Plugin },
    rules: { [UNTRUSTED_RULE]: 'error' },
  });
  return messages.map((message) => `${message.line - 1}:${message.ruleId}`).sort();
}

function serverFindings(report: FullDocumentDiagnosticReport): string[] {
  return report.items.filter((item) => item.code === UNTRUSTED_RULE).map((item) => `${item.range.start.line}:${item.code}`).sort();
}

/** Sends a pull request that may be cancelled; resolves to 'answered' or 'cancelled', never hangs the test. */
async function pullOrCancel(client: TestClient, uri: string, cancel: boolean): Promise<'answered' | 'cancelled'> {
  const source = new CancellationTokenSource();
  const request = client.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri } }, source.token);
  if (cancel) source.cancel();
  try {
    await request;
    return 'answered';
  } catch (error) {
    // -32800 RequestCancelled, -32802 ServerCancelled: both are an answer to a cancelled request.
    const code = (error as { code?: number }).code;
    assert.ok(code === -32800 || code === -32802, `unexpected error ${String(error)}`);
    return 'cancelled';
  }
}

function residentMegabytes(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const match = /VmRSS:\s+(\d+) kB/.exec(status);
  assert.ok(match, 'VmRSS is readable');
  return Number(match[1]) / 1024;
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('the language server under load (real binary over stdio)', function () {
  this.timeout(60_000);

  it('answers or cancels every request through 1,000 rapid edits and ends on a fresh lint of the final text', async () => {
    const { client, child } = await stdioClient({ pull: true });
    try {
      const uri = fileUri('/load/edited.js');
      await client.open(uri, handlerFile(0));
      const outcomes: Promise<'answered' | 'cancelled'>[] = [];
      let text = '';
      for (let edit = 1; edit <= 1000; edit++) {
        text = handlerFile(edit);
        await client.change(uri, text);
        if (edit % 25 === 0) outcomes.push(pullOrCancel(client, uri, edit % 50 === 0));
      }
      const settled = await Promise.all(outcomes);
      assert.equal(settled.length, 40);
      assert.ok(settled.includes('answered'), 'some requests were answered');
      const final = (await client.pull(uri)) as FullDocumentDiagnosticReport;
      assert.equal(final.kind, 'full');
      assert.deepEqual(serverFindings(final), freshFindings(text));
      assert.equal(serverFindings(final).length, 3);
    } finally {
      client.dispose();
      child.kill();
    }
  });

  it('serves 200 open documents with cancellations, and its memory returns near where it started', async () => {
    const { client, child } = await stdioClient({ pull: true });
    try {
      const warmUri = fileUri('/load/warm.js');
      await client.open(warmUri, handlerFile(5000));
      await client.pull(warmUri);
      const before = residentMegabytes(child.pid!);
      const uris = Array.from({ length: 200 }, (_, i) => fileUri(`/load/doc-${i}.js`));
      for (const [i, uri] of uris.entries()) await client.open(uri, handlerFile(i * 10));
      const outcomes = await Promise.all(uris.map((uri, i) => pullOrCancel(client, uri, i % 4 === 0)));
      assert.equal(outcomes.length, 200);
      assert.ok(outcomes.filter((outcome) => outcome === 'answered').length >= 150, 'uncancelled requests were answered');
      for (const i of [1, 57, 123, 199]) {
        const report = (await client.pull(uris[i])) as FullDocumentDiagnosticReport;
        assert.deepEqual(serverFindings(report), freshFindings(handlerFile(i * 10)));
      }
      for (const uri of uris) await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
      await client.pull(warmUri);
      await new Promise((resolve) => setTimeout(resolve, 1500));
      const after = residentMegabytes(child.pid!);
      assert.ok(after - before < 150, `resident memory grew from ${before.toFixed(0)} MB to ${after.toFixed(0)} MB`);
    } finally {
      client.dispose();
      child.kill();
    }
  });

  // Restarting a killed server is the client's job: see the extension's crash policy tests and the e2e suite.
  it('when killed mid-request, the pending request fails instead of hanging and no process is left', async () => {
    const { client, child } = await stdioClient({ pull: true });
    const pid = child.pid!;
    const uri = fileUri('/load/big.js');
    await client.open(uri, handlerFile(0, 2000));
    // As a real client does, dispose the connection when the stream closes: that rejects what is still pending.
    const closed = new Promise<void>((resolve) => client.connection.onClose(() => resolve()));
    const pending = client.pull(uri);
    const exited = once(child, 'exit');
    child.kill('SIGKILL');
    await Promise.all([exited, closed]);
    client.dispose();
    await assert.rejects(pending);
    assert.equal(isRunning(pid), false);
  });
});
