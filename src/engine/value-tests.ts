/** Small, total helpers shared by the operators: every one accepts any JSON value and never throws. */

export function isEmptyValue(v: unknown): boolean {
  if (v === undefined || v === null || v === '') return true;
  if (Array.isArray(v)) return v.length === 0;
  if (typeof v === 'object') return Object.keys(v).length === 0;
  return false;
}

export function containsValue(haystack: unknown, needle: unknown): boolean {
  if (Array.isArray(haystack)) return haystack.some((el) => el === needle);
  if (typeof haystack === 'string' && typeof needle === 'string') return haystack.includes(needle);
  return false;
}

/** Numbers, and strings that are plain decimal numbers ("18", "2.5"); anything else is not comparable. */
export function toNumber(v: unknown): number | undefined {
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  if (typeof v === 'string' && /^-?\d+(\.\d+)?$/.test(v.trim())) return Number(v);
  return undefined;
}

/** The first integer in a version-like value: "node18" → 18, "12" → 12, 16 → 16. */
export function versionMajor(v: unknown): number | undefined {
  if (typeof v === 'number' && Number.isFinite(v)) return Math.trunc(v);
  if (typeof v !== 'string') return undefined;
  const m = /\d+/.exec(v);
  return m ? Number(m[0]) : undefined;
}

export function toTime(v: unknown): number | undefined {
  if (typeof v !== 'string' || !/^\d{4}-\d{2}-\d{2}/.test(v)) return undefined;
  const t = Date.parse(v);
  return Number.isNaN(t) ? undefined : t;
}

export function lengthOf(v: unknown): number | undefined {
  if (Array.isArray(v) || typeof v === 'string') return v.length;
  return undefined;
}
