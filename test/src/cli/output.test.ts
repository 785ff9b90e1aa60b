import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { BIN, claimguard, cleanEnv, FIXTURES, TempProject } from './helpers';

/** A CommonMark renderer with GFM tables and autolinked URLs, as markdown is read on GitHub and elsewhere. */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const MarkdownIt = require('markdown-it') as new (options: { html: boolean; linkify: boolean }) => { render(text: string): string };

/** Runs the command in a real pseudo-terminal (util-linux `script`), `columns` wide. */
function inTerminal(args: readonly string[], columns: number, env: NodeJS.ProcessEnv = {}): string {
  const command = `stty cols ${columns} rows 50; ${[process.execPath, BIN, ...args].map((part) => `'${part}'`).join(' ')}`;
  const result = spawnSync('script', ['-qec', command, '/dev/null'], { cwd: FIXTURES, env: cleanEnv({ TERM: 'xterm-256color', ...env }), encoding: 'utf8', timeout: 60_000 });
  assert.equal(result.error, undefined);
  return result.stdout.replace(/\r\n/g, '\n');
}

/** What a person reads: the progress line a terminal gets on stderr rewrites itself and is gone. */
function withoutProgress(text: string): string {
  return text.split(`\r${ESC}[K`).map((part, i) => (i === 0 ? part : part.replace(/^[^\r\n]*/, ''))).join('');
}

const ESC = '\u001b';
/** `text` in one of the command's colours: red 31, yellow 33. */
const coloured = (code: number, text: string) => `${ESC}[${code}m${text}${ESC}[39m`;

// eslint-disable-next-line no-control-regex -- the point is to find escape sequences
const SGR = /\x1b\[[0-9;]*m/g;
// eslint-disable-next-line no-control-regex -- the point is to find escape sequences
const ANY_ESCAPE = /\x1b/;

const longest = (text: string) => Math.max(...text.split('\n').map((line) => [...line.replace(SGR, '')].length));

describe('claimguard output people read', function () {
  this.timeout(60_000);

  describe('the table', () => {
    it('fits a terminal 80 columns wide, reason column wrapped', () => {
      const text = withoutProgress(inTerminal(['express', 'level-0', 'nest'], 80)).replace(SGR, '');
      assert.match(text, /\nRoutes\n {2}METHOD {2}PATH {8}LOCATION {20}LEVEL\n/, 'too narrow for a reason column: reasons go under their route');
      assert.ok(longest(text) <= 80, `longest line: ${longest(text)}\n${text}`);
      assert.match(text, /\n {2}GET {5}\/users {6}express\/routes\/users\.js:7 {3}Level 3\n {6}decisions use verified claims only; auth\(\) at app\.js:6 pins algorithms,\n {6}issuer/);
    });

    it('fits COLUMNS when the output is not a terminal, 120 when nothing says', () => {
      assert.ok(longest(claimguard(['express', 'level-0', 'nest'], { env: { COLUMNS: '60' } }).stdout) <= 60);
      const wide = claimguard(['express', 'level-0', 'nest']).stdout;
      assert.ok(longest(wide) <= 120, `longest line: ${longest(wide)}`);
      assert.ok(longest(wide) > 100, 'and uses the room it has');
      assert.match(wide, /REASON\n/, 'with a reason column');
    });

    it('ends with one summary line: routes per level, findings per rule', () => {
      const lines = claimguard(['express', 'level-0'], { env: { COLUMNS: '200' } }).stdout.trimEnd().split('\n');
      assert.equal(lines.at(-1), '4 routes (Level 3: 1, Level 2: 1, Level 0: 1, unauthenticated: 1) · 1 error, 1 warning (no-api-key-auth 1, no-untrusted-authorization 1) · 4 files');
    });

    it('says "1 warning", never "1 warnings"', () => {
      const table = claimguard(['level-0']).stdout;
      assert.match(table, / · 0 errors, 1 warning \(no-api-key-auth 1\) · /);
      assert.match(claimguard(['level-0', '--format', 'markdown']).stdout, /### Findings \(0 errors, 1 warning\)/);
      assert.doesNotMatch(table + claimguard(['level-0', '--format', 'markdown']).stdout, /\b1 (warnings|errors|problems|routes|files)\b/);
    });

    it('prints the summary to stderr when the report goes elsewhere', () => {
      const result = claimguard(['level-0', '--format', 'json']);
      assert.equal(result.stderr, 'claimguard: 1 route (Level 0: 1) · 0 errors, 1 warning (no-api-key-auth 1) · 1 file\n');
    });
  });

  describe('colour', () => {
    it('is on in a terminal', () => {
      const text = inTerminal(['level-2'], 120);
      assert.ok(text.includes(coloured(31, 'error')), text);
      assert.ok(text.includes(coloured(33, 'Level 2')), text);
    });

    it('is off in a terminal when NO_COLOR is set', () => {
      const text = inTerminal(['level-2'], 120, { NO_COLOR: '1' });
      assert.match(text, /error {4}Authorization decision/);
      assert.equal(text.match(SGR), null);
    });

    it('is off in a terminal when FORCE_COLOR=0', () => {
      assert.equal(inTerminal(['level-2'], 120, { FORCE_COLOR: '0' }).match(SGR), null);
    });

    it('is off in a pipe, and on there with FORCE_COLOR', () => {
      assert.doesNotMatch(claimguard(['level-2']).stdout, ANY_ESCAPE);
      assert.ok(claimguard(['level-2'], { env: { FORCE_COLOR: '1' } }).stdout.includes(coloured(31, 'error')));
    });

    it('never goes into a file written with --output', () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'claimguard-out-'));
      try {
        const file = path.join(dir, 'report.txt');
        claimguard(['level-2', '--output', file], { env: { FORCE_COLOR: '1' } });
        assert.doesNotMatch(fs.readFileSync(file, 'utf8'), ANY_ESCAPE);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    });
  });

  describe('GitHub Actions step summary', () => {
    let dir: string;
    let summary: string;
    beforeEach(() => {
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'claimguard-summary-'));
      summary = path.join(dir, 'step-summary.md');
      fs.writeFileSync(summary, '## An earlier step\n\n');
    });
    afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

    it('appends the route table as markdown, whatever the format', () => {
      const result = claimguard(['level-2', '--format', 'sarif', '--output', path.join(dir, 'claimguard.sarif')], { env: { GITHUB_ACTIONS: 'true', GITHUB_STEP_SUMMARY: summary } });
      assert.equal(result.status, 1);
      const text = fs.readFileSync(summary, 'utf8');
      assert.ok(text.startsWith('## An earlier step\n\n## ClaimGuard: API security maturity\n'), text);
      assert.match(text, /\| `GET` \| `\/admin` \| `level-2\/app\.js:6` \| Level 2 \|/);
      assert.match(text, /\n1 route \(Level 2: 1\) · 1 error, 0 warnings \(no-untrusted-authorization 1\)/);
    });

    it('is left alone outside GitHub Actions', () => {
      claimguard(['level-2'], { env: { GITHUB_STEP_SUMMARY: summary } });
      assert.equal(fs.readFileSync(summary, 'utf8'), '## An earlier step\n\n');
    });

    it('a summary file that cannot be written costs a warning, not the run', () => {
      const result = claimguard(['level-3'], { env: { GITHUB_ACTIONS: 'true', GITHUB_STEP_SUMMARY: path.join(dir, 'missing/summary.md') } });
      assert.equal(result.status, 0);
      assert.match(result.stderr, /^claimguard: could not write the step summary: ENOENT/);
    });
  });

  describe('text the analysed code controls is shown, never obeyed', () => {
    const hostile = [
      "const express = require('express');",
      'const app = express();',
      "app.get('/docs](https://evil.example/phish)', (req, res) => {",
      "  if (req.headers['x-](https://evil.example/a)'] !== '1') return res.sendStatus(403);",
      "  res.send('ok');",
      '});',
      "app.get('/![pixel](https://evil.example/track.png)', (req, res) => res.send('ok'));",
      "app.get('/\\u001b[2J\\u001b[31mred\\u001b]8;;https://evil.example\\u0007link', (req, res) => res.send('ok'));",
      "app.get('/``tick``|pipe<img src=x onerror=alert(1)>', (req, res) => res.send('ok'));",
      "app.get('/@maintainers/https://evil.example/auto', (req, res) => res.send('ok'));",
      "app.get('/\\u202egnp.exe', (req, res) => res.send('ok'));",
      '',
    ].join('\n');
    let project: TempProject;
    before(() => {
      project = new TempProject({ 'app.js': hostile });
    });
    after(() => project.remove());

    it('markdown renders every path and message as code: no link, image, HTML or escape', () => {
      const markdown = project.run(['.', '--format', 'markdown']).stdout;
      const html = new MarkdownIt({ html: true, linkify: true }).render(markdown);
      assert.doesNotMatch(html, /<a\s|<img\s/i, html);
      assert.doesNotMatch(html, ANY_ESCAPE);
      assert.doesNotMatch(html, /[\u202a-\u202e\u2066-\u2069]/);
      for (const shown of ['/docs](https://evil.example/phish)', '/![pixel](https://evil.example/track.png)', '/\\x1b[2J\\x1b[31mred\\x1b]8;;https://evil.example\\x07link', '/``tick``|pipe&lt;img src=x onerror=alert(1)&gt;', '/@maintainers/https://evil.example/auto', '/\\u202egnp.exe']) {
        assert.ok(html.includes(`<code>${shown}</code>`), `${shown} shown as code in:\n${html}`);
      }
      assert.ok(html.includes("x-](https://evil.example/a)"), 'the header name in the message is there, as text');
    });

    it('the table writes escapes out instead of sending them to the terminal', () => {
      const table = project.run(['.']).stdout;
      assert.doesNotMatch(table, ANY_ESCAPE);
      assert.ok(table.includes('/\\x1b[2J\\x1b[31mred\\x1b]8;;https://evil.example\\x07link'), table);
      assert.ok(table.includes('/\\u202egnp.exe'));
      const coloured = project.run(['.'], { FORCE_COLOR: '1' }).stdout;
      assert.doesNotMatch(coloured.replace(SGR, ''), ANY_ESCAPE, 'with colour on, the only escapes are the colours');
    });
  });
});
