import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Diagnostic, Range } from 'vscode-languageserver-protocol';
import { fileUri } from './lsp-client';

export const FIXTURES = path.resolve(__dirname, '../../fixtures/server');

export function fixture(name: string): { uri: string; text: string; path: string } {
  const file = path.join(FIXTURES, name);
  return { uri: fileUri(file), text: fs.readFileSync(file, 'utf8'), path: file };
}

/** The text a range covers, so tests can say what a diagnostic points at. */
export function textAt(text: string, range: Range): string {
  const lines = text.split('\n');
  if (range.start.line === range.end.line) return lines[range.start.line].slice(range.start.character, range.end.character);
  const first = lines[range.start.line].slice(range.start.character);
  const middle = lines.slice(range.start.line + 1, range.end.line);
  const last = lines[range.end.line].slice(0, range.end.character);
  return [first, ...middle, last].join('\n');
}

export const UNTRUSTED_RULE = 'claimguard/no-untrusted-authorization';

export function findingOf(diagnostics: readonly Diagnostic[], ruleId = UNTRUSTED_RULE): Diagnostic {
  const found = diagnostics.find((diagnostic) => diagnostic.code === ruleId);
  if (!found) throw new Error(`No ${ruleId} diagnostic among: ${JSON.stringify(diagnostics.map((d) => d.code ?? d.message))}`);
  return found;
}

/** A throwaway workspace folder built from a map of relative paths to contents. */
export function makeWorkspace(files: Record<string, string | Buffer>): { root: string; cleanup: () => void } {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'claimguard-ws-'));
  for (const [relative, content] of Object.entries(files)) {
    const full = path.join(root, relative);
    fs.mkdirSync(path.dirname(full), { recursive: true });
    fs.writeFileSync(full, content);
  }
  return { root, cleanup: () => fs.rmSync(root, { recursive: true, force: true }) };
}
