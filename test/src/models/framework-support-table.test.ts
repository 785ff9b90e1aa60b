import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { FRAMEWORK_MODELS, type FrameworkModel } from '../../../eslint-plugin/out/models/index';

const README = path.join(__dirname, '..', '..', '..', 'README.md');
const HEADING = '### Frameworks';
const HEADER_ROW = '| framework | packages | what ClaimGuard reads |';

/** The README row a model stands for: its name, its packages and what it covers, in the registry's order. */
function rowOf(model: FrameworkModel): string {
  const packages = model.packages.length > 0 ? model.packages.map((name) => `\`${name}\``).join(', ') : '—';
  return `| ${cell(model.name)} | ${packages} | ${cell(model.covers)} |`;
}

function cell(text: string): string {
  return text.split('|').join('\\|');
}

/** The body rows of the first table after the heading, as the README has them. */
function readmeRows(): string[] {
  const lines = fs.readFileSync(README, 'utf8').split('\n');
  const heading = lines.indexOf(HEADING);
  assert.notEqual(heading, -1, `README.md has no "${HEADING}" section`);
  const header = lines.findIndex((line, at) => at > heading && line.startsWith('|'));
  assert.equal(lines[header], HEADER_ROW, `the table under "${HEADING}" starts with ${HEADER_ROW}`);
  const rows: string[] = [];
  for (let at = header + 2; at < lines.length && lines[at]!.startsWith('|'); at++) rows.push(lines[at]!);
  return rows;
}

describe('README framework support table', () => {
  const listed = FRAMEWORK_MODELS.filter((model) => model.listed !== false);

  it('lists every framework model, in the registry order, as the model describes it', () => {
    const expected = listed.map(rowOf);
    assert.deepEqual(readmeRows(), expected, `replace the rows under "${HEADER_ROW}" in README.md with:\n${expected.join('\n')}`);
  });

  it('gives every model a distinct id and name and says what it covers', () => {
    assert.equal(new Set(FRAMEWORK_MODELS.map((model) => model.id)).size, FRAMEWORK_MODELS.length);
    assert.equal(new Set(listed.map((model) => model.name)).size, listed.length);
    for (const model of listed) assert.ok(model.covers.trim().length > 0, `${model.id} says what it covers`);
  });

  it('has a test file for every listed model other than those that moved from the rule suites', () => {
    // Models that existed before models/ did are covered by the rule suites (test/src/eslint-plugin/rules).
    const coveredByRuleSuites = new Set(['express', 'fastify', 'fetch', 'graphql', 'hono', 'koa', 'koa-router', 'nestjs', 'nextjs', 'node-http']);
    const sources = path.join(__dirname, '..', '..', 'src', 'models');
    for (const model of listed) {
      if (coveredByRuleSuites.has(model.id)) continue;
      assert.ok(fs.existsSync(path.join(sources, `${model.id}.test.ts`)), `test/src/models/${model.id}.test.ts exists`);
    }
  });
});
