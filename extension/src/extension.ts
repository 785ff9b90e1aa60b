import * as vscode from 'vscode';
import { StatusNotification, WorkspaceReportRequest } from 'claimguard-language-server/out/protocol';
import { DOCUMENT_SELECTOR, createManagedClient, type ClientReporter, type ManagedClient } from './client';
import { languageStatusView, openRuleDocs, readRuleIndex, statFile } from './editor-views';
import { ReportPanel } from './report-panel';
import { checkServerBundle } from './server-bundle';
import { StatusController } from './status';

let managed: ManagedClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const output = vscode.window.createOutputChannel('ClaimGuard', { log: true });
  const subscriptions = context.subscriptions;
  subscriptions.push(output, command('claimguard.showOutput', () => output.show(true)));

  const serverModule = context.asAbsolutePath('dist/server.js');
  const problem = checkServerBundle(serverModule, statFile);
  if (problem !== undefined) {
    output.error(problem);
    void vscode.window.showErrorMessage(problem, 'Show Output').then((choice) => choice && output.show());
    return;
  }

  const statusItem = vscode.languages.createLanguageStatusItem('claimguard.status', DOCUMENT_SELECTOR);
  statusItem.name = 'ClaimGuard';
  statusItem.command = { title: 'Show Report', command: 'claimguard.showReport' };
  const status = new StatusController(languageStatusView(statusItem), () =>
    vscode.window.activeTextEditor?.document.uri.toString(),
  );

  const server = createManagedClient(serverModule, output, clientReporter(output, status));
  managed = server;
  const languageClient = server.client;
  const report = new ReportPanel(() => languageClient.sendRequest(WorkspaceReportRequest.type, {}));
  const rules = readRuleIndex(context.asAbsolutePath('dist/rules.json'));

  const restart = async () => {
    status.clear();
    await server.restart();
  };

  subscriptions.push(
    server,
    statusItem,
    report,
    languageClient.onNotification(StatusNotification.type, (params) => status.update(params)),
    vscode.window.onDidChangeActiveTextEditor(() => status.render()),
    vscode.workspace.onDidCloseTextDocument((document) => status.forget(document.uri.toString())),
    // The server reads the workspace's own configuration only when trusted, and learns trust at start-up.
    vscode.workspace.onDidGrantWorkspaceTrust(() => void restart()),
    command('claimguard.showReport', () => report.show()),
    command('claimguard.restartServer', restart),
    command('claimguard.openRuleDocs', (rule: unknown) => openRuleDocs(rule, rules)),
  );
  status.render();

  await server.start();
}

export async function deactivate(): Promise<void> {
  const client = managed?.client;
  managed = undefined;
  if (client?.isRunning()) await client.stop();
}

function command(id: string, run: (...args: never[]) => unknown): vscode.Disposable {
  return vscode.commands.registerCommand(id, run);
}

function clientReporter(output: vscode.LogOutputChannel, status: StatusController): ClientReporter {
  return {
    log: (message) => output.warn(message),
    startFailed: (reason) => {
      const message = `The ClaimGuard language server did not start: ${reason}`;
      output.error(message);
      void vscode.window.showErrorMessage(message, 'Show Output').then((choice) => choice && output.show());
    },
    giveUp: (message) => {
      output.error(message);
      status.serverStopped();
      void vscode.window.showErrorMessage(message, 'Show Output', 'Restart Server').then((choice) => {
        if (choice === 'Show Output') output.show();
        if (choice === 'Restart Server') void vscode.commands.executeCommand('claimguard.restartServer');
      });
    },
  };
}
