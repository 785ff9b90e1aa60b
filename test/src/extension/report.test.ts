import * as assert from 'node:assert/strict';
import type { RouteSummary, WorkspaceReport } from 'claimguard-language-server/out/protocol';
import { parseReportMessage, renderReport } from 'claimguard-vscode/out/report';

const APP = 'file:///work/api/src/app.js';

function route(overrides: Partial<RouteSummary>): RouteSummary {
  return {
    uri: APP,
    method: 'GET',
    path: '/a',
    line: 4,
    character: 0,
    level: 3,
    reasons: [],
    nextStep: '',
    publicRoute: false,
    protectedRoute: true,
    findings: [],
    ...overrides,
  };
}

const REPORT: WorkspaceReport = {
  grade: 2,
  weakestRoutes: [],
  routes: [
    route({ path: '/healthy', level: 3 }),
    route({
      path: '/admin',
      level: 2,
      line: 9,
      reasons: ["role from header 'x-role' at line 11"],
      nextStep: 'take the role from the verified token to reach Level 3',
      findings: [{ ruleId: 'claimguard/no-untrusted-authorization', message: "Authorization uses header 'x-role'", uri: APP, line: 10 }],
    }),
  ],
  filesAnalyzed: 4,
  skipped: [{ uri: 'file:///work/api/big.js', reason: 'file is too large' }],
};

const OPTIONS = { nonce: 'abc123', cspSource: 'vscode-webview://x', displayPath: (uri: string) => uri.replace('file:///work/api/', '') };

describe('extension: maturity report page', () => {
  it('shows the grade, counts and routes grouped weakest level first', () => {
    const { html } = renderReport(REPORT, OPTIONS);
    assert.match(html, /Codebase grade: <strong>Level 2<\/strong>/);
    assert.match(html, /2 routes in 4 files analysed/);
    const level2 = html.indexOf('<h2>Level 2 (1)</h2>');
    const level3 = html.indexOf('<h2>Level 3 (1)</h2>');
    assert.ok(level2 > 0 && level3 > level2, 'Level 2 group comes before Level 3');
    assert.ok(html.indexOf('/admin') > level2 && html.indexOf('/admin') < level3);
  });

  it('lists the findings, reasons, next step and skipped files', () => {
    const { html } = renderReport(REPORT, OPTIONS);
    assert.match(html, /<code>claimguard\/no-untrusted-authorization<\/code> Authorization uses header &#39;x-role&#39;/);
    assert.match(html, /role from header &#39;x-role&#39; at line 11/);
    assert.match(html, /Next step: take the role from the verified token/);
    assert.match(html, /big\.js: file is too large/);
  });

  it('links each route and finding to its file and line (1-based in the label)', () => {
    const { html, links } = renderReport(REPORT, OPTIONS);
    assert.match(html, /data-link="l0">src\/app\.js:10<\/a>/);
    assert.match(html, /data-link="l1">line 11<\/a>/);
    assert.deepEqual([...links.values()], [
      { uri: APP, line: 9 },
      { uri: APP, line: 10 },
      { uri: APP, line: 4 },
    ]);
  });

  it('links a finding in another file to that file, and marks ungraded routes', () => {
    const roles = 'file:///work/api/src/middleware/roles.js';
    const held = route({
      path: '/users/:id',
      level: 2,
      findings: [{ ruleId: 'claimguard/no-untrusted-authorization', message: "Authorization uses header 'x-role'", uri: roles, line: 1 }],
    });
    const open = route({ path: '/products', level: 'unauthenticated', protectedRoute: false });
    const { html, links } = renderReport({ ...REPORT, routes: [held, open] }, OPTIONS);
    assert.match(html, /data-link="l2">src\/middleware\/roles\.js:2<\/a>/);
    assert.deepEqual(links.get('l2'), { uri: roles, line: 1 });
    assert.match(html, /<code>\/products<\/code> <a [^>]*>src\/app\.js:5<\/a> <span class="tag" [^>]*>not graded<\/span>/);
  });

  it("shows the server's notes on how the report was made", () => {
    const note = 'The routes of 2 files were graded file by file <because>';
    const { html } = renderReport({ ...REPORT, notes: [note] }, OPTIONS);
    assert.match(html, /<p class="note">The routes of 2 files were graded file by file &#60;because&#62;<\/p>/);
    assert.doesNotMatch(renderReport(REPORT, OPTIONS).html, /class="note"/);
  });

  it('lists unauthenticated routes first: they rank below Level 0', () => {
    const { html } = renderReport({ ...REPORT, routes: [route({ level: 0 }), route({ level: 'unauthenticated' })] }, OPTIONS);
    assert.ok(html.indexOf('<h2>Unauthenticated (1)</h2>') < html.indexOf('<h2>Level 0 (1)</h2>'));
  });

  it('allows only nonce-carrying script and style, and nothing remote', () => {
    const { html } = renderReport(REPORT, OPTIONS);
    assert.match(html, /default-src &#39;none&#39;; img-src vscode-webview:\/\/x; style-src &#39;nonce-abc123&#39;; script-src &#39;nonce-abc123&#39;;/);
    assert.equal((html.match(/<script/g) ?? []).length, 1);
    assert.match(html, /<script nonce="abc123">/);
    assert.doesNotMatch(html, /https?:\/\//);
    assert.doesNotMatch(html, /\son[a-z]+=/i);
  });

  it('escapes everything that comes from the analysed code', () => {
    const hostile = route({ path: '/<script>alert(1)</script>', method: 'GET"><img src=x>', reasons: ['<b>x</b>'] });
    const { html } = renderReport({ ...REPORT, routes: [hostile] }, OPTIONS);
    assert.doesNotMatch(html, /<script>alert/);
    assert.doesNotMatch(html, /<img src=x>/);
    assert.doesNotMatch(html, /<b>x<\/b>/);
    assert.match(html, /&#60;script&#62;alert\(1\)&#60;\/script&#62;/);
  });

  it('renders a malformed report without throwing', () => {
    const broken = { grade: 'high', routes: [null, { uri: 1 }, route({ level: 9 as never })], skipped: 'none' } as unknown as WorkspaceReport;
    const { html, links } = renderReport(broken, OPTIONS);
    assert.match(html, /No protected routes/);
    assert.match(html, /0 routes in 0 files/);
    assert.equal(links.size, 0);
  });
});

describe('extension: messages from the report page', () => {
  const { links } = renderReport(REPORT, OPTIONS);

  it('opens only locations the report listed', () => {
    assert.deepEqual(parseReportMessage({ type: 'open', link: 'l0' }, links), { kind: 'open', location: { uri: APP, line: 9 } });
    assert.equal(parseReportMessage({ type: 'open', link: 'l99' }, links), undefined);
    assert.equal(parseReportMessage({ type: 'open', uri: 'file:///etc/passwd', line: 0 }, links), undefined);
  });

  it('understands refresh and ignores anything else', () => {
    assert.deepEqual(parseReportMessage({ type: 'refresh' }, links), { kind: 'refresh' });
    for (const junk of [undefined, null, 'open', 42, { type: 'run', command: 'x' }]) {
      assert.equal(parseReportMessage(junk, links), undefined);
    }
  });
});
