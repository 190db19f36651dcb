import { KINDS, type KindName } from '../model/kinds.js';
import type { ResourceRef } from './diff-types.js';

/** How a diff names a resource: its kind, its id (the kind for singletons) and its display name if it has one. */
export function resourceRef(kind: KindName, data: Record<string, unknown>): ResourceRef {
  const info = KINDS[kind];
  const rawId = info.singleton ? kind : data[info.idField];
  const id = typeof rawId === 'string' || typeof rawId === 'number' ? String(rawId) : '(no id)';
  const rawName = info.nameField ? data[info.nameField] : undefined;
  return typeof rawName === 'string' && rawName !== '' && rawName !== id ? { kind, id, name: rawName } : { kind, id };
}
