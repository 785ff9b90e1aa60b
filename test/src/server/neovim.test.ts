import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { FIXTURES, fixture, UNTRUSTED_RULE } from './fixtures';
import { SERVER_BIN } from './lsp-client';

interface NeovimDiagnostic {
  lnum: number;
  col: number;
  end_col: number;
  message: string;
  source: string;
  code: string;
  href: string | null;
  related: { location: { range: { start: { line: number } } }; message: string }[];
}

/** Runs headless Neovim 0.7 with a Lua script (and a file to edit, if given); resolves with the JSON it wrote. */
async function runNeovim(script: string, file: string | undefined, env: Record<string, string>): Promise<Record<string, unknown>> {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'claimguard-nvim-'));
  try {
    const args = ['--headless', '--clean', '-c', `luafile ${script}`, ...(file ? [file] : [])];
    const child = spawn('nvim', args, { env: { ...process.env, ...env, CG_OUT: out }, stdio: 'ignore' });
    const code = await new Promise<number | null>((resolve, reject) => {
      const timer = setTimeout(() => {
        child.kill('SIGKILL');
        reject(new Error('Neovim did not finish within 60 s'));
      }, 60_000);
      child.on('error', (error) => {
        clearTimeout(timer);
        reject(new Error(`Could not start nvim (install Debian's neovim): ${error.message}`));
      });
      child.on('exit', (exitCode) => {
        clearTimeout(timer);
        resolve(exitCode);
      });
    });
    assert.equal(code, 0);
    const results: Record<string, unknown> = {};
    for (const name of fs.readdirSync(out)) results[path.basename(name, '.json')] = JSON.parse(fs.readFileSync(path.join(out, name), 'utf8'));
    return results;
  } finally {
    fs.rmSync(out, { recursive: true, force: true });
  }
}

/** The README's Neovim snippet, exactly as a user copies it into init.lua. */
function readmeSnippet(): string {
  const readme = fs.readFileSync(path.resolve(__dirname, '../../../README.md'), 'utf8');
  const block = /```lua\n(-- init\.lua: one ClaimGuard server[\s\S]*?)```/.exec(readme);
  assert.ok(block, 'the README has the Neovim snippet');
  return block[1];
}

describe('Neovim as a third-party LSP client', function () {
  this.timeout(90_000);

  it('shows pushed diagnostics, says where the rule documentation is, reports the workspace and applies a suggested fix', async () => {
    const file = fixture('verified-claims.js');
    const script = path.join(FIXTURES, 'neovim/client.lua');
    const results = await runNeovim(script, file.path, { CG_SERVER: SERVER_BIN, CG_ROOT: path.dirname(file.path) });
    assert.equal(results.error, undefined, `Neovim reported: ${String(results.error)}`);

    const diagnostics = results.diagnostics as NeovimDiagnostic[];
    const finding = diagnostics.find((diagnostic) => diagnostic.code === UNTRUSTED_RULE);
    assert.ok(finding, JSON.stringify(diagnostics));
    assert.equal(finding.source, 'claimguard');
    assert.equal(finding.lnum, 8);
    assert.equal(file.text.split('\n')[8].slice(finding.col, finding.end_col), "req.headers['x-role']");
    assert.match(finding.href ?? '', /no-untrusted-authorization\.md$/);
    assert.equal(finding.related[0]?.location.range.start.line, 8);

    const actions = results.actions as string[];
    assert.ok(actions.includes(`Disable ${UNTRUSTED_RULE} for this line`), actions.join(', '));

    // Neovim 0.7 cannot show a document: a message names the URL, and nothing prompts for a choice.
    const documentation = results.documentation as { shown: string[]; prompts: string[] };
    assert.deepEqual(documentation.prompts, []);
    assert.equal(documentation.shown.length, 1);
    assert.match(documentation.shown[0], /^ClaimGuard rule documentation: https:\/\/\S+\/no-untrusted-authorization\.md$/);

    // `{}` from Lua arrives as `[]`: the report still runs.
    const report = results.report as { err: string | null; files: number; routes: string[] };
    assert.equal(report.err, null);
    assert.ok(report.files > 0);
    assert.ok(report.routes.includes('GET /orders'), report.routes.join(', '));

    const buffer = results.buffer as string[];
    assert.equal(buffer[8], "  if (req.auth.payload.role !== 'admin') return res.sendStatus(403);");
    assert.deepEqual(buffer.filter((_, index) => index !== 8), file.text.replace(/\n$/, '').split('\n').filter((_, index) => index !== 8));
    assert.deepEqual(results.after, []);
  });

  describe("the README's init.lua snippet", () => {
    const script = path.join(FIXTURES, 'neovim/readme-snippet.lua');
    let dir: string;
    beforeEach(() => {
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'claimguard-nvim-readme-'));
      fs.writeFileSync(path.join(dir, 'init.lua'), readmeSnippet());
      fs.copyFileSync(fixture('untrusted-role.js').path, path.join(dir, 'first.js'));
      fs.copyFileSync(fixture('verified-claims.js').path, path.join(dir, 'second.js'));
    });
    afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));
    const env = (pathVariable: string, expect: string) => ({
      PATH: pathVariable,
      CG_INIT: path.join(dir, 'init.lua'),
      CG_FILES: `${path.join(dir, 'first.js')}:${path.join(dir, 'second.js')}`,
      CG_EXPECT: expect,
    });

    it('does nothing, and raises no error per buffer, when the server is not installed', async () => {
      const bare = [path.dirname(process.execPath), '/usr/bin', '/bin'].join(':');
      const results = await runNeovim(script, undefined, env(bare, 'nothing'));
      assert.deepEqual(results.result, { ok: true, err: null, errmsg: '', notified: [], messages: '' });
      assert.deepEqual(results.buffers, [
        { filetype: 'javascript', diagnostics: 0, clients: 0 },
        { filetype: 'javascript', diagnostics: 0, clients: 0 },
      ]);
    });

    it('attaches the server to every JavaScript buffer when it is on the PATH, starting it again after it stopped', async () => {
      const bin = path.join(dir, 'bin');
      fs.mkdirSync(bin);
      fs.symlinkSync(SERVER_BIN, path.join(bin, 'claimguard-language-server'));
      const results = await runNeovim(script, undefined, env([bin, path.dirname(process.execPath), '/usr/bin', '/bin'].join(':'), 'diagnostics'));
      assert.deepEqual(results.result, { ok: true, err: null, errmsg: '', notified: [], messages: '' });
      const buffers = results.buffers as { diagnostics: number; clients: number }[];
      assert.equal(buffers.length, 2);
      for (const buffer of buffers) {
        assert.ok(buffer.diagnostics > 0, JSON.stringify(buffers));
        assert.equal(buffer.clients, 1);
      }
    });
  });
});
