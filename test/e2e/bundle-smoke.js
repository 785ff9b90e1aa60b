// Checks the packaged server the way VS Code gets it: unpacks the VSIX into a folder outside the
// repository (so nothing resolves from the repository's node_modules), starts dist/server.js and
// lints a TypeScript and a JavaScript file over LSP.
const assert = require('node:assert/strict');
const { execFileSync } = require('node:child_process');
const { mkdtempSync, rmSync } = require('node:fs');
const { tmpdir } = require('node:os');
const path = require('node:path');
const { pathToFileURL } = require('node:url');
const { startSession } = require('./lsp-session');

const vsix = path.resolve(process.argv[2] ?? path.join(__dirname, '..', '..', 'extension', 'claimguard-vscode.vsix'));

async function main() {
  const dir = mkdtempSync(path.join(tmpdir(), 'claimguard-vsix-'));
  const session = { close: async () => {} };
  try {
    execFileSync('python3', ['-c', 'import sys, zipfile; zipfile.ZipFile(sys.argv[1]).extractall(sys.argv[2])', vsix, dir]);
    const server = path.join(dir, 'extension', 'dist', 'server.js');
    Object.assign(session, startSession(server, dir));
    const { connection } = session;
    await connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: pathToFileURL(dir).href,
      capabilities: { workspace: { configuration: true } },
      initializationOptions: { workspaceTrusted: false },
    });
    connection.sendNotification('initialized', {});
    await expectCleanParse(session, path.join(dir, 'typed.ts'), 'typescript', 'const limit: number = 3;\nexport type Role = "admin" | "user";\n');
    await expectCleanParse(session, path.join(dir, 'plain.js'), 'javascript', 'const app = {};\nmodule.exports = app;\n');
    const broken = await publish(session, path.join(dir, 'broken.ts'), 'typescript', 'const = ;\n');
    assert.ok(broken.diagnostics.length > 0, 'a syntax error is reported');
    console.log('bundle-smoke: the packaged server parses TypeScript and JavaScript and reports syntax errors');
  } finally {
    await session.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function publish({ connection, waitFor }, file, languageId, text) {
  const uri = pathToFileURL(file).href;
  connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
  return waitFor((n) => n.method === 'textDocument/publishDiagnostics' && n.params.uri === uri, `diagnostics for ${path.basename(file)}`);
}

async function expectCleanParse(session, file, languageId, text) {
  const { diagnostics } = await publish(session, file, languageId, text);
  assert.deepEqual(diagnostics.map((d) => d.message), [], `${path.basename(file)} parses without errors`);
}

main().catch((error) => {
  console.error(`bundle-smoke failed: ${error instanceof Error ? error.stack : error}`);
  process.exitCode = 1;
});
