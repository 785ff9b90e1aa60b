import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { FIXTURES, findingOf, UNTRUSTED_RULE } from './fixtures';
import { fileUri, stdioClient, type TestClient } from './lsp-client';

const PROJECTS = path.join(FIXTURES, 'projects');

/** The real binary over stdio, in a trusted workspace: it loads the project's own eslint.config.mjs. */
async function trustedServer(project: string): Promise<TestClient> {
  const { client } = await stdioClient({ pull: false, workspaceFolders: [path.join(PROJECTS, project)], workspaceTrusted: true });
  return client;
}

async function openFile(client: TestClient, project: string, file: string) {
  const filePath = path.join(PROJECTS, project, file);
  const uri = fileUri(filePath);
  await client.open(uri, readFileSync(filePath, 'utf8'), file.endsWith('.ts') ? 'typescript' : 'javascript');
  const { diagnostics } = await client.waitForDiagnostics(uri, 1);
  const status = await client.waitForStatus(uri);
  return { uri, diagnostics, status };
}

describe('a trusted workspace with an ordinary ESLint config, over stdio', function () {
  // Each test starts the server binary, which loads ESLint, the plugin and the project's config.
  this.timeout(60_000);
  let client: TestClient | undefined;
  afterEach(() => client?.dispose());

  it("analyses every file under the README's recommended config, which has no settings key", async () => {
    client = await trustedServer('recommended');
    for (const [file, line] of [['src/admin.js', 4], ['src/admin.ts', 6]] as const) {
      const { diagnostics, status } = await openFile(client, 'recommended', file);
      assert.equal(findingOf(diagnostics).range.start.line, line, file);
      assert.equal(diagnostics.filter((diagnostic) => diagnostic.code === undefined).length, 0, `no failure diagnostic in ${file}: ${JSON.stringify(diagnostics)}`);
      assert.equal(status.skippedReason, undefined, file);
      assert.equal(status.configuration, "ClaimGuard's bundled configuration with the claimguard/* rules of eslint.config.mjs", file);
    }
    const report = await client.workspaceReport();
    assert.deepEqual(report.skipped, []);
    assert.equal(report.filesAnalyzed, 3, 'eslint.config.mjs and both sources');
    assert.deepEqual(report.routes.map((route) => `${path.basename(route.uri)} ${route.method} ${route.path} ${route.level}`), [
      'admin.js GET /admin/report unauthenticated',
      'admin.ts GET /admin/report unauthenticated',
    ]);
    assert.equal(report.grade, 'unauthenticated');
  });

  it('analyses .ts files when the config names only .js files, and says which configuration applied', async () => {
    client = await trustedServer('js-only-files');
    const ts = await openFile(client, 'js-only-files', 'src/admin.ts');
    assert.equal(ts.status.skippedReason, undefined);
    assert.equal(findingOf(ts.diagnostics).range.start.line, 6);
    assert.equal(ts.status.configuration, "ClaimGuard's bundled configuration (recommended rules); eslint.config.mjs sets nothing ClaimGuard uses for this file");
    const js = await openFile(client, 'js-only-files', 'src/admin.js');
    assert.equal(js.status.configuration, "ClaimGuard's bundled configuration with the claimguard/* rules of eslint.config.mjs");
    const report = await client.workspaceReport();
    assert.deepEqual(report.skipped, []);
    assert.deepEqual(report.routes.map((route) => path.basename(route.uri)), ['admin.js', 'admin.ts']);
  });

  it('skips only what the project ignores, and takes its settings and rule choices', async () => {
    client = await trustedServer('project-choices');
    const routes = await openFile(client, 'project-choices', 'src/routes.js');
    // `x-gateway-role` is a trusted header in the project's settings; no-api-key-auth is off there.
    assert.deepEqual(routes.diagnostics.filter((d) => d.code === UNTRUSTED_RULE).map((d) => d.range.start.line), [10]);
    assert.equal(routes.diagnostics.some((d) => d.code === 'claimguard/no-api-key-auth'), false);
    assert.match(routes.status.configuration ?? '', /claimguard\/\* rules, settings\.claimguard and parser options of eslint\.config\.mjs$/);
    const report = await client.workspaceReport();
    assert.deepEqual(report.skipped.map((entry) => [path.relative(path.join(PROJECTS, 'project-choices'), new URL(entry.uri).pathname), entry.reason]), [
      ['vendor/admin.js', "ignored by the workspace's ESLint config (eslint.config.mjs)"],
    ]);
    // `/health` is in the project's publicRoutes.
    const health = report.routes.find((route) => route.path === '/health');
    assert.equal(health?.publicRoute, true);
  });
});
