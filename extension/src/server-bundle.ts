/** What the file system says about a path; undefined when nothing is there. */
export interface FileFacts {
  isFile: boolean;
  size: number;
}

/**
 * Checks the bundled language server before starting it, so a damaged install gets one clear message
 * instead of a loop of start failures. Returns the problem, or undefined when the bundle looks usable.
 */
export function checkServerBundle(path: string, stat: (path: string) => FileFacts | undefined): string | undefined {
  const facts = stat(path);
  const reinstall = 'Reinstall the ClaimGuard extension.';
  if (facts === undefined) {
    return `The ClaimGuard language server is missing (${path} not found). ${reinstall}`;
  }
  if (!facts.isFile) {
    return `The ClaimGuard language server at ${path} is not a file. ${reinstall}`;
  }
  if (facts.size === 0) {
    return `The ClaimGuard language server at ${path} is empty. ${reinstall}`;
  }
  return undefined;
}
