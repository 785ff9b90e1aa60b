import * as assert from 'node:assert/strict';
import { compileGlob, globMatches, matches } from '../../../eslint-plugin/out/util/wildcard';

describe('linear-time wildcard matching', () => {
  const cases: [string, string, boolean][] = [
    ['*.js', 'app.js', true],
    ['*.js', 'src/app.js', false],
    ['**/*.js', 'src/app.js', true],
    ['**/*.js', 'app.js', true],
    ['src/**/*.ts', 'src/a/b/c.ts', true],
    ['src/**/*.ts', 'src/c.ts', true],
    ['src/**/*.ts', 'lib/c.ts', false],
    ['src/**', 'src/a/b', true],
    ['a?c', 'abc', true],
    ['a?c', 'a/c', false],
    ['[a-c]x', 'bx', true],
    ['[!a-c]x', 'bx', false],
    ['[!a-c]x', 'dx', true],
    ['\\*x', '*x', true],
    ['\\*x', 'ax', false],
    ['/health', '/health', true],
    ['/docs/**', '/docs/a/b', true],
    ['/docs/*', '/docs/a/b', false],
    ['**/node_modules/**', 'a/node_modules/b/c.js', true],
    ['[unclosed', '[unclosed', true],
  ];
  for (const [pattern, text, expected] of cases) {
    it(`${pattern} ${expected ? 'matches' : 'does not match'} ${text}`, () => {
      assert.equal(globMatches(pattern, text), expected);
    });
  }

  it('answers a pattern built to make backtracking matchers explode', () => {
    // With a backtracking matcher, `a*a*…a*!` against a long run of `a` takes exponential steps; here each
    // character costs at most one pass over the pattern's states, so the answer is certain, not slow.
    const pattern = compileGlob(`${'a*'.repeat(40)}!`);
    assert.equal(matches(pattern, 'a'.repeat(5000)), false);
    assert.equal(matches(pattern, `${'a'.repeat(5000)}!`), true);
  });

  it('treats an absurdly long pattern as matching nothing', () => {
    assert.equal(globMatches('*'.repeat(5000), 'anything'), false);
  });
});
