import type { KindName } from '../../model/kinds.js';
import type { Query } from '../collect-api.js';
import type { Collector, Resource } from '../collector.js';
import { CollectionError } from '../../errors.js';

/** A settings object read with one GET. */
export function singletonCollector(kind: KindName, path: string, query?: Query): Collector {
  return {
    kind,
    async collect({ api, emit }) {
      const { body } = await api.get(path, query);
      await emit(asObject(body, path));
    },
  };
}

/** A list returned whole, as a bare array, by one GET. */
export function bareListCollector(kind: KindName, path: string): Collector {
  return {
    kind,
    async collect({ api, emit }) {
      const { body } = await api.get(path);
      for (const item of asArray(body, path)) await emit(asObject(item, path));
    },
  };
}

/** A paginated list: offset (concurrent pages once the total is known) or checkpoint, as the endpoint requires. */
export function pagedCollector(kind: KindName, path: string, key: string, mode: 'offset' | 'checkpoint', query?: Query): Collector {
  return {
    kind,
    async collect({ api, emit }) {
      const pages = mode === 'offset' ? api.offsetPages(path, { key, query }) : api.checkpointPages(path, { key, query });
      for await (const page of pages) for (const item of page) await emit(asObject(item, path));
    },
  };
}

export function asArray(body: unknown, path: string): unknown[] {
  if (Array.isArray(body)) return body;
  throw new CollectionError('API', `${path}: expected a JSON array in the response`);
}

export function asObject(body: unknown, path: string): Resource {
  if (body !== null && typeof body === 'object' && !Array.isArray(body)) return body as Resource;
  throw new CollectionError('API', `${path}: expected a JSON object in the response`);
}

/** Reads every page of a sub-resource list into one array (used for the joins). */
export async function readAll(pages: AsyncGenerator<unknown[]>): Promise<unknown[]> {
  const out: unknown[] = [];
  for await (const page of pages) out.push(...page);
  return out;
}

/** The string ids found at `field` in a list of objects (role users, org members, connection clients). */
export function idsOf(items: readonly unknown[], field: string): string[] {
  const ids: string[] = [];
  for (const item of items) {
    const v = item !== null && typeof item === 'object' ? (item as Resource)[field] : undefined;
    if (typeof v === 'string') ids.push(v);
  }
  return ids;
}
