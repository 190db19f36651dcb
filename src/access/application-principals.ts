import type { AccessPath, Principal } from './access-types.js';
import { clientAuthentication } from './client-authentication.js';
import type { ScopeTally } from './scope-tally.js';
import { stringList, text } from './resource-fields.js';

type Resource = Record<string, unknown>;

export interface ApplicationInput {
  clients: readonly Resource[];
  grants: readonly Resource[];
  mgmtAudience: string;
  tally: ScopeTally;
  scannerClientId?: string;
  /** Dynamic client registration is on: anyone can create a third-party application. */
  openRegistration: boolean;
}

/**
 * Applications and what their client grants give them. A grant with `default_for: third_party_clients` is held by
 * every third-party application, present or (with dynamic registration) yet to be registered, so it becomes a
 * path of each third-party application and of one principal standing for all of them.
 */
export function applicationPrincipals(input: ApplicationInput): Principal[] {
  const { tally } = input;
  const clients = new Map<string, Resource>();
  for (const c of input.clients) {
    const id = text(c['client_id']);
    if (id !== undefined) clients.set(id, c);
  }
  const own = new Map<string, AccessPath[]>();
  const defaults: Resource[] = [];
  for (const grant of input.grants) {
    if (text(grant['default_for']) !== undefined) {
      defaults.push(grant);
      continue;
    }
    const clientId = text(grant['client_id']);
    if (clientId === undefined) continue;
    const list = own.get(clientId) ?? [];
    list.push(grantPath(grant, 'client_grant', input.mgmtAudience, tally, `application:${clientId}`));
    own.set(clientId, list);
  }
  const out: Principal[] = [];
  const thirdPartyDefaults = defaults.filter((g) => g['default_for'] === 'third_party_clients');
  for (const [clientId, client] of clients) {
    const thirdParty = client['is_first_party'] === false;
    const paths = [...(own.get(clientId) ?? [])];
    if (thirdParty) for (const g of thirdPartyDefaults) paths.push(grantPath(g, 'default_grant', input.mgmtAudience, tally, `application:${clientId}`));
    if (paths.length === 0) continue;
    own.delete(clientId);
    out.push(application(clientId, client, paths, input));
  }
  // Grants whose application is not in the snapshot (deleted, or not read) still name a client id that holds rights.
  for (const [clientId, paths] of own) out.push(application(clientId, undefined, paths, input));
  for (const g of defaults) {
    const id = text(g['id']) ?? 'default';
    const forWhom = text(g['default_for']) ?? 'unknown';
    const path = grantPath(g, 'default_grant', input.mgmtAudience, tally, `third_party_default:${id}`);
    out.push({
      id: `third_party_default:${id}`,
      type: 'third_party_default',
      nativeId: id,
      name: forWhom === 'third_party_clients' ? 'every third-party application' : `default grant for ${forWhom}`,
      capabilities: path.capabilities,
      takeover: false,
      paths: [path],
      traits: { firstParty: false, openRegistration: input.openRegistration },
    });
  }
  return out;
}

function application(clientId: string, client: Resource | undefined, paths: AccessPath[], input: ApplicationInput): Principal {
  const name = client ? text(client['name']) : undefined;
  const appType = client ? text(client['app_type']) : undefined;
  return {
    id: `application:${clientId}`,
    type: 'application',
    nativeId: clientId,
    ...(name === undefined ? {} : { name }),
    capabilities: input.tally.sorted(paths.flatMap((p) => p.capabilities)),
    takeover: false,
    paths,
    traits: {
      authentication: clientAuthentication(client),
      ...(client === undefined ? {} : { firstParty: client['is_first_party'] !== false }),
      ...(client?.['global'] === true ? { global: true } : {}),
      ...(appType === undefined ? {} : { appType }),
      isScanner: input.scannerClientId !== undefined && input.scannerClientId === clientId,
    },
  };
}

export function grantPath(grant: Resource, via: 'client_grant' | 'default_grant', mgmtAudience: string, tally: ScopeTally, holder: string): AccessPath {
  const audience = text(grant['audience']) ?? '';
  const scopes = stringList(grant['scope']).sort();
  const managementApi = audience === mgmtAudience;
  const id = text(grant['id']);
  const subjectType = text(grant['subject_type']);
  return {
    via,
    audience,
    managementApi,
    scopes,
    capabilities: managementApi ? tally.capabilitiesOf(scopes, holder) : [],
    ...(id === undefined ? {} : { grantId: id }),
    ...(subjectType === undefined ? {} : { subjectType }),
  };
}
