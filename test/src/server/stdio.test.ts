import * as assert from 'node:assert/strict';
import { fork, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { IPCMessageReader, IPCMessageWriter, createProtocolConnection } from 'vscode-languageserver-protocol/node';
import { fixture, findingOf, UNTRUSTED_RULE } from './fixtures';
import { SERVER_BIN, TestClient, stdioClient } from './lsp-client';
import { elseIfChain } from '../fuzz/adversarial';

async function shutDown(client: TestClient, child: ChildProcess): Promise<number | null> {
  const exited = once(child, 'exit');
  await client.connection.sendRequest('shutdown');
  await client.connection.sendNotification('exit');
  const [code] = (await exited) as [number | null];
  client.dispose();
  return code;
}

describe('the claimguard-language-server binary', function () {
  // Each test starts a fresh Node process that loads ESLint and the plugin.
  this.timeout(30_000);

  it('prints usage for --help and refuses to start without a transport', () => {
    const help = spawnSync(process.execPath, [SERVER_BIN, '--help'], { encoding: 'utf8' });
    assert.equal(help.status, 0);
    assert.match(help.stdout, /Usage: claimguard-language-server --stdio/);
    const bare = spawnSync(process.execPath, [SERVER_BIN], { encoding: 'utf8' });
    assert.equal(bare.status, 2);
    assert.match(bare.stderr, /Usage:/);
  });

  it('serves diagnostics over stdio and exits cleanly on shutdown', async () => {
    const { client, child } = await stdioClient({ pull: false });
    const file = fixture('untrusted-role.js');
    await client.open(file.uri, file.text);
    const published = await client.waitForDiagnostics(file.uri, 1);
    const finding = findingOf(published.diagnostics);
    assert.equal(finding.range.start.line, 4);
    assert.equal(finding.code, UNTRUSTED_RULE);
    const status = await client.waitForStatus(file.uri);
    assert.equal(status.findings, published.diagnostics.length);
    assert.equal(await shutDown(client, child), 0);
  });

  it('refuses a file that would abort it inside the parser, says why, and keeps serving', async () => {
    const { client, child } = await stdioClient({ pull: false });
    // Handed to ESLint, a 4,000-long `else if` chain aborts Node ("RegExpCompiler Allocation failed").
    const deep = { uri: fixture('untrusted-role.js').uri.replace('untrusted-role.js', 'else-if-chain.js'), text: elseIfChain(4_000) };
    await client.open(deep.uri, deep.text);
    const refused = await client.waitForDiagnostics(deep.uri, 1);
    assert.deepEqual(
      refused.diagnostics.map((diagnostic) => [diagnostic.range.start.line, diagnostic.message]),
      [[0, "ClaimGuard did not analyse this file: nesting deeper than 500 levels, which would exhaust the parser's stack"]],
    );
    const file = fixture('untrusted-role.js');
    await client.open(file.uri, file.text);
    findingOf((await client.waitForDiagnostics(file.uri, 1)).diagnostics);
    assert.equal(await shutDown(client, child), 0);
  });

  it('exits after a message it cannot frame, so the client can restart it, instead of going deaf', async () => {
    const child = spawn(process.execPath, [SERVER_BIN, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const exited = once(child, 'exit');
    // A header without Content-Length, then a well-formed request that a deaf server would never answer.
    child.stdin.write('Content-Lenght: 2\r\n\r\n{}');
    const body = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'shutdown' });
    child.stdin.write(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
    const timeout = setTimeout(() => child.kill(), 15_000);
    const [code, signal] = (await exited) as [number | null, string | null];
    clearTimeout(timeout);
    assert.equal(signal, null, 'the server exited by itself');
    assert.equal(code, 1);
    assert.match(stderr, /unreadable message from the client \(Header must provide a Content-Length property\.\); exiting/);
  });

  it('serves pull diagnostics over Node IPC, as VS Code starts it', async () => {
    const child = fork(SERVER_BIN, ['--node-ipc'], { stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
    const connection = createProtocolConnection(new IPCMessageReader(child), new IPCMessageWriter(child));
    const client = new TestClient(connection, { pull: true, watchParent: true }, () => child.kill());
    await client.initialize();
    const file = fixture('untrusted-role.js');
    await client.open(file.uri, file.text);
    const report = await client.pull(file.uri);
    assert.equal(report.kind, 'full');
    findingOf((report as { items: Parameters<typeof findingOf>[0] }).items);
    assert.equal(await shutDown(client, child), 0);
  });
});
