import type { KindName } from '../model/kinds.js';
import { maskCodeSecrets } from '../snapshot/mask-code-secrets.js';
import type { AllowList, AllowNode } from './allow-list.js';
import { classifyPath } from './classify-path.js';
import { REDACTED_TEXT } from './redacted-text.js';
import { MAX_RESOURCE_DEPTH } from './resource-depth.js';
import { scrubString } from './scrub-string.js';

/**
 * A copy of `resource` holding only what `allow` lists for its kind (see path-spec.ts for the two ways a path is
 * kept), every kept string classified by classifyPath: secrets become "[REDACTED]", code goes through the code
 * mask, plain text through scrubString. Past MAX_RESOURCE_DEPTH a value becomes "[REDACTED]": the walk is
 * bounded whatever the input (the pipeline keeps deeper resources out before they get here).
 */
export function keepAllowed(kind: KindName, resource: Record<string, unknown>, allow: AllowList): Record<string, unknown> {
  const out = keepAt(kind, allow.root(kind), resource, []);
  return isPlainObject(out) ? out : {};
}

/** The same filter for one value found at `path` (evidence): what keepAllowed would have kept of it there. */
export function keepAllowedAt(kind: KindName, path: readonly string[], value: unknown, allow: AllowList): unknown {
  let node: AllowNode | undefined = allow.root(kind);
  for (const s of path) {
    if (node.mode === 'value') break;
    const next: AllowNode | undefined = node.children.get(s) ?? node.children.get('*');
    if (!next) return node.mode === 'presence' ? presence(value, path.length) : REDACTED_TEXT;
    node = next;
  }
  return node.mode === 'value' ? copyValue(kind, value, [...path]) : keepAt(kind, node, value, [...path]);
}

function keepAt(kind: KindName, node: AllowNode, value: unknown, path: string[]): unknown {
  if (node.mode === 'value') return copyValue(kind, value, path);
  if (path.length >= MAX_RESOURCE_DEPTH) return REDACTED_TEXT;
  if (Array.isArray(value)) {
    // Named steps read through arrays (lookup keys and templates do), so elements are walked with the same node.
    const named = [...node.children.keys()].some((k) => k !== '*' && !/^\d+$/.test(k));
    return value.map((el, i) => {
      const child = node.children.get(String(i)) ?? node.children.get('*');
      if (child) return keepAt(kind, child, el, [...path, String(i)]);
      if (named) return keepAt(kind, node, el, [...path, String(i)]);
      return node.mode === 'presence' ? presence(el, path.length + 1) : null;
    });
  }
  if (isPlainObject(value)) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      const child = node.children.get(k) ?? node.children.get('*');
      if (child) setOwn(out, k, keepAt(kind, child, v, [...path, k]));
      else if (node.mode === 'presence') setOwn(out, k, presence(v, path.length + 1));
    }
    return out;
  }
  // A scalar where the list expects more below: its type stays (rules report a wrong type as "not judged").
  return presence(value, path.length);
}

/** Value mode: everything below, classified string by string. */
function copyValue(kind: KindName, value: unknown, path: string[]): unknown {
  if (path.length >= MAX_RESOURCE_DEPTH) return REDACTED_TEXT;
  if (typeof value === 'string') {
    if (value === '') return value;
    const cls = classifyPath(kind, path);
    if (cls === 'secret') return REDACTED_TEXT;
    return cls === 'code' ? maskCodeSecrets(value) : scrubString(value);
  }
  if (Array.isArray(value)) return value.map((el, i) => copyValue(kind, el, [...path, String(i)]));
  if (isPlainObject(value)) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) setOwn(out, k, copyValue(kind, v, [...path, k]));
    return out;
  }
  return value;
}

/** Presence mode: the shape without the text. */
function presence(value: unknown, depth: number): unknown {
  if (typeof value === 'string') return value === '' ? '' : REDACTED_TEXT;
  if (depth >= MAX_RESOURCE_DEPTH) return REDACTED_TEXT;
  if (Array.isArray(value)) return value.map((el) => presence(el, depth + 1));
  if (isPlainObject(value)) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) setOwn(out, k, presence(v, depth + 1));
    return out;
  }
  return value;
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** A key such as `__proto__` (JSON.parse makes it an own property) stays data and never becomes a prototype. */
function setOwn(out: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
}
