import type { Resource } from '../../engine/eval-context.js';
import type { Unresolved } from '../keyword-replace.js';

export const AFTER_APPLY: Unresolved = { unresolved: 'known after apply' };

/** A nested block: Terraform's JSON writes each as a list, of one element for a single block. */
export function block(value: unknown): Resource | undefined {
  const v = Array.isArray(value) ? value[0] : value;
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Resource) : undefined;
}

export function list(value: unknown): Resource[] {
  return Array.isArray(value) ? value.filter((v): v is Resource => v !== null && typeof v === 'object' && !Array.isArray(v)) : [];
}

/**
 * The values with every attribute Terraform knows only after apply (`after_unknown: true`) set to a marker no rule
 * operator judges: a rule reading it reports the resource as not judged, never a finding nor a pass.
 */
export function withUnknowns(values: unknown, unknown: unknown): unknown {
  if (unknown === true) return AFTER_APPLY;
  if (Array.isArray(unknown)) {
    const base = Array.isArray(values) ? [...values] : [];
    unknown.forEach((u, i) => {
      if (u !== false && u !== undefined) base[i] = withUnknowns(base[i], u);
    });
    return base;
  }
  if (unknown !== null && typeof unknown === 'object') {
    const base: Record<string, unknown> = values !== null && typeof values === 'object' && !Array.isArray(values) ? { ...(values as Resource) } : {};
    for (const [k, u] of Object.entries(unknown)) if (u !== false) base[k] = withUnknowns(base[k], u);
    return base;
  }
  return values;
}

/** The values without the null attributes Terraform writes for everything not set: absent means "not set". */
export function dropNulls(values: Resource): Resource {
  return Object.fromEntries(Object.entries(values).filter(([, v]) => v !== null));
}

/** `http_endpoint` → `httpEndpoint`: the provider writes snake_case where the Management API (and the rules) use camelCase. */
export function camelKeys(value: Resource | undefined): Resource | undefined {
  if (value === undefined) return undefined;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k.replace(/_([a-z0-9])/g, (_m, c: string) => c.toUpperCase()), v]));
}

/** The named attributes of an object that are single nested blocks, unwrapped; the others as they are. */
export function withBlocks(value: Resource | undefined, names: readonly string[]): Resource | undefined {
  if (value === undefined) return undefined;
  return { ...value, ...Object.fromEntries(names.filter((n) => value[n] !== undefined).map((n) => [n, block(value[n]) ?? value[n]])) };
}
