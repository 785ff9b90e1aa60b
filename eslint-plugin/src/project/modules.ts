import * as fs from 'node:fs';
import * as path from 'node:path';
import { findProjectRoot } from './files';
import { ModuleResolver } from './resolve';

const resolvers = new Map<string, ModuleResolver>();

/** One resolver per project root per process, shared by route discovery and the project index. */
export function resolverFor(root: string): ModuleResolver {
  let resolver = resolvers.get(root);
  if (!resolver) {
    resolver = new ModuleResolver(root);
    resolvers.set(root, resolver);
  }
  return resolver;
}

/** The project root of each file on disk, or null for a path that is not a file there; asked on every import. */
const fileRoots = new Map<string, string | null>();

/**
 * The project folder of a file on disk (its nearest package.json or tsconfig.json), or undefined for text that
 * exists only in memory (a test case, stdin). Memoized: every import of every file asks, and the answer costs a
 * few `stat` calls per folder level.
 */
export function projectRootOf(file: string): string | undefined {
  let root = fileRoots.get(file);
  if (root === undefined) {
    root = path.isAbsolute(file) && fs.existsSync(file) ? findProjectRoot(file) : null;
    fileRoots.set(file, root);
  }
  return root ?? undefined;
}

/** Forgets cached resolutions of one project after files were added or removed there. */
export function forgetResolutionsIn(root: string): void {
  resolvers.get(root)?.clear();
  fileRoots.clear();
  projectSpecifiers.clear();
}

export function forgetResolvers(): void {
  resolvers.clear();
  fileRoots.clear();
  projectSpecifiers.clear();
}

/**
 * Answers of isProjectSpecifier for bare specifiers, by file and specifier: every read of an imported name asks
 * again (`jwt` in each `jwt.verify(…)`), and working out the resolver's own cache key costs more than this lookup.
 */
const projectSpecifiers = new Map<string, boolean>();

/** Specifiers that read as the project's own modules even where nothing can be resolved (a file linted alone). */
function looksLocal(source: string): boolean {
  return source.startsWith('./') || source.startsWith('../') || source === '.' || source === '..' || source.startsWith('/') ||
    source.startsWith('@/') || source.startsWith('~/') || source.startsWith('#');
}

/**
 * Whether an import in `fromFile` names the project's own code (whose facts another file's summary holds) rather
 * than a dependency (whose facts come from models). Aliases count when the project's tsconfig or package.json
 * resolves them to a source file.
 */
export function isProjectSpecifier(fromFile: string, source: string): boolean {
  if (looksLocal(source)) return true;
  if (source.startsWith('node:')) return false;
  const key = `${fromFile}\0${source}`;
  let answer = projectSpecifiers.get(key);
  if (answer === undefined) {
    const root = projectRootOf(fromFile);
    answer = root !== undefined && resolverFor(root).resolve(fromFile, source).kind === 'file';
    projectSpecifiers.set(key, answer);
  }
  return answer;
}

/**
 * A module specifier after `from`, `require(` or `import(`, quoted. The length is bounded and no part can match in
 * two ways, so each character of a file is looked at a bounded number of times.
 */
const SPECIFIER = /(?:\bfrom|\brequire\s*\(|\bimport\s*\()\s*['"]([^'"\n]{1,300})['"]/g;

/**
 * The names a file's text imports modules by: the last segment of each specifier, without extension and alias
 * marks (`../api/accounts.js` and `@services` give `accounts` and `services`). A cheap first cut of which files
 * may call another file's exports; the summaries decide.
 */
export function importedModuleNames(text: string): Set<string> {
  const names = new Set<string>();
  for (const match of text.matchAll(SPECIFIER)) names.add(moduleName(match[1]!));
  return names;
}

/** The names a file can be imported by: its own name, and its folder's for an `index` file or a barrel beside it. */
export function moduleNamesOf(file: string): string[] {
  return [moduleName(path.basename(file)), moduleName(path.basename(path.dirname(file)))];
}

function moduleName(specifier: string): string {
  const last = specifier.slice(specifier.lastIndexOf('/') + 1).replace(/^[@~#]+/, '');
  const dot = last.indexOf('.');
  return dot > 0 ? last.slice(0, dot) : last;
}
