import * as fs from 'node:fs';
import * as path from 'node:path';
import { CachedInputFileSystem, ResolverFactory } from 'enhanced-resolve';
import { createPathsMatcher, getTsconfig } from 'get-tsconfig';
import { isSourceFile } from './files';

/** Where an import specifier leads, as far as the project's own sources are concerned. */
export type Resolution =
  /** A source file of the project (tsconfig aliases, package `imports` and workspace packages included). */
  | { kind: 'file'; file: string }
  /** A dependency: its facts come from models, never from its code. */
  | { kind: 'package'; name: string }
  /** Nothing the resolver can find: the fact is unknown. */
  | { kind: 'unresolved'; specifier: string }
  /** A relative import of a file outside the project folder (a monorepo's shared code): not analysed, so unknown. */
  | { kind: 'outside'; file: string };

const EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs', '.json'];

/**
 * Resolves imports the way Node and TypeScript do: relative paths, index files, package `exports` and `imports`
 * (`#db`), tsconfig `paths` and `baseUrl`, and `.js` specifiers that name `.ts` sources. One per project root;
 * answers are cached by folder and specifier, because a project imports the same few modules from many files.
 */
export class ModuleResolver {
  private readonly fileSystem = new CachedInputFileSystem(fs, Infinity);
  private readonly resolver = ResolverFactory.createResolver({
    fileSystem: this.fileSystem,
    useSyncFileSystemCalls: true,
    extensions: EXTENSIONS,
    extensionAlias: { '.js': ['.ts', '.tsx', '.js', '.jsx'], '.mjs': ['.mts', '.mjs'], '.cjs': ['.cts', '.cjs'] },
    conditionNames: ['node', 'import', 'require', 'default'],
    mainFields: ['module', 'main'],
    exportsFields: ['exports'],
    importsFields: ['imports'],
    mainFiles: ['index'],
    symlinks: true,
  });
  private readonly cache = new Map<string, Resolution>();
  private readonly tsconfigs = new Map<string, Tsconfig | null>();
  private readonly lookupFolders = new Map<string, string>();
  private readonly packageNames = new Map<string, string | undefined>();

  constructor(private readonly root: string) {}

  resolve(fromFile: string, specifier: string): Resolution {
    const dir = path.dirname(fromFile);
    const key = `${this.askedFrom(dir, specifier)}\0${specifier}`;
    let resolution = this.cache.get(key);
    if (!resolution) {
      resolution = this.compute(dir, specifier);
      this.cache.set(key, resolution);
    }
    return resolution;
  }

  /** Forgets cached answers, after files were added or removed. */
  clear(): void {
    this.cache.clear();
    this.tsconfigs.clear();
    this.lookupFolders.clear();
    this.packageNames.clear();
    this.fileSystem.purge();
  }

  /**
   * What an answer depends on besides the specifier. A relative one depends on the folder; any other (a package,
   * `#x`, an alias) only on the tsconfig that holds the aliases and on the nearest folder with a package.json or
   * a node_modules, because every folder below that one looks up the same files. A project imports `express` from
   * a hundred folders; it is resolved once.
   */
  private askedFrom(dir: string, specifier: string): string {
    if (specifier.startsWith('.') || path.isAbsolute(specifier)) return dir;
    return `${this.lookupFolder(dir)}\0${this.tsconfigOf(dir)?.file ?? ''}`;
  }

  private lookupFolder(dir: string): string {
    let found = this.lookupFolders.get(dir);
    if (found === undefined) {
      const parent = path.dirname(dir);
      const stops = parent === dir || fs.existsSync(path.join(dir, 'package.json')) || fs.existsSync(path.join(dir, 'node_modules'));
      found = stops ? dir : this.lookupFolder(parent);
      this.lookupFolders.set(dir, found);
    }
    return found;
  }

  private compute(dir: string, specifier: string): Resolution {
    const bare = !specifier.startsWith('.') && !path.isAbsolute(specifier);
    if (bare && specifier.startsWith('node:')) return { kind: 'package', name: specifier };
    const candidates = bare ? (this.tsconfigOf(dir)?.matcher(specifier) ?? []) : [];
    for (const candidate of candidates) {
      const file = this.tryResolve(dir, candidate);
      if (file) return this.classify(file, specifier);
    }
    if (bare && !specifier.startsWith('#') && this.isPlainDependency(dir, packageName(specifier))) return { kind: 'package', name: packageName(specifier) };
    const file = this.tryResolve(dir, specifier);
    if (file) return this.classify(file, specifier);
    return bare && !specifier.startsWith('#') ? { kind: 'package', name: packageName(specifier) } : { kind: 'unresolved', specifier };
  }

  /**
   * Whether a package name is a dependency without resolving it (which reads its package.json, `exports` and files,
   * or probes every node_modules up to the file system root when it is not installed): it is installed as a folder
   * of its own in the nearest node_modules that has it, or installed nowhere. A symlinked install (a workspace
   * package) and the name of a package.json above (a self-reference) may lead to the project's code, and are
   * resolved.
   */
  private isPlainDependency(dir: string, name: string): boolean {
    for (let folder = dir; ; ) {
      if (this.packageNameIn(folder) === name) return false;
      const installed = lstatOrUndefined(path.join(folder, 'node_modules', name));
      if (installed) return !installed.isSymbolicLink();
      const parent = path.dirname(folder);
      if (parent === folder) return true;
      folder = parent;
    }
  }

  /** The `name` of the package.json in a folder, or undefined. */
  private packageNameIn(folder: string): string | undefined {
    if (!this.packageNames.has(folder)) {
      let name: string | undefined;
      try {
        const parsed = JSON.parse(fs.readFileSync(path.join(folder, 'package.json'), 'utf8')) as { name?: unknown };
        if (typeof parsed.name === 'string') name = parsed.name;
      } catch {
        // No package.json, or one that does not parse: no name to refer to.
      }
      this.packageNames.set(folder, name);
    }
    return this.packageNames.get(folder);
  }

  private tryResolve(dir: string, request: string): string | undefined {
    try {
      const result = this.resolver.resolveSync({}, dir, request);
      return typeof result === 'string' ? result : undefined;
    } catch {
      return undefined;
    }
  }

  /** A file inside the project (not in a dependency folder) is the project's own code, whatever led to it. */
  private classify(file: string, specifier: string): Resolution {
    const inside = !path.relative(this.root, file).startsWith('..') && !file.split(path.sep).includes('node_modules');
    if (inside && isSourceFile(file)) return { kind: 'file', file };
    if (inside) return { kind: 'unresolved', specifier };
    // Only a bare specifier names a dependency; a relative path that leaves the project is code nobody analysed.
    const relative = specifier.startsWith('.') || path.isAbsolute(specifier);
    if (relative && !file.split(path.sep).includes('node_modules')) return { kind: 'outside', file };
    return { kind: 'package', name: packageName(specifier) };
  }

  /** The nearest tsconfig.json (or jsconfig.json) above `dir` with `paths` / `baseUrl`; null when there is none. */
  private tsconfigOf(dir: string): Tsconfig | null {
    if (this.tsconfigs.has(dir)) return this.tsconfigs.get(dir)!;
    let found: Tsconfig | null = null;
    try {
      const tsconfig = getTsconfig(dir) ?? getTsconfig(dir, 'jsconfig.json');
      const matcher = tsconfig ? createPathsMatcher(tsconfig) : null;
      if (tsconfig && matcher) found = { file: tsconfig.path, matcher };
    } catch {
      // A broken tsconfig leaves aliases unresolved; the imports they name become unknown facts.
    }
    this.tsconfigs.set(dir, found);
    return found;
  }
}

interface Tsconfig {
  file: string;
  matcher: (specifier: string) => string[];
}

function lstatOrUndefined(file: string): fs.Stats | undefined {
  try {
    return fs.lstatSync(file);
  } catch {
    return undefined;
  }
}

/** `@scope/name/sub` → `@scope/name`; `name/sub` → `name`. */
function packageName(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
}
