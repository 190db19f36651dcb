import type { KindName } from '../model/kinds.js';
import { reportPaths } from '../redact/report-paths.js';
import { didYouMean } from '../util/closest-match.js';
import type { Condition } from './condition-schema.js';
import { KNOWN_FIELDS } from './known-fields.js';
import type { RuleFile } from './rule-schema.js';
import type { DocPath } from './source-document.js';

export interface RuleWarning {
  path: DocPath;
  message: string;
}

/** What the engine fills in itself (src/engine/template.ts); `$params.X` and `$tenant.X` are checked on load. */
const TEMPLATE_VARS = ['$id', '$name', '$count', '$sample'];
const PLACEHOLDER = /\{\{\s*([^{}\s]+)\s*\}\}/g;

/** The fields a rule may name for a kind: the recorded ones plus the joins and names the collectors add. */
export function knownFields(kind: KindName): Set<string> {
  return new Set([...KNOWN_FIELDS[kind], ...reportPaths(kind).map((p) => p.segments[0] ?? '')]);
}

/**
 * Mistakes that load fine but make a rule judge nothing: a top-level field no resource of the kind has, and a
 * `{{$var}}` the engine does not fill. Paths inside a quantifier are relative to an element and are not checked.
 */
export function ruleWarnings(file: RuleFile): RuleWarning[] {
  const out: RuleWarning[] = [];
  const field = (kind: KindName, path: string | undefined, at: DocPath): void => {
    const top = path?.split('.')[0];
    if (top === undefined || top === '' || top.startsWith('$')) return;
    const known = knownFields(kind);
    if (known.has(top)) return;
    out.push({ path: at, message: `no ${kind} resource has a field "${top}"${didYouMean(top, known)}` });
  };
  const collection = file.scope === 'collection';
  const walk = (cond: Condition, at: DocPath, kind: KindName, own: boolean): void => {
    if ('all' in cond) return cond.all.forEach((c, i) => walk(c, [...at, 'all', i], kind, own));
    if ('any' in cond) return cond.any.forEach((c, i) => walk(c, [...at, 'any', i], kind, own));
    if ('not' in cond) return walk(cond.not, [...at, 'not'], kind, own);
    if (own) field(kind, cond.path, [...at, 'path']);
    if (cond.count?.where) walk(cond.count.where, [...at, 'count', 'where'], cond.count.from, true);
    if (cond.lookup) {
      field(cond.lookup.kind, cond.lookup.key, [...at, 'lookup', 'key']);
      if (cond.lookup.where) walk(cond.lookup.where, [...at, 'lookup', 'where'], cond.lookup.kind, true);
    }
    // In scope collection the subject is {items, count}: a quantifier over items reads the kind's own fields.
    const overItems = !own && collection && cond.path === 'items';
    for (const q of ['some', 'every', 'none'] as const) {
      const inner = cond[q];
      if (inner) walk(inner, [...at, q], kind, overItems);
    }
  };
  for (const key of ['where', 'assert'] as const) {
    const c = file[key];
    if (c) walk(c, [key], file.resource, !collection);
  }
  if (file.judgeable) walk(file.judgeable.when, ['judgeable', 'when'], file.resource, !collection);
  (file.requires ?? []).forEach((r, i) => field(file.resource, r, ['requires', i]));
  for (const m of file.message.matchAll(PLACEHOLDER)) {
    const name = m[1] ?? '';
    if (name.startsWith('$')) {
      if (!TEMPLATE_VARS.includes(name) && !/^\$(params|tenant)\./.test(name)) {
        out.push({ path: ['message'], message: `unknown template variable {{${name}}}${didYouMean(name, TEMPLATE_VARS)}; known: ${TEMPLATE_VARS.join(', ')}, $params.X, $tenant.X` });
      }
    } else if (!collection) field(file.resource, name, ['message']);
  }
  return out;
}

/** Rule ids used by more than one file: the later file's id, pointing at the first. */
export function duplicateIds(rules: readonly { path: string; id: string }[]): { path: string; id: string; first: string }[] {
  const seen = new Map<string, string>();
  const out: { path: string; id: string; first: string }[] = [];
  for (const r of rules) {
    const first = seen.get(r.id);
    if (first === undefined) seen.set(r.id, r.path);
    else out.push({ ...r, first });
  }
  return out;
}
