import { performance } from 'node:perf_hooks';
import type { Linter } from 'eslint';
import {
  CodeActionKind,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  LSPErrorCodes,
  MessageType,
  ResponseError,
  ShowMessageNotification,
  TextDocumentSyncKind,
  TextDocuments,
  type CancellationToken,
  type ClientCapabilities,
  type CodeAction,
  type CodeActionParams,
  type CodeLens,
  type Connection,
  type Diagnostic,
  type DocumentDiagnosticReport,
  type Hover,
  type InitializeParams,
  type InitializeResult,
  type Position,
  type WorkspaceFolder,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from 'vscode-uri';
import { buildCodeActions } from './code-actions';
import { admitDocument } from './document-filter';
import { LiveIndex, WATCHED_GLOBS } from './live-index';
import { failureDiagnostic, pairDetails, spanRange, toDiagnostics } from './diagnostics';
import { LintEngine, ruleDocsUrl, type LintResult, type RouteReport } from './lint-engine';
import {
  FIX_ALL_KIND,
  ServerCommands,
  StatusNotification,
  WorkspaceReportRequest,
  type ClaimGuardEditorSettings,
  type ClaimGuardInitializationOptions,
  type StatusParams,
  type WorkspaceReport,
} from './protocol';
import { findingHover, routeHover } from './hovers';
import { fileGrade, lensTitle } from './routes';
import { DEFAULT_SETTINGS, SettingsCache, normalizeSettings } from './settings';
import { buildWorkspaceReport, type ReportProgress } from './workspace-report';

/** How long typing must pause before a pushed validation runs. */
export const PUSH_DEBOUNCE_MS = 150;

/** What the client can do, read once from `initialize`. */
interface ClientFeatures {
  pullDiagnostics: boolean;
  configuration: boolean;
  configurationRegistration: boolean;
  diagnosticRefresh: boolean;
  codeLensRefresh: boolean;
  watchedFilesRegistration: boolean;
  showDocument: boolean;
  workDoneProgress: boolean;
  workspaceFolders: boolean;
}

function readFeatures(capabilities: ClientCapabilities): ClientFeatures {
  return {
    pullDiagnostics: capabilities.textDocument?.diagnostic !== undefined,
    configuration: capabilities.workspace?.configuration === true,
    configurationRegistration: capabilities.workspace?.didChangeConfiguration?.dynamicRegistration === true,
    diagnosticRefresh: capabilities.workspace?.diagnostics?.refreshSupport === true,
    codeLensRefresh: capabilities.workspace?.codeLens?.refreshSupport === true,
    watchedFilesRegistration: capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true,
    showDocument: capabilities.window?.showDocument?.support === true,
    workDoneProgress: capabilities.window?.workDoneProgress === true,
    workspaceFolders: capabilities.workspace?.workspaceFolders === true,
  };
}

/** One analysed version of one document, kept for code actions, hovers and lenses on that version. */
interface Validation {
  version: number;
  /** Settings generation it was computed under; a configuration change makes it stale. */
  generation: number;
  /** How many times the files it depends on had changed when it started; a later change makes it stale. */
  epoch: number;
  document: TextDocument;
  settings: ClaimGuardEditorSettings;
  result: LintResult | undefined;
  diagnostics: Diagnostic[];
  status: StatusParams;
  trustedFolder: string | undefined;
  /** The file name it was linted under, which the project index knows the file by. */
  filePath?: string;
}

const nextTick = () => new Promise<void>((resolve) => setImmediate(resolve));

class ClaimGuardServer {
  private readonly documents = new TextDocuments(TextDocument);
  private readonly validations = new Map<string, Validation>();
  private readonly inflight = new Map<string, { key: string; promise: Promise<Validation | undefined> }>();
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly warned = new Set<string>();
  private readonly engine: LintEngine;
  private readonly settings: SettingsCache;
  private readonly live: LiveIndex;
  /** Per document, how many times files it depends on have changed: part of its results' identity. */
  private readonly epochs = new Map<string, number>();
  /** The file name each open document is linted under, as the project index knows it. */
  private readonly lintedPaths = new Map<string, string>();
  private refreshing: Promise<unknown> | undefined;
  private refreshAgain = false;
  private features = readFeatures({});
  private trusted = false;
  private folders: WorkspaceFolder[] = [];
  private generation = 0;
  shutdownReceived = false;
  /** Settings a client without `workspace/configuration` pushes in `didChangeConfiguration`. */
  private pushedSettings: unknown = undefined;

  constructor(private readonly connection: Connection) {
    this.engine = new LintEngine({
      warn: (message) => this.warnOnce(message),
      error: (message) => {
        this.connection.console.error(message);
        void this.connection.window.showWarningMessage(`ClaimGuard: ${message}`);
      },
    });
    this.settings = new SettingsCache((resource) => this.fetchSettings(resource));
    this.live = new LiveIndex({
      openDocument: (filePath) => [...this.lintedPaths].find(([, linted]) => linted === filePath)?.[0],
      openDocuments: () => this.documents.keys(),
      revalidate: (uris) => this.dependenciesChanged(uris),
    });
  }

  start(): void {
    const { connection, documents } = this;
    connection.onInitialize((params) => this.initialize(params));
    connection.onInitialized(() => this.initialized());
    connection.onDidChangeConfiguration((change) => this.configurationChanged(change.settings));
    connection.onDidChangeWatchedFiles((params) => this.live.filesChanged(params.changes));
    documents.onDidChangeContent((change) => this.documentChanged(change.document));
    documents.onDidClose((change) => this.documentClosed(change.document.uri));
    connection.languages.diagnostics.on((params, token) => this.pullDiagnostics(params.textDocument.uri, params.previousResultId, token));
    connection.onCodeAction((params) => this.codeActions(params));
    connection.onHover((params) => this.hover(params.textDocument.uri, params.position));
    connection.onCodeLens((params) => this.codeLenses(params.textDocument.uri));
    connection.onExecuteCommand((params) => this.executeCommand(params.command, params.arguments ?? []));
    // Clients send the empty params as `{}`, `[]` or nothing (Neovim encodes an empty table as `[]`, which the
    // library spreads into the handler's arguments): the cancellation token is whichever argument is one.
    connection.onRequest(WorkspaceReportRequest.method, (...args: unknown[]) => this.workspaceReport(args.find(isCancellationToken)));
    connection.onShutdown(() => {
      this.shutdownReceived = true;
      this.timers.forEach((timer) => clearTimeout(timer));
      this.live.dispose();
    });
    documents.listen(connection);
    connection.listen();
  }

  private initialize(params: InitializeParams): InitializeResult {
    this.features = readFeatures(params.capabilities);
    const options = (params.initializationOptions ?? {}) as ClaimGuardInitializationOptions;
    // Only an explicit `true` counts: a client that says nothing gets the safe, untrusted behaviour.
    this.trusted = options.workspaceTrusted === true;
    this.folders = params.workspaceFolders ?? (params.rootUri ? [{ uri: params.rootUri, name: 'root' }] : []);
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        diagnosticProvider: this.features.pullDiagnostics
          ? { identifier: 'claimguard', interFileDependencies: true, workspaceDiagnostics: false }
          : undefined,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] },
        hoverProvider: true,
        codeLensProvider: { resolveProvider: false },
        executeCommandProvider: { commands: [ServerCommands.showDocumentation] },
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'claimguard-language-server' },
    };
  }

  private initialized(): void {
    if (this.features.configurationRegistration) {
      void this.connection.client.register(DidChangeConfigurationNotification.type, { section: 'claimguard' });
    }
    // Without dynamic registration, file events come from whatever the client watches of its own accord.
    if (this.features.watchedFilesRegistration) {
      void this.connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: WATCHED_GLOBS.map((globPattern) => ({ globPattern })) });
    }
    if (this.features.workspaceFolders) {
      this.connection.workspace.onDidChangeWorkspaceFolders((event) => {
        const removed = new Set(event.removed.map((folder) => folder.uri));
        this.folders = [...this.folders.filter((folder) => !removed.has(folder.uri)), ...event.added];
      });
    }
  }


  private async fetchSettings(resource: string): Promise<ClaimGuardEditorSettings> {
    if (!this.features.configuration) return normalizeSettings(this.pushedSettings, (message) => this.warnOnce(message));
    try {
      const raw: unknown = await this.connection.workspace.getConfiguration({ scopeUri: resource, section: 'claimguard' });
      return normalizeSettings(raw, (message) => this.warnOnce(message));
    } catch (error) {
      this.warnOnce(`Could not read the claimguard settings (${String(error)}); using the defaults.`);
      return normalizeSettings(undefined, () => undefined);
    }
  }

  private configurationChanged(settings: unknown): void {
    const section = typeof settings === 'object' && settings !== null ? (settings as Record<string, unknown>).claimguard : undefined;
    this.pushedSettings = section;
    this.settings.clear();
    this.engine.resetProjects();
    this.warned.clear();
    this.generation += 1;
    this.refreshClient();
    // Push clients, and pull clients that cannot be told to refresh, get fresh results right away.
    if (!this.features.pullDiagnostics || !this.features.diagnosticRefresh) {
      for (const document of this.documents.all()) this.schedule(document.uri, 0);
    }
  }

  /** Files these open documents depend on changed: their results are stale, and the client is told. */
  private dependenciesChanged(uris: readonly string[]): void {
    for (const uri of uris) this.epochs.set(uri, this.epochOf(uri) + 1);
    this.refreshClient();
    // A pull client that cannot be refreshed pulls other open documents again by itself (`interFileDependencies`).
    if (!this.features.pullDiagnostics) for (const uri of uris) this.schedule(uri, 0);
  }

  private epochOf(uri: string): number {
    return this.epochs.get(uri) ?? 0;
  }

  /**
   * Asks the client to pull diagnostics and code lenses again. One request at a time: changes that come while
   * one is out are answered by a single request after it.
   */
  private refreshClient(): void {
    const diagnostics = this.features.pullDiagnostics && this.features.diagnosticRefresh;
    if (!diagnostics && !this.features.codeLensRefresh) return;
    if (this.refreshing) {
      this.refreshAgain = true;
      return;
    }
    const requests: Promise<unknown>[] = [];
    if (diagnostics) requests.push(this.connection.languages.diagnostics.refresh());
    if (this.features.codeLensRefresh) requests.push(this.connection.sendRequest('workspace/codeLens/refresh'));
    this.refreshing = Promise.allSettled(requests).then(() => {
      this.refreshing = undefined;
      if (!this.refreshAgain || this.shutdownReceived) return;
      this.refreshAgain = false;
      this.refreshClient();
    });
  }

  private warnOnce(message: string): void {
    if (this.warned.has(message)) return;
    this.warned.add(message);
    this.connection.console.warn(message);
  }


  private documentChanged(document: TextDocument): void {
    if (this.features.pullDiagnostics) return; // The client pulls after each change.
    // The first version validates at once; later edits wait for a pause in typing.
    this.schedule(document.uri, this.validations.has(document.uri) ? PUSH_DEBOUNCE_MS : 0);
  }

  private documentClosed(uri: string): void {
    clearTimeout(this.timers.get(uri));
    this.timers.delete(uri);
    this.validations.delete(uri);
    this.inflight.delete(uri);
    this.epochs.delete(uri);
    this.settings.forget(uri);
    const filePath = this.lintedPaths.get(uri);
    this.lintedPaths.delete(uri);
    // Its unsaved text stops counting for the other files.
    if (filePath !== undefined) this.live.closed(filePath, URI.parse(uri).fsPath);
    if (!this.features.pullDiagnostics) void this.connection.sendDiagnostics({ uri, diagnostics: [] });
  }

  private schedule(uri: string, delay: number): void {
    clearTimeout(this.timers.get(uri));
    this.timers.set(uri, setTimeout(() => {
      this.timers.delete(uri);
      void this.pushDiagnostics(uri);
    }, delay));
  }

  private async pushDiagnostics(uri: string): Promise<void> {
    const validation = await this.ensureValidated(uri);
    const current = this.documents.get(uri);
    // A newer version arrived, or a file it depends on changed, while this one was analysed: a later run publishes.
    if (!validation || !current || current.version !== validation.version || validation.epoch !== this.epochOf(uri)) return;
    await this.connection.sendDiagnostics({ uri, version: validation.version, diagnostics: validation.diagnostics });
  }

  private async pullDiagnostics(uri: string, previousResultId: string | undefined, token: CancellationToken): Promise<DocumentDiagnosticReport> {
    // Give a cancellation sent together with a newer edit the chance to arrive before any work starts.
    await nextTick();
    if (token.isCancellationRequested) throw new ResponseError(LSPErrorCodes.RequestCancelled, 'Request cancelled');
    const validation = await this.ensureValidated(uri);
    if (token.isCancellationRequested) throw new ResponseError(LSPErrorCodes.RequestCancelled, 'Request cancelled');
    if (!validation) return { kind: 'full', items: [] };
    const current = this.documents.get(uri);
    if ((current && current.version !== validation.version) || validation.epoch !== this.epochOf(uri)) {
      // The answer is already stale; the client asks again for the newer version.
      throw new ResponseError(LSPErrorCodes.ServerCancelled, 'Document changed', { retriggerRequest: true });
    }
    const resultId = `${validation.version}:${validation.generation}:${validation.epoch}`;
    if (previousResultId === resultId) return { kind: 'unchanged', resultId };
    return { kind: 'full', resultId, items: validation.diagnostics };
  }

  /** The validation of the document's current version, computing it once however many requests ask. */
  private ensureValidated(uri: string): Promise<Validation | undefined> {
    const document = this.documents.get(uri);
    if (!document) return Promise.resolve(undefined);
    const cached = this.validations.get(uri);
    const epoch = this.epochOf(uri);
    if (cached && cached.version === document.version && cached.generation === this.generation && cached.epoch === epoch) return Promise.resolve(cached);
    const key = `${document.version}:${this.generation}:${epoch}`;
    const running = this.inflight.get(uri);
    if (running && running.key === key) return running.promise;
    const promise = this.validate(document, this.generation, epoch).finally(() => {
      if (this.inflight.get(uri)?.promise === promise) this.inflight.delete(uri);
    });
    this.inflight.set(uri, { key, promise });
    return promise;
  }

  private async validate(live: TextDocument, generation: number, epoch: number): Promise<Validation | undefined> {
    // The live document is updated in place by later edits, so analyse and keep a snapshot.
    const document = TextDocument.create(live.uri, live.languageId, live.version, live.getText());
    const settings = await this.settings.get(document.uri);
    const started = performance.now();
    const trustedFolder = this.trusted && settings.useWorkspaceConfig ? this.folderOf(document.uri) : undefined;
    const validation: Validation = {
      version: document.version,
      generation,
      epoch,
      document,
      settings,
      result: undefined,
      diagnostics: [],
      status: { uri: document.uri, level: null, findings: 0, validationMs: 0 },
      trustedFolder,
    };
    await this.analyse(validation);
    const previous = this.validations.get(document.uri);
    const open = this.documents.get(document.uri);
    if (open && (!previous || previous.version < validation.version || (previous.version === validation.version && previous.epoch <= epoch))) {
      this.validations.set(document.uri, validation);
    }
    if (open && validation.filePath !== undefined) this.lintedPaths.set(document.uri, validation.filePath);
    // The diagnostics go out first; the routes' grades, the status and the other files' updates follow.
    // vscode-jsonrpc writes each message from a `setImmediate` of its own, queued once the answer is ready (after
    // this one): the second turn lets it go first.
    setImmediate(() => setImmediate(() => this.finish(validation, started)));
    return validation;
  }

  /** Grades the routes of a validation still current, sends its status and tells the live index about its text. */
  private finish(validation: Validation, started: number): void {
    const { document, status } = validation;
    const open = this.documents.get(document.uri);
    if (open?.version !== validation.version || validation.epoch !== this.epochOf(document.uri) || validation.generation !== this.generation) return;
    const routes = this.routesOf(validation);
    if (routes) {
      const grade = fileGrade(routes);
      status.level = grade.level;
      if (grade.ungradedRoutes > 0) status.ungradedRoutes = grade.ungradedRoutes;
    }
    status.validationMs = Math.round((performance.now() - started) * 10) / 10;
    void this.connection.sendNotification(StatusNotification.type, status);
    // Grading recorded the text in the project index: only the text the editor now holds may stand in for the file.
    if (routes && validation.filePath !== undefined) this.live.validated(validation.filePath, document.getText(), URI.parse(document.uri).fsPath);
  }

  /** The validation's routes; undefined when the text was not analysed (skipped, unparsable, failed). */
  private routesOf(validation: Validation): RouteReport[] | undefined {
    const result = validation.result;
    if (!result || result.messages.some((message) => message.fatal)) return undefined;
    try {
      return result.routes();
    } catch (error) {
      this.connection.console.error(`ClaimGuard could not grade the routes of ${validation.document.uri}: ${error instanceof Error ? error.stack : String(error)}`);
      return undefined;
    }
  }

  /** Fills in results, diagnostics and status; one bad file ends as a diagnostic, never as a crash. */
  private async analyse(validation: Validation): Promise<void> {
    const { document, settings, status } = validation;
    const admission = admitDocument(document.uri, document.languageId, document.getText(), settings);
    if ('skippedReason' in admission) {
      status.skippedReason = admission.skippedReason;
      return;
    }
    const request = { text: document.getText(), filePath: admission.filePath, settings, trustedFolder: validation.trustedFolder };
    validation.filePath = admission.filePath;
    try {
      const result = await this.engine.lint(request);
      if ('ignored' in result) {
        status.skippedReason = result.ignored;
        return;
      }
      validation.result = result;
      validation.diagnostics = toDiagnostics(result, document.uri);
      status.findings = validation.diagnostics.length;
      status.configuration = result.configuration;
      const fatal = result.messages.find((message) => message.fatal);
      if (fatal) status.skippedReason = `parse error: ${fatal.message}`;
    } catch (error) {
      this.connection.console.error(`ClaimGuard failed on ${document.uri}: ${error instanceof Error ? error.stack : String(error)}`);
      validation.diagnostics = [failureDiagnostic(error)];
      status.findings = 1;
      status.skippedReason = 'analysis failed (see the ClaimGuard log)';
    }
  }

  private folderOf(uri: string): string | undefined {
    const filePath = URI.parse(uri).fsPath;
    const containing = this.folders
      .map((folder) => URI.parse(folder.uri).fsPath)
      .filter((folder) => filePath.startsWith(folder.endsWith('/') ? folder : `${folder}/`) || filePath.startsWith(`${folder}\\`));
    // The innermost folder wins for nested workspace folders.
    return containing.sort((a, b) => b.length - a.length)[0];
  }


  private async codeActions(params: CodeActionParams): Promise<CodeAction[]> {
    const validation = await this.ensureValidated(params.textDocument.uri);
    if (!validation?.result) return [];
    const request = {
      text: validation.document.getText(),
      filePath: admitted(validation),
      settings: validation.settings,
      trustedFolder: validation.trustedFolder,
    };
    return buildCodeActions(
      { document: validation.document, messages: validation.result.messages, diagnostics: validation.diagnostics },
      params,
      () => this.engine.fixAll(request),
    );
  }

  private async hover(uri: string, position: Position): Promise<Hover | null> {
    const validation = await this.ensureValidated(uri);
    if (!validation?.result) return null;
    const routes = this.routesOf(validation) ?? [];
    const routesHere = routes.filter((route) => route.span.start.line - 1 === position.line);
    // A maturity-level finding on a route's registration says what the route hover says: show that once.
    const sections = findingHovers(validation, routes, position, (message) => message.ruleId === MATURITY_RULE && routesHere.some((route) => route.span.start.line === message.line));
    const reported = validation.result.messages.find((message) => message.ruleId === MATURITY_RULE && message.line === position.line + 1);
    for (const route of routesHere) {
      sections.push(routeHover(route, reported ? { ruleId: MATURITY_RULE, docsUrl: ruleDocsUrl(MATURITY_RULE) } : undefined));
    }
    return sections.length > 0 ? { contents: { kind: 'markdown', value: sections.join('\n\n---\n\n') } } : null;
  }

  private async codeLenses(uri: string): Promise<CodeLens[]> {
    const validation = await this.ensureValidated(uri);
    if (!validation?.result || !validation.settings.codeLens.enable) return [];
    return (this.routesOf(validation) ?? []).map((route) => {
      const range = spanRange(route.span);
      return { range: { start: range.start, end: range.start }, command: { title: lensTitle(route), command: '' } };
    });
  }

  private async executeCommand(command: string, args: unknown[]): Promise<void> {
    const url = args[0];
    if (command !== ServerCommands.showDocumentation || typeof url !== 'string' || !url.startsWith('https://')) return;
    if (this.features.showDocument) {
      const shown = await this.connection.window.showDocument({ uri: url, external: true }).catch(() => ({ success: false }));
      if (shown.success) return;
    }
    // A notification, not `showInformationMessage`: that is a request for a choice, which Neovim shows as an
    // empty prompt waiting for a number.
    void this.connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Info, message: `ClaimGuard rule documentation: ${url}` });
  }

  private async workspaceReport(token: CancellationToken | undefined): Promise<WorkspaceReport> {
    const folders = await Promise.all(
      this.folders.map(async (folder) => {
        const settings = await this.settings.get(folder.uri);
        return { path: URI.parse(folder.uri).fsPath, settings, trusted: this.trusted && settings.useWorkspaceConfig };
      }),
    );
    const progress = this.features.workDoneProgress ? await this.connection.window.createWorkDoneProgress() : undefined;
    progress?.begin('ClaimGuard workspace report', 0, 'Listing files', false);
    const reporter: ReportProgress = { report: (message, percentage) => progress?.report(percentage ?? 0, message) };
    try {
      const openText = (file: string) => this.documents.get(URI.file(file).toString())?.getText();
      return await buildWorkspaceReport(this.engine, folders.filter((folder) => folder.settings.enable), reporter, token, openText);
    } finally {
      progress?.done();
    }
  }
}

/** The file name the document was linted under (its own, or with the language's extension added). */
function admitted(validation: Validation): string {
  const admission = admitDocument(validation.document.uri, validation.document.languageId, validation.document.getText(), {
    ...validation.settings,
    enable: true,
  });
  return 'filePath' in admission ? admission.filePath : URI.parse(validation.document.uri).fsPath;
}

function contains(range: Diagnostic['range'], position: Position): boolean {
  const after = (a: Position, b: Position) => a.line > b.line || (a.line === b.line && a.character >= b.character);
  return after(position, range.start) && after(range.end, position);
}

const MATURITY_RULE = 'claimguard/maturity-level';

/** Markdown for every finding under the cursor, but those `leaveOut` says another section covers. */
function findingHovers(validation: Validation, routes: readonly RouteReport[], position: Position, leaveOut: (message: Linter.LintMessage) => boolean): string[] {
  const result = validation.result as LintResult;
  const details = pairDetails(result);
  const sections: string[] = [];
  result.messages.forEach((message, index) => {
    const diagnostic = validation.diagnostics[index];
    if (!message.ruleId || !diagnostic || !contains(diagnostic.range, position) || leaveOut(message)) return;
    sections.push(findingHover(message, details[index], routes, ruleDocsUrl(message.ruleId)));
  });
  return sections;
}

/** What the transport needs to know about a running server. */
export interface ServerHandle {
  /** True once the client asked for a shutdown: closing the connection after that is a clean exit. */
  readonly shutdownReceived: boolean;
}

/** Wires every ClaimGuard feature onto `connection` and starts listening; the caller owns the transport. */
export function startServer(connection: Connection): ServerHandle {
  const server = new ClaimGuardServer(connection);
  server.start();
  return server;
}

function isCancellationToken(value: unknown): value is CancellationToken {
  return typeof value === 'object' && value !== null && typeof (value as CancellationToken).isCancellationRequested === 'boolean';
}

export { DEFAULT_SETTINGS };
