import { InputError } from '../errors.js';
import { closestMatch } from '../util/closest-match.js';
import type { AccessModel } from './access-types.js';

export interface AccessFilter {
  capabilities?: readonly string[];
  principals?: readonly string[];
}

/**
 * `--capability` and `--principal`: keep the principals holding any of the capabilities, and those named by id
 * (`application:abc`) or native id (`abc`). An unknown capability is a usage error with a suggestion; an unknown
 * principal simply matches nothing (it may be correct for another tenant).
 */
export function filterAccessModel(model: AccessModel, filter: AccessFilter): AccessModel {
  const known = model.capabilities.map((c) => c.id);
  for (const c of filter.capabilities ?? []) {
    if (known.includes(c)) continue;
    const near = closestMatch(c, known);
    throw new InputError('USAGE', `--capability ${c} is not a capability${near ? ` (did you mean ${near}?)` : ''}: one of ${known.join(', ')}`);
  }
  const caps = new Set(filter.capabilities ?? []);
  const ids = new Set(filter.principals ?? []);
  const principals = model.principals.filter(
    (p) => (caps.size === 0 || p.capabilities.some((c) => caps.has(c))) && (ids.size === 0 || ids.has(p.id) || ids.has(p.nativeId)),
  );
  const capabilities = caps.size === 0 ? model.capabilities : model.capabilities.filter((c) => caps.has(c.id));
  return { ...model, capabilities, principals };
}
