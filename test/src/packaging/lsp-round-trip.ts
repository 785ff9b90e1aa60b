import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { StreamMessageReader, StreamMessageWriter, createProtocolConnection } from 'vscode-languageserver-protocol/node';
import { TestClient, fileUri } from '../server/lsp-client';
import { outsideEnv } from './shell';

const EXIT_TIMEOUT_MS = 10_000;

/**
 * Starts the language server a project installed, over stdio as an editor does: initialize, open one file,
 * wait for its diagnostics, then shut down and exit. Returns the diagnostics and the server's exit code.
 */
export async function lspRoundTrip(projectDir: string, relativeFile: string): Promise<{ diagnostics: Diagnostic[]; exitCode: number | null }> {
  const bin = path.join(projectDir, 'node_modules', 'claimguard-language-server', 'bin', 'claimguard-language-server.js');
  const child = spawn(process.execPath, [bin, '--stdio'], { cwd: projectDir, env: outsideEnv(), stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const client = new TestClient(connection, { pull: false, settings: {}, workspaceFolders: [projectDir], workspaceTrusted: false, watchParent: true }, () => child.kill());
  try {
    await client.initialize();
    const file = path.join(projectDir, relativeFile);
    const uri = fileUri(file);
    await client.open(uri, fs.readFileSync(file, 'utf8'), /\.[mc]?tsx?$/.test(file) ? 'typescript' : 'javascript');
    const { diagnostics } = await client.waitForDiagnostics(uri);
    await connection.sendRequest('shutdown');
    await connection.sendNotification('exit');
    const exitCode = await Promise.race([exited, new Promise<null>((resolve) => setTimeout(() => resolve(null), EXIT_TIMEOUT_MS))]);
    return { diagnostics, exitCode };
  } catch (error) {
    throw new Error(`language server in ${projectDir}: ${(error as Error).message}\n--- server stderr ---\n${stderr}`, { cause: error });
  } finally {
    client.dispose();
  }
}
