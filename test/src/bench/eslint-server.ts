import { spawn, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';
import {
  ConfigurationRequest,
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
  DocumentDiagnosticRequest,
  InitializeRequest,
  InitializedNotification,
  RegistrationRequest,
  type Diagnostic,
  type ProtocolConnection,
} from 'vscode-languageserver-protocol';
import { StreamMessageReader, StreamMessageWriter, createProtocolConnection } from 'vscode-languageserver-protocol/node';
import { fileUri } from '../server/lsp-client';

const ROOT = path.resolve(__dirname, '../../..');
/** The ESLint language server of VS Code's ESLint extension, as the npm package `vscode-langservers-extracted` ships it. */
const ESLINT_SERVER = path.join(ROOT, 'node_modules/vscode-langservers-extracted/bin/vscode-eslint-language-server');

/** The light rule set the reference server runs: a few of ESLint's own rules, no plugin. */
export const LIGHT_CONFIG = `export default [
  {
    files: ['**/*.js'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { 'no-undef': 'warn', 'no-unused-vars': 'warn', eqeqeq: 'warn', 'no-var': 'warn', 'prefer-const': 'warn' },
  },
];
`;

/**
 * The settings VS Code's ESLint extension sends its server for a document (`workspace/configuration`, section
 * ''): validation on, flat config, ESLint resolved from this checkout's node_modules.
 */
function eslintSettings(folder: string): Record<string, unknown> {
  return {
    validate: 'on',
    packageManager: 'npm',
    useESLintClass: false,
    useFlatConfig: true,
    experimental: { useFlatConfig: false },
    codeAction: { disableRuleComment: { enable: true, location: 'separateLine', commentStyle: 'line' }, showDocumentation: { enable: true } },
    codeActionOnSave: { mode: 'all' },
    format: false,
    quiet: false,
    onIgnoredFiles: 'off',
    options: {},
    rulesCustomizations: [],
    run: 'onType',
    problems: { shortenToSingleLine: false },
    nodePath: path.join(ROOT, 'node_modules'),
    workspaceFolder: { name: path.basename(folder), uri: fileUri(folder) },
  };
}

/** A pull client for the reference server: just what the editor benchmark needs. */
export class EslintServerClient {
  private constructor(
    readonly connection: ProtocolConnection,
    readonly child: ChildProcess,
  ) {}

  static async start(folder: string): Promise<EslintServerClient> {
    const child = spawn(process.execPath, [ESLINT_SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'ignore'] });
    const connection = createProtocolConnection(new StreamMessageReader(child.stdout as NodeJS.ReadableStream), new StreamMessageWriter(child.stdin as NodeJS.WritableStream));
    connection.onRequest(ConfigurationRequest.type, (params) => params.items.map(() => eslintSettings(folder)));
    connection.onRequest(RegistrationRequest.type, () => undefined);
    connection.onRequest('workspace/diagnostic/refresh', () => undefined);
    // Its questions to the user mean the setup is wrong (ESLint not found, no config): the run must not count.
    for (const method of ['eslint/noLibrary', 'eslint/noConfig', 'eslint/probeFailed']) {
      connection.onRequest(method, () => {
        throw new Error(`the ESLint server asked ${method}: the benchmark setup is wrong`);
      });
    }
    connection.listen();
    await connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: fileUri(folder),
      workspaceFolders: [{ uri: fileUri(folder), name: path.basename(folder) }],
      capabilities: { workspace: { configuration: true, diagnostics: { refreshSupport: true } }, textDocument: { diagnostic: { dynamicRegistration: false } } },
    });
    await connection.sendNotification(InitializedNotification.type, {});
    return new EslintServerClient(connection, child);
  }

  async open(uri: string, text: string): Promise<void> {
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'javascript', version: 1, text } });
  }

  async editLine(uri: string, version: number, line: number, text: string): Promise<void> {
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version },
      contentChanges: [{ range: { start: { line, character: 0 }, end: { line, character: 1_000 } }, text }],
    });
  }

  async pull(uri: string): Promise<Diagnostic[]> {
    const report = (await this.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri } })) as { kind: string; items?: Diagnostic[] };
    return report.items ?? [];
  }

  dispose(): void {
    this.connection.dispose();
    this.child.kill();
  }
}
