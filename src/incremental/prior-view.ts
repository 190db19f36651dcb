import type { Resource } from '../collect/collector.js';
import { resourceId, type StoredKindName } from '../model/kinds.js';

/**
 * What an incremental run lets a join kind's collector take from the base snapshot instead of reading it: the
 * joins (members, users, permissions, enabled clients, discovery domains) of the items no logged change touched.
 * The collector still lists the kind, so new, deleted and renamed items are always current.
 */
export interface PriorKindView {
  /** The base's resource with this id, when its joins are proven unchanged; undefined means "read it". */
  unchanged(id: string): Resource | undefined;
  /** A child kind's base resources under one parent, when proven unchanged; undefined means "read them". */
  unchangedChildren(parentId: string): readonly Resource[] | undefined;
}

/** For a child kind (discovery domains): the field naming the parent, and the parents the base listed. */
export interface ParentLink {
  field: string;
  parents: ReadonlySet<string>;
}

export function priorKindView(kind: StoredKindName, resources: readonly Resource[], dirty: ReadonlySet<string>, parent?: ParentLink): PriorKindView {
  const byId = new Map<string, Resource>();
  const children = new Map<string, Resource[]>();
  for (const r of resources) {
    byId.set(resourceId(kind, r), r);
    const p = parent === undefined ? undefined : r[parent.field];
    if (typeof p === 'string') children.set(p, [...(children.get(p) ?? []), r]);
  }
  return {
    unchanged: (id) => (dirty.has(id) ? undefined : byId.get(id)),
    // A parent the base listed without children has none still; a parent it did not list is new: read it.
    unchangedChildren: (id) => (dirty.has(id) || !parent?.parents.has(id) ? undefined : (children.get(id) ?? [])),
  };
}
