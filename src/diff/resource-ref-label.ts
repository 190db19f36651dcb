import type { ResourceRef } from './diff-types.js';

/** `clients/Patient Portal (abc123)`, `clients/abc123`, or the kind alone for singletons. */
export function resourceRefLabel(ref: ResourceRef): string {
  if (ref.id === ref.kind) return ref.kind;
  return ref.name ? `${ref.kind}/${ref.name} (${ref.id})` : `${ref.kind}/${ref.id}`;
}
