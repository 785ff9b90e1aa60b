import type { Linter } from 'eslint';

interface TypeScriptParser {
  parseForESLint(text: string, options?: unknown): Linter.ESLintParseResult;
}

let loaded: Linter.Parser | undefined;

/**
 * typescript-eslint's parser, required on the first TypeScript file rather than when the plugin loads, so
 * JavaScript-only projects never load TypeScript. It is an optional peer dependency of the plugin: TypeScript
 * projects have it (or install it) next to TypeScript.
 */
export function loadTypeScriptParser(): Linter.Parser {
  loaded ??= {
    meta: { name: '@typescript-eslint/parser' },
    parseForESLint(text: string, options?: Linter.ParserOptions) {
      return requireParser().parseForESLint(text, options);
    },
  };
  return loaded;
}

/** The parser, or an error that says what to install (ESLint shows it as the file's parsing error). */
function requireParser(): TypeScriptParser {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return require('@typescript-eslint/parser') as TypeScriptParser;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'MODULE_NOT_FOUND') throw error;
    const missing = (error as Error).message.split('\n')[0];
    throw new Error(`ClaimGuard reads TypeScript files with @typescript-eslint/parser and typescript (${missing}); install them: npm install --save-dev @typescript-eslint/parser typescript`, { cause: error });
  }
}
