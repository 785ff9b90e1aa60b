import { spawn, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';
import { PassThrough } from 'node:stream';
import {
  ConfigurationRequest,
  DidChangeConfigurationNotification,
  DidChangeTextDocumentNotification,
  DidChangeWatchedFilesNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  DocumentDiagnosticRequest,
  ExecuteCommandRequest,
  InitializeRequest,
  InitializedNotification,
  LogMessageNotification,
  ShowMessageNotification,
  ShowMessageRequest,
  PublishDiagnosticsNotification,
  RegistrationRequest,
  ShowDocumentRequest,
  WorkDoneProgressCreateRequest,
  CodeActionRequest,
  CodeLensRequest,
  HoverRequest,
  type ClientCapabilities,
  type CodeAction,
  type Diagnostic,
  type FileEvent,
  type Registration,
  type FullDocumentDiagnosticReport,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type Range,
  type WorkspaceEdit,
} from 'vscode-languageserver-protocol';
import { StreamMessageReader, StreamMessageWriter, createProtocolConnection } from 'vscode-languageserver-protocol/node';
import { createConnection } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { startServer } from 'claimguard-language-server';
import { StatusNotification, WorkspaceReportRequest, type StatusParams, type WorkspaceReport } from 'claimguard-language-server/out/protocol';

export const SERVER_BIN = path.resolve(__dirname, '../../../server/bin/claimguard-language-server.js');

export interface ClientOptions {
  /** Whether the client announces pull diagnostics (`textDocument.diagnostic`). */
  pull: boolean;
  /** What `workspace/configuration` answers for the `claimguard` section. */
  settings?: unknown;
  workspaceTrusted?: boolean;
  workspaceFolders?: string[];
  capabilities?: ClientCapabilities;
  /** Sends this process's id, so the server exits if it goes away (for servers in a child process). */
  watchParent?: boolean;
}

type Waiter<T> = { accept: (value: T) => boolean; resolve: (value: T) => void };

/** An LSP client for tests: speaks to the server over real JSON-RPC and records what it is sent. */
export class TestClient {
  readonly diagnostics: PublishDiagnosticsParams[] = [];
  readonly statuses: StatusParams[] = [];
  readonly logs: string[] = [];
  readonly shownMessages: string[] = [];
  readonly progress: unknown[] = [];
  readonly shownDocuments: string[] = [];
  readonly configurationRequests: unknown[] = [];
  readonly registrations: Registration[] = [];
  /** How many `workspace/diagnostic/refresh` and `workspace/codeLens/refresh` requests the server sent. */
  readonly refreshes = { diagnostics: 0, codeLens: 0 };
  settings: unknown;
  private readonly versions = new Map<string, number>();
  private readonly texts = new Map<string, string>();
  private readonly diagnosticWaiters: Waiter<PublishDiagnosticsParams>[] = [];
  private readonly statusWaiters: Waiter<StatusParams>[] = [];
  private readonly refreshWaiters: Waiter<'diagnostics' | 'codeLens'>[] = [];

  constructor(readonly connection: ProtocolConnection, private readonly options: ClientOptions, private readonly onDispose: () => void) {
    this.settings = options.settings;
    connection.onRequest(ConfigurationRequest.type, (params) => {
      this.configurationRequests.push(params);
      return params.items.map((item) => (item.section === 'claimguard' ? this.settings : null));
    });
    connection.onRequest(RegistrationRequest.type, (params) => {
      this.registrations.push(...params.registrations);
    });
    connection.onRequest(WorkDoneProgressCreateRequest.type, () => undefined);
    connection.onRequest(ShowDocumentRequest.type, (params) => {
      this.shownDocuments.push(params.uri);
      return { success: true };
    });
    for (const kind of ['diagnostics', 'codeLens'] as const) {
      connection.onRequest(kind === 'diagnostics' ? 'workspace/diagnostic/refresh' : 'workspace/codeLens/refresh', () => {
        this.refreshes[kind] += 1;
        settle(this.refreshWaiters, kind);
      });
    }
    connection.onNotification('$/progress', (params: unknown) => {
      this.progress.push(params);
    });
    connection.onNotification(LogMessageNotification.type, (params) => {
      this.logs.push(params.message);
    });
    connection.onNotification(ShowMessageNotification.type, (params) => {
      this.shownMessages.push(params.message);
    });
    connection.onRequest(ShowMessageRequest.type, (params) => {
      this.shownMessages.push(params.message);
      return null;
    });
    connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
      this.diagnostics.push(params);
      settle(this.diagnosticWaiters, params);
    });
    connection.onNotification(StatusNotification.type, (params) => {
      this.statuses.push(params);
      settle(this.statusWaiters, params);
    });
    connection.listen();
  }

  async initialize(): Promise<void> {
    const folders = (this.options.workspaceFolders ?? []).map((folder) => ({ uri: fileUri(folder), name: path.basename(folder) }));
    await this.connection.sendRequest(InitializeRequest.type, {
      processId: this.options.watchParent ? process.pid : null,
      rootUri: folders[0]?.uri ?? null,
      workspaceFolders: folders,
      initializationOptions: { workspaceTrusted: this.options.workspaceTrusted },
      capabilities: this.options.capabilities ?? {
        workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true }, workspaceFolders: true },
        window: { workDoneProgress: true, showDocument: { support: true } },
        textDocument: {
          publishDiagnostics: { relatedInformation: true, versionSupport: true },
          ...(this.options.pull ? { diagnostic: { dynamicRegistration: false } } : {}),
        },
      },
    });
    await this.connection.sendNotification(InitializedNotification.type, {});
  }

  async open(uri: string, text: string, languageId = 'javascript'): Promise<void> {
    this.versions.set(uri, 1);
    this.texts.set(uri, text);
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri, languageId, version: 1, text },
    });
  }

  /** Replaces the whole text; returns the new version. */
  async change(uri: string, text: string): Promise<number> {
    const version = (this.versions.get(uri) ?? 0) + 1;
    this.versions.set(uri, version);
    this.texts.set(uri, text);
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version },
      contentChanges: [{ text }],
    });
    return version;
  }

  async close(uri: string): Promise<void> {
    this.versions.delete(uri);
    this.texts.delete(uri);
    await this.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  }

  async changeWatchedFiles(changes: FileEvent[]): Promise<void> {
    await this.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes });
  }

  text(uri: string): string {
    return this.texts.get(uri) ?? '';
  }

  waitForDiagnostics(uri: string, version?: number, timeoutMs?: number): Promise<PublishDiagnosticsParams> {
    return waitFor(this.diagnostics, this.diagnosticWaiters, (params) => params.uri === uri && (version === undefined || params.version === version), `diagnostics for ${uri}`, timeoutMs);
  }

  /** The first diagnostics published for `uri` after this call, whatever their version. */
  nextDiagnostics(uri: string): Promise<PublishDiagnosticsParams> {
    return waitFor([], this.diagnosticWaiters, (params) => params.uri === uri, `new diagnostics for ${uri}`);
  }

  /** Resolves on the next refresh request of this kind the server sends. */
  nextRefresh(kind: 'diagnostics' | 'codeLens'): Promise<unknown> {
    return waitFor([], this.refreshWaiters, (sent) => sent === kind, `a ${kind} refresh`);
  }

  waitForStatus(uri: string, accept: (status: StatusParams) => boolean = () => true): Promise<StatusParams> {
    return waitFor(this.statuses, this.statusWaiters, (status) => status.uri === uri && accept(status), `status for ${uri}`);
  }

  async pull(uri: string, previousResultId?: string): Promise<FullDocumentDiagnosticReport | { kind: 'unchanged'; resultId: string }> {
    return (await this.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri }, previousResultId })) as
      | FullDocumentDiagnosticReport
      | { kind: 'unchanged'; resultId: string };
  }

  async codeActions(uri: string, range: Range, diagnostics: Diagnostic[], only?: string[]): Promise<CodeAction[]> {
    const result = await this.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri },
      range,
      context: { diagnostics, only },
    });
    return (result ?? []) as CodeAction[];
  }

  hover(uri: string, line: number, character: number) {
    return this.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line, character } });
  }

  codeLenses(uri: string) {
    return this.connection.sendRequest(CodeLensRequest.type, { textDocument: { uri } });
  }

  executeCommand(command: string, args: unknown[]) {
    return this.connection.sendRequest(ExecuteCommandRequest.type, { command, arguments: args });
  }

  workspaceReport(): Promise<WorkspaceReport> {
    return this.connection.sendRequest(WorkspaceReportRequest.type, {});
  }

  async changeConfiguration(settings: unknown): Promise<void> {
    this.settings = settings;
    await this.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: { claimguard: settings } });
  }

  /** Applies a workspace edit to the client's copy of the text, as an editor would. */
  applyEdit(uri: string, edit: WorkspaceEdit | undefined): string {
    const edits = edit?.changes?.[uri] ?? [];
    const document = TextDocument.create(uri, 'javascript', 0, this.text(uri));
    return TextDocument.applyEdits(document, edits);
  }

  dispose(): void {
    this.connection.dispose();
    this.onDispose();
  }
}

function settle<T>(waiters: Waiter<T>[], value: T): void {
  for (const waiter of [...waiters]) {
    if (waiter.accept(value)) {
      waiters.splice(waiters.indexOf(waiter), 1);
      waiter.resolve(value);
    }
  }
}

function waitFor<T>(seen: readonly T[], waiters: Waiter<T>[], accept: (value: T) => boolean, what: string, timeoutMs = 10_000): Promise<T> {
  const found = [...seen].reverse().find(accept);
  if (found !== undefined) return Promise.resolve(found);
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`Timed out waiting for ${what}`)), timeoutMs);
    waiters.push({
      accept,
      resolve: (value) => {
        clearTimeout(timer);
        resolve(value);
      },
    });
  });
}

export function fileUri(filePath: string): string {
  return `file://${path.resolve(filePath)}`;
}

/** The server in this process, joined to the client by in-memory streams. */
export async function inMemoryClient(options: ClientOptions): Promise<TestClient> {
  const toServer = new PassThrough();
  const toClient = new PassThrough();
  const serverConnection = createConnection(new StreamMessageReader(toServer), new StreamMessageWriter(toClient));
  startServer(serverConnection);
  const clientConnection = createProtocolConnection(new StreamMessageReader(toClient), new StreamMessageWriter(toServer));
  const client = new TestClient(clientConnection, options, () => {
    serverConnection.dispose();
    toServer.destroy();
    toClient.destroy();
  });
  await client.initialize();
  return client;
}

/** The real binary in a child process, spoken to over its stdio. */
export async function stdioClient(options: ClientOptions): Promise<{ client: TestClient; child: ChildProcess }> {
  const child = spawn(process.execPath, [SERVER_BIN, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
  options = { ...options, watchParent: true };
  const connection = createProtocolConnection(
    new StreamMessageReader(child.stdout as NodeJS.ReadableStream),
    new StreamMessageWriter(child.stdin as NodeJS.WritableStream),
  );
  const client = new TestClient(connection, options, () => child.kill());
  await client.initialize();
  return { client, child };
}
