import * as assert from 'node:assert/strict';
import { CancellationTokenSource, DocumentDiagnosticRequest, LSPErrorCodes, type Diagnostic } from 'vscode-languageserver-protocol';
import plugin from 'eslint-plugin-claimguard';
import { FIX_ALL_KIND, ServerCommands, type ClaimGuardDiagnosticData } from 'claimguard-language-server/out/protocol';
import { fixture, findingOf, textAt, UNTRUSTED_RULE } from './fixtures';
import { inMemoryClient, type TestClient } from './lsp-client';

const ruleDocs = (ruleId: string) => plugin.rules[ruleId.replace('claimguard/', '')]?.meta.docs?.url;

describe('language server over in-memory streams', () => {
  let client: TestClient;
  afterEach(() => client?.dispose());

  describe('initialize', () => {
    it('offers pull diagnostics only to clients that can pull', async () => {
      client = await inMemoryClient({ pull: false });
      const push = await client.connection.sendRequest('initialize', { processId: null, rootUri: null, capabilities: {} });
      assert.equal((push as { capabilities: { diagnosticProvider?: unknown } }).capabilities.diagnosticProvider, undefined);
      client.dispose();
      client = await inMemoryClient({ pull: true });
      const pull = await client.connection.sendRequest('initialize', {
        processId: null,
        rootUri: null,
        capabilities: { textDocument: { diagnostic: {} } },
      });
      const capabilities = (pull as { capabilities: Record<string, unknown> }).capabilities;
      assert.deepEqual(capabilities.diagnosticProvider, { identifier: 'claimguard', interFileDependencies: true, workspaceDiagnostics: false });
      assert.deepEqual((capabilities.codeActionProvider as { codeActionKinds: string[] }).codeActionKinds, ['quickfix', FIX_ALL_KIND]);
      assert.equal(capabilities.hoverProvider, true);
    });
  });

  describe('push diagnostics', () => {
    it('reports an authorization decision on a header with rule id, doc link, origin and data', async () => {
      client = await inMemoryClient({ pull: false });
      const file = fixture('untrusted-role.js');
      await client.open(file.uri, file.text);
      const published = await client.waitForDiagnostics(file.uri, 1);
      const finding = findingOf(published.diagnostics);
      assert.equal(finding.source, 'claimguard');
      assert.equal(finding.range.start.line, 4);
      assert.match(textAt(file.text, finding.range), /req\.headers\['x-role'\]/);
      assert.equal(finding.codeDescription?.href, ruleDocs(UNTRUSTED_RULE));
      assert.match(finding.codeDescription?.href ?? '', /^https:\/\/.*no-untrusted-authorization\.md$/);
      const data = finding.data as ClaimGuardDiagnosticData;
      assert.equal(data.ruleId, UNTRUSTED_RULE);
      assert.ok(data.origin, 'the origin of the untrusted value is recorded');
      assert.match(data.origin.description, /x-role/);
      const related = finding.relatedInformation?.[0];
      assert.ok(related, 'related information points at the origin');
      assert.equal(related.location.uri, file.uri);
      assert.deepEqual(related.location.range, data.origin.range);
      assert.match(textAt(file.text, related.location.range), /x-role/);
      const status = await client.waitForStatus(file.uri);
      assert.equal(status.findings, published.diagnostics.length);
      assert.equal(status.skippedReason, undefined);
      assert.ok(status.validationMs >= 0);
    });

    it('parses TypeScript with type assertions and annotations', async () => {
      client = await inMemoryClient({ pull: false });
      const file = fixture('untrusted-role.ts');
      await client.open(file.uri, file.text, 'typescript');
      const published = await client.waitForDiagnostics(file.uri, 1);
      assert.ok(published.diagnostics.every((diagnostic) => !(diagnostic.message as string).startsWith('Parsing error')));
      const finding = findingOf(published.diagnostics);
      assert.equal(finding.range.start.line, 6);
      assert.match(textAt(file.text, finding.range), /role/);
    });

    it('parses JSX in TSX and in plain JavaScript files', async () => {
      client = await inMemoryClient({ pull: true });
      const handler = fixture('untrusted-role.js').text.replace("res.send('report')", 'res.send(render(<Report user={req.query.user} />))');
      for (const [name, languageId] of [['page.tsx', 'typescriptreact'], ['page.js', 'javascript']]) {
        const uri = `file:///tmp/claimguard-jsx/${name}`;
        await client.open(uri, handler, languageId);
        const report = (await client.pull(uri)) as { items: Diagnostic[] };
        assert.ok(report.items.every((diagnostic) => !(diagnostic.message as string).startsWith('Parsing error')), name);
        assert.equal(findingOf(report.items).range.start.line, 4, name);
      }
    });

    it('reports a syntax error as one diagnostic and keeps serving', async () => {
      client = await inMemoryClient({ pull: false });
      const broken = fixture('parse-error.js');
      await client.open(broken.uri, broken.text);
      const published = await client.waitForDiagnostics(broken.uri, 1);
      assert.equal(published.diagnostics.length, 1);
      const [diagnostic] = published.diagnostics;
      assert.match(diagnostic.message as string, /^Parsing error: /);
      assert.equal(diagnostic.range.start.line, 3);
      assert.equal(diagnostic.source, 'claimguard');
      assert.match((await client.waitForStatus(broken.uri)).skippedReason ?? '', /^parse error/);
      const good = fixture('untrusted-role.js');
      await client.open(good.uri, good.text);
      findingOf((await client.waitForDiagnostics(good.uri, 1)).diagnostics);
    });

    it('grades a file with an unauthenticated route that decides on access as unauthenticated, not by its best route', async () => {
      client = await inMemoryClient({ pull: false });
      const file = fixture('mixed-levels.js');
      await client.open(file.uri, file.text);
      const status = await client.waitForStatus(file.uri);
      // `/profile` is Level 1, `/admin/report` unauthenticated but deciding on a header, `/products` open.
      assert.equal(status.level, 'unauthenticated');
      assert.equal(status.ungradedRoutes, 1);
      assert.equal(status.configuration, "ClaimGuard's bundled configuration (recommended rules) (the workspace is not trusted, so its ESLint config is not loaded)");
      const lenses = ((await client.codeLenses(file.uri)) ?? []).map((lens) => lens.command?.title.split(' — ')[0]);
      assert.deepEqual(lenses, ['API maturity: Level 1', 'API maturity: unauthenticated', 'API maturity: unauthenticated']);
    });

    it('analyses files whose extension is in upper or mixed case', async () => {
      client = await inMemoryClient({ pull: false });
      const risky = fixture('untrusted-role.js').text;
      for (const [name, languageId] of [['Server.JS', 'javascript'], ['api.Ts', 'typescript'], ['Legacy.JS', 'plaintext']]) {
        const uri = `file:///tmp/claimguard-case/${name}`;
        await client.open(uri, risky, languageId);
        const status = await client.waitForStatus(uri);
        assert.equal(status.skippedReason, undefined, name);
        assert.equal(findingOf((await client.waitForDiagnostics(uri, 1)).diagnostics).range.start.line, 4, name);
      }
    });

    it('debounces edits and publishes only the latest version', async () => {
      client = await inMemoryClient({ pull: false });
      const file = fixture('untrusted-role.js');
      await client.open(file.uri, file.text);
      await client.waitForDiagnostics(file.uri, 1);
      let version = 1;
      for (let edit = 0; edit < 5; edit += 1) version = await client.change(file.uri, `${file.text}\n// edit ${edit}\n`);
      const final = await client.waitForDiagnostics(file.uri, version);
      assert.equal(final.version, 6);
      const publishedVersions = client.diagnostics.filter((params) => params.uri === file.uri).map((params) => params.version);
      assert.deepEqual(publishedVersions, [1, 6]);
    });

    it('clears diagnostics when the document is closed', async () => {
      client = await inMemoryClient({ pull: false });
      const file = fixture('untrusted-role.js');
      await client.open(file.uri, file.text);
      await client.waitForDiagnostics(file.uri, 1);
      await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri: file.uri } });
      const cleared = await client.waitForDiagnostics(file.uri, undefined).then(() =>
        waitUntil(() => client.diagnostics.at(-1)?.diagnostics.length === 0),
      );
      assert.ok(cleared);
    });
  });

  describe('pull diagnostics', () => {
    it('answers from the latest version and says when nothing changed', async () => {
      client = await inMemoryClient({ pull: true });
      const file = fixture('untrusted-role.js');
      await client.open(file.uri, file.text);
      const first = await client.pull(file.uri);
      assert.equal(first.kind, 'full');
      findingOf((first as { items: Diagnostic[] }).items);
      const again = await client.pull(file.uri, first.resultId);
      assert.deepEqual(again, { kind: 'unchanged', resultId: first.resultId });
      const fixedText = file.text.replace("req.headers['x-role'] !== 'admin'", 'false');
      await client.change(file.uri, fixedText);
      const afterEdit = await client.pull(file.uri, first.resultId);
      assert.equal(afterEdit.kind, 'full');
      assert.equal((afterEdit as { items: Diagnostic[] }).items.filter((d) => d.code === UNTRUSTED_RULE).length, 0);
      assert.equal(client.diagnostics.length, 0, 'a pull client is never pushed diagnostics');
    });

    it('honours cancellation', async () => {
      client = await inMemoryClient({ pull: true });
      const file = fixture('untrusted-role.js');
      await client.open(file.uri, file.text);
      const source = new CancellationTokenSource();
      const pending = client.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri: file.uri } }, source.token);
      source.cancel();
      await assert.rejects(pending, (error: { code?: number }) => error.code === LSPErrorCodes.RequestCancelled);
      assert.equal(client.statuses.length, 0, 'a cancelled pull does no analysis');
    });
  });

  describe('code actions', () => {
    async function openFinding(): Promise<{ uri: string; finding: Diagnostic; diagnostics: Diagnostic[] }> {
      const file = fixture('untrusted-role.js');
      await client.open(file.uri, file.text);
      const { diagnostics } = await client.waitForDiagnostics(file.uri, 1);
      return { uri: file.uri, finding: findingOf(diagnostics), diagnostics };
    }

    it('disables the rule for one line, and the finding goes away', async () => {
      client = await inMemoryClient({ pull: false });
      const { uri, finding } = await openFinding();
      const actions = await client.codeActions(uri, finding.range, [finding]);
      const disable = actions.find((action) => action.title === `Disable ${UNTRUSTED_RULE} for this line`);
      assert.ok(disable, `actions: ${actions.map((action) => action.title).join(', ')}`);
      const edited = client.applyEdit(uri, disable.edit);
      const lines = edited.split('\n');
      assert.equal(lines[4], `  // eslint-disable-next-line ${UNTRUSTED_RULE}`);
      assert.equal(lines[5], "  if (req.headers['x-role'] !== 'admin') return res.sendStatus(403);");
      const version = await client.change(uri, edited);
      const after = await client.waitForDiagnostics(uri, version);
      assert.equal(after.diagnostics.filter((d) => d.code === UNTRUSTED_RULE).length, 0);
    });

    it('disables the rule for the file with a block comment at the top', async () => {
      client = await inMemoryClient({ pull: false });
      const { uri, finding } = await openFinding();
      const actions = await client.codeActions(uri, finding.range, [finding]);
      const disable = actions.find((action) => action.title === `Disable ${UNTRUSTED_RULE} for this file`);
      assert.ok(disable);
      const edited = client.applyEdit(uri, disable.edit);
      assert.equal(edited, `/* eslint-disable ${UNTRUSTED_RULE} */\n${client.text(uri)}`);
    });

    it('applies the rule\'s suggestion as a quick fix titled with the rule, lifting the route to Level 3', async () => {
      client = await inMemoryClient({ pull: false });
      const file = fixture('verified-claims.js');
      await client.open(file.uri, file.text);
      const finding = findingOf((await client.waitForDiagnostics(file.uri, 1)).diagnostics);
      assert.equal((await client.waitForStatus(file.uri)).level, 2);
      const actions = await client.codeActions(file.uri, finding.range, [finding], ['quickfix']);
      const suggestion = actions.find((action) => action.edit && !action.title.startsWith('Disable '));
      assert.ok(suggestion, `actions: ${actions.map((action) => action.title).join(', ')}`);
      assert.match(suggestion.title, /req\.auth\.payload\.role.*\(claimguard\/no-untrusted-authorization\)$/);
      assert.ok(actions.every((action) => action.kind === 'quickfix'), 'only quick fixes when only quick fixes are asked for');
      const edited = client.applyEdit(file.uri, suggestion.edit);
      assert.equal(edited.split('\n')[8], "  if (req.auth.payload.role !== 'admin') return res.sendStatus(403);");
      const version = await client.change(file.uri, edited);
      const after = await client.waitForDiagnostics(file.uri, version);
      assert.deepEqual(after.diagnostics, []);
      assert.equal((await client.waitForStatus(file.uri, (status) => status.findings === 0)).level, 3);
    });

    it('offers "fix all" only when some problem has an autofix', async () => {
      client = await inMemoryClient({ pull: false });
      const { uri, diagnostics } = await openFinding();
      const whole = { start: { line: 0, character: 0 }, end: { line: 99, character: 0 } };
      const actions = await client.codeActions(uri, whole, diagnostics, [FIX_ALL_KIND]);
      const quickFixes = await client.codeActions(uri, whole, diagnostics, ['quickfix']);
      // No rule's fix is applied without review today: everything here is a suggestion or a disable comment.
      assert.deepEqual(actions, []);
      assert.ok(quickFixes.length >= 3);
    });

    it('opens the rule documentation through window/showDocument', async () => {
      client = await inMemoryClient({ pull: false });
      const { uri, finding } = await openFinding();
      const actions = await client.codeActions(uri, finding.range, [finding]);
      const show = actions.find((action) => action.title === `Show documentation for ${UNTRUSTED_RULE}`);
      assert.equal(show?.command?.command, ServerCommands.showDocumentation);
      await client.executeCommand(show.command.command, show.command.arguments ?? []);
      assert.deepEqual(client.shownDocuments, [ruleDocs(UNTRUSTED_RULE)]);
    });

    it('offers nothing away from findings', async () => {
      client = await inMemoryClient({ pull: false });
      const { uri } = await openFinding();
      const actions = await client.codeActions(uri, { start: { line: 0, character: 0 }, end: { line: 0, character: 5 } }, [], ['quickfix']);
      assert.deepEqual(actions, []);
    });
  });

  describe('hover and code lens', () => {
    it('explains a finding on hover: its text once, the level of the route it holds down and the next step', async () => {
      client = await inMemoryClient({ pull: false });
      const file = fixture('verified-claims.js');
      await client.open(file.uri, file.text);
      const finding = findingOf((await client.waitForDiagnostics(file.uri, 1)).diagnostics);
      const hover = await client.hover(file.uri, finding.range.start.line, finding.range.start.character + 1);
      const value = (hover?.contents as { value: string }).value;
      assert.match(value, new RegExp(`^\\*\\*${UNTRUSTED_RULE}\\*\\*: ${escape(finding.message as string)}\n`));
      // The message already names the header: the hover does not say it again.
      assert.equal(value.split("header 'x-role'").length - 1, 1, value);
      assert.match(value, /Holds `GET \/orders` at \*\*Level 2\*\*: scopes or claims decide, but some decision also uses a value the caller controls/);
      assert.match(value, /Next step: take the role from the verified token to reach Level 3\./);
      assert.match(value, /\[Rule documentation\]\(https:\/\/.*no-untrusted-authorization\.md\)$/);
      assert.equal(await client.hover(file.uri, 0, 0), null);
    });

    it('says a maturity-level finding once, in the route hover', async () => {
      client = await inMemoryClient({ pull: false, settings: { minimumLevel: 3 } });
      const file = fixture('verified-no-decision.js');
      await client.open(file.uri, file.text);
      const { diagnostics } = await client.waitForDiagnostics(file.uri, 1);
      const finding = findingOf(diagnostics, 'claimguard/maturity-level');
      const hover = await client.hover(file.uri, finding.range.start.line, finding.range.start.character + 1);
      const value = (hover?.contents as { value: string }).value;
      const reason = 'token verified by auth() at line 5, but no decision uses its scopes or claims';
      assert.equal(value.split(reason).length - 1, 1, value);
      assert.doesNotMatch(value, /\(line \d+\)/);
      assert.match(value, /^\*\*API maturity: Level 1\*\* — `GET \/profile`\n\n\*\*Level 1\*\*: a token is verified, but no decision uses its scopes or claims\./);
      assert.match(value, /Next step: check the verified token's scopes or claims .* to reach Level 2\./);
      assert.match(value, /Reported by claimguard\/maturity-level \(\[rule documentation\]\(https:\/\/.*maturity-level\.md\)\)\.$/);
    });

    it('names a GraphQL route by its operation in the route hover', async () => {
      client = await inMemoryClient({ pull: false, settings: { minimumLevel: 3 } });
      const uri = 'file:///workspace/src/schema.js';
      await client.open(
        uri,
        `const { ApolloServer } = require('@apollo/server');
const { startStandaloneServer } = require('@apollo/server/standalone');
const resolvers = {
  Query: {
    invoice: (parent, args, context) => context.db.invoices.find(args.id),
  },
};
startStandaloneServer(new ApolloServer({ typeDefs, resolvers }));
`,
      );
      const finding = findingOf((await client.waitForDiagnostics(uri, 1)).diagnostics, 'claimguard/maturity-level');
      assert.equal(finding.range.start.line, 4);
      const hover = await client.hover(uri, finding.range.start.line, finding.range.start.character + 1);
      assert.match((hover?.contents as { value: string }).value, /^\*\*API maturity: unauthenticated\*\* — `POST \S+ Query\.invoice`/);
    });

    it('shows one maturity lens per route, explains it on hover, and hides lenses when turned off', async () => {
      client = await inMemoryClient({ pull: false });
      const file = fixture('verified-claims.js');
      await client.open(file.uri, file.text);
      const lenses = (await client.codeLenses(file.uri)) ?? [];
      assert.equal(lenses.length, 1);
      assert.equal(lenses[0].range.start.line, 6);
      assert.match(lenses[0].command?.title ?? '', /^API maturity: Level 2 — .*header 'x-role'/);
      const hover = (await client.hover(file.uri, 6, 2))?.contents as { value: string };
      assert.match(hover.value, /\*\*API maturity: Level 2\*\* — `GET \/orders`/);
      assert.match(hover.value, /Next step: .*Level 3/);
      await client.changeConfiguration({ codeLens: { enable: false } });
      assert.deepEqual(await client.codeLenses(file.uri), []);
    });
  });

  describe('settings', () => {
    it('re-validates open documents with the new severities after a configuration change', async () => {
      client = await inMemoryClient({ pull: false });
      const file = fixture('untrusted-role.js');
      await client.open(file.uri, file.text);
      findingOf((await client.waitForDiagnostics(file.uri, 1)).diagnostics);
      const before = client.diagnostics.length;
      await client.changeConfiguration({ rules: { 'no-untrusted-authorization': 'off' } });
      await waitUntil(() => client.diagnostics.length > before);
      assert.equal(client.diagnostics.at(-1)?.diagnostics.filter((d) => d.code === UNTRUSTED_RULE).length, 0);
      await client.changeConfiguration({ rules: { 'claimguard/no-untrusted-authorization': 'warn' } });
      await waitUntil(() => client.diagnostics.length > before + 1);
      assert.equal(findingOf(client.diagnostics.at(-1)?.diagnostics ?? []).severity, 2);
    });

    it('falls back to defaults with a logged warning for invalid values', async () => {
      client = await inMemoryClient({ pull: false, settings: { minimumLevel: 7, maxFileSize: 'big', rules: { 'no-untrusted-authorization': 'loud' } } });
      const file = fixture('untrusted-role.js');
      await client.open(file.uri, file.text);
      findingOf((await client.waitForDiagnostics(file.uri, 1)).diagnostics);
      assert.ok(client.logs.some((log) => log.includes('claimguard.minimumLevel') && log.includes('7')));
      assert.ok(client.logs.some((log) => log.includes('claimguard.maxFileSize')));
      assert.ok(client.logs.some((log) => log.includes('claimguard.rules["no-untrusted-authorization"]')));
    });

    it('drops the settings of a closed document, and asks again when it is opened again', async () => {
      client = await inMemoryClient({ pull: false });
      const file = fixture('untrusted-role.js');
      await client.open(file.uri, file.text);
      await client.waitForDiagnostics(file.uri, 1);
      assert.equal(client.configurationRequests.length, 1);
      await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri: file.uri } });
      client.settings = { enable: false };
      await client.open(file.uri, file.text);
      assert.match((await client.waitForStatus(file.uri, (status) => status.skippedReason !== undefined)).skippedReason ?? '', /disabled/);
      assert.equal(client.configurationRequests.length, 2);
    });

    it('asks for settings once per resource until they change', async () => {
      client = await inMemoryClient({ pull: true });
      const file = fixture('untrusted-role.js');
      await client.open(file.uri, file.text);
      await client.pull(file.uri);
      await client.change(file.uri, `${file.text}\n`);
      await client.pull(file.uri);
      assert.equal(client.configurationRequests.length, 1);
      await client.changeConfiguration({});
      await client.pull(file.uri);
      assert.equal(client.configurationRequests.length, 2);
    });
  });

  describe('documents that are not analysed', () => {
    async function statusOf(uri: string, text: string, languageId = 'javascript', settings?: unknown) {
      client = await inMemoryClient({ pull: false, settings });
      await client.open(uri, text, languageId);
      const status = await client.waitForStatus(uri);
      const published = await client.waitForDiagnostics(uri, 1);
      assert.deepEqual(published.diagnostics, []);
      return status;
    }
    const risky = fixture('untrusted-role.js').text;

    it('skips untitled documents', async () => {
      assert.match((await statusOf('untitled:Untitled-1', risky)).skippedReason ?? '', /untitled/);
    });
    it('skips binary content', async () => {
      assert.equal((await statusOf('file:///tmp/claimguard-binary.js', `${risky}\u0000\u0001`)).skippedReason, 'binary file');
    });
    it('skips files over the size cap', async () => {
      const status = await statusOf('file:///tmp/claimguard-big.js', risky, 'javascript', { maxFileSize: 64 });
      assert.match(status.skippedReason ?? '', /over claimguard\.maxFileSize \(64\)/);
    });
    it('skips languages it does not know', async () => {
      assert.match((await statusOf('file:///tmp/claimguard.py', 'print(1)', 'python')).skippedReason ?? '', /language 'python'/);
    });
    it('skips everything when disabled', async () => {
      assert.match((await statusOf('file:///tmp/claimguard-off.js', risky, 'javascript', { enable: false })).skippedReason ?? '', /disabled/);
    });
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

async function waitUntil(condition: () => boolean, timeoutMs = 10_000): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('Timed out waiting for a condition');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return true;
}
