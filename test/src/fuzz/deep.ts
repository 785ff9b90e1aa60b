import { Linter } from 'eslint';
import { ALL_RULES, allRulesConfig } from './lint';
import { nestedFile, type NestingKind } from './inputs';

/** Parsers a deep file can meet: typescript-eslint for `.ts`, ESLint's default espree for `.js`. */
export type ParserName = 'typescript-eslint' | 'espree';

/** How one lint of a deep file ended. */
export type DeepOutcome =
  | { kind: 'linted'; messages: Linter.LintMessage[] }
  /** The parser gave up (ESLint turns its exception into one fatal message; no rule ran). */
  | { kind: 'parse-error'; message: string }
  /** ESLint's own scope analysis or traversal overflowed before any rule ran. */
  | { kind: 'core-overflow'; error: Error };

/** Thrown when a claimguard rule (not the parser, not ESLint) failed on a deep file. */
export class RuleCrash extends Error {
  constructor(description: string, cause: unknown) {
    super(`a claimguard rule crashed on ${description}: ${cause instanceof Error ? (cause.stack ?? cause.message) : String(cause)}`);
    this.name = 'RuleCrash';
  }
}

function configFor(parser: ParserName): Linter.Config[] {
  return allRulesConfig(undefined, ALL_RULES, parser);
}

/** Frames of our own compiled plugin in a stack trace. */
const OUR_FRAMES = /eslint-plugin[\\/]out[\\/]/;

/**
 * Lints `code` and sorts the result. Anything a claimguard rule threw becomes a RuleCrash: ESLint appends
 * `Rule: "<id>"` to errors from rules, and a stack overflow is ours when our frames are on top of the stack.
 */
export function lintDeep(linter: Linter, parser: ParserName, code: string, description: string): DeepOutcome {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 40;
  try {
    const messages = linter.verify(code, configFor(parser), parser === 'espree' ? 'deep.js' : 'deep.ts');
    const fatal = messages.find((message) => message.fatal);
    return fatal ? { kind: 'parse-error', message: fatal.message } : { kind: 'linted', messages };
  } catch (error) {
    const fromRule = error instanceof Error && /Rule: "claimguard\//.test(error.message);
    const ourFrames = error instanceof Error && OUR_FRAMES.test((error.stack ?? '').split('\n').slice(1, 30).join('\n'));
    if (error instanceof RangeError && !fromRule && !ourFrames) return { kind: 'core-overflow', error };
    throw new RuleCrash(description, error);
  } finally {
    Error.stackTraceLimit = limit;
  }
}

export interface DepthProbe {
  kind: NestingKind;
  parser: ParserName;
  /** The deepest nesting that linted (parsed, and every rule ran); 0 when none did. */
  deepest: number;
  /** The messages of that lint. */
  messages: Linter.LintMessage[];
  /** How the lint at the ceiling ended. */
  atCeiling: DeepOutcome['kind'];
}

/**
 * Finds, by bisection, the deepest nesting of `kind` that the parser and ESLint accept (within 6%), linting
 * every probe with every rule on. A rule crash at any depth throws.
 */
export function probeDepth(linter: Linter, parser: ParserName, kind: NestingKind, ceiling: number): DepthProbe {
  const lint = (depth: number): DeepOutcome => lintDeep(linter, parser, nestedFile(kind, depth), `${kind} nested ${depth} deep (${parser})`);
  const top = lint(ceiling);
  if (top.kind === 'linted') return { kind, parser, deepest: ceiling, messages: top.messages, atCeiling: top.kind };
  let low = 0;
  let high = ceiling;
  let messages: Linter.LintMessage[] = [];
  while (high - low > Math.max(2, low * 0.06)) {
    const middle = Math.floor((low + high) / 2);
    const outcome = lint(middle);
    if (outcome.kind === 'linted') {
      low = middle;
      messages = outcome.messages;
    } else {
      high = middle;
    }
  }
  return { kind, parser, deepest: low, messages, atCeiling: top.kind };
}
