import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { LintEngine } from 'claimguard-language-server/out/lint-engine';
import { DEFAULT_SETTINGS } from 'claimguard-language-server/out/settings';
import { buildWorkspaceReport } from 'claimguard-language-server/out/workspace-report';
import { fixture, findingOf, makeWorkspace } from './fixtures';
import { fileUri, inMemoryClient, type TestClient } from './lsp-client';

const orders = fixture('verified-claims.js').text;
const admin = fixture('untrusted-role.js').text;

describe('workspace report', () => {
  let client: TestClient;
  let workspace: ReturnType<typeof makeWorkspace>;
  afterEach(() => {
    client?.dispose();
    workspace?.cleanup();
  });

  it('grades the routes of the workspace, skipping dependencies, build output, huge, binary and broken files', async () => {
    workspace = makeWorkspace({
      'src/orders.js': orders,
      'src/admin.js': admin,
      'src/huge.js': `${admin}\n${'// padding\n'.repeat(400)}`,
      'src/broken.js': fixture('parse-error.js').text,
      'src/blob.js': Buffer.from([0x63, 0x6f, 0x6e, 0x73, 0x74, 0x00, 0x01, 0x02]),
      'node_modules/dep/index.js': admin,
      'dist/bundle.js': admin,
      'build/server.js': admin,
      'coverage/lcov-report/prettify.js': admin,
      'README.md': '# not code',
    });
    client = await inMemoryClient({ pull: true, workspaceFolders: [workspace.root], settings: { maxFileSize: 2000 } });
    const report = await client.workspaceReport();

    assert.equal(report.filesAnalyzed, 2);
    const skipped = Object.fromEntries(report.skipped.map((entry) => [path.basename(entry.uri), entry.reason]));
    assert.deepEqual(Object.keys(skipped).sort(), ['blob.js', 'broken.js', 'huge.js']);
    assert.match(skipped['huge.js'], /over claimguard\.maxFileSize \(2000\)/);
    assert.equal(skipped['blob.js'], 'binary file');
    assert.match(skipped['broken.js'], /^Parsing error/);

    const byPath = Object.fromEntries(report.routes.map((route) => [`${route.method} ${route.path}`, route]));
    assert.deepEqual(Object.keys(byPath).sort(), ['GET /admin/report', 'GET /orders']);
    const ordersRoute = byPath['GET /orders'];
    assert.equal(ordersRoute.uri, fileUri(path.join(workspace.root, 'src/orders.js')));
    assert.equal(ordersRoute.level, 2);
    assert.equal(ordersRoute.line, 6);
    assert.match(ordersRoute.reasons[0], /header 'x-role'/);
    assert.deepEqual(ordersRoute.findings.map((finding) => [finding.ruleId, finding.uri, finding.line]), [['claimguard/no-untrusted-authorization', ordersRoute.uri, 8]]);
    assert.equal(byPath['GET /admin/report'].level, 'unauthenticated');

    // As in the claimguard command: an unauthenticated route that decides on access is meant to be protected,
    // and ranks below Level 0.
    assert.equal(byPath['GET /admin/report'].protectedRoute, true);
    assert.equal(report.grade, 'unauthenticated');
    assert.deepEqual(report.weakestRoutes.map((route) => route.path), ['/admin/report']);

    const kinds = client.progress.map((event) => (event as { value: { kind: string } }).value.kind);
    assert.equal(kinds[0], 'begin');
    assert.equal(kinds.at(-1), 'end');
  });

  it('counts the routes of nested workspace folders once, with the settings of the innermost folder', async () => {
    workspace = makeWorkspace({ 'packages/api/src/admin.js': admin, 'src/orders.js': orders });
    const inner = path.join(workspace.root, 'packages/api');
    client = await inMemoryClient({ pull: true, workspaceFolders: [workspace.root, inner] });
    // The inner folder has a much smaller size cap: its file is skipped there, and only there.
    const sizeCapOf = (folder: string) => (folder === inner ? 64 : 1_000_000);
    client.connection.onRequest('workspace/configuration', (params: { items: { scopeUri?: string }[] }) =>
      params.items.map((item) => ({ maxFileSize: sizeCapOf(new URL(item.scopeUri ?? 'file:///').pathname) })),
    );
    const report = await client.workspaceReport();
    assert.deepEqual(report.routes.map((route) => route.path), ['/orders']);
    assert.deepEqual(report.skipped.map((entry) => [path.basename(entry.uri), entry.reason.replace(/\d+ bytes/, 'N bytes')]), [
      ['admin.js', 'file is N bytes, over claimguard.maxFileSize (64)'],
    ]);
    assert.equal(report.filesAnalyzed, 1);
  });

  it('counts each route of nested workspace folders once', async () => {
    workspace = makeWorkspace({ 'packages/api/src/admin.js': admin, 'src/orders.js': orders });
    client = await inMemoryClient({ pull: true, workspaceFolders: [workspace.root, path.join(workspace.root, 'packages/api')] });
    const report = await client.workspaceReport();
    assert.deepEqual(report.routes.map((route) => `${route.method} ${route.path}`).sort(), ['GET /admin/report', 'GET /orders']);
    assert.equal(report.filesAnalyzed, 2);
  });

  it('returns an empty report for a workspace without source files', async () => {
    workspace = makeWorkspace({ 'notes.txt': 'nothing here' });
    client = await inMemoryClient({ pull: false, workspaceFolders: [workspace.root] });
    assert.deepEqual(await client.workspaceReport(), { grade: null, weakestRoutes: [], routes: [], filesAnalyzed: 0, skipped: [] });
  });
});

describe('workspace ESLint config', () => {
  let client: TestClient;
  let workspace: ReturnType<typeof makeWorkspace>;
  afterEach(() => {
    client?.dispose();
    workspace?.cleanup();
  });

  // The config leaves a mark when it runs, so a test can tell whether the workspace's code was executed.
  const markingConfig = `require('node:fs').writeFileSync(require('node:path').join(__dirname, 'config-ran'), 'yes');
module.exports = [{ ignores: ['legacy/**'] }];
`;

  it('honours the workspace config only when the workspace is trusted', async () => {
    workspace = makeWorkspace({ 'eslint.config.js': markingConfig, 'legacy/admin.js': admin });
    const uri = fileUri(path.join(workspace.root, 'legacy/admin.js'));

    client = await inMemoryClient({ pull: false, workspaceFolders: [workspace.root], workspaceTrusted: false });
    await client.open(uri, admin);
    findingOf((await client.waitForDiagnostics(uri, 1)).diagnostics);
    assert.equal(fs.existsSync(path.join(workspace.root, 'config-ran')), false, 'an untrusted workspace config never runs');
    client.dispose();

    client = await inMemoryClient({ pull: false, workspaceFolders: [workspace.root], workspaceTrusted: true });
    await client.open(uri, admin);
    assert.equal((await client.waitForStatus(uri)).skippedReason, "ignored by the workspace's ESLint config (eslint.config.js)");
    assert.deepEqual((await client.waitForDiagnostics(uri, 1)).diagnostics, []);
    assert.equal(fs.existsSync(path.join(workspace.root, 'config-ran')), true);
  });

  it('ignores the workspace config when useWorkspaceConfig is off', async () => {
    workspace = makeWorkspace({ 'eslint.config.js': markingConfig, 'legacy/admin.js': admin });
    const uri = fileUri(path.join(workspace.root, 'legacy/admin.js'));
    client = await inMemoryClient({ pull: false, workspaceFolders: [workspace.root], workspaceTrusted: true, settings: { useWorkspaceConfig: false } });
    await client.open(uri, admin);
    findingOf((await client.waitForDiagnostics(uri, 1)).diagnostics);
    assert.equal(fs.existsSync(path.join(workspace.root, 'config-ran')), false);
  });

  it('reports a config that throws once and falls back to the bundled defaults', async () => {
    workspace = makeWorkspace({
      'eslint.config.js': "throw new Error('config exploded');\n",
      'src/a.js': admin,
      'src/b.js': admin,
    });
    client = await inMemoryClient({ pull: false, workspaceFolders: [workspace.root], workspaceTrusted: true });
    for (const name of ['a.js', 'b.js']) {
      const uri = fileUri(path.join(workspace.root, 'src', name));
      await client.open(uri, admin);
      findingOf((await client.waitForDiagnostics(uri, 1)).diagnostics);
    }
    const reports = client.shownMessages.filter((message) => message.includes('config exploded'));
    assert.equal(reports.length, 1, `messages: ${JSON.stringify(client.shownMessages)}`);
    assert.match(reports[0], /bundled defaults/);
  });
});

describe('workspace report across files', () => {
  const EXPRESS = path.resolve(__dirname, '../../fixtures/cli/express');
  const folder = { path: EXPRESS, settings: { ...DEFAULT_SETTINGS, codeLens: { enable: true } }, trusted: false };
  const engine = new LintEngine({ warn: () => undefined, error: () => undefined });
  const quiet = { report: () => undefined };

  it('grades a router with the app that mounts it', async () => {
    const report = await buildWorkspaceReport(engine, [folder], quiet, undefined);
    const levels = Object.fromEntries(report.routes.map((route) => [`${route.method} ${route.path}`, route.level]));
    // The router in routes/users.js is mounted by app.js under /users, behind its verified token.
    assert.equal(levels['GET /users'], 3);
    assert.equal(report.notes, undefined);
  });
});
