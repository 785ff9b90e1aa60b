/**
 * Slashes trimmed off route paths by index, in one pass: a regular expression such as `/\/+$/` backtracks on a
 * long run of slashes that is not at the end (quadratic time), and paths are text the analysed project controls.
 */
export function trimTrailingSlashes(text: string): string {
  let end = text.length;
  while (end > 0 && text.charCodeAt(end - 1) === SLASH) end--;
  return text.slice(0, end);
}

export function trimSlashes(text: string): string {
  let start = 0;
  while (start < text.length && text.charCodeAt(start) === SLASH) start++;
  return trimTrailingSlashes(text.slice(start));
}

const SLASH = 0x2f;
