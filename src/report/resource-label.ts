import type { FindingResource } from '../model/finding.js';
import { KINDS } from '../model/kinds.js';

/** `clients/Storefront`, `users/auth0|1`, or the kind alone for singletons and summary findings (id = kind). */
export function resourceLabel(resource: FindingResource): string {
  const { type, id, name } = resource;
  if (KINDS[type].singleton || id === type) return type;
  return `${type}/${name ?? id}`;
}
