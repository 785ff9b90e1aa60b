import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Linter, type Rule } from 'eslint';
import * as tsParser from '@typescript-eslint/parser';
import type { TSESLint } from '@typescript-eslint/utils';
import { parseFile } from '../../../eslint-plugin/out/project/parse';
import { summarize } from '../../../eslint-plugin/out/analysis/summary';

const FIXTURES = path.join(__dirname, '..', '..', 'fixtures');
const SOURCE = /\.(?:[cm]?[jt]sx?)$/;

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : sourceFiles(file);
    return SOURCE.test(entry.name) && !entry.name.endsWith('.d.ts') ? [file] : [];
  });
}

/** The summary of a file as the rules make it, from the SourceCode ESLint gives them. */
function summaryWhenLinted(file: string, text: string): string | undefined {
  let summary: string | undefined;
  const capture: Rule.RuleModule = {
    create(context) {
      return {
        'Program:exit'() {
          summary = JSON.stringify(summarize(context.sourceCode as unknown as TSESLint.SourceCode, undefined, file));
        },
      };
    },
  };
  const typescript = /\.[cm]?tsx?$/.test(file);
  const linter = new Linter({ configType: 'flat', cwd: path.parse(file).root });
  const config: Linter.Config = {
    files: ['**/*.ts', '**/*.tsx', '**/*.mts', '**/*.cts', '**/*.js', '**/*.jsx', '**/*.mjs', '**/*.cjs'],
    languageOptions: typescript
      ? { parser: tsParser as Linter.Parser, parserOptions: { ecmaFeatures: { jsx: file.endsWith('x') } } }
      : { ecmaVersion: 'latest', sourceType: file.endsWith('.cjs') ? 'commonjs' : 'module', parserOptions: { ecmaFeatures: { jsx: true } } },
    plugins: { probe: { rules: { capture } } },
    rules: { 'probe/capture': 'error' },
  };
  const messages = linter.verify(text, [config], { filename: file });
  if (messages.some((message) => message.fatal)) return undefined;
  if (summary === undefined) throw new Error(`${file} was not linted: ${messages.map((message) => message.message).join('; ')}`);
  return summary;
}

function summaryFromDisk(file: string, text: string): string | undefined {
  const parsed = parseFile(file, text);
  return 'error' in parsed ? undefined : JSON.stringify(summarize(parsed.sourceCode, undefined, file));
}

/** Names that mark a 401 (`UnauthorizedException`, `createError.Unauthorized`) in every position a name can take. */
const UNAUTHORIZED_NAMES = `import express from 'express';
import { authenticate, verifyAccessToken } from './auth';
const app = express();
class UnauthorizedError extends Error {}
app.get('/me', async (req, res) => {
  const user: unknown = await authenticate(req);
  if (!user) throw new UnauthorizedError();
  res.json(user);
});
app.get('/orders', async (req, res, next) => {
  const caller = await authenticate(req);
  if (!caller) return next(createError.Unauthorized());
  res.json({ caller });
});
app.get('/typed', async (req, res) => {
  const caller = verifyAccessToken(req.headers.authorization) as { role: string } | UnauthorizedError;
  res.json(caller);
});
`;
describe('summaries of files the project index reads from disk', () => {
  it('are the summaries the rules make from ESLint\'s own parse, on every fixture file', function () {
    this.timeout(60_000);
    const files = sourceFiles(FIXTURES);
    assert.ok(files.length > 100, `only ${files.length} fixture files`);
    let compared = 0;
    for (const file of files) {
      const text = fs.readFileSync(file, 'utf8');
      const linted = summaryWhenLinted(file, text);
      if (linted === undefined) continue;
      assert.equal(summaryFromDisk(file, text), linted, path.relative(FIXTURES, file));
      compared++;
    }
    assert.ok(compared > 100, `only ${compared} files parsed`);
  });

  for (const name of ['routes.ts', 'routes.js']) {
    it(`read names of unauthorized errors as ESLint's parse does, in ${name}`, () => {
      const file = path.join(FIXTURES, 'snippets', name);
      const text = name.endsWith('.js') ? UNAUTHORIZED_NAMES.replace(': unknown', '').replace(' as { role: string } | UnauthorizedError', '') : UNAUTHORIZED_NAMES;
      const linted = summaryWhenLinted(file, text);
      assert.ok(linted !== undefined);
      // Each route's authentication is hidden in another file; the error it names shows that the route checks it.
      const facts = (JSON.parse(linted) as { routes: { path: string; facts: { verifications: unknown[]; unknown: unknown[] } }[] }).routes.map((route) => [route.path, route.facts.verifications.length + route.facts.unknown.length]);
      assert.deepEqual(facts, name.endsWith('.js') ? [['/me', 1], ['/orders', 1], ['/typed', 0]] : [['/me', 1], ['/orders', 1], ['/typed', 1]]);
      assert.equal(summaryFromDisk(file, text), linted);
    });
  }
});
