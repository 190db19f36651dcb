/**
 * One entry of an allow-list: a dot-path into a resource (`*` stands for any key or array index) and what of the
 * value there is kept. `value`: the value itself (secrets inside still become "[REDACTED]", code is masked).
 * `presence`: only its shape: strings become "[REDACTED]" (empty ones stay empty), numbers, booleans, null, array
 * lengths and object keys stay, so `exists`, `absent`, `empty` and `length` judge exactly as on the live data.
 */
export type KeepMode = 'value' | 'presence';

export interface PathSpec {
  segments: readonly string[];
  mode: KeepMode;
}

/** The written form, as in a snapshot header and the generated allow-list: `a.b` (value) or `a.b?` (presence). */
export function formatPathSpec(spec: PathSpec): string {
  return `${spec.segments.join('.')}${spec.mode === 'presence' ? '?' : ''}`;
}

const SEGMENT = /^(?:[A-Za-z0-9_$-]+|\*)$/;
const FORBIDDEN = new Set(['__proto__', 'constructor', 'prototype']);

/** The inverse of formatPathSpec; undefined for anything else (a hand-edited header is not trusted to parse). */
export function parsePathSpec(text: string): PathSpec | undefined {
  const presence = text.endsWith('?');
  const body = presence ? text.slice(0, -1) : text;
  const segments = body === '' ? [] : body.split('.');
  if (!segments.every((s) => SEGMENT.test(s) && !FORBIDDEN.has(s))) return undefined;
  return { segments, mode: presence ? 'presence' : 'value' };
}
