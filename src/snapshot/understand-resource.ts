import type { z } from 'zod';
import { getPath } from '../engine/path.js';
import type { NotUnderstood } from '../model/coverage.js';
import { KINDS, type KindName } from '../model/kinds.js';
import { typeName } from '../model/type-name.js';
import { nestedDeeperThan, MAX_RESOURCE_DEPTH } from '../redact/resource-depth.js';
import { RESOURCE_SCHEMAS } from './resource-schemas.js';

export type Understood = { ok: true; data: Record<string, unknown> } | { ok: false; entry: NotUnderstood };

/**
 * Checks one resource against its kind's input schema. A resource that does not fit is described (id, field,
 * what was found) for coverage instead of failing its kind: the rest of the kind is still judged.
 * `position` (1-based) names the resource when its id is what is missing.
 */
export function understandResource(kind: KindName, resource: unknown, position: number): Understood {
  // Checked first: every later walk (schema, redaction, JSON.stringify) recurses, and a hostile 5,000-deep value
  // would overflow the stack and end the run with an internal error instead of costing one resource.
  if (nestedDeeperThan(resource)) {
    return { ok: false, entry: { id: idOf(kind, resource, position), field: '', problem: `nested more than ${MAX_RESOURCE_DEPTH} levels deep` } };
  }
  const parsed = RESOURCE_SCHEMAS[kind].safeParse(resource);
  if (parsed.success) return { ok: true, data: parsed.data };
  return { ok: false, entry: describe(kind, resource, parsed.error.issues, position) };
}

function describe(kind: KindName, resource: unknown, issues: readonly z.core.$ZodIssue[], position: number): NotUnderstood {
  const id = idOf(kind, resource, position);
  const issue = issues[0];
  const path = (issue?.path ?? []).filter((p): p is string | number => typeof p !== 'symbol').map(String);
  const value = path.length === 0 ? resource : getPath(resource, path);
  return { id, field: path.join('.'), problem: valueProblem(value, issue?.code === 'too_small' ? 'a non-empty string' : expected(issue)) };
}

function idOf(kind: KindName, resource: unknown, position: number): string {
  const info = KINDS[kind];
  const rawId = resource !== null && typeof resource === 'object' && !info.singleton ? (resource as Record<string, unknown>)[info.idField] : undefined;
  return info.singleton ? kind : typeof rawId === 'string' && rawId !== '' ? rawId : positional(resource, position);
}

/** `#2 "Portal"`: a resource whose id cannot be read is named by its position, and by its name when it has one. */
function positional(resource: unknown, position: number): string {
  const name = resource !== null && typeof resource === 'object' ? (resource as Record<string, unknown>)['name'] : undefined;
  return typeof name === 'string' && name !== '' ? `#${position} ${JSON.stringify(name.slice(0, 80))}` : `#${position}`;
}

function expected(issue: z.core.$ZodIssue | undefined): string {
  if (issue?.code === 'invalid_type') return `${/^[aeiou]/.test(issue.expected) ? 'an' : 'a'} ${issue.expected}`;
  return 'another shape';
}

/** `absent`, `null`, or `a number (expected a string)`: the type only, never the value (it may be a secret). */
export function valueProblem(value: unknown, want: string): string {
  if (value === undefined) return 'absent';
  if (value === null) return `null (expected ${want})`;
  return `${typeName(value)} (expected ${want})`;
}
