import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { nestedFile, randomBytes } from '../fuzz/inputs';
import { elseIfChain } from '../fuzz/adversarial';

const CLI = path.join(__dirname, '..', '..', '..', 'eslint-plugin', 'bin', 'claimguard.js');

interface JsonReport {
  findings: { file: string; ruleId: string | null; message: string }[];
  skipped: { file: string; reason: string }[];
  filesAnalyzed: number;
}

describe('the claimguard command on a hostile project', function () {
  this.timeout(120_000);
  let dir: string;
  let marker: string;

  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'claimguard-hostile-'));
    marker = path.join(dir, 'MARKER');
    const write = (tag: string): string => `require('fs').writeFileSync(${JSON.stringify(marker)}, ${JSON.stringify(tag)});`;
    const files: Record<string, string | Buffer> = {
      'binary.js': randomBytes(7, 3000),
      'latin1.js': Buffer.from("const app = require('express')();\napp.get('/', (req, res) => { if (req.headers['x-r\u00f4le'] === 'admin') return res.sendStatus(403); res.json({}); });\n", 'latin1'),
      'broken.ts': "app.get('/x', (req, res) => { if (req.headers[",
      'deep.js': nestedFile('parentheses', 10_000),
      // Handed to ESLint's parser, this aborts the whole Node process ("RegExpCompiler Allocation failed").
      'else-if.js': elseIfChain(4_000),
      // Parses, but overflows ESLint's own scope analysis: that file fails, every other file is still reported.
      'chain.js': `const x = a${'.b'.repeat(9_000)};\n`,
      'runs.js': `${write('analysed file ran')}\nconst app = require('express')();\napp.get('/', (req, res) => { if (req.query.admin === 'true') return res.sendStatus(403); res.json({}); });\n`,
      // Without --config the command must not load (run) the project's own configuration.
      'eslint.config.js': `${write('workspace config ran')}\nmodule.exports = [];\n`,
      'proto.ts': "const app = require('express')();\napp.get('/', (req, res) => { if (req.headers['__proto__'] === 'admin' || req.constructor.name === 'x') return res.sendStatus(403); res.json({}); });\n",
    };
    for (const [name, content] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), content);
  });

  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('reports every file (parse errors as skipped), runs nothing, and exits 1 for findings', () => {
    const run = spawnSync(process.execPath, [CLI, '.', '--format', 'json'], { cwd: dir, encoding: 'utf8', timeout: 110_000 });
    assert.equal(run.status, 1, `exit ${run.status}\n${run.stderr}`);
    assert.equal(fs.existsSync(marker), false, 'the command executed analysed code or the project configuration');
    const report = JSON.parse(run.stdout) as JsonReport;
    assert.deepEqual(report.skipped.map((entry) => entry.file).sort(), ['binary.js', 'broken.ts', 'chain.js', 'deep.js', 'else-if.js']);
    const reasons: Record<string, RegExp> = {
      'chain.js': /could not analyse this file: Maximum call stack/,
      // Refused before parsing: the nesting estimate is one linear pass over the text.
      'deep.js': /^ClaimGuard did not analyse this file: nesting deeper than 500 levels, which would exhaust the parser's stack$/,
      'else-if.js': /^ClaimGuard did not analyse this file: nesting deeper than 500 levels, which would exhaust the parser's stack$/,
    };
    for (const entry of report.skipped) assert.match(entry.reason, reasons[entry.file] ?? /^Parsing error: /, entry.file);
    const byFile = (file: string): string[] => report.findings.filter((finding) => finding.file === file && finding.ruleId).map((finding) => finding.message);
    assert.ok(byFile('latin1.js').some((message) => message.includes("header 'x-r\ufffdle'")), 'the Latin-1 file was analysed');
    assert.ok(byFile('runs.js').some((message) => message.includes("query 'admin'")), 'the marker-writing file was analysed');
    assert.ok(byFile('proto.ts').some((message) => message.includes("header '__proto__'")), 'the prototype-name file was analysed');
  });

  it('gives the same report on worker threads, where a file that breaks ESLint fails on its thread alone', () => {
    const lint = (concurrency: string) => spawnSync(process.execPath, [CLI, '.', '--format', 'json', '--concurrency', concurrency], { cwd: dir, encoding: 'utf8', timeout: 110_000 });
    const [single, threaded] = [lint('off'), lint('3')];
    assert.equal(threaded.status, 1, threaded.stderr);
    assert.equal(threaded.stdout, single.stdout);
    assert.equal(fs.existsSync(marker), false, 'a worker thread executed analysed code');
  });
});
