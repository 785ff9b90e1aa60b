/** How a text report is laid out for the place it goes to. */
export interface Terminal {
  /** Lines longer than this are wrapped (the reason and message columns first). */
  width: number;
  colour: boolean;
}

/** Used when the output is not a terminal and `COLUMNS` says nothing: CI logs and files. */
const DEFAULT_WIDTH = 120;
const MIN_WIDTH = 40;

/**
 * The width and colour for a stream: a terminal's own width, else `COLUMNS`, else 120; colour on a terminal
 * unless `NO_COLOR` is set, and wherever `FORCE_COLOR` asks for it (which wins, as in Node itself). Files
 * written with `--output` never get colour.
 */
export function terminalFor(stream: { isTTY?: boolean; columns?: number } | undefined, env: NodeJS.ProcessEnv): Terminal {
  const columns = stream?.isTTY && stream.columns ? stream.columns : Number.parseInt(env.COLUMNS ?? '', 10);
  const width = Number.isFinite(columns) && columns >= MIN_WIDTH ? columns : DEFAULT_WIDTH;
  return { width, colour: stream !== undefined && colourWanted(stream.isTTY === true, env) };
}

function colourWanted(isTTY: boolean, env: NodeJS.ProcessEnv): boolean {
  if (env.FORCE_COLOR !== undefined) return env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false';
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  return isTTY && env.TERM !== 'dumb';
}

const SGR = { bold: [1, 22], dim: [2, 22], underline: [4, 24], red: [31, 39], green: [32, 39], yellow: [33, 39], cyan: [36, 39] } as const;
export type Style = keyof typeof SGR;

/** `text` in `style` when colour is on; the text is already made visible, so these are the only escapes. */
export function paint(terminal: Terminal, style: Style | undefined, text: string): string {
  if (!terminal.colour || style === undefined || text === '') return text;
  const [on, off] = SGR[style];
  return `\x1b[${on}m${text}\x1b[${off}m`;
}

export interface Cell {
  text: string;
  style?: Style;
  /** The column may wrap onto several lines, down to this many characters wide. */
  minWidth?: number;
}

/**
 * Left-aligned columns two spaces apart that fit `terminal.width`: the wrappable columns give up width,
 * the widest first, until the rows fit; a column never gets narrower than its `minWidth`.
 */
export function layout(rows: readonly (readonly Cell[])[], terminal: Terminal, indent = ''): string[] {
  return layoutRows(rows, terminal, indent).flat();
}

/** `layout`, with the lines of each row kept apart (a row may wrap onto several). */
export function layoutRows(rows: readonly (readonly Cell[])[], terminal: Terminal, indent = ''): string[][] {
  const widths = columnWidths(rows, terminal.width - indent.length);
  return rows.map((row) => {
    const wrapped = row.map((cell, i) => (cell.minWidth !== undefined ? wrap(cell.text, widths[i]!) : [cell.text]));
    const height = Math.max(...wrapped.map((cellLines) => cellLines.length));
    const lines: string[] = [];
    for (let lineIndex = 0; lineIndex < height; lineIndex++) {
      const parts = row.map((cell, i) => {
        const text = wrapped[i]![lineIndex] ?? '';
        const padding = i === row.length - 1 ? '' : ' '.repeat(Math.max(0, widths[i]! - length(text)));
        return paint(terminal, cell.style, text) + padding;
      });
      lines.push((indent + parts.join('  ')).trimEnd());
    }
    return lines;
  });
}

function columnWidths(rows: readonly (readonly Cell[])[], available: number): number[] {
  const widths: number[] = [];
  const minimums: number[] = [];
  for (const row of rows) {
    row.forEach((cell, i) => {
      widths[i] = Math.max(widths[i] ?? 0, length(cell.text));
      minimums[i] = cell.minWidth === undefined ? Infinity : Math.min(minimums[i] ?? Infinity, cell.minWidth);
    });
  }
  const total = () => widths.reduce((sum, width) => sum + width, 0) + 2 * (widths.length - 1);
  while (total() > available) {
    let widest = -1;
    widths.forEach((width, i) => {
      if (minimums[i] !== Infinity && width > minimums[i]! && (widest < 0 || width > widths[widest]!)) widest = i;
    });
    if (widest < 0) break;
    widths[widest] = Math.max(minimums[widest]!, widths[widest]! - (total() - available));
  }
  return widths;
}

/** Greedy word wrap; a word longer than the width is cut after its last `/` that fits, or else at the width. */
export function wrap(text: string, width: number): string[] {
  if (length(text) <= width) return [text];
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    let rest = word;
    while (length(rest) > width) {
      if (line !== '') {
        lines.push(line);
        line = '';
      }
      const chars = [...rest];
      const slash = chars.slice(0, width).lastIndexOf('/');
      const cut = slash > 0 ? slash + 1 : width;
      lines.push(chars.slice(0, cut).join(''));
      rest = chars.slice(cut).join('');
    }
    if (line === '') line = rest;
    else if (length(line) + 1 + length(rest) <= width) line += ` ${rest}`;
    else {
      lines.push(line);
      line = rest;
    }
  }
  if (line !== '') lines.push(line);
  return lines;
}

/** Width in code points: close enough for the Latin text ClaimGuard writes. */
export function length(text: string): number {
  return [...text].length;
}
