/**
 * Bounded cost (DESIGN.md, "Bounded cost"): each step of a file's analysis is bounded by the size of the file, and
 * where a bound stops it the analysis says so. This module keeps, per parse, the work the analysis did (counts the
 * adversarial test suite asserts instead of times) and the places where a budget stopped it, which the
 * `no-incomplete-analysis` rule reports so the stop reaches `eslint`, the `claimguard` command and editors alike.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { spanOf, type Span } from './findings';

/** Units of work, counted where the analysis does them (not where it reads a memoized result). */
export interface AnalysisWork {
  /** Expressions evaluated (each at most once per parse). */
  evaluations: number;
  /** Variables whose values were gathered (each at most once). */
  variables: number;
  /** A parameter resolved through the call sites of its function, per caller level. */
  parameterResolutions: number;
  /** Call sites looked at while resolving parameters. */
  callSites: number;
  /** Segment prefixes of route and mount paths looked up among the literal `use` prefixes. */
  prefixLookups: number;
  /** `use` registrations with wildcard prefixes weighed against a route or a mount. */
  useChecks: number;
  /** Same-file functions taken into the code of a route's chain links. */
  chainFunctions: number;
  /** Expressions read for their constant value (options, secrets, paths), each at most once per parse. */
  constants: number;
}

export type BudgetKind = 'call-depth' | 'evaluation-depth' | 'route-prefixes' | 'chain-expansion';

/** One place where a budget stopped the analysis. */
export interface BudgetHit {
  kind: BudgetKind;
  /** What was being analysed, as the code names it (`guard`, `v5000`). */
  subject: string;
  /** How many more subjects stopped at the same place (other functions whose callers were not followed). */
  others: number;
  /** The bound that was reached, in its own unit (call levels, steps, prefix checks). */
  limit: number;
  /** Where the diagnostic points: the expression whose analysis is incomplete. */
  span: Span;
}

export interface FileBudget {
  readonly work: AnalysisWork;
  readonly hits: readonly BudgetHit[];
  /** Notes a stop once per kind, subject and place. */
  hit(kind: BudgetKind, subject: string, limit: number, node: TSESTree.Node, others?: number): void;
}

class Budget implements FileBudget {
  readonly work: AnalysisWork = { evaluations: 0, variables: 0, parameterResolutions: 0, callSites: 0, prefixLookups: 0, useChecks: 0, chainFunctions: 0, constants: 0 };
  readonly hits: BudgetHit[] = [];
  private readonly seen = new Set<string>();

  hit(kind: BudgetKind, subject: string, limit: number, node: TSESTree.Node, others = 0): void {
    const key = `${kind}\0${subject}\0${node.range[0]}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.hits.push({ kind, subject, others, limit, span: spanOf(node) });
  }
}

/**
 * A count of one kind of work a file may do, proportional to its size: each `allow` spends one unit (counted in
 * the work record) until the limit, after which it answers false and the first refusal is noted as a stop.
 */
export class Allowance {
  private left: number;
  private stopped = false;

  constructor(
    private readonly budget: FileBudget,
    private readonly kind: BudgetKind,
    private readonly counter: keyof AnalysisWork,
    private readonly limit: number,
  ) {
    this.left = limit;
  }

  /** `subject` names what stopped in the diagnostic; a function is asked only then, off the hot path. */
  allow(subject: string | (() => string), at: TSESTree.Node): boolean {
    if (this.left > 0) {
      this.budget.work[this.counter]++;
      this.left--;
      return true;
    }
    if (!this.stopped) {
      this.stopped = true;
      this.budget.hit(this.kind, typeof subject === 'string' ? subject : subject(), this.limit, at);
    }
    return false;
  }
}

const budgets = new WeakMap<TSESLint.SourceCode, Budget>();

/** The work record and budget stops of one parse, shared by every part of its analysis. */
export function budgetOf(sourceCode: TSESLint.SourceCode): FileBudget {
  let budget = budgets.get(sourceCode);
  if (!budget) {
    budget = new Budget();
    budgets.set(sourceCode, budget);
  }
  return budget;
}

/** How a diagnostic names a subject: the code's own text, kept short and on one line. */
export function subjectText(sourceCode: TSESLint.SourceCode, node: TSESTree.Node): string {
  const text = sourceCode.text.slice(node.range[0], Math.min(node.range[1], node.range[0] + 80)).replace(/\s+/g, ' ');
  return text.length <= 40 ? text : `${text.slice(0, 37)}…`;
}
