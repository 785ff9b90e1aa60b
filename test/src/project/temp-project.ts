import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/** A project folder in the temp directory (real path, own package.json) holding `files`; the caller removes it. */
export function writeTempProject(files: Record<string, string>, name: string): string {
  const root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), `claimguard-${name}-`)));
  fs.writeFileSync(path.join(root, 'package.json'), JSON.stringify({ name, private: true }));
  for (const [file, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    fs.writeFileSync(path.join(root, file), text);
  }
  return root;
}
