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

/** Runs headless Neovim 0.7 with the Lua client against one file; resolves with the JSON it wrote. */
async function runNeovim(file: string): Promise<Record<string, unknown>> {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'claimguard-nvim-'));
  try {
    const script = path.join(FIXTURES, 'neovim/client.lua');
    const child = spawn('nvim', ['--headless', '--clean', '-c', `luafile ${script}`, file], {
      env: { ...process.env, CG_SERVER: SERVER_BIN, CG_ROOT: path.dirname(file), CG_OUT: out },
      stdio: 'ignore',
    });
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

describe('Neovim as a third-party LSP client', function () {
  this.timeout(90_000);

  it('shows pushed diagnostics and applies a suggested fix to the buffer', async () => {
    const file = fixture('verified-claims.js');
    const results = await runNeovim(file.path);
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

    const buffer = results.buffer as string[];
    assert.equal(buffer[8], "  if (req.auth.payload.role !== 'admin') return res.sendStatus(403);");
    assert.deepEqual(buffer.filter((_, index) => index !== 8), file.text.replace(/\n$/, '').split('\n').filter((_, index) => index !== 8));
    assert.deepEqual(results.after, []);
  });
});
