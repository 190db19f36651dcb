/**
 * Deeper than anything the Management API returns (its settings nest a handful of levels) and far below what
 * the recursive walks downstream (JSON.stringify, the redactor, diffs) can take: a resource nested deeper is
 * kept out as not understood, never walked.
 */
export const MAX_RESOURCE_DEPTH = 100;

/**
 * True when `value` nests more than `limit` objects or arrays deep. Iterative, and it stops at the first level
 * past the limit, so a hostile 100,000-deep value costs `limit` steps down one branch, never the stack.
 */
export function nestedDeeperThan(value: unknown, limit = MAX_RESOURCE_DEPTH): boolean {
  const stack: { v: unknown; depth: number }[] = [{ v: value, depth: 0 }];
  while (stack.length > 0) {
    const { v, depth } = stack.pop() as { v: unknown; depth: number };
    if (v === null || typeof v !== 'object') continue;
    if (depth + 1 > limit) return true;
    for (const child of Array.isArray(v) ? v : Object.values(v)) {
      if (child !== null && typeof child === 'object') stack.push({ v: child, depth: depth + 1 });
    }
  }
  return false;
}
