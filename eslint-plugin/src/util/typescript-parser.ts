import type { Linter } from 'eslint';

let loaded: Linter.Parser | undefined;

/**
 * typescript-eslint's parser, required on the first TypeScript file rather than when the plugin loads, so
 * JavaScript-only projects never load TypeScript.
 */
export function loadTypeScriptParser(): Linter.Parser {
  loaded ??= {
    meta: { name: '@typescript-eslint/parser' },
    parseForESLint(text: string, options?: Linter.ParserOptions) {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const parser = require('@typescript-eslint/parser') as { parseForESLint(text: string, options?: unknown): Linter.ESLintParseResult };
      return parser.parseForESLint(text, options);
    },
  };
  return loaded;
}
