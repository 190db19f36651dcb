import { KIND_NAMES, KINDS, type KindName } from '../model/kinds.js';
import type { PathSpec } from './path-spec.js';

/**
 * The embedded joins of docs/architecture.md (the collectors build them, the engine reads them as lists), and
 * what the engine reads outside any rule: the system API's identifier, for `$tenant.mgmtApiIdentifier`.
 */
const JOINS: Partial<Record<KindName, readonly string[]>> = {
  roles: ['permissions', 'users'],
  organizations: ['members', 'member_roles', 'enabled_connections'],
  connections: ['enabled_clients'],
  actions: ['bound_triggers'],
  email_provider: ['configured'],
  guardian_policies: ['policies'],
  resource_servers: ['is_system', 'identifier'],
};

/** The fields every kind keeps whatever the rules read: the id and display name reports and diffs name it by. */
export function reportPaths(kind: KindName): PathSpec[] {
  const info = KINDS[kind];
  const fields = new Set<string>(JOINS[kind] ?? []);
  if (!info.singleton) fields.add(info.idField);
  if (info.nameField) fields.add(info.nameField);
  return [...fields].map((f) => ({ segments: f.split('.'), mode: 'value' }));
}

export function allReportPaths(): [KindName, PathSpec[]][] {
  return KIND_NAMES.map((k) => [k, reportPaths(k)]);
}
