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

export function forgetResolvers(): void {
  resolvers.clear();
}

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
  if (source.startsWith('node:') || !path.isAbsolute(fromFile) || !fs.existsSync(fromFile)) return false;
  return resolverFor(findProjectRoot(fromFile)).resolve(fromFile, source).kind === 'file';
}
