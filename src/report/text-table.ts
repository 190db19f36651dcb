import { charWidth } from './display-width.js';
import { textWidth } from './table/text-width.js';

/** The border characters cli-table3 draws by default, kept so the report looks as it always did. */
const B = { h: '─', v: '│', tl: '┌', tm: '┬', tr: '┐', ml: '├', mm: '┼', mr: '┤', bl: '└', bm: '┴', br: '┘' } as const;

/**
 * A boxed table: `widths` are whole column widths (one space of padding each side, borders not included), every
 * cell is text already made safe and wrapped to `width - 2` (lines split on `\n`); a line that is still too wide is
 * cut with an ellipsis. `headStyle` colours the header text (not its padding); `align` sets each column's
 * alignment (left by default; counts align right). Linear in the size of the cells: cli-table3 re-truncated the
 * whole cell for every line it drew, cubic in the cell's length.
 */
export function textTable(
  head: readonly string[],
  rows: readonly (readonly string[])[],
  widths: readonly number[],
  headStyle: (text: string) => string = (t) => t,
  align: readonly ('left' | 'right')[] = [],
): string {
  const rule = (l: string, m: string, r: string) => l + widths.map((w) => B.h.repeat(w)).join(m) + r;
  const out = [rule(B.tl, B.tm, B.tr), ...drawRow(head, widths, align, headStyle)];
  for (const row of rows) out.push(rule(B.ml, B.mm, B.mr), ...drawRow(row, widths, align));
  out.push(rule(B.bl, B.bm, B.br));
  return out.join('\n');
}

function drawRow(cells: readonly string[], widths: readonly number[], align: readonly ('left' | 'right')[], style: (text: string) => string = (t) => t): string[] {
  const lines = widths.map((_, i) => (cells[i] ?? '').split('\n'));
  const height = Math.max(1, ...lines.map((l) => l.length));
  const out: string[] = [];
  for (let y = 0; y < height; y++) {
    const parts = widths.map((w, i) => {
      const text = cutToWidth(lines[i]?.[y] ?? '', Math.max(w - 2, 0));
      const pad = ' '.repeat(Math.max(w - 2 - textWidth(text), 0));
      const shown = text === '' ? '' : style(text);
      return align[i] === 'right' ? ` ${pad}${shown} ` : ` ${shown}${pad} `;
    });
    out.push(`${B.v}${parts.join(B.v)}${B.v}`);
  }
  return out;
}

/** The line, or its start and an ellipsis when it is wider than `width` columns. */
export function cutToWidth(line: string, width: number): string {
  if (textWidth(line) <= width) return line;
  let taken = 0;
  let end = 0;
  for (const ch of line) {
    const w = charWidth(ch);
    if (taken + w > width - 1) break;
    taken += w;
    end += ch.length;
  }
  return `${line.slice(0, end).trimEnd()}…`;
}
