import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import eslintPlugin from 'eslint-plugin-eslint-plugin';
import globals from 'globals';

export default tseslint.config(
  {
    ignores: ['**/node_modules/**', '**/out/**', '**/dist/**', 'test/fixtures/**', 'test-output/**', '**/.cache/**'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    // The custom protocol follows the LSP libraries' own convention: one namespace per message.
    files: ['server/src/protocol.ts'],
    rules: { '@typescript-eslint/no-namespace': 'off' },
  },
  {
    // The plugin must load in a JavaScript-only project, where TypeScript is not installed: typescript-eslint's
    // utilities and parser (which need it) are used for their types only; the parser loads lazily.
    files: ['eslint-plugin/src/**/*.ts'],
    ignores: ['eslint-plugin/src/util/typescript-parser.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: ['@typescript-eslint/utils', '@typescript-eslint/parser', '@typescript-eslint/typescript-estree', 'typescript'].map((name) => ({
            name,
            allowTypeImports: true,
            message: 'Import types only: this loads TypeScript, which JavaScript-only projects do not have. AST_NODE_TYPES come from @typescript-eslint/types.',
          })),
        },
      ],
    },
  },
  {
    files: ['eslint-plugin/src/rules/**/*.ts'],
    ...eslintPlugin.configs.recommended,
  },
  {
    // ESLint parses `.js` with espree, whose nodes lack every field only typescript-eslint sets; the analysis reads
    // them through the helpers in analysis/syntax.ts, which allow for their absence.
    files: ['eslint-plugin/src/analysis/**/*.ts', 'eslint-plugin/src/rules/**/*.ts', 'eslint-plugin/src/util/**/*.ts'],
    ignores: ['eslint-plugin/src/analysis/syntax.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        ...['MemberExpression[computed=false] > Identifier.property', 'ObjectPattern > Property > Identifier.key'].map((target) => ({
          selector: `${target}[name=/^(decorators|typeAnnotation|returnType|typeParameters|typeArguments|superTypeArguments|implements|definite|declare|abstract|accessibility|override|readonly|importKind|exportKind)$/]`,
          message: 'espree nodes do not have this TypeScript-only field: read it with typeScriptOnly() or decoratorsOf() from analysis/syntax.ts.',
        })),
      ],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    languageOptions: { globals: { ...globals.node } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
