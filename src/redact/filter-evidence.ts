import { parsePath } from '../engine/path.js';
import type { KindName } from '../model/kinds.js';
import type { AllowList } from './allow-list.js';
import { keepAllowed, keepAllowedAt } from './keep-allowed.js';
import { REDACTED_TEXT } from './redacted-text.js';

/**
 * A value a rule read (evidence, by its label: a dot-path, `(value)` or `count(kind)`) through the snapshot's
 * filter: what keepAllowed keeps at that path. Findings are built from the data the evaluator was given, which a
 * library caller or `rules test` may not have redacted; this is what keeps a secret out of every report format.
 * `collection`: the subject was `{items, count}`.
 */
export function filterEvidence(kind: KindName, collection: boolean, label: string, value: unknown, allow: AllowList): unknown {
  if (value === undefined || value === null) return value;
  if (label.startsWith('count(')) return typeof value === 'number' ? value : REDACTED_TEXT;
  const segs = label === '(value)' ? [] : parsePath(label);
  if (typeof segs === 'string') return REDACTED_TEXT;
  if (!collection) return keepAllowedAt(kind, segs, value, allow);
  if (segs.length === 0) return filterSubject(kind, true, value, allow);
  if (segs[0] === 'count') return typeof value === 'number' ? value : REDACTED_TEXT;
  if (segs[0] !== 'items') return REDACTED_TEXT;
  if (segs.length === 1) return Array.isArray(value) ? value.map((el) => keepAllowedAt(kind, [], el, allow)) : REDACTED_TEXT;
  return /^\d+$/.test(segs[1] ?? '') ? keepAllowedAt(kind, segs.slice(2), value, allow) : REDACTED_TEXT;
}

/** The subject a message template reads, filtered the same way: `{{path}}` prints only what a snapshot keeps. */
export function filterSubject(kind: KindName, collection: boolean, subject: unknown, allow: AllowList): unknown {
  if (subject === null || typeof subject !== 'object' || Array.isArray(subject)) return {};
  const s = subject as Record<string, unknown>;
  if (!collection) return keepAllowed(kind, s, allow);
  const items = Array.isArray(s['items']) ? s['items'] : [];
  return { items: items.map((el) => keepAllowedAt(kind, [], el, allow)), count: s['count'] };
}
