import * as fs from 'node:fs';
import * as path from 'node:path';
import { UsageError } from './args';

/** What the command lints, and the folder it lints from. */
export interface Targets {
  /**
   * ESLint's `cwd`: the working folder, or, when a path lies outside it, the closest folder that holds every
   * path. ESLint ignores files outside its `cwd`, and report paths and the baseline files are relative to it.
   */
  base: string;
  /** The paths as given, each with its absolute form. */
  paths: { given: string; absolute: string }[];
}

export function resolveTargets(paths: readonly string[], cwd: string): Targets {
  const resolved = paths.map((given) => ({ given, absolute: path.resolve(cwd, given) }));
  for (const target of resolved) {
    if (!fs.existsSync(target.absolute)) throw new UsageError(`path not found: ${target.given}`);
  }
  const inside = resolved.every((target) => isInside(cwd, target.absolute));
  return { base: inside ? cwd : commonFolder(resolved.map((target) => folderOf(target.absolute))), paths: resolved };
}

export function isInside(folder: string, file: string): boolean {
  const relative = path.relative(folder, file);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

function folderOf(target: string): string {
  return fs.statSync(target).isDirectory() ? target : path.dirname(target);
}

function commonFolder(folders: readonly string[]): string {
  let common = folders[0]!;
  for (const folder of folders.slice(1)) {
    while (!isInside(common, folder)) common = path.dirname(common);
  }
  return common;
}

/**
 * Checks before the analysis that the report can be written where asked, so a typo costs a second, not a
 * whole run; returns the absolute path.
 */
export function checkWritableFile(file: string, cwd: string, what: string): string {
  const absolute = path.resolve(cwd, file);
  const stat = fs.statSync(absolute, { throwIfNoEntry: false });
  if (stat?.isDirectory()) throw new UsageError(`cannot write ${what} to ${file}: it is a folder`);
  const folder = path.dirname(absolute);
  const folderStat = fs.statSync(folder, { throwIfNoEntry: false });
  if (!folderStat?.isDirectory()) throw new UsageError(`cannot write ${what} to ${file}: folder ${path.dirname(file)} does not exist`);
  try {
    fs.accessSync(stat ? absolute : folder, fs.constants.W_OK);
  } catch {
    throw new UsageError(`cannot write ${what} to ${file}: permission denied`);
  }
  return absolute;
}
