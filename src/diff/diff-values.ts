import { summariseEvidence } from '../engine/summarise-evidence.js';
import type { FieldChange } from './diff-types.js';
import type { KindName } from '../model/kinds.js';
import { isSensitivePath, withoutSensitive } from './sensitive-path.js';
import { stableJson } from './stable-json.js';

// Deeper than any setting the Management API returns; below it a subtree is compared as one value.
const MAX_DEPTH = 6;
const MAX_ITEMS = 20;

/**
 * The fields that differ between two versions of one resource, by dot-path, sorted. Objects are walked key by
 * key; arrays and scalars are compared whole. Values are summarised (long strings and arrays shortened) and left
 * out entirely for secret-like paths and code (`kind` adds the redactor's own classification of its fields).
 */
export function diffValues(before: Record<string, unknown>, after: Record<string, unknown>, kind?: KindName): FieldChange[] {
  const out: FieldChange[] = [];
  walk(before, after, [], out, kind);
  return out;
}

function walk(a: unknown, b: unknown, path: string[], out: FieldChange[], kind: KindName | undefined): void {
  if (isPlainObject(a) && isPlainObject(b) && path.length < MAX_DEPTH) {
    for (const key of [...new Set([...Object.keys(a), ...Object.keys(b)])].sort()) {
      const inA = Object.hasOwn(a, key);
      const inB = Object.hasOwn(b, key);
      const next = [...path, key];
      if (inA && inB) walk(a[key], b[key], next, out, kind);
      else out.push(change(next, inA ? 'removed' : 'added', inA ? a[key] : undefined, inB ? b[key] : undefined, kind));
    }
    return;
  }
  if (stableJson(a) !== stableJson(b)) out.push(change(path, 'changed', a, b, kind));
}

function change(path: string[], kind: FieldChange['change'], rawBefore: unknown, rawAfter: unknown, resourceKind: KindName | undefined): FieldChange {
  const objects = (rawBefore === undefined || isPlainObject(rawBefore)) && (rawAfter === undefined || isPlainObject(rawAfter));
  const base = { path: formatPath(path), change: kind };
  if (isSensitivePath(path, objects, resourceKind)) return { ...base, hidden: true };
  const before = withoutSensitive(rawBefore, path, resourceKind);
  const after = withoutSensitive(rawAfter, path, resourceKind);
  return {
    ...base,
    ...(kind !== 'added' ? { before: summariseEvidence(before) } : {}),
    ...(kind !== 'removed' ? { after: summariseEvidence(after) } : {}),
    ...(kind === 'changed' ? itemChanges(before, after) : {}),
  };
}

function itemChanges(before: unknown, after: unknown): Pick<FieldChange, 'addedItems' | 'removedItems'> {
  if (!isScalarArray(before) || !isScalarArray(after)) return {};
  const a = new Set(before.map((v) => stableJson(v)));
  const b = new Set(after.map((v) => stableJson(v)));
  return {
    addedItems: after.filter((v) => !a.has(stableJson(v))).slice(0, MAX_ITEMS).map((v) => summariseEvidence(v)),
    removedItems: before.filter((v) => !b.has(stableJson(v))).slice(0, MAX_ITEMS).map((v) => summariseEvidence(v)),
  };
}

function isScalarArray(v: unknown): v is unknown[] {
  return Array.isArray(v) && v.every((x) => x === null || typeof x !== 'object');
}

/** `a.b`, with odd keys quoted: `options["x.y"]`. */
export function formatPath(path: readonly string[]): string {
  let out = '';
  for (const key of path) out += /^[A-Za-z_$][\w$-]*$/.test(key) ? (out === '' ? key : `.${key}`) : `[${JSON.stringify(key)}]`;
  return out === '' ? '(whole resource)' : out;
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}
