import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import type { WorkspaceReport } from 'claimguard-language-server/out/protocol';
import { escapeHtml, parseReportMessage, renderReport, type CodeLocation } from './report';

/** The maturity report webview: one panel, revealed and refreshed on each request. */
export class ReportPanel implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private links = new Map<string, CodeLocation>();

  constructor(private readonly fetchReport: () => Promise<WorkspaceReport>) {}

  async show(): Promise<void> {
    const panel = this.panel ?? this.createPanel();
    panel.reveal(vscode.ViewColumn.Beside);
    await this.refresh(panel);
  }

  dispose(): void {
    this.panel?.dispose();
  }

  private createPanel(): vscode.WebviewPanel {
    const panel = vscode.window.createWebviewPanel('claimguard.report', 'ClaimGuard Maturity Report', vscode.ViewColumn.Beside, {
      enableScripts: true,
      // The page loads nothing from disk or the network; everything it shows is in its HTML.
      localResourceRoots: [],
    });
    panel.onDidDispose(() => (this.panel = undefined));
    panel.webview.onDidReceiveMessage((message: unknown) => void this.onMessage(panel, message));
    this.panel = panel;
    return panel;
  }

  private async refresh(panel: vscode.WebviewPanel): Promise<void> {
    panel.webview.html = '<!DOCTYPE html><html><body><p>Analysing the workspace…</p></body></html>';
    try {
      const report = await this.fetchReport();
      const page = renderReport(report, {
        nonce: randomBytes(16).toString('hex'),
        cspSource: panel.webview.cspSource,
        displayPath: (uri) => vscode.workspace.asRelativePath(vscode.Uri.parse(uri)),
      });
      this.links = page.links;
      panel.webview.html = page.html;
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      panel.webview.html = `<!DOCTYPE html><html><body><p>The report could not be built: ${escapeHtml(reason)}</p></body></html>`;
    }
  }

  private async onMessage(panel: vscode.WebviewPanel, message: unknown): Promise<void> {
    const parsed = parseReportMessage(message, this.links);
    if (parsed?.kind === 'refresh') return this.refresh(panel);
    if (parsed?.kind !== 'open') return;
    const position = new vscode.Position(Math.max(0, parsed.location.line), 0);
    await vscode.window.showTextDocument(vscode.Uri.parse(parsed.location.uri), {
      viewColumn: vscode.ViewColumn.One,
      selection: new vscode.Range(position, position),
    });
  }
}

