import type { FieldChange } from './diff-types.js';

const MAX_VALUE = 120;

/** One field change in words, e.g. `"RS256" → "HS256"` or `+"https://a" −"https://b"`; hidden values stay hidden. */
export function describeFieldChange(c: FieldChange): string {
  if (c.hidden) return `${c.change} (value hidden)`;
  if (c.change === 'added') return `added: ${shortValue(c.after)}`;
  if (c.change === 'removed') return `removed (was ${shortValue(c.before)})`;
  if (c.addedItems || c.removedItems) {
    const parts = [...(c.addedItems ?? []).map((v) => `+${shortValue(v)}`), ...(c.removedItems ?? []).map((v) => `−${shortValue(v)}`)];
    return parts.length > 0 ? parts.join(' ') : 'reordered';
  }
  return `${shortValue(c.before)} → ${shortValue(c.after)}`;
}

export function shortValue(value: unknown): string {
  const text = value === undefined ? 'undefined' : JSON.stringify(value);
  const chars = Array.from(text);
  return chars.length > MAX_VALUE ? `${chars.slice(0, MAX_VALUE - 1).join('')}…` : text;
}
