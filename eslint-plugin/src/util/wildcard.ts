/**
 * Linear-time wildcard matching for patterns the analysed project writes: `.gitignore` lines, globs in settings,
 * route prefixes and matchers. A pattern compiles to a small automaton that is simulated state-set by state-set
 * (Thompson's construction), so matching costs O(text × pattern) whatever the pattern: no backtracking, and no
 * `RegExp` is ever built from the project's text (a crafted `a*a*a*…!` cannot hang the analysis).
 */

/** One step of a compiled pattern. */
type Step =
  /** Consumes one character accepted by `test`. */
  | { kind: 'one'; test: (char: string) => boolean }
  /** Consumes any number of characters accepted by `test` (possibly none). */
  | { kind: 'many'; test: (char: string) => boolean }
  /** Matches nothing or any text that ends with `/`: gitignore's `**\/`, route matchers' `/:path*` prefix. */
  | { kind: 'dirs' };

export interface Wildcard {
  readonly steps: readonly Step[];
}

/** Patterns longer than this are treated as matching nothing: no real glob or route is this long. */
export const MAX_PATTERN_LENGTH = 2000;

const notSlash = (char: string): boolean => char !== '/';
const anyChar = (): boolean => true;

function literal(expected: string): Step {
  return { kind: 'one', test: (char) => char === expected };
}

/** Runs the automaton over `text`; true when it can end in the accepting state. */
export function matches(pattern: Wildcard, text: string): boolean {
  const steps = pattern.steps;
  const count = steps.length;
  // State i means "the first i steps are matched"; `dirs` has an inner state (count + 1 + i) for "inside a directory name".
  let active = closure(new Set([0]), steps);
  for (const char of text) {
    const next = new Set<number>();
    for (const state of active) {
      if (state > count) {
        // Inside `dirs`: any character stays inside, a slash may also end the directory.
        const index = state - count - 1;
        next.add(state);
        if (char === '/') next.add(index);
        continue;
      }
      const step = steps[state];
      if (!step) continue;
      if (step.kind === 'one' && step.test(char)) next.add(state + 1);
      else if (step.kind === 'many' && step.test(char)) next.add(state);
      else if (step.kind === 'dirs') next.add(count + 1 + state);
    }
    if (next.size === 0) return false;
    active = closure(next, steps);
  }
  return active.has(count);
}

/** Adds the states reachable without consuming a character: past `many` and `dirs`, which may match nothing. */
function closure(states: Set<number>, steps: readonly Step[]): Set<number> {
  const pending = [...states];
  while (pending.length > 0) {
    const state = pending.pop()!;
    const step = steps[state];
    if (step && step.kind !== 'one' && !states.has(state + 1)) {
      states.add(state + 1);
      pending.push(state + 1);
    }
  }
  return states;
}

/**
 * A glob in gitignore / minimatch style, relative and `/`-separated: `*` any run within a segment, `?` one
 * character, `[a-z]` / `[!a-z]` a class, `**` any number of segments, `\` escapes.
 */
export function compileGlob(glob: string): Wildcard {
  if (glob.length > MAX_PATTERN_LENGTH) return { steps: [{ kind: 'one', test: () => false }] };
  const steps: Step[] = [];
  for (let i = 0; i < glob.length; i++) {
    const char = glob[i]!;
    if (char === '\\' && i + 1 < glob.length) {
      steps.push(literal(glob[++i]!));
    } else if (char === '*' && glob[i + 1] === '*' && (i === 0 || glob[i - 1] === '/')) {
      // `**/` spans whole directories; a trailing `**` spans everything below.
      if (glob[i + 2] === '/') {
        steps.push({ kind: 'dirs' });
        i += 2;
      } else {
        steps.push({ kind: 'many', test: anyChar });
        i += 1;
      }
    } else if (char === '*') {
      while (glob[i + 1] === '*') i++;
      steps.push({ kind: 'many', test: notSlash });
    } else if (char === '?') {
      steps.push({ kind: 'one', test: notSlash });
    } else if (char === '[') {
      const parsed = characterClass(glob, i);
      if (parsed) {
        steps.push({ kind: 'one', test: parsed.test });
        i = parsed.end;
      } else {
        steps.push(literal('['));
      }
    } else {
      steps.push(literal(char));
    }
  }
  return { steps };
}

/** `[abc]`, `[a-z]`, `[!a-z]` / `[^a-z]` starting at `start`; undefined when the bracket is not closed. */
function characterClass(glob: string, start: number): { test: (char: string) => boolean; end: number } | undefined {
  let i = start + 1;
  const negated = glob[i] === '!' || glob[i] === '^';
  if (negated) i++;
  const ranges: [string, string][] = [];
  for (let first = true; i < glob.length; i++, first = false) {
    const char = glob[i]!;
    if (char === ']' && !first) {
      const test = (candidate: string): boolean => candidate !== '/' && ranges.some(([low, high]) => candidate >= low && candidate <= high) !== negated;
      return { test, end: i };
    }
    if (glob[i + 1] === '-' && glob[i + 2] !== undefined && glob[i + 2] !== ']') {
      ranges.push([char, glob[i + 2]!]);
      i += 2;
    } else {
      ranges.push([char, char]);
    }
  }
  return undefined;
}

/** Compiles once and matches; for callers that test one pattern once. */
export function globMatches(glob: string, text: string): boolean {
  return matches(compileGlob(glob), text);
}
