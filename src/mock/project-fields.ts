import { boolParam, listParam } from './query-params.js';
import type { Item } from './user-store.js';

/** Applies `fields` + `include_fields` (top-level keys) as the API does; no `fields` returns the item unchanged. */
export function projectFields(item: Item, query: URLSearchParams): Item {
  const fields = listParam(query, 'fields');
  if (!fields) return item;
  const include = boolParam(query, 'include_fields', true);
  const wanted = new Set(fields);
  const out: Item = {};
  for (const [key, value] of Object.entries(item)) {
    if (wanted.has(key) === include) out[key] = value;
  }
  return out;
}

export function pick(item: Item, keys: readonly string[]): Item {
  const out: Item = {};
  for (const key of keys) if (Object.hasOwn(item, key)) out[key] = item[key];
  return out;
}

export function omit(item: Item, keys: readonly string[]): Item {
  const out = { ...item };
  for (const key of keys) delete out[key];
  return out;
}
