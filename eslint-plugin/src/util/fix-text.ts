/** A string literal in single quotes, as fixes write values into the code (`'HS256'`, `'https://issuer/'`). */
export function singleQuoted(text: string): string {
  return `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}
