import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { FileChangeType, type ClientCapabilities, type CodeLens, type Diagnostic } from 'vscode-languageserver-protocol';
import { FIXTURES, makeWorkspace } from './fixtures';
import { fileUri, stdioClient, type TestClient } from './lsp-client';

/**
 * The editor keeps the project index live: the route file `src/app.js` runs `requireAuth` from
 * `src/auth/middleware.js`, so the middleware's unsaved text, its file on disk and closing it all change the
 * route's code lens and its `maturity-level` diagnostic. The real server binary, over stdio.
 */

const PROJECT = path.join(FIXTURES, 'projects/live-index');
const MATURITY = 'claimguard/maturity-level';
const VERIFIED = "jwt.verify(token, process.env.JWT_PUBLIC_KEY, { algorithms: ['RS256'], issuer: 'https://login.example.com', audience: 'orders-api' })";
/** The verification removed: the claims are only decoded. */
const DECODED = 'jwt.decode(token)';
const UNAUTHENTICATED = /^Unauthenticated route GET \/orders: no authentication on the route/;
const LEVEL_1_LENS = /^API maturity: Level 1 — token verified by jwt\.verify\(\) at src\/auth\/middleware\.js:6/;
const UNAUTHENTICATED_LENS = /^API maturity: unauthenticated — no authentication on the route/;

function capabilities(pull: boolean): ClientCapabilities {
  return {
    workspace: {
      configuration: true,
      didChangeWatchedFiles: { dynamicRegistration: true },
      diagnostics: { refreshSupport: true },
      codeLens: { refreshSupport: true },
    },
    textDocument: { publishDiagnostics: { versionSupport: true }, ...(pull ? { diagnostic: { dynamicRegistration: false } } : {}) },
  };
}

/** A copy of the fixture project, so tests can change files on disk. */
function copyProject(): ReturnType<typeof makeWorkspace> {
  const files: Record<string, string> = {};
  for (const relative of ['package.json', 'src/app.js', 'src/auth/middleware.js', 'src/health.js']) {
    files[relative] = fs.readFileSync(path.join(PROJECT, relative), 'utf8');
  }
  return makeWorkspace(files);
}

const lensTitles = (lenses: CodeLens[] | null) => (lenses ?? []).map((lens) => lens.command?.title ?? '');
const maturityOf = (diagnostics: readonly Diagnostic[]) => diagnostics.filter((diagnostic) => diagnostic.code === MATURITY).map((diagnostic) => String(diagnostic.message));

describe('the editor keeps the project index live', function () {
  // A server process per test.
  this.timeout(30_000);

  let workspace: ReturnType<typeof makeWorkspace>;
  let client: TestClient;
  let app: { uri: string; text: string };
  let middleware: { uri: string; text: string; path: string };

  async function start(pull: boolean): Promise<void> {
    workspace = copyProject();
    const started = await stdioClient({ pull, workspaceFolders: [workspace.root], settings: { minimumLevel: 1 }, capabilities: capabilities(pull) });
    client = started.client;
    const file = (relative: string) => ({ uri: fileUri(path.join(workspace.root, relative)), path: path.join(workspace.root, relative), text: fs.readFileSync(path.join(workspace.root, relative), 'utf8') });
    app = file('src/app.js');
    middleware = file('src/auth/middleware.js');
    assert.ok(middleware.text.includes(VERIFIED), 'the fixture verifies the token');
  }

  afterEach(() => {
    client?.dispose();
    workspace?.cleanup();
  });

  async function pulled(uri: string): Promise<Diagnostic[]> {
    const report = await client.pull(uri);
    assert.equal(report.kind, 'full');
    return (report as { items: Diagnostic[] }).items;
  }

  it('registers file watchers for sources and the files that decide how they link', async () => {
    await start(true);
    await client.open(app.uri, app.text);
    await pulled(app.uri);
    const watched = client.registrations.filter((registration) => registration.method === 'workspace/didChangeWatchedFiles');
    assert.equal(watched.length, 1);
    const globs = (watched[0].registerOptions as { watchers: { globPattern: string }[] }).watchers.map((watcher) => watcher.globPattern);
    assert.ok(globs.includes('**/*.{js,jsx,mjs,cjs,ts,tsx,mts,cts}'), globs.join(', '));
    assert.ok(globs.some((glob) => glob.includes('tsconfig')), globs.join(', '));
  });

  describe('pull diagnostics', () => {
    it("an unsaved edit of the middleware changes the route file's lens and maturity diagnostic; closing it unsaved restores them", async () => {
      await start(true);
      await client.open(app.uri, app.text);
      await client.open(middleware.uri, middleware.text);
      assert.deepEqual(maturityOf(await pulled(app.uri)), []);
      assert.match(lensTitles(await client.codeLenses(app.uri))[0], LEVEL_1_LENS);
      await pulled(middleware.uri);

      const refreshed = Promise.all([client.nextRefresh('diagnostics'), client.nextRefresh('codeLens')]);
      await client.change(middleware.uri, middleware.text.replace(VERIFIED, DECODED));
      // The client pulls the document it changed; the server then asks it to pull the others again.
      await pulled(middleware.uri);
      await refreshed;
      assert.match(maturityOf(await pulled(app.uri))[0] ?? '', UNAUTHENTICATED);
      assert.match(lensTitles(await client.codeLenses(app.uri))[0], UNAUTHENTICATED_LENS);

      const restored = client.nextRefresh('diagnostics');
      await client.close(middleware.uri);
      await restored;
      assert.deepEqual(maturityOf(await pulled(app.uri)), [], 'the file on disk verifies the token');
      assert.match(lensTitles(await client.codeLenses(app.uri))[0], LEVEL_1_LENS);
    });

    it('answers unchanged for an open file the edit does not reach, without analysing it again', async () => {
      await start(true);
      const health = { uri: fileUri(path.join(workspace.root, 'src/health.js')), text: fs.readFileSync(path.join(workspace.root, 'src/health.js'), 'utf8') };
      for (const document of [app, middleware, health]) await client.open(document.uri, document.text);
      const first = await client.pull(health.uri);
      await pulled(app.uri);
      await pulled(middleware.uri);
      const healthStatuses = () => client.statuses.filter((status) => status.uri === health.uri).length;
      const before = healthStatuses();

      const refreshed = client.nextRefresh('diagnostics');
      await client.change(middleware.uri, middleware.text.replace(VERIFIED, DECODED));
      await pulled(middleware.uri);
      await refreshed;
      assert.equal((await client.pull(health.uri, (first as { resultId?: string }).resultId)).kind, 'unchanged');
      assert.match(maturityOf(await pulled(app.uri))[0] ?? '', UNAUTHENTICATED);
      assert.equal(healthStatuses(), before, 'health.js was not analysed again');
    });

    it('a change of the middleware on disk reaches the open route file', async () => {
      await start(true);
      await client.open(app.uri, app.text);
      assert.deepEqual(maturityOf(await pulled(app.uri)), []);

      fs.writeFileSync(middleware.path, middleware.text.replace(VERIFIED, DECODED));
      const refreshed = client.nextRefresh('diagnostics');
      await client.changeWatchedFiles([{ uri: middleware.uri, type: FileChangeType.Changed }]);
      await refreshed;
      assert.match(maturityOf(await pulled(app.uri))[0] ?? '', UNAUTHENTICATED);
    });
  });

  it("grades the workspace with the open documents' unsaved text", async () => {
    await start(true);
    await client.open(middleware.uri, middleware.text.replace(VERIFIED, DECODED));
    await pulled(middleware.uri);
    const levelOf = async () => (await client.workspaceReport()).routes.map((route) => `${route.method} ${route.path} ${String(route.level)}`);
    assert.deepEqual(await levelOf(), ['GET /orders unauthenticated']);
    await client.close(middleware.uri);
    assert.deepEqual(await levelOf(), ['GET /orders 1']);
  });

  describe('push diagnostics', () => {
    it("an unsaved edit of the middleware is published for the route file; closing it unsaved restores the file's state", async () => {
      await start(false);
      await client.open(app.uri, app.text);
      assert.deepEqual(maturityOf((await client.waitForDiagnostics(app.uri, 1)).diagnostics), []);
      await client.open(middleware.uri, middleware.text);
      await client.waitForDiagnostics(middleware.uri, 1);

      const republished = client.nextDiagnostics(app.uri);
      await client.change(middleware.uri, middleware.text.replace(VERIFIED, DECODED));
      const after = await republished;
      assert.equal(after.version, 1, 'the route file itself did not change');
      assert.match(maturityOf(after.diagnostics)[0] ?? '', UNAUTHENTICATED);
      assert.match(lensTitles(await client.codeLenses(app.uri))[0], UNAUTHENTICATED_LENS);

      const restored = client.nextDiagnostics(app.uri);
      await client.close(middleware.uri);
      assert.deepEqual(maturityOf((await restored).diagnostics), []);
      assert.match(lensTitles(await client.codeLenses(app.uri))[0], LEVEL_1_LENS);
    });

    it('a burst of edits re-analyses the route file once, for the last text', async () => {
      await start(false);
      await client.open(app.uri, app.text);
      await client.waitForDiagnostics(app.uri, 1);
      await client.open(middleware.uri, middleware.text);
      await client.waitForDiagnostics(middleware.uri, 1);
      const publishedForApp = () => client.diagnostics.filter((params) => params.uri === app.uri).length;
      const before = publishedForApp();

      // Typing: the verification goes, comes back, and goes again.
      const texts = [DECODED, VERIFIED, DECODED, VERIFIED, DECODED].map((call) => middleware.text.replace(VERIFIED, call));
      let version = 1;
      for (const text of texts) version = await client.change(middleware.uri, text);
      const republished = client.nextDiagnostics(app.uri);
      await client.waitForDiagnostics(middleware.uri, version);
      assert.match(maturityOf((await republished).diagnostics)[0] ?? '', UNAUTHENTICATED);
      // Give a second publish the time it would take to come.
      await new Promise((resolve) => setTimeout(resolve, 500));
      assert.equal(publishedForApp() - before, 1);
    });

    it('a file deleted on disk leaves the route it guarded unknown, and its return restores the grade', async () => {
      await start(false);
      await client.open(app.uri, app.text);
      assert.deepEqual(maturityOf((await client.waitForDiagnostics(app.uri, 1)).diagnostics), []);

      fs.rmSync(middleware.path);
      const gone = client.nextDiagnostics(app.uri);
      await client.changeWatchedFiles([{ uri: middleware.uri, type: FileChangeType.Deleted }]);
      await gone;
      assert.match(lensTitles(await client.codeLenses(app.uri))[0], /^API maturity: unknown — /);

      fs.writeFileSync(middleware.path, middleware.text);
      const back = client.nextDiagnostics(app.uri);
      await client.changeWatchedFiles([{ uri: middleware.uri, type: FileChangeType.Created }]);
      await back;
      assert.match(lensTitles(await client.codeLenses(app.uri))[0], LEVEL_1_LENS);
    });
  });
});
