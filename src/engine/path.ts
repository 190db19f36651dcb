/**
 * Dot-paths into plain JSON data: `a.b.0.c`. Only own properties are read, and the segments that could reach an
 * object's prototype are refused when a rule is loaded, so a rule can never touch `__proto__` or `constructor`.
 */
const FORBIDDEN = new Set(['__proto__', 'constructor', 'prototype']);
const SEGMENT = /^[A-Za-z0-9_$-]+$/;

export type PathSegments = readonly string[];

/** Parses a rule path; returns an error sentence instead of throwing so callers can attach file and line. */
export function parsePath(path: string): PathSegments | string {
  if (path === '') return [];
  const segments = path.split('.');
  for (const s of segments) {
    if (s === '') return `path "${path}" has an empty segment`;
    if (FORBIDDEN.has(s)) return `path "${path}" may not use "${s}"`;
    if (!SEGMENT.test(s)) return `path "${path}" has an invalid segment "${s}" (letters, digits, _ $ - only)`;
  }
  return segments;
}

export function getPath(subject: unknown, segments: PathSegments): unknown {
  let cur: unknown = subject;
  for (const s of segments) {
    if (cur === null || typeof cur !== 'object') return undefined;
    if (Array.isArray(cur)) {
      if (!/^\d+$/.test(s)) return undefined;
      cur = cur[Number(s)];
      continue;
    }
    if (!Object.hasOwn(cur, s)) return undefined;
    cur = (cur as Record<string, unknown>)[s];
  }
  return cur;
}

/** Every value found at the path, stepping through arrays on the way (for lookup keys such as `users`). */
export function collectPath(subject: unknown, segments: PathSegments): unknown[] {
  const out: unknown[] = [];
  const walk = (cur: unknown, i: number): void => {
    if (Array.isArray(cur)) {
      for (const el of cur) walk(el, i);
      return;
    }
    if (i === segments.length) {
      if (cur !== undefined && cur !== null) out.push(cur);
      return;
    }
    if (cur === null || typeof cur !== 'object') return;
    const s = segments[i] as string;
    if (!Object.hasOwn(cur, s)) return;
    walk((cur as Record<string, unknown>)[s], i + 1);
  };
  walk(subject, 0);
  return out;
}
