const MAX_STRING = 200;
const MAX_ITEMS = 20;

/**
 * Evidence is for humans and reports: keep it small. Long strings (scripts, certificates) become a size note,
 * long arrays are cut, and nested objects are reduced the same way.
 */
export function summariseEvidence(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return value.length > MAX_STRING ? `<${value.length} characters>` : value;
  if (value === null || typeof value !== 'object') return value;
  if (depth > 3) return Array.isArray(value) ? `<${value.length} items>` : '<object>';
  if (Array.isArray(value)) {
    const head = value.slice(0, MAX_ITEMS).map((v) => summariseEvidence(v, depth + 1));
    return value.length > MAX_ITEMS ? [...head, `… ${value.length - MAX_ITEMS} more`] : head;
  }
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value).slice(0, MAX_ITEMS)) out[k] = summariseEvidence(v, depth + 1);
  return out;
}

/** For rules marked sensitive: say what kind of value was read, never the value. */
export function redactEvidence(value: unknown): unknown {
  if (typeof value === 'string') return `<${value.length} characters>`;
  if (Array.isArray(value)) return `<${value.length} items>`;
  if (value !== null && typeof value === 'object') return '<object>';
  return value;
}
