import { ApiError, notFound } from './api-error.js';
import type { TenantData } from './tenant-data.js';
import type { Item } from './user-store.js';

type ListKey =
  | 'clients'
  | 'clientGrants'
  | 'resourceServers'
  | 'connections'
  | 'roles'
  | 'organizations'
  | 'actions'
  | 'rules'
  | 'hooks'
  | 'logStreams'
  | 'customDomains'
  | 'networkAcls'
  | 'eventStreams'
  | 'tokenExchangeProfiles';

/** Management API collections the mock can create in, update and delete from: path → list and id field. */
export const COLLECTIONS: Readonly<Record<string, { list: ListKey; idField: string }>> = {
  clients: { list: 'clients', idField: 'client_id' },
  'client-grants': { list: 'clientGrants', idField: 'id' },
  'resource-servers': { list: 'resourceServers', idField: 'id' },
  connections: { list: 'connections', idField: 'id' },
  roles: { list: 'roles', idField: 'id' },
  organizations: { list: 'organizations', idField: 'id' },
  'actions/actions': { list: 'actions', idField: 'id' },
  rules: { list: 'rules', idField: 'id' },
  hooks: { list: 'hooks', idField: 'id' },
  'log-streams': { list: 'logStreams', idField: 'id' },
  'custom-domains': { list: 'customDomains', idField: 'custom_domain_id' },
  'network-acls': { list: 'networkAcls', idField: 'id' },
  'event-streams': { list: 'eventStreams', idField: 'id' },
  'token-exchange-profiles': { list: 'tokenExchangeProfiles', idField: 'id' },
};

let created = 0;

/** POST to a collection: the body becomes the item (an id is made up when it names none); its joins start empty. */
export function createItem(data: TenantData, collection: string, body: Item): Item {
  const { list, idField } = collectionOf(collection);
  const id = typeof body[idField] === 'string' ? String(body[idField]) : `mock_${collection.replace(/\W/g, '')}_${++created}`;
  if (data[list].some((item) => item[idField] === id)) throw new ApiError(409, `${collection} ${id} already exists`, 'conflict');
  const item = { ...body, [idField]: id };
  data[list].push(item);
  if (list === 'connections') data.connectionClients.set(id, []);
  if (list === 'roles') [data.rolePermissions, data.roleUsers].forEach((m) => m.set(id, []));
  if (list === 'organizations') {
    data.orgMembers.set(id, []);
    data.orgMemberRoles.set(id, new Map());
    data.orgConnections.set(id, []);
    data.discoveryDomains.set(id, []);
  }
  // A new application is enabled on every connection when the tenant says so (the API's documented cascade).
  if (list === 'clients' && (data.tenant['flags'] as Item | undefined)?.['enable_client_connections'] !== false) {
    for (const clients of data.connectionClients.values()) clients.push(id);
  }
  return item;
}

/** PATCH of one item: top-level fields replaced, as the API merges (nested objects are replaced whole). */
export function updateItem(data: TenantData, collection: string, id: string, body: Item): Item {
  const { list, idField } = collectionOf(collection);
  const item = data[list].find((i) => i[idField] === id);
  if (!item) throw notFound(`No ${collection} with id ${id}`);
  Object.assign(item, body, { [idField]: id });
  return item;
}

/** DELETE of one item, with the cascades the API performs (grants of a client, a connection in organizations, …). */
export function deleteItem(data: TenantData, collection: string, id: string): void {
  const { list, idField } = collectionOf(collection);
  const index = data[list].findIndex((i) => i[idField] === id);
  if (index < 0) throw notFound(`No ${collection} with id ${id}`);
  const [item] = data[list].splice(index, 1);
  if (list === 'clients') {
    data.clientGrants = data.clientGrants.filter((g) => g['client_id'] !== id);
    for (const [conn, clients] of data.connectionClients) data.connectionClients.set(conn, clients.filter((c) => c !== id));
    data.clientCredentials.delete(id);
  }
  if (list === 'connections') {
    data.connectionClients.delete(id);
    data.scim.delete(id);
    for (const [org, conns] of data.orgConnections) data.orgConnections.set(org, conns.filter((c) => c['connection_id'] !== id));
  }
  if (list === 'roles') {
    data.rolePermissions.delete(id);
    data.roleUsers.delete(id);
    for (const members of data.orgMemberRoles.values()) {
      for (const [user, roles] of members) members.set(user, roles.filter((r) => r['id'] !== id));
    }
  }
  if (list === 'resourceServers' && item) {
    const audience = item['identifier'];
    data.clientGrants = data.clientGrants.filter((g) => g['audience'] !== audience);
    for (const [role, perms] of data.rolePermissions) data.rolePermissions.set(role, perms.filter((p) => p['resource_server_identifier'] !== audience));
  }
  if (list === 'organizations') {
    for (const map of [data.orgMembers, data.orgMemberRoles, data.orgConnections, data.discoveryDomains]) map.delete(id);
  }
}

function collectionOf(collection: string): { list: ListKey; idField: string } {
  const entry = COLLECTIONS[collection];
  if (!entry) throw new ApiError(400, `the mock cannot change ${collection}`, 'unsupported_change');
  return entry;
}
