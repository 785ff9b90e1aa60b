import * as assert from 'node:assert/strict';
import { createLinter, describeMessages, lintAll } from '../fuzz/lint';
import { bigFile, LOCAL_CHECK_KINDS, NESTING_KINDS, nestedFile } from '../fuzz/inputs';
import { lintDeep, probeDepth, type ParserName } from '../fuzz/deep';

const UNTRUSTED = 'claimguard/no-untrusted-authorization';

describe('extreme inputs', () => {
  describe('a 50,000-line file', function () {
    // No timing assertion: speed is measured by `npm run bench`. The limit only stops a hang.
    this.timeout(900_000);

    it('finishes and reports exactly the planted decisions, where they were planted', () => {
      const file = bigFile(50_000);
      assert.ok(file.lines >= 50_000);
      const messages = lintAll(createLinter(), file.code, 'src/big-router.ts');
      assert.deepEqual(
        messages.filter((message) => message.fatal),
        [],
        'the file parses',
      );
      const untrusted = messages.filter((message) => message.ruleId === UNTRUSTED);
      assert.deepEqual(
        untrusted.map((message) => ({ line: message.line, column: message.column })),
        file.planted.map(({ line, column }) => ({ line, column })),
        'one finding per planted check, none elsewhere',
      );
      untrusted.forEach((message, i) => assert.match(message.message, new RegExp(file.planted[i].origin.replace(/[-']/g, '\\$&'))));
      const others = messages.filter((message) => message.ruleId !== UNTRUSTED && message.ruleId !== 'claimguard/maturity-level');
      assert.deepEqual(others, [], `no other rule fires on the benign blocks:\n${describeMessages(others.slice(0, 5))}`);
    });
  });

  describe('10,000-deep nesting', function () {
    this.timeout(300_000);
    const linter = createLinter();
    const parsers: ParserName[] = ['typescript-eslint', 'espree'];

    for (const parser of parsers) {
      for (const kind of NESTING_KINDS) {
        it(`${kind} (${parser}): the parser's limit is a clean failure, and the deepest accepted file lints`, () => {
          const probe = probeDepth(linter, parser, kind, 10_000);
          if (probe.atCeiling === 'linted') {
            assert.equal(probe.deepest, 10_000);
          } else {
            // The parser (or ESLint's scope analysis) refused 10,000 levels; it must have accepted some depth.
            assert.ok(probe.deepest >= 100, `only ${probe.deepest} levels of ${kind} linted`);
          }
          if (LOCAL_CHECK_KINDS.has(kind)) {
            const found = probe.messages.filter((message) => message.ruleId === UNTRUSTED);
            assert.ok(
              found.some((message) => /header 'x-role'/.test(message.message)),
              `the check ${probe.deepest} levels deep is reported:\n${describeMessages(probe.messages)}`,
            );
          }
        });
      }
    }

    it('a parse failure from nesting is one fatal message, with no rule output', () => {
      const outcome = lintDeep(linter, 'typescript-eslint', nestedFile('parentheses', 10_000), 'parentheses 10,000 deep');
      assert.equal(outcome.kind, 'parse-error');
      if (outcome.kind === 'parse-error') assert.match(outcome.message, /^Parsing error: /);
    });
  });
});
