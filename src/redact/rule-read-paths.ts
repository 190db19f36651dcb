import { parsePath } from '../engine/path.js';
import type { KindName } from '../model/kinds.js';
import type { Condition, Leaf } from '../rules/condition-schema.js';
import type { RuleFile } from '../rules/rule-schema.js';
import type { KeepMode, PathSpec } from './path-spec.js';

export type KindPaths = Map<KindName, PathSpec[]>;

/** Operators that judge only whether a value is there, empty, or how long it is: its content is never needed. */
const SHAPE_OPERATORS = ['exists', 'absent', 'empty', 'length'] as const;
const QUANTIFIERS = ['some', 'every', 'none'] as const;
/** The same placeholder syntax as the engine's templates (src/engine/template.ts). */
const PLACEHOLDER = /\{\{\s*([^{}\s]+)\s*\}\}/g;

/**
 * Where a condition stands: inside one resource of `kind`, `prefix` deep (a quantifier adds `*`), or on the
 * `{items, count}` subject of a collection rule.
 */
type Subject = { kind: KindName; prefix: readonly string[] } | { kind: KindName; collection: true };

/**
 * Every path a rule reads, per kind, deep (not only the top-level field), and what it needs there: conditions
 * (their own kind's, and other kinds' through `count` and `lookup`), `requires` and message placeholders. Paths
 * inside a quantifier get `*` for the element; in scope collection, `items.N.x` is the resources' `x`. A fix's
 * placeholders are read too: the request it fills in must see the value, not an empty slot.
 */
export function ruleReadPaths(file: RuleFile): KindPaths {
  const out: KindPaths = new Map();
  const add = (kind: KindName, segments: readonly string[], mode: KeepMode): void => {
    const list = out.get(kind) ?? [];
    list.push({ segments, mode });
    out.set(kind, list);
  };
  const own: Subject = file.scope === 'collection' ? { kind: file.resource, collection: true } : { kind: file.resource, prefix: [] };
  for (const c of [file.where, file.judgeable?.when, file.assert]) if (c) walk(c, own, add);
  for (const r of file.requires ?? []) {
    const segs = parsePath(r);
    if (typeof segs !== 'string' && !('collection' in own)) add(file.resource, segs, 'presence');
  }
  for (const m of templateTexts(file).flatMap((t) => [...t.matchAll(PLACEHOLDER)])) {
    const name = m[1] ?? '';
    if (name.startsWith('$')) continue;
    const segs = parsePath(name);
    if (typeof segs === 'string') continue;
    const target = 'collection' in own ? itemPath(segs, true) : segs;
    if (target) add(file.resource, target, 'value');
  }
  return out;
}

/** The message and every string of the fix (path, body leaves, CLI): all are templates over the resource. */
function templateTexts(file: RuleFile): string[] {
  const out = [file.message];
  const fix = file.fix;
  if (fix?.request) out.push(fix.request.path, ...strings(fix.request.body));
  if (fix?.cli) out.push(fix.cli);
  return out;
}

function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (value !== null && typeof value === 'object') return Object.values(value).flatMap(strings);
  return [];
}

type Add = (kind: KindName, segments: readonly string[], mode: KeepMode) => void;

function walk(cond: Condition, at: Subject, add: Add): void {
  if ('all' in cond) return cond.all.forEach((c) => walk(c, at, add));
  if ('any' in cond) return cond.any.forEach((c) => walk(c, at, add));
  if ('not' in cond) return walk(cond.not, at, add);
  leaf(cond, at, add);
}

function leaf(l: Leaf, at: Subject, add: Add): void {
  if (l.count) {
    if (l.count.where) walk(l.count.where, { kind: l.count.from, prefix: [] }, add);
    return;
  }
  const segs = parsePath(l.path ?? '');
  if (typeof segs === 'string') return;
  const quantifier = QUANTIFIERS.find((q) => l[q] !== undefined);
  let full: readonly string[];
  if ('collection' in at) {
    // On `{items, count}`: `count` is no field of any resource; `items` holds the resources themselves.
    if (segs[0] !== 'items') return;
    if (segs.length === 1) {
      const inner = quantifier ? l[quantifier] : undefined;
      if (inner) walk(inner, { kind: at.kind, prefix: [] }, add);
      return;
    }
    const rest = itemPath(segs, false);
    if (!rest) return;
    full = rest;
  } else {
    full = [...at.prefix, ...segs];
  }
  if (quantifier) {
    const inner = l[quantifier];
    if (inner) walk(inner, { kind: at.kind, prefix: [...full, '*'] }, add);
    return;
  }
  if (l.lookup) {
    add(at.kind, full, 'value');
    const key = parsePath(l.lookup.key);
    if (typeof key !== 'string') add(l.lookup.kind, key, 'value');
    if (l.lookup.where) walk(l.lookup.where, { kind: l.lookup.kind, prefix: [] }, add);
    return;
  }
  add(at.kind, full, SHAPE_OPERATORS.some((op) => l[op] !== undefined) ? 'presence' : 'value');
}

/**
 * A path on a collection subject, as a path in each resource: `items.3.name` is `name` (any resource, since
 * positions are not stable). `items.name` is too for templates, which read through arrays; conditions use
 * getPath, which does not, so there it reads nothing.
 */
function itemPath(segs: readonly string[], throughArrays: boolean): readonly string[] | undefined {
  if (segs[0] !== 'items') return undefined;
  const rest = segs.slice(1);
  if (rest.length > 0 && /^\d+$/.test(rest[0] ?? '')) return rest.slice(1);
  return throughArrays ? rest : undefined;
}
