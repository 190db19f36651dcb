import type { Resource } from '../engine/eval-context.js';
import type { KindCoverage } from '../model/coverage.js';
import { STORED_KIND_NAMES, type StoredKindName } from '../model/kinds.js';
import { NameIndex } from './export-names.js';
import type { ExportItem, ExportSections, SourceLocation } from './export-types.js';
import { asText, markUnresolved } from './keyword-replace.js';
import { mapSettings } from './map-export-settings.js';

export interface MappedExport {
  resources: Partial<Record<StoredKindName, Resource[]>>;
  coverage: Partial<Record<StoredKindName, KindCoverage>>;
  /** `kind/id` → where the resource is written. */
  locations: Map<string, SourceLocation>;
  /** Placeholders no keyword resolved, as `file:line: field`. */
  unresolved: string[];
  /** The tenant domain, when a grant names the Management API (`https://<tenant>[.<region>].auth0.com/api/v2/`). */
  domain?: string;
}

export const NOT_IN_EXPORT = 'not in a configuration export';
const MGMT_AUDIENCE = /^https:\/\/([a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)?\.auth0\.com)\/api\/v2\/$/;

/**
 * deploy-cli's sections as the kinds the rules read: names resolved to ids (a grant's client, a connection's
 * enabled clients, an organization's connections, trigger bindings), joins built, and a coverage per kind: `ok` for
 * what the export holds (an empty section too), `unavailable` with the reason for what it does not.
 */
export function mapExport(exp: ExportSections): MappedExport {
  const out: MappedExport = { resources: {}, coverage: {}, locations: new Map(), unresolved: [] };
  const s = (name: string): ExportItem[] | undefined => exp.sections.get(name);
  const items = (name: string): ExportItem[] => s(name) ?? [];
  const clean = (item: ExportItem): Resource => {
    const found: string[] = [];
    const data = markUnresolved(item.data, '', found) as Resource;
    for (const f of found) out.unresolved.push(`${item.at.file}:${item.at.line ?? 1}: ${f}`);
    return data;
  };
  const put = (kind: StoredKindName, id: string, item: ExportItem, data: Resource): void => {
    (out.resources[kind] ??= []).push(data);
    out.locations.set(`${kind}/${id}`, item.at);
  };
  const present = (kind: StoredKindName, ...sections: string[]): void => {
    if (sections.some((n) => s(n) !== undefined)) out.coverage[kind] = { status: 'ok', count: out.resources[kind]?.length ?? 0 };
  };

  const clients = new NameIndex('client', items('clients'), 'client_id');
  for (const item of items('clients')) {
    const data = clean(item);
    const id = asText(data['client_id'] ?? data['name']);
    put('clients', id, item, { ...data, client_id: id });
  }
  present('clients', 'clients');

  for (const item of items('clientGrants')) {
    const data = clean(item);
    const clientId = data['client_id'] === undefined ? undefined : clients.resolve(data['client_id'], item.at, 'client_id');
    const audience = data['audience'] === undefined ? '' : asText(data['audience']);
    const domain = MGMT_AUDIENCE.exec(audience)?.[1];
    if (domain !== undefined) out.domain ??= domain;
    // One client can hold several grants: a grant is named by its client and its audience.
    const id = asText(data['id'] ?? `${asText(data['client_id'] ?? data['default_for'] ?? 'default')} → ${audience}`);
    put('client_grants', id, item, { ...data, id, ...(clientId === undefined ? {} : { client_id: clientId }) });
  }
  present('client_grants', 'clientGrants');

  for (const item of items('resourceServers')) {
    const data = clean(item);
    const id = asText(data['id'] ?? data['identifier'] ?? data['name']);
    put('resource_servers', id, item, { ...data, id });
  }
  present('resource_servers', 'resourceServers');

  const connectionItems = [...items('databases').map((i) => ({ ...i, data: { strategy: 'auth0', ...i.data } })), ...items('connections')];
  const connections = new NameIndex('connection', connectionItems, 'id');
  for (const item of connectionItems) {
    const data = clean(item);
    const id = asText(data['id'] ?? data['name']);
    // deploy-cli leaves an empty list out: absent enabled_clients means none.
    const enabled = Array.isArray(data['enabled_clients']) ? data['enabled_clients'] : [];
    const enabledIds = enabled.map((ref, i) => clients.resolve(ref, item.at, `enabled_clients.${i}`));
    put('connections', id, item, { ...data, id, enabled_clients: enabledIds });
  }
  present('connections', 'databases', 'connections');
  const strategyOf = new Map((out.resources.connections ?? []).map((c) => [asText(c['id']), c]));

  for (const item of items('roles')) {
    const data = clean(item);
    const id = asText(data['id'] ?? data['name']);
    put('roles', id, item, { ...data, id });
  }
  present('roles', 'roles');
  if (out.coverage.roles) out.coverage.roles = { ...out.coverage.roles, withheldFields: ['users'], detail: `role members are ${NOT_IN_EXPORT}` };

  for (const item of items('organizations')) {
    const data = clean(item);
    const id = asText(data['id'] ?? data['name']);
    const refs = Array.isArray(data['connections']) ? (data['connections'] as Resource[]) : [];
    const enabled = refs.map((c, i) => {
      const connectionId = connections.resolve(c['name'] ?? c['connection_id'], item.at, `connections.${i}.name`);
      const conn = strategyOf.get(connectionId);
      return { ...c, connection_id: connectionId, connection: { name: conn?.['name'], strategy: conn?.['strategy'] } };
    });
    put('organizations', id, item, { ...data, id, enabled_connections: enabled });
  }
  present('organizations', 'organizations');
  if (out.coverage.organizations) {
    out.coverage.organizations = { ...out.coverage.organizations, withheldFields: ['members', 'member_roles'], detail: `organization members are ${NOT_IN_EXPORT}` };
  }

  mapActions(items('actions'), s('triggers')?.[0], clean, put);
  present('actions', 'actions');
  for (const [section, kind] of [['rules', 'rules'], ['hooks', 'hooks'], ['logStreams', 'log_streams']] as const) {
    for (const item of items(section)) {
      const data = clean(item);
      const id = asText(data['id'] ?? data['name']);
      put(kind, id, item, { ...data, id });
    }
    present(kind, section);
  }
  mapSettings(exp, clean, put, present);
  for (const kind of STORED_KIND_NAMES) out.coverage[kind] ??= { status: 'unavailable', count: 0, detail: NOT_IN_EXPORT };
  return out;
}

type Clean = (item: ExportItem) => Resource;
type Put = (kind: StoredKindName, id: string, item: ExportItem, data: Resource) => void;

/** Actions, with `bound_triggers` from the triggers section (bindings name actions by `action_name`). */
function mapActions(actions: ExportItem[], triggers: ExportItem | undefined, clean: Clean, put: Put): void {
  const index = new NameIndex('action', actions, 'id');
  const bound = new Map<string, string[]>();
  for (const [trigger, bindings] of Object.entries(triggers?.data ?? {})) {
    (Array.isArray(bindings) ? bindings : []).forEach((b: Resource, i) => {
      const id = index.resolve(b?.['action_name'], triggers?.at ?? { file: 'triggers' }, `${trigger}.${i}.action_name`);
      bound.set(id, [...(bound.get(id) ?? []), trigger]);
    });
  }
  for (const item of actions) {
    const data = clean(item);
    const id = asText(data['id'] ?? data['name']);
    // deploy-cli deploys an action it marks deployed: its code is then the deployed version's.
    const deployed = data['deployed'] === true;
    put('actions', id, item, {
      ...data,
      id,
      bound_triggers: bound.get(id) ?? [],
      all_changes_deployed: deployed,
      ...(deployed ? { deployed_version: { code: data['code'], deployed: true, runtime: data['runtime'], dependencies: data['dependencies'] } } : {}),
    });
  }
}
