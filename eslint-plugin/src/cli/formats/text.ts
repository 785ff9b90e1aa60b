/**
 * Route paths, file names, header names and messages come from the analysed code, which anyone may have
 * written. Before any of it reaches a terminal or a markdown renderer it goes through these helpers, so it is
 * shown as the characters it is and never acts as an escape sequence, a link or an image.
 */

/**
 * Control characters (C0, DEL, C1: the terminal escape introducers among them), line and paragraph
 * separators, and bidirectional overrides that reorder what a reviewer reads.
 */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/** The text with every invisible or controlling character written out as an escape, `\x1b`, `\u202e`. */
export function visible(text: string): string {
  return text.replace(INVISIBLE, (char) => {
    const code = char.charCodeAt(0);
    if (char === '\n') return '\\n';
    if (char === '\r') return '\\r';
    if (char === '\t') return '\\t';
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}

/**
 * A markdown code span holding `text` literally: nothing inside a code span is markup (no links, images,
 * HTML, mentions or autolinks). The fence is longer than any run of backticks in the text. In a table cell
 * pipes are escaped (GFM removes the backslash there, even inside code).
 */
export function codeSpan(text: string, inTable = false): string {
  const shown = inTable ? visible(text).replace(/\|/g, '\\|') : visible(text);
  if (shown === '') return '';
  let longestRun = 0;
  for (const run of shown.match(/`+/g) ?? []) longestRun = Math.max(longestRun, run.length);
  const fence = '`'.repeat(longestRun + 1);
  // A space on each side keeps a leading or trailing backtick from joining the fence; renderers strip one.
  const padded = shown.startsWith('`') || shown.endsWith('`') || (shown.startsWith(' ') && shown.endsWith(' ')) ? ` ${shown} ` : shown;
  return `${fence}${padded}${fence}`;
}
