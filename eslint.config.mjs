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
