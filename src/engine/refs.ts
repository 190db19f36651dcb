import type { DocPath } from '../rules/source-document.js';
import type { CompileErrors } from './compile-issue.js';

const REF = /^\$(params|tenant)\.([A-Za-z0-9_]+)$/;

export interface Bindings {
  params: Readonly<Record<string, unknown>>;
  tenant: Readonly<Record<string, unknown>>;
}

/**
 * Resolves `$params.NAME` / `$tenant.NAME` strings; any other value is returned as is. An unknown name is a
 * compile error, so a typo in a rule never silently compares against `undefined`.
 */
export function resolveRef(value: unknown, bindings: Bindings, errors: CompileErrors, path: DocPath): unknown {
  if (typeof value !== 'string') return value;
  const m = REF.exec(value);
  if (!m) return value;
  const [, scope, name] = m as unknown as [string, 'params' | 'tenant', string];
  const table = bindings[scope];
  if (!Object.hasOwn(table, name)) {
    errors.add(path, `unknown reference ${value}${scope === 'params' ? ' (declare it under params)' : ''}`);
    return undefined;
  }
  return table[name];
}

export function isRef(value: unknown): boolean {
  return typeof value === 'string' && REF.test(value);
}
