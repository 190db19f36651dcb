import type { KindName } from '../model/kinds.js';
import type { Condition } from '../rules/condition-schema.js';
import type { RuleFile } from '../rules/rule-schema.js';

export type FieldsRead = Map<KindName, Set<string>>;

/**
 * The top-level fields a rule reads, per kind: its own kind's from its paths, other kinds' through `count` and
 * `lookup`. Coverage uses it to skip only the rules that read a field the API withheld (connection `options`
 * without read:connections_options), not every rule of the kind.
 */
export function fieldsRead(file: RuleFile): FieldsRead {
  const out: FieldsRead = new Map();
  const add = (kind: KindName, path: string | undefined): void => {
    const top = path?.split('.')[0];
    if (top === undefined || top === '') return;
    if (!out.has(kind)) out.set(kind, new Set());
    out.get(kind)?.add(top);
  };
  // In scope collection the subject is {items, count}: the fields are those read inside a quantifier over items.
  const collection = file.scope === 'collection';
  const walk = (cond: Condition, kind: KindName, ownFields: boolean): void => {
    if ('all' in cond) return cond.all.forEach((c) => walk(c, kind, ownFields));
    if ('any' in cond) return cond.any.forEach((c) => walk(c, kind, ownFields));
    if ('not' in cond) return walk(cond.not, kind, ownFields);
    if (ownFields) add(kind, cond.path);
    if (cond.count) {
      if (cond.count.where) walk(cond.count.where, cond.count.from, true);
      else out.set(cond.count.from, out.get(cond.count.from) ?? new Set());
    }
    if (cond.lookup) {
      add(cond.lookup.kind, cond.lookup.key);
      if (cond.lookup.where) walk(cond.lookup.where, cond.lookup.kind, true);
    }
    const overItems = !ownFields && collection && cond.path === 'items';
    // Paths inside a quantifier are relative to an element of a field already counted, except over `items`.
    for (const q of [cond.some, cond.every, cond.none]) if (q) walk(q, kind, overItems);
  };
  for (const c of [file.where, file.judgeable?.when, file.assert]) if (c) walk(c, file.resource, !collection);
  for (const r of file.requires ?? []) add(file.resource, r);
  return out;
}
