import type { RouteLevel, RouteSummary, WorkspaceReport } from 'claimguard-language-server/out/protocol';
import { LEVEL_ORDER, isRouteLevel, levelLabel } from './levels';

/** A place in the code a report link opens: a file URI and a 0-based line. */
export interface CodeLocation {
  uri: string;
  line: number;
}

export interface ReportPage {
  html: string;
  /**
   * The locations behind the page's links, by link id. The page only posts ids back, so a webview
   * message can never make the extension open anything the report did not list.
   */
  links: Map<string, CodeLocation>;
}

export interface RenderOptions {
  /** A fresh random value per render; the only script and style allowed to run carry it. */
  nonce: string;
  /** The webview's `cspSource`. */
  cspSource: string;
  /** How a file URI is shown: workspace-relative where possible. */
  displayPath: (uri: string) => string;
}

/** Renders the workspace report as a self-contained page with a strict content security policy. */
export function renderReport(report: WorkspaceReport, options: RenderOptions): ReportPage {
  const links = new Map<string, CodeLocation>();
  const link = (location: CodeLocation, label: string): string => {
    const id = `l${links.size}`;
    links.set(id, location);
    return `<a href="#" data-link="${id}">${escapeHtml(label)}</a>`;
  };
  const routes = Array.isArray(report?.routes) ? report.routes.filter(isRenderableRoute) : [];
  const body = [
    renderSummary(report, routes.length),
    renderNotes(report),
    ...LEVEL_ORDER.map((level) => renderGroup(level, routes, options, link)),
    renderSkipped(report, options),
  ].join('\n');
  return { html: page(body, options), links };
}

type LinkMaker = (location: CodeLocation, label: string) => string;

function renderSummary(report: WorkspaceReport, routeCount: number): string {
  const grade = isRouteLevel(report?.grade) ? report.grade : null;
  const files = Number.isFinite(report?.filesAnalyzed) ? report.filesAnalyzed : 0;
  const routes = routeCount === 1 ? '1 route' : `${routeCount} routes`;
  return (
    `<header><h1>API Security Maturity</h1>` +
    `<p class="grade" id="grade">Codebase grade: <strong>${escapeHtml(levelLabel(grade))}</strong></p>` +
    `<p>${routes} in ${files === 1 ? '1 file' : `${files} files`} analysed. ` +
    `<button id="refresh" type="button">Refresh</button></p></header>`
  );
}

/** What the server says about how the report was made, e.g. routes it had to grade file by file. */
function renderNotes(report: WorkspaceReport): string {
  const notes = listOf(report?.notes).filter((note): note is string => typeof note === 'string');
  return notes.map((note) => `<p class="note">${escapeHtml(note)}</p>`).join('\n');
}

function renderGroup(level: RouteLevel, routes: RouteSummary[], options: RenderOptions, link: LinkMaker): string {
  const members = routes.filter((route) => route.level === level);
  if (members.length === 0) return '';
  const items = members.map((route) => renderRoute(route, options, link)).join('\n');
  return `<section class="level" data-level="${escapeHtml(String(level))}"><h2>${escapeHtml(levelLabel(level))} (${members.length})</h2>\n${items}</section>`;
}

function renderRoute(route: RouteSummary, options: RenderOptions, link: LinkMaker): string {
  const where = link({ uri: route.uri, line: route.line }, `${options.displayPath(route.uri)}:${route.line + 1}`);
  const tag = route.publicRoute
    ? ' <span class="tag">public</span>'
    : route.protectedRoute === false
      ? ' <span class="tag" title="No authentication and no access decision: not counted in the grade">not graded</span>'
      : '';
  const reasons = listOf(route.reasons).map((reason) => `<li>${escapeHtml(String(reason))}</li>`);
  const findings = listOf(route.findings)
    .filter((finding) => typeof finding?.message === 'string' && Number.isInteger(finding.line))
    .map((finding) => {
      // A finding in another file (the middleware a router imports, say) names that file.
      const uri = typeof finding.uri === 'string' ? finding.uri : route.uri;
      const label = uri === route.uri ? `line ${finding.line + 1}` : `${options.displayPath(uri)}:${finding.line + 1}`;
      const at = link({ uri, line: finding.line }, label);
      return `<li><code>${escapeHtml(String(finding.ruleId))}</code> ${escapeHtml(finding.message)} (${at})</li>`;
    });
  return (
    `<article class="route"><h3><span class="method">${escapeHtml(route.method)}</span> ` +
    `<code>${escapeHtml(typeof route.operation === 'string' ? `${route.path} ${route.operation}` : route.path)}</code> ${where}${tag}</h3>` +
    (reasons.length > 0 ? `<ul class="reasons">${reasons.join('')}</ul>` : '') +
    (findings.length > 0 ? `<p>Held down by:</p><ul class="findings">${findings.join('')}</ul>` : '') +
    (typeof route.nextStep === 'string' && route.nextStep !== ''
      ? `<p class="next">Next step: ${escapeHtml(route.nextStep)}</p>`
      : '') +
    `</article>`
  );
}

function renderSkipped(report: WorkspaceReport, options: RenderOptions): string {
  const skipped = listOf(report?.skipped).filter((entry) => typeof entry?.uri === 'string');
  if (skipped.length === 0) return '';
  const items = skipped.map(
    (entry) => `<li>${escapeHtml(options.displayPath(entry.uri))}: ${escapeHtml(String(entry.reason))}</li>`,
  );
  return `<section class="skipped"><h2>Skipped files (${skipped.length})</h2><ul>${items.join('')}</ul></section>`;
}

/** The server's report crosses a process boundary: drop entries that could not be shown sensibly. */
function isRenderableRoute(route: RouteSummary): boolean {
  return (
    typeof route?.uri === 'string' &&
    typeof route.method === 'string' &&
    typeof route.path === 'string' &&
    Number.isInteger(route.line) &&
    isRouteLevel(route.level)
  );
}

function listOf<T>(value: readonly T[] | undefined): readonly T[] {
  return Array.isArray(value) ? value : [];
}

function page(body: string, options: RenderOptions): string {
  const nonce = escapeHtml(options.nonce);
  // Nothing remote, no inline handlers: only the nonce-carrying style and script may run.
  const csp = `default-src 'none'; img-src ${options.cspSource}; style-src 'nonce-${nonce}'; script-src 'nonce-${nonce}';`;
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>ClaimGuard maturity report</title>
<style nonce="${nonce}">${STYLE}</style></head>
<body>
${body}
<script nonce="${nonce}">${SCRIPT}</script>
</body></html>`;
}

const STYLE = `
body { font-family: var(--vscode-font-family); color: var(--vscode-foreground); padding: 0 1.5em 2em; }
.grade { font-size: 1.3em; }
.route { border-left: 3px solid var(--vscode-textLink-foreground); padding: 0.2em 0.8em; margin: 0.8em 0; }
.level[data-level="0"] .route, .level[data-level="1"] .route { border-left-color: var(--vscode-errorForeground); }
.method { font-weight: bold; }
.tag { font-size: 0.8em; border: 1px solid var(--vscode-foreground); border-radius: 3px; padding: 0 0.3em; }
.next { font-style: italic; }
.note { border-left: 3px solid var(--vscode-editorWarning-foreground); padding-left: 0.8em; }
a { color: var(--vscode-textLink-foreground); }
`;

const SCRIPT = `
const vscode = acquireVsCodeApi();
document.addEventListener('click', (event) => {
  const target = event.target instanceof Element ? event.target : null;
  const anchor = target && target.closest('a[data-link]');
  if (anchor) {
    event.preventDefault();
    vscode.postMessage({ type: 'open', link: anchor.getAttribute('data-link') });
  } else if (target && target.id === 'refresh') {
    vscode.postMessage({ type: 'refresh' });
  }
});
`;

export type ReportMessage = { kind: 'open'; location: CodeLocation } | { kind: 'refresh' };

/** Reads a message posted by the report page; anything unexpected is ignored. */
export function parseReportMessage(message: unknown, links: ReadonlyMap<string, CodeLocation>): ReportMessage | undefined {
  if (typeof message !== 'object' || message === null) return undefined;
  const { type, link } = message as { type?: unknown; link?: unknown };
  if (type === 'refresh') return { kind: 'refresh' };
  if (type !== 'open' || typeof link !== 'string') return undefined;
  const location = links.get(link);
  return location === undefined ? undefined : { kind: 'open', location };
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}
