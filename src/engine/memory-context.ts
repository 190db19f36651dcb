import type { KindName } from '../model/kinds.js';
import type { EvalContext, Resource } from './eval-context.js';
import { collectPath, parsePath } from './path.js';

/** An EvalContext over resources held in memory; indexes are built on first use and reused by every rule. */
export function memoryContext(resources: Partial<Record<KindName, readonly Resource[]>>, now: number): EvalContext {
  const indexes = new Map<string, Map<unknown, Resource[]>>();
  return {
    now,
    resources: (kind) => resources[kind] ?? [],
    index(kind, key) {
      const cacheKey = `${kind}\u0000${key}`;
      let index = indexes.get(cacheKey);
      if (!index) {
        index = new Map();
        const segs = parsePath(key);
        for (const r of typeof segs === 'string' ? [] : (resources[kind] ?? [])) {
          for (const value of new Set(collectPath(r, segs as readonly string[]))) {
            const list = index.get(value);
            if (list) list.push(r);
            else index.set(value, [r]);
          }
        }
        indexes.set(cacheKey, index);
      }
      return index;
    },
  };
}
