import * as fs from 'node:fs';
import * as path from 'node:path';
import { trimTrailingSlashes } from '../util/slashes';
import { compileGlob, matches, type Wildcard } from '../util/wildcard';

/** What the project index analyses: JavaScript and TypeScript sources, declarations and bundles left out. */
export const SOURCE_EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs'] as const;

/** Folders that hold dependencies, build output or tooling state, never the project's own sources. */
const SKIPPED_FOLDERS = new Set([
  'node_modules', '.git', '.hg', '.svn', 'dist', 'build', 'out', 'coverage', '.next', '.nuxt', '.output',
  '.turbo', '.vercel', '.svelte-kit', '.cache', '.yarn', 'bower_components', 'jspm_packages', '.serverless',
]);

export interface ListOptions {
  /** Files larger than this are left out (generated or bundled code). */
  maxFileBytes: number;
  /** At most this many files are listed; the listing says when it stopped. */
  maxFiles: number;
}

export const DEFAULT_LIST_OPTIONS: ListOptions = { maxFileBytes: 1_000_000, maxFiles: 20_000 };

export interface FileListing {
  files: string[];
  /** Why the listing is incomplete, when it is. */
  truncated?: string;
}

/** True for a path the index would analyse by its name alone. */
export function isSourceFile(file: string): boolean {
  const base = path.basename(file);
  if (base.endsWith('.d.ts') || base.endsWith('.d.mts') || base.endsWith('.d.cts') || base.includes('.min.')) return false;
  return SOURCE_EXTENSIONS.some((extension) => base.endsWith(extension));
}

/**
 * The nearest folder at or above `file`'s folder with a tsconfig.json or a package.json that sets up a project
 * (dependencies, scripts, workspaces, `bin`, `exports`, or `"private": true`); else the nearest with any package.json;
 * else the repository it is in (the nearest `.git`: some API repositories keep no manifest at their root); else the
 * file's folder. A package.json that only names a folder inside a project (hapi plugins keep `{ "name", "version" }`
 * for their attributes, and `{ "type": "module" }` switches a folder's module kind) does not cut the project in two.
 */
export function findProjectRoot(file: string): string {
  const start = path.dirname(path.resolve(file));
  return (
    nearest(start, (dir) => fs.existsSync(path.join(dir, 'tsconfig.json')) || setsUpProject(path.join(dir, 'package.json'))) ??
    nearest(start, (dir) => fs.existsSync(path.join(dir, 'package.json'))) ??
    nearest(start, (dir) => fs.existsSync(path.join(dir, '.git'))) ??
    start
  );
}

const PROJECT_FIELDS = ['dependencies', 'devDependencies', 'peerDependencies', 'optionalDependencies', 'workspaces', 'scripts', 'bin', 'exports'];

function setsUpProject(manifest: string): boolean {
  let parsed: unknown;
  try {
    parsed = JSON.parse(fs.readFileSync(manifest, 'utf8'));
  } catch (error) {
    // A package.json that does not parse is still someone's project; only a missing one is no marker.
    const code = (error as NodeJS.ErrnoException).code;
    return code !== 'ENOENT' && code !== 'ENOTDIR' && code !== 'EISDIR';
  }
  if (typeof parsed !== 'object' || parsed === null) return false;
  return (parsed as { private?: unknown }).private === true || PROJECT_FIELDS.some((field) => Object.hasOwn(parsed, field));
}

function nearest(start: string, isRoot: (dir: string) => boolean): string | undefined {
  for (let dir = start; ; dir = path.dirname(dir)) {
    if (isRoot(dir)) return dir;
    if (path.dirname(dir) === dir) return undefined;
  }
}

/**
 * The project's source files, depth-first without recursion and without following symbolic links; folders in
 * SKIPPED_FOLDERS and paths the project's `.gitignore` files exclude are not entered.
 */
export function listSourceFiles(root: string, options: ListOptions = DEFAULT_LIST_OPTIONS): FileListing {
  const files: string[] = [];
  const pending: { dir: string; ignores: readonly GitIgnore[] }[] = [{ dir: root, ignores: [] }];
  while (pending.length > 0) {
    const { dir, ignores: inherited } = pending.pop()!;
    const own = readGitIgnore(dir);
    const ignores = own ? [...inherited, own] : inherited;
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      continue;
    }
    entries.sort((a, b) => (a.name < b.name ? 1 : a.name > b.name ? -1 : 0));
    for (const entry of entries) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!SKIPPED_FOLDERS.has(entry.name) && !isIgnored(ignores, full, true)) pending.push({ dir: full, ignores });
      } else if (entry.isFile() && isSourceFile(entry.name) && !isIgnored(ignores, full, false)) {
        if (fileSize(full) > options.maxFileBytes) continue;
        if (files.length >= options.maxFiles) return { files: files.sort(), truncated: `more than ${options.maxFiles} source files` };
        files.push(full);
      }
    }
  }
  return { files: files.sort() };
}

function fileSize(file: string): number {
  try {
    return fs.statSync(file).size;
  } catch {
    return Number.POSITIVE_INFINITY;
  }
}

interface IgnoreRule {
  negated: boolean;
  directoryOnly: boolean;
  /** Whether a path relative to the `.gitignore`'s folder matches the line. */
  test: (relative: string) => boolean;
}

const GLOB_CHARACTERS = /[*?[\\]/;

/**
 * The matcher of one line. Most lines are a plain name (`node_modules`, `.env`) or `*.ext`; those compare strings,
 * as every listed path is checked against every line. The rest run the linear-time wildcard automaton.
 */
function ignoreTest(line: string, anchored: boolean): (relative: string) => boolean {
  const literal = anchored ? line.replace(/^\/+/, '') : line;
  if (!GLOB_CHARACTERS.test(literal)) {
    return anchored ? (relative) => relative === literal : (relative) => relative === literal || relative.endsWith(`/${literal}`);
  }
  const suffix = literal.slice(1);
  if (!anchored && literal.startsWith('*') && !GLOB_CHARACTERS.test(suffix) && !suffix.includes('/')) {
    return (relative) => relative.slice(relative.lastIndexOf('/') + 1).endsWith(suffix);
  }
  const pattern: Wildcard = compileGlob(anchored ? literal : `**/${line}`);
  return (relative) => matches(pattern, relative);
}

/** The rules of one `.gitignore`, matched against paths relative to its folder. */
export interface GitIgnore {
  base: string;
  rules: readonly IgnoreRule[];
}

/** Lines longer than this are skipped: a real ignore line is short. */
const MAX_IGNORE_LINE = 500;
/** A `.gitignore` with more rules than this is read only up to here. */
const MAX_IGNORE_RULES = 2000;

function readGitIgnore(dir: string): GitIgnore | undefined {
  let text: string;
  try {
    text = fs.readFileSync(path.join(dir, '.gitignore'), 'utf8');
  } catch {
    return undefined;
  }
  return parseGitIgnore(dir, text);
}

/** gitignore(5): `#` comments, `!` re-includes, a trailing `/` matches folders, a slash elsewhere anchors the line. */
export function parseGitIgnore(base: string, text: string): GitIgnore {
  const rules: IgnoreRule[] = [];
  for (const raw of text.split(/\r?\n/)) {
    if (rules.length >= MAX_IGNORE_RULES) break;
    let line = raw.trimEnd();
    if (line === '' || line.startsWith('#') || line.length > MAX_IGNORE_LINE) continue;
    const negated = line.startsWith('!');
    if (negated) line = line.slice(1);
    if (line.startsWith('\\#') || line.startsWith('\\!')) line = line.slice(1);
    const directoryOnly = line.endsWith('/');
    if (directoryOnly) line = trimTrailingSlashes(line);
    if (line === '') continue;
    rules.push({ negated, directoryOnly, test: ignoreTest(line, line.includes('/')) });
  }
  return { base, rules };
}

/** The last matching rule of the innermost `.gitignore` that has one decides, as git does. */
export function isIgnored(ignores: readonly GitIgnore[], file: string, isDirectory: boolean): boolean {
  for (let i = ignores.length - 1; i >= 0; i--) {
    const { base, rules } = ignores[i]!;
    const relative = path.relative(base, file).split(path.sep).join('/');
    for (let r = rules.length - 1; r >= 0; r--) {
      const rule = rules[r]!;
      if (rule.directoryOnly && !isDirectory) continue;
      if (rule.test(relative)) return !rule.negated;
    }
  }
  return false;
}
