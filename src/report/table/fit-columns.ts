/** Columns a boxed table spends besides its cells' text: one space each side of a cell, and the borders. */
export function boxOverhead(columns: number): number {
  return columns * 3 + 1;
}

/**
 * Text widths for a boxed table `width` columns wide, or undefined when even the smallest readable widths do not
 * fit (the caller then stacks its rows instead). Every column starts at its minimum; the room left is then handed
 * out in `grants` order, each raising one column up to a target width. The table is never stretched past the
 * last target.
 */
export function fitColumns(width: number, minimums: readonly number[], grants: readonly (readonly [column: number, upTo: number])[]): number[] | undefined {
  let room = width - boxOverhead(minimums.length) - minimums.reduce((a, b) => a + b, 0);
  if (room < 0) return undefined;
  const out = [...minimums];
  for (const [column, upTo] of grants) {
    const now = out[column] ?? 0;
    const more = Math.min(room, Math.max(upTo - now, 0));
    out[column] = now + more;
    room -= more;
  }
  return out;
}

/** The largest `measure` over `items` (at least `floor`): a loop, as a spread of many thousand rows could overflow the stack. */
export function widest<T>(items: readonly T[], measure: (item: T) => number, floor = 0): number {
  let out = floor;
  for (const item of items) out = Math.max(out, measure(item));
  return out;
}
