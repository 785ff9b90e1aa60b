import * as path from 'node:path';
import { URI } from 'vscode-uri';
import type { ClaimGuardEditorSettings } from './protocol';
import { LINTABLE_EXTENSIONS } from './lint-engine';

const EXTENSION_BY_LANGUAGE: Record<string, string> = {
  javascript: '.js',
  javascriptreact: '.jsx',
  typescript: '.ts',
  typescriptreact: '.tsx',
};

export type Admission = { filePath: string } | { skippedReason: string };

/**
 * Decides whether a document is analysed and under which file name. Anything refused gets a reason the
 * status item can show, instead of a parse error or a silent nothing.
 */
export function admitDocument(
  uri: string,
  languageId: string,
  text: string,
  settings: ClaimGuardEditorSettings,
): Admission {
  if (!settings.enable) return { skippedReason: 'ClaimGuard is disabled (claimguard.enable)' };
  const parsed = URI.parse(uri);
  if (parsed.scheme === 'untitled') return { skippedReason: 'untitled document: save it to analyse it' };
  if (parsed.scheme !== 'file') return { skippedReason: `documents from '${parsed.scheme}:' are not analysed` };
  const filePath = lintFileName(parsed.fsPath, languageId);
  if (!filePath) return { skippedReason: `language '${languageId}' is not JavaScript or TypeScript` };
  return admitText(filePath, text, settings.maxFileSize);
}

/** The size and binary checks, shared with the workspace report, which reads files from disk. */
export function admitText(filePath: string, text: string, maxFileSize: number): Admission {
  const size = Buffer.byteLength(text, 'utf8');
  if (size > maxFileSize) {
    return { skippedReason: `file is ${size} bytes, over claimguard.maxFileSize (${maxFileSize})` };
  }
  // Source text never holds NUL; a file that does is binary and would only yield parse noise.
  if (text.includes('\u0000')) return { skippedReason: 'binary file' };
  return { filePath };
}

/**
 * The parser picks JSX and TypeScript from the extension, so a file whose name disagrees with its
 * language (a shebang script, `.es6`) is linted under its name plus the language's extension.
 */
function lintFileName(fsPath: string, languageId: string): string | undefined {
  const extension = path.extname(fsPath).toLowerCase();
  const wanted = EXTENSION_BY_LANGUAGE[languageId];
  if (!wanted) return LINTABLE_EXTENSIONS.has(extension) ? lintName(fsPath) : undefined;
  if (LINTABLE_EXTENSIONS.has(extension) && isSameDialect(extension, wanted)) return lintName(fsPath);
  return fsPath + wanted;
}

/**
 * The name a source file is linted under. ESLint's `files` globs match extensions case-sensitively, so
 * `Server.JS` or `api.Ts` would match no configuration and quietly get no findings: they are linted as `.js`
 * and `.ts`, as Windows and macOS (and Node, for `require`) treat them.
 */
export function lintName(fsPath: string): string {
  const extension = path.extname(fsPath);
  const lower = extension.toLowerCase();
  return extension === lower ? fsPath : fsPath.slice(0, fsPath.length - extension.length) + lower;
}

function isSameDialect(extension: string, wanted: string): boolean {
  const typescript = (ext: string) => ext.includes('t');
  const jsx = (ext: string) => ext.endsWith('x');
  if (typescript(extension) !== typescript(wanted)) return false;
  // `.js` files may hold JSX (espree is run with JSX on); `.ts` ones may not.
  return typescript(extension) ? jsx(extension) === jsx(wanted) : true;
}
