/**
 * Whether `text` has `word` as a whole name, preceded by `before` (`'.'` for a method, `''` for a bare name),
 * then each of `then` in turn with any whitespace between: `mentions(text, '', 'Query', [':'])` finds `Query :`.
 * A linear scan with `indexOf`, never a RegExp: whitespace after one occurrence of the word is never rescanned
 * for another, since every occurrence starts with a character that is not whitespace.
 */
export function mentions(text: string, before: '' | '.', word: string, then: readonly string[]): boolean {
  if (word.length === 0) return false;
  for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
    if (before === '.' ? text[at - 1] !== '.' : isNameChar(text.charCodeAt(at - 1))) continue;
    let next = at + word.length;
    if (isNameChar(text.charCodeAt(next))) continue;
    let matched = true;
    for (const part of then) {
      while (isSpace(text.charCodeAt(next))) next++;
      if (!text.startsWith(part, next)) {
        matched = false;
        break;
      }
      next += part.length;
    }
    if (matched) return true;
  }
  return false;
}

/** A space, tab or line break. */
export function isSpace(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d;
}

/** A character of a JavaScript name (ASCII letters, digits, `_`, `$`). */
export function isNameChar(code: number): boolean {
  return (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a) || code === 0x5f || code === 0x24;
}
