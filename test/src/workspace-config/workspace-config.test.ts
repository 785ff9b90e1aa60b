import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Linter } from 'eslint';
import {
  createProjectESLint,
  lookupProjectConfig,
  workspaceConfig,
  type AppliedConfiguration,
  type ClaimGuardOverrides,
} from 'eslint-plugin-claimguard/api';

const PROJECTS = path.resolve(__dirname, '../../fixtures/server/projects');
const SERVER_FIXTURES = path.resolve(__dirname, '../../fixtures/server');

interface Linted {
  ignored: boolean;
  findings: string[];
  applied?: AppliedConfiguration;
}

/** What a tool using the module does: look the file up in the project's config, merge, and lint with ESLint. */
async function lintInProject(project: string, file: string, overrides?: ClaimGuardOverrides): Promise<Linted> {
  const filePath = path.join(project, file);
  const lookup = await lookupProjectConfig(createProjectESLint(project), filePath);
  if (lookup.kind === 'ignored') return { ignored: true, findings: [] };
  const { config, applied } = workspaceConfig({
    projectConfig: lookup.kind === 'config' ? lookup.config : undefined,
    projectConfigFile: lookup.kind === 'config' && lookup.configFile ? path.relative(project, lookup.configFile) : undefined,
    filePath,
    overrides,
  });
  return { ignored: false, findings: lint(fs.readFileSync(filePath, 'utf8'), filePath, config), applied };
}

function lint(text: string, filePath: string, config: Linter.Config[]): string[] {
  const messages = new Linter({ configType: 'flat', cwd: path.parse(filePath).root }).verify(text, config, { filename: filePath });
  return messages.map((message) => `${message.line}:${message.ruleId ?? (message.fatal ? 'fatal' : 'null')}`);
}

describe('workspace config: the project config merged into the bundled one', () => {
  describe('without a project config', () => {
    it('lints JavaScript with espree and TypeScript with typescript-eslint, with the recommended rules', () => {
      const { config, applied } = workspaceConfig();
      const js = path.join(SERVER_FIXTURES, 'untrusted-role.js');
      const ts = path.join(SERVER_FIXTURES, 'untrusted-role.ts');
      assert.deepEqual(lint(fs.readFileSync(js, 'utf8'), js, config), ['5:claimguard/no-untrusted-authorization']);
      assert.deepEqual(lint(fs.readFileSync(ts, 'utf8'), ts, config), ['7:claimguard/no-untrusted-authorization']);
      assert.equal(applied.rules, 'recommended');
      assert.equal(applied.description, "ClaimGuard's bundled configuration (recommended rules)");
    });

    it('says so when a project has no ESLint config at all', async () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'claimguard-no-config-'));
      try {
        fs.writeFileSync(path.join(dir, 'a.js'), 'module.exports = 1;\n');
        assert.deepEqual(await lookupProjectConfig(createProjectESLint(dir), path.join(dir, 'a.js')), { kind: 'none' });
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    });
  });

  describe("the README's recommended config (no `settings` key)", () => {
    const project = path.join(PROJECTS, 'recommended');

    it('analyses JavaScript and TypeScript files with the project rules', async () => {
      for (const [file, line] of [['src/admin.js', 5], ['src/admin.ts', 7]] as const) {
        const linted = await lintInProject(project, file);
        assert.deepEqual(linted.findings, [`${line}:claimguard/no-untrusted-authorization`], file);
        assert.equal(linted.applied?.description, "ClaimGuard's bundled configuration with the claimguard/* rules of eslint.config.mjs", file);
      }
    });
  });

  describe('a config whose `files` name only .js', () => {
    const project = path.join(PROJECTS, 'js-only-files');

    it('still analyses .ts files, with the bundled rules, and does not call them ignored', async () => {
      const ts = await lintInProject(project, 'src/admin.ts');
      assert.equal(ts.ignored, false);
      assert.deepEqual(ts.findings, ['7:claimguard/no-untrusted-authorization']);
      assert.equal(ts.applied?.rules, 'recommended');
      assert.match(ts.applied?.description ?? '', /eslint\.config\.mjs sets nothing ClaimGuard uses for this file/);
      const js = await lintInProject(project, 'src/admin.js');
      assert.equal(js.applied?.rules, 'project');
    });
  });

  describe('a project config that sets everything ClaimGuard takes, and more', () => {
    const project = path.join(PROJECTS, 'project-choices');

    it('skips only the files the project ignores globally', async () => {
      assert.equal((await lintInProject(project, 'vendor/admin.js')).ignored, true);
      // `ignores` inside a config object only keeps that object off the file; the file is still analysed.
      const legacy = await lintInProject(project, 'legacy/admin.js');
      assert.equal(legacy.ignored, false);
      assert.deepEqual(legacy.findings, ['5:claimguard/no-untrusted-authorization']);
      assert.equal(legacy.applied?.rules, 'recommended');
    });

    it('takes its claimguard/* rules with their options, settings.claimguard and source type', async () => {
      const linted = await lintInProject(project, 'src/routes.js');
      assert.deepEqual(linted.findings, [
        // `/admin` is unauthenticated; `/health` is allow-listed by the project's publicRoutes.
        '10:claimguard/maturity-level',
        '11:claimguard/no-untrusted-authorization',
        // no-api-key-auth is off in the project, but the API-key route is below its minimumLevel 2, and the
        // timing-unsafe comparison is still reported.
        '17:claimguard/maturity-level',
        '18:claimguard/no-timing-unsafe-compare',
      ]);
      // Line 6 reads `x-gateway-role`, a trusted header in the project's settings; the top-level `return`
      // parses because the project says .js files are CommonJS.
      assert.equal(linted.applied?.description, "ClaimGuard's bundled configuration with the claimguard/* rules, settings.claimguard and parser options of eslint.config.mjs");
    });

    it("never runs the project's other rules, plugins or parser, nor its type-aware parser options", async () => {
      // The project's TypeScript parser throws and its `exploding/explode` rule throws: neither shows.
      const linted = await lintInProject(project, 'src/admin.ts');
      assert.deepEqual(linted.findings, ['5:claimguard/maturity-level', '7:claimguard/no-untrusted-authorization']);
    });

    it('lets overrides change severities and the minimum level while keeping rule options', async () => {
      const linted = await lintInProject(project, 'src/routes.js', {
        rules: { 'no-api-key-auth': 'warn', 'claimguard/no-timing-unsafe-compare': 'off' },
        minimumLevel: 1,
        settings: { trustedHeaders: [] },
      });
      // The gateway header is no longer trusted, so its route is unauthenticated with a decision on a header; the
      // API-key scheme is reported again. `/health` stays public: the project's publicRoutes survive the new level.
      // (Whether maturity-level repeats the Level 0 grade that no-api-key-auth already reports is the rule's call.)
      assert.deepEqual(linted.findings.filter((finding) => finding !== '17:claimguard/maturity-level'), [
        '5:claimguard/maturity-level',
        '6:claimguard/no-untrusted-authorization',
        '10:claimguard/maturity-level',
        '11:claimguard/no-untrusted-authorization',
        '18:claimguard/no-api-key-auth',
      ]);
      assert.deepEqual(linted.applied?.overrides, ['no-api-key-auth warn', 'no-timing-unsafe-compare off', 'minimumLevel 1', 'settings']);
      assert.match(linted.applied?.description ?? '', /; overridden: no-api-key-auth warn, no-timing-unsafe-compare off, minimumLevel 1, settings$/);
      assert.deepEqual(linted.applied?.publicRoutes, ['/health']);
    });
  });

  describe('overrides', () => {
    it('turn maturity-level on where a minimum level is asked for and nothing enabled it', () => {
      // A verified token and no decision on its claims: Level 1, which only maturity-level reports.
      const file = path.join(SERVER_FIXTURES, 'verified-no-decision.js');
      const text = fs.readFileSync(file, 'utf8');
      assert.deepEqual(lint(text, file, workspaceConfig().config), []);
      assert.deepEqual(lint(text, file, workspaceConfig({ overrides: { minimumLevel: 2 } }).config), ['7:claimguard/maturity-level']);
      assert.deepEqual(lint(text, file, workspaceConfig({ overrides: { minimumLevel: 1 } }).config), []);
      const off = workspaceConfig({ overrides: { minimumLevel: 2, rules: { 'maturity-level': 'off' } } });
      assert.deepEqual(lint(text, file, off.config), []);
      assert.deepEqual(off.applied.publicRoutes, []);
    });

    it('report rule names they do not know instead of failing', () => {
      const { applied } = workspaceConfig({ overrides: { rules: { 'no-such-rule': 'off' } } });
      assert.deepEqual(applied.problems, ["unknown rule 'no-such-rule'"]);
      assert.deepEqual(applied.overrides, []);
    });
  });

  it('lets a config that throws reach the caller, which reports it', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'claimguard-throwing-config-'));
    try {
      fs.writeFileSync(path.join(dir, 'eslint.config.js'), "throw new Error('config exploded');\n");
      fs.writeFileSync(path.join(dir, 'a.js'), 'module.exports = 1;\n');
      await assert.rejects(lookupProjectConfig(createProjectESLint(dir), path.join(dir, 'a.js')), /config exploded/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
