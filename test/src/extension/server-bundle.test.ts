import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { checkServerBundle } from 'claimguard-vscode/out/server-bundle';

function stat(file: string) {
  try {
    const facts = statSync(file);
    return { isFile: facts.isFile(), size: facts.size };
  } catch {
    return undefined;
  }
}

describe('extension: server bundle check', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(path.join(tmpdir(), 'claimguard-bundle-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('accepts a bundle that is there', () => {
    const file = path.join(dir, 'server.js');
    writeFileSync(file, 'module.exports = {};');
    assert.equal(checkServerBundle(file, stat), undefined);
  });

  it('names the missing path and the remedy', () => {
    const file = path.join(dir, 'server.js');
    assert.equal(checkServerBundle(file, stat), `The ClaimGuard language server is missing (${file} not found). Reinstall the ClaimGuard extension.`);
  });

  it('rejects an empty bundle and a directory in its place', () => {
    const empty = path.join(dir, 'empty.js');
    writeFileSync(empty, '');
    assert.match(checkServerBundle(empty, stat) ?? '', /is empty/);
    const folder = path.join(dir, 'folder.js');
    mkdirSync(folder);
    assert.match(checkServerBundle(folder, stat) ?? '', /is not a file/);
  });
});
