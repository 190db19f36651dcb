import type { FindingResource } from '../model/finding.js';
import { KINDS } from '../model/kinds.js';
import { boundText } from './terminal-text.js';
import { TEXT_BOUNDS } from './text-bounds.js';

/**
 * `clients/Storefront`, `users/auth0|1`, or the kind alone for singletons and summary findings (id = kind). A label
 * is for people, so a huge name is cut (with its length said) and an id only far later.
 */
export function resourceLabel(resource: FindingResource): string {
  const { type, id, name } = resource;
  if (isKindItself(resource)) return type;
  // Reports read back from files are only as typed as their schema: a null name falls back to the id, as before.
  return `${type}/${typeof name === 'string' ? boundText(name, TEXT_BOUNDS.name) : boundText(String(id), TEXT_BOUNDS.id)}`;
}

/** The bounded name (absent when there is none or it only repeats the id) and id; no id for the kind itself. */
export function resourceParts(resource: FindingResource): { name?: string; id?: string } {
  if (isKindItself(resource)) return {};
  const id = boundText(String(resource.id), TEXT_BOUNDS.id);
  const { name } = resource;
  if (typeof name !== 'string' || name === '' || name === resource.id) return { id };
  return { name: boundText(name, TEXT_BOUNDS.name), id };
}

/** A singleton (tenant settings, …) or a summary finding over a whole kind: the kind is the resource. */
function isKindItself(resource: FindingResource): boolean {
  return KINDS[resource.type].singleton || resource.id === resource.type;
}
