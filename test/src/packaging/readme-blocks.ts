import * as fs from 'node:fs';
import * as path from 'node:path';

export const REPO_ROOT = path.resolve(__dirname, '../../..');

/**
 * The fenced code block that follows `<!-- packaging-test: NAME -->` in the README. The packaging test runs
 * these blocks as they are written, so the README's instructions are the ones that are tested.
 */
export function readmeBlock(name: string, readme = fs.readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8')): string {
  const marker = `<!-- packaging-test: ${name} -->`;
  const at = readme.indexOf(marker);
  if (at < 0) throw new Error(`README.md has no block marked "${marker}"`);
  const open = readme.indexOf('```', at + marker.length);
  const bodyStart = readme.indexOf('\n', open) + 1;
  const close = readme.indexOf('\n```', bodyStart);
  if (open < 0 || bodyStart === 0 || close < 0) throw new Error(`README.md: no code block after "${marker}"`);
  return readme.slice(bodyStart, close + 1);
}

/** A shell block's commands, one per line, without comments and blank lines. */
export function commandsOf(block: string): string[] {
  return block
    .split('\n')
    .map((line) => line.replace(/\s+#.*$/, '').trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
}
