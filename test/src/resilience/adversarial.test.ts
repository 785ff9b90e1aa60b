import * as assert from 'node:assert/strict';
import type { Linter } from 'eslint';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { budgetOf, type AnalysisWork } from '../../../eslint-plugin/out/analysis/budget';
import { refusalBeforeParsing } from '../../../eslint-plugin/out/project/parse';
import { allRulesConfig, createLinter, describeMessages, type ParserChoice } from '../fuzz/lint';
import * as shapes from '../fuzz/adversarial';

/**
 * Inputs built against the analysis's cost, linted small. Each asserts what is reported and that the work the
 * analysis counts grows linearly: doubling the input at most doubles the work (plus a constant), and no expression
 * is evaluated more often than the file has nodes. Times are for `npm run bench`, which lints them at full size.
 */

const PARSERS: ParserChoice[] = ['espree', 'typescript-eslint'];

interface Lint {
  messages: Linter.LintMessage[];
  work: AnalysisWork;
  nodes: number;
}

function lint(code: string, parser: ParserChoice): Lint {
  const linter = createLinter();
  const messages = linter.verify(code, allRulesConfig(undefined, undefined, parser), 'adversarial.js');
  assert.deepEqual(messages.filter((message) => message.fatal), [], 'the file parses');
  const sourceCode = linter.getSourceCode() as unknown as TSESLint.SourceCode;
  return { messages, work: budgetOf(sourceCode).work, nodes: countNodes(sourceCode) };
}

function countNodes(sourceCode: TSESLint.SourceCode): number {
  let count = 0;
  const stack: TSESTree.Node[] = [sourceCode.ast];
  while (stack.length > 0) {
    const node = stack.pop()!;
    count++;
    for (const key of sourceCode.visitorKeys[node.type] ?? []) {
      const child = (node as unknown as Record<string, unknown>)[key];
      for (const item of Array.isArray(child) ? child : [child]) if (item && typeof (item as TSESTree.Node).type === 'string') stack.push(item as TSESTree.Node);
    }
  }
  return count;
}

/** Messages per rule and message id, e.g. `{ 'no-untrusted-authorization:untrustedHeader': 1 }`. */
function tally(messages: readonly Linter.LintMessage[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const message of messages) {
    const key = `${(message.ruleId ?? 'parser').replace('claimguard/', '')}:${message.messageId ?? ''}`;
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return counts;
}

function steps(work: AnalysisWork): number {
  return Object.values(work).reduce((sum, value) => sum + value, 0);
}

interface Case {
  generate: (size: number) => string;
  size: number;
  expected: (size: number) => Record<string, number>;
}

const CASES: Record<string, Case> = {
  'a guard calling itself at every line': {
    generate: shapes.selfCallingGuard,
    size: 40,
    expected: () => ({ 'no-untrusted-authorization:untrustedHeader': 1, 'maturity-level:unauthenticated': 1 }),
  },
  'helpers that call the helpers before them': {
    generate: shapes.helperFanOut,
    size: 30,
    // The route's call is more than four levels above the check: the finding is missed, and the stop says so, once.
    expected: () => ({ 'no-incomplete-analysis:callDepth': 1, 'maturity-level:unauthenticated': 1 }),
  },
  'routes each behind a use prefix of their own': {
    generate: shapes.prefixedRoutes,
    size: 150,
    // Every route is behind its prefix's verifier (Level 1), none unauthenticated.
    expected: (size) => ({ 'maturity-level:belowMinimum': size }),
  },
  'routers mounted under prefixes': {
    generate: shapes.mountedRouters,
    size: 100,
    expected: (size) => ({ 'maturity-level:belowMinimum': size }),
  },
  'html = html + req.query.x on every line': {
    generate: shapes.concatenation,
    size: 400,
    expected: () => ({ 'no-untrusted-authorization:untrustedQuery': 1, 'maturity-level:unauthenticated': 1 }),
  },
  'an alias chain within the evaluation bound': {
    generate: shapes.aliasChain,
    size: 15,
    expected: () => ({ 'no-untrusted-authorization:untrustedHeader': 1, 'maturity-level:unauthenticated': 1 }),
  },
  'an alias chain past the evaluation bound': {
    generate: shapes.aliasChain,
    size: 200,
    expected: () => ({ 'no-incomplete-analysis:evaluationDepth': 1, 'maturity-level:unauthenticated': 1 }),
  },
  'routes that all call one big helper': {
    generate: shapes.sharedHelper,
    size: 200,
    expected: (size) => ({ 'maturity-level:unauthenticated': size }),
  },
  'an allow-list and a ring of predicates past their bounds': {
    generate: shapes.allowListShapes,
    size: 100,
    // Neither lets the route through, so its role check is on verified claims; the value analysis says where it stopped in the ring.
    expected: () => ({ 'no-incomplete-analysis:evaluationDepth': 1, 'require-jwt-validation:missingChecks': 1 }),
  },
  'a config object of many sections, read at every line': {
    generate: shapes.configSections,
    size: 100,
    // The sections past the bound leave the object open, but the options were assigned first: the missing audience is named.
    expected: (size) => ({ 'require-jwt-validation:missingAudience': size, 'maturity-level:belowMinimum': size }),
  },
  'a use prefix built to make a backtracking matcher explode': {
    generate: shapes.backtrackingPrefix,
    size: 40,
    // The prefix does not cover the route: nothing authenticates it.
    expected: () => ({ 'no-untrusted-authorization:untrustedHeader': 1, 'maturity-level:unauthenticated': 1 }),
  },
};

describe('adversarial inputs', function () {
  this.timeout(120_000);

  for (const [name, { generate, size, expected }] of Object.entries(CASES)) {
    describe(name, () => {
      for (const parser of PARSERS) {
        it(`${parser}: reports what the file holds, and the work grows linearly`, () => {
          const small = lint(generate(size), parser);
          const large = lint(generate(size * 2), parser);
          assert.deepEqual(tally(small.messages), expected(size), describeMessages(small.messages.slice(0, 8)));
          assert.deepEqual(tally(large.messages), expected(size * 2), describeMessages(large.messages.slice(0, 8)));
          assert.ok(steps(large.work) <= 2.2 * steps(small.work) + 100, `work at ${size}: ${JSON.stringify(small.work)}; at ${size * 2}: ${JSON.stringify(large.work)}`);
          assert.ok(large.work.evaluations <= large.nodes, `${large.work.evaluations} evaluations for ${large.nodes} nodes`);
        });
      }
    });
  }

  describe('wildcard prefixes against every route', () => {
    it('matches within a budget proportional to the file, then says where it stopped', () => {
      const { messages, work } = lint(shapes.wildcardPrefixes(150), 'espree');
      const code = shapes.wildcardPrefixes(150);
      assert.deepEqual(tally(messages), { 'maturity-level:unauthenticated': 150, 'no-incomplete-analysis:routePrefixes': 1 });
      assert.ok(work.useChecks <= Math.max(10_000, code.length), `${work.useChecks} checks for ${code.length} characters`);
    });

    it('a few of them, well within the budget, are matched against every route', () => {
      const { messages } = lint(shapes.wildcardPrefixes(20), 'typescript-eslint');
      assert.deepEqual(tally(messages), { 'maturity-level:unauthenticated': 20 });
    });
  });

  describe('an else-if chain thousands long', () => {
    it('is refused before any parser sees it: handed to one, it can abort Node', () => {
      assert.equal(refusalBeforeParsing(shapes.elseIfChain(4_000)), "nesting deeper than 500 levels, which would exhaust the parser's stack");
      assert.equal(refusalBeforeParsing(shapes.elseIfChain(400)), undefined);
    });

    it('a long one within the bound lints normally', () => {
      const { messages } = lint(shapes.elseIfChain(400), 'espree');
      assert.deepEqual(tally(messages), { 'maturity-level:unauthenticated': 1 });
    });
  });
});
