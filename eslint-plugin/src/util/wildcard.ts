/**
 * Linear-time wildcard matching for patterns the analysed project writes: `.gitignore` lines, globs in settings,
 * route prefixes and matchers, public-route allow-lists. A pattern compiles to a small automaton (Thompson's
 * construction) that is simulated state-set by state-set, so matching costs O(text × pattern) whatever the
 * pattern: no backtracking, and no `RegExp` is ever built from the project's text (a crafted `a*a*a*…!` cannot
 * hang the analysis).
 */

type CharTest = (char: string) => boolean;

/** A pattern before it becomes an automaton: characters, runs of characters, and optional parts. */
type Piece =
  /** One character accepted by `test`. */
  | { kind: 'char'; test: CharTest }
  /** Any number of characters accepted by `test`, possibly none. */
  | { kind: 'star'; test: CharTest }
  /** The pieces of `body` in order, or nothing. */
  | { kind: 'optional'; body: Piece[] };

/** A state of the automaton: at most one character edge (`test` leads to `next`) and any number of empty edges. */
interface State {
  test: CharTest | undefined;
  next: number;
  empty: number[];
}

export interface Wildcard {
  readonly states: readonly State[];
  /** The accepting state; -1 for a pattern that matches nothing. */
  readonly accept: number;
  /** Texts that match only when they do not continue with one of `words` at `offset` (a route matcher's look-ahead). */
  readonly exclusions?: readonly Exclusion[];
}

interface Exclusion {
  offset: number;
  words: readonly string[];
}

/** Patterns longer than this are treated as matching nothing: no real glob or route is this long. */
export const MAX_PATTERN_LENGTH = 2000;

const NOTHING: Wildcard = { states: [], accept: -1 };

const notSlash: CharTest = (char) => char !== '/';
const anyChar: CharTest = () => true;

function literal(expected: string): Piece {
  return { kind: 'char', test: (char) => char === expected };
}

/** One or more characters accepted by `test`. */
function plus(test: CharTest): Piece[] {
  return [{ kind: 'char', test }, { kind: 'star', test }];
}

/** Builds the automaton for a list of pieces. */
function build(pieces: readonly Piece[]): Wildcard {
  const states: State[] = [];
  const add = (): number => states.push({ test: undefined, next: -1, empty: [] }) - 1;
  // Each piece starts at a state with no character edge yet and returns such a state where it ends.
  const emit = (list: readonly Piece[], from: number): number => {
    let at = from;
    for (const piece of list) {
      if (piece.kind === 'char') {
        const end = add();
        states[at]!.test = piece.test;
        states[at]!.next = end;
        at = end;
      } else if (piece.kind === 'star') {
        const loop = add();
        const end = add();
        states[at]!.empty.push(loop);
        states[loop]!.test = piece.test;
        states[loop]!.next = at;
        states[at]!.empty.push(end);
        at = end;
      } else {
        const body = add();
        const end = add();
        states[at]!.empty.push(body, end);
        states[emit(piece.body, body)]!.empty.push(end);
        at = end;
      }
    }
    return at;
  };
  const start = add();
  return { states, accept: emit(pieces, start) };
}

/** Runs the automaton over `text`; true when it can end in the accepting state. */
export function matches(pattern: Wildcard, text: string): boolean {
  const { states, accept, exclusions } = pattern;
  if (accept < 0) return false;
  if (exclusions?.some(({ offset, words }) => words.some((word) => text.startsWith(word, offset)))) return false;
  const scratch = scratchOf(pattern);
  let active = closure(states, [0], scratch);
  for (const char of text) {
    const next: number[] = [];
    for (const state of active) {
      const { test } = states[state]!;
      if (test && test(char)) next.push(states[state]!.next);
    }
    if (next.length === 0) return false;
    active = closure(states, next, scratch);
  }
  return active.includes(accept);
}

/**
 * Per automaton, reused by every match: `stamp[s] === generation` marks a state already in the set being built,
 * so a set is built without allocating one (matching runs once per route and prefix, and allocation was most of it).
 */
interface Scratch {
  stamp: Uint32Array;
  generation: number;
  pending: number[];
}

const scratches = new WeakMap<Wildcard, Scratch>();

function scratchOf(pattern: Wildcard): Scratch {
  let scratch = scratches.get(pattern);
  if (!scratch) {
    scratch = { stamp: new Uint32Array(pattern.states.length), generation: 0, pending: [] };
    scratches.set(pattern, scratch);
  }
  return scratch;
}

/** The states reachable from `seeds` without consuming a character. */
function closure(states: readonly State[], seeds: readonly number[], scratch: Scratch): number[] {
  if (scratch.generation === 0xffffffff) {
    scratch.stamp.fill(0);
    scratch.generation = 0;
  }
  const generation = ++scratch.generation;
  const { stamp, pending } = scratch;
  const found: number[] = [];
  pending.length = 0;
  for (const seed of seeds) pending.push(seed);
  while (pending.length > 0) {
    const state = pending.pop()!;
    if (stamp[state] === generation) continue;
    stamp[state] = generation;
    found.push(state);
    for (const target of states[state]!.empty) if (stamp[target] !== generation) pending.push(target);
  }
  return found;
}

/**
 * A glob in gitignore / minimatch style, relative and `/`-separated: `*` any run within a segment, `?` one
 * character, `[a-z]` / `[!a-z]` a class, `**` any number of segments, `\` escapes.
 */
export function compileGlob(glob: string): Wildcard {
  if (glob.length > MAX_PATTERN_LENGTH) return NOTHING;
  const pieces: Piece[] = [];
  for (let i = 0; i < glob.length; i++) {
    const char = glob[i]!;
    if (char === '\\' && i + 1 < glob.length) {
      pieces.push(literal(glob[++i]!));
    } else if (char === '*' && glob[i + 1] === '*' && (i === 0 || glob[i - 1] === '/')) {
      // `**/` spans whole directories (nothing, or any text that ends with `/`); a trailing `**` spans everything below.
      if (glob[i + 2] === '/') {
        pieces.push({ kind: 'optional', body: [{ kind: 'star', test: anyChar }, literal('/')] });
        i += 2;
      } else {
        pieces.push({ kind: 'star', test: anyChar });
        i += 1;
      }
    } else if (char === '*') {
      while (glob[i + 1] === '*') i++;
      pieces.push({ kind: 'star', test: notSlash });
    } else if (char === '?') {
      pieces.push({ kind: 'char', test: notSlash });
    } else if (char === '[') {
      const parsed = characterClass(glob, i);
      if (parsed) {
        pieces.push({ kind: 'char', test: parsed.test });
        i = parsed.end;
      } else {
        pieces.push(literal('['));
      }
    } else {
      pieces.push(literal(char));
    }
  }
  return build(pieces);
}

/** `[abc]`, `[a-z]`, `[!a-z]` / `[^a-z]` starting at `start`; undefined when the bracket is not closed. */
function characterClass(glob: string, start: number): { test: CharTest; end: number } | undefined {
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

/** How a route pattern is anchored: the whole path (a route, a matcher), or the path and everything below it (`use`). */
export type RouteAnchoring = 'whole' | 'prefix';

const NAME_CHAR = /^[A-Za-z0-9_$]$/;

/**
 * A route pattern in the path-to-regexp family that Express, Koa, Fastify, Hono, NestJS and Next.js matchers
 * share: `:name` one segment, `:name?` an optional segment, `:name*` / `:name+` zero / one or more segments
 * (Next.js), `*` and `(.*)` anything (Express 4, Nest, Hono's `/*`), `*name` anything (Express 5), `{…}` an
 * optional part (Express 5), `:name(…)` / `:name{…}` a segment whatever its constraint, `\` escapes. Next.js's
 * `/((?!api|_next/static).*)` is understood as "anything that does not start with `api` or `_next/static`". A
 * `prefix` pattern also covers every path below it (`app.use('/admin', …)` covers `/admin/users`; Hono's
 * `/admin/*` covers `/admin`). A trailing slash in the path is accepted either way.
 */
export function compileRoutePattern(pattern: string, anchoring: RouteAnchoring): Wildcard {
  if (pattern.length > MAX_PATTERN_LENGTH) return NOTHING;
  let source = pattern;
  if (anchoring === 'prefix') {
    if (source.endsWith('/*')) source = source.slice(0, -2);
    while (source.endsWith('/')) source = source.slice(0, -1);
  }
  const parser = new RouteParser();
  const pieces = parser.pieces(source);
  pieces.push({ kind: 'optional', body: anchoring === 'prefix' ? [literal('/'), { kind: 'star', test: anyChar }] : [literal('/')] });
  const built = build(pieces);
  return parser.exclusions.length > 0 ? { ...built, exclusions: parser.exclusions } : built;
}

/** Reads a route pattern into pieces, noting negative look-aheads at a fixed offset as exclusions. */
class RouteParser {
  readonly exclusions: Exclusion[] = [];
  /** The literal text from the start of the pattern, while nothing but literals has been read. */
  private fixed: string | undefined = '';

  pieces(source: string, nested = false): Piece[] {
    const pieces: Piece[] = [];
    // Inside an optional part nothing sits at a fixed offset any more.
    if (nested) this.fixed = undefined;
    for (let i = 0; i < source.length; i++) {
      const char = source[i]!;
      if (char === '\\' && i + 1 < source.length) {
        this.literal(pieces, source[++i]!);
      } else if (char === '*') {
        // Express 5's `*splat` names what it matches; the name changes nothing here.
        while (i + 1 < source.length && NAME_CHAR.test(source[i + 1]!)) i++;
        this.push(pieces, { kind: 'star', test: anyChar });
      } else if (char === '(') {
        const end = closing(source, i, '(', ')');
        this.push(pieces, ...this.group(source.slice(i + 1, end), notSlash));
        i = end;
      } else if (char === '{') {
        const end = closing(source, i, '{', '}');
        this.push(pieces, { kind: 'optional', body: this.pieces(source.slice(i + 1, end), true) });
        i = end;
      } else if (char === ':' && NAME_CHAR.test(source[i + 1] ?? '')) {
        i = this.parameter(source, i, pieces);
      } else if ((char === '?' || char === '+') && pieces.length > 0) {
        // Express 4 strings: `ab?c` makes `b` optional, `ab+c` repeats it.
        const last = pieces.pop()!;
        this.push(pieces, ...(char === '?' ? [{ kind: 'optional' as const, body: [last] }] : [last, ...(last.kind === 'char' ? [{ kind: 'star' as const, test: last.test }] : [])]));
      } else {
        this.literal(pieces, char);
      }
    }
    return pieces;
  }

  private literal(pieces: Piece[], char: string): void {
    pieces.push(literal(char));
    if (this.fixed !== undefined) this.fixed += char;
  }

  private push(pieces: Piece[], ...added: Piece[]): void {
    pieces.push(...added);
    this.fixed = undefined;
  }

  /** A `:name` parameter at `start`, with its constraint and modifier; returns the index of its last character. */
  private parameter(source: string, start: number, pieces: Piece[]): number {
    let i = start + 1;
    while (i + 1 < source.length && NAME_CHAR.test(source[i + 1]!)) i++;
    let segment = plus(notSlash);
    // A constraint (`:id(\\d+)`, Hono's `:id{[0-9]+}`) narrows one segment; `(.*)` widens it to anything.
    const open = source[i + 1];
    if (open === '(' || open === '{') {
      const end = closing(source, i + 1, open, open === '(' ? ')' : '}');
      segment = open === '(' ? this.group(source.slice(i + 2, end), notSlash, true) : plus(notSlash);
      i = end;
    }
    const modifier = source[i + 1];
    if (modifier !== '?' && modifier !== '*' && modifier !== '+') {
      this.push(pieces, ...segment);
      return i;
    }
    // The modifier takes the slash before the parameter with it: `/users/:id?` also matches `/users`.
    const slash = pieces.length > 0 && isLiteralSlash(pieces[pieces.length - 1]!) ? [pieces.pop()!] : [];
    if (slash.length > 0 && this.fixed !== undefined) this.fixed = this.fixed.slice(0, -1);
    const body = modifier === '?' ? [...slash, ...segment] : [...slash, ...plus(anyChar)];
    this.push(pieces, ...(modifier === '+' ? body : [{ kind: 'optional' as const, body }]));
    return i + 1;
  }

  /**
   * A regular-expression group: `.*` / `.+` match anything, a leading `?!a|b` look-ahead excludes paths that
   * continue with `a` or `b` (when it sits at a fixed offset), any other constraint is taken as one segment.
   */
  private group(inner: string, otherwise: CharTest, oneOrMore = false): Piece[] {
    let rest = inner.startsWith('?:') ? inner.slice(2) : inner;
    if (rest.startsWith('(?!')) {
      const end = closing(rest, 0, '(', ')');
      const words = rest.slice(3, end).split('|').map(unescapeLookahead).filter((word) => word !== '');
      if (this.fixed !== undefined && words.length > 0) this.exclusions.push({ offset: this.fixed.length, words });
      rest = rest.slice(end + 1);
    }
    if (rest === '.*') return oneOrMore ? plus(anyChar) : [{ kind: 'star', test: anyChar }];
    if (rest === '.+') return plus(anyChar);
    return plus(otherwise);
  }
}

/** `favicon\\.ico` → `favicon.ico`: the words of a look-ahead are matched as plain text. */
function unescapeLookahead(word: string): string {
  let text = '';
  for (let i = 0; i < word.length; i++) text += word[i] === '\\' && i + 1 < word.length ? word[++i] : word[i];
  return text;
}

function isLiteralSlash(piece: Piece): boolean {
  return piece.kind === 'char' && piece.test('/') && !piece.test('a');
}

/** The index of the bracket that closes the one at `start` (nesting counted), or the end of the text. */
function closing(source: string, start: number, open: string, close: string): number {
  let depth = 0;
  for (let i = start; i < source.length; i++) {
    if (source[i] === '\\') i++;
    else if (source[i] === open) depth++;
    else if (source[i] === close && --depth === 0) return i;
  }
  return source.length;
}

/** A route allow-list entry: an exact path, `*` one segment (or part of one), `**` any number of segments. */
export function compilePathGlob(pattern: string): Wildcard {
  if (pattern.length > MAX_PATTERN_LENGTH) return NOTHING;
  const pieces: Piece[] = [];
  for (let i = 0; i < pattern.length; i++) {
    if (pattern[i] === '*' && pattern[i + 1] === '*') {
      pieces.push({ kind: 'star', test: anyChar });
      i++;
    } else if (pattern[i] === '*') {
      pieces.push({ kind: 'star', test: notSlash });
    } else {
      pieces.push(literal(pattern[i]!));
    }
  }
  return build(pieces);
}

/**
 * Compiled patterns by syntax and text. Analysis asks the same few prefixes and matchers again for every route;
 * the cache is emptied when it grows past a bound, so a file of distinct patterns cannot grow it without end.
 */
const compiled = new Map<string, Wildcard>();
const MAX_CACHED = 2000;

export function cachedPattern(kind: RouteAnchoring | 'path-glob', pattern: string): Wildcard {
  const key = `${kind}\0${pattern}`;
  let found = compiled.get(key);
  if (!found) {
    if (compiled.size >= MAX_CACHED) compiled.clear();
    found = kind === 'path-glob' ? compilePathGlob(pattern) : compileRoutePattern(pattern, kind);
    compiled.set(key, found);
  }
  return found;
}
