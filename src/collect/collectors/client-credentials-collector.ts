import pLimit from 'p-limit';
import type { Collector } from '../collector.js';
import { isGlobalClient } from './clients-collector.js';
import { readChildList } from './read-child-list.js';
import { asArray, asObject } from './simple-collectors.js';

const CONCURRENCY = 8;
const SCOPE = 'read:client_credentials';
/** Metadata only: the credentials endpoint returns public keys and certificates, never private material. */
const KEEP = ['id', 'name', 'kid', 'alg', 'credential_type', 'subject_dn', 'thumbprint_sha256', 'created_at', 'updated_at', 'expires_at'];

/**
 * Public-key credentials (private_key_jwt, mTLS, JAR) of the applications that reference one: the client list
 * says which (`client_authentication_methods`, `signed_request_object.credentials`), so applications with a
 * shared secret only cost no request.
 */
export const clientCredentialsCollector: Collector = {
  kind: 'client_credentials',
  async collect(ctx) {
    const { api, emit } = ctx;
    // Without the scope the client list hides client_authentication_methods, so it would look like no application
    // has a credential: that is missing data, not an answer.
    const granted = api.grantedScopes();
    if (granted !== undefined && !granted.includes(SCOPE)) {
      return { status: 'forbidden', missingScopes: [SCOPE], detail: `credential metadata needs ${SCOPE} (optional)` };
    }
    const wanted: { id: string; name: unknown }[] = [];
    // The same list request as the clients kind, so a run reads it once (shared-reads.ts). With this scope it carries
    // client secrets, as it does for the clients kind: only ids, names and credential references are taken from it.
    for await (const page of api.offsetPages('/clients', { key: 'clients', query: { is_global: false } })) {
      for (const c of page) {
        const client = asObject(c, '/clients');
        if (!isGlobalClient(client) && referencesCredential(client)) wanted.push({ id: String(client['client_id']), name: client['name'] });
      }
    }
    ctx.expect?.(wanted.length);
    const limit = pLimit(CONCURRENCY);
    const lists = await Promise.all(
      wanted.map((client) =>
        limit(async () => {
          const path = `/clients/${encodeURIComponent(client.id)}`;
          const items = await readChildList(ctx, { path, id: client.id, idField: 'client_id', joins: 'credentials' }, async () =>
            asArray((await api.get(`${path}/credentials`)).body, '/clients/{id}/credentials'),
          );
          return { client, items: items ?? [] };
        }),
      ),
    );
    for (const { client, items } of lists) {
      for (const item of items) {
        const cred = asObject(item, '/clients/{id}/credentials');
        const kept = Object.fromEntries(KEEP.filter((k) => k in cred).map((k) => [k, cred[k]]));
        await emit({ ...kept, client_id: client.id, client_name: client.name });
      }
    }
  },
};

function referencesCredential(client: Record<string, unknown>): boolean {
  const methods = client['client_authentication_methods'];
  if (methods !== null && typeof methods === 'object' && Object.keys(methods).length > 0) return true;
  const jar = client['signed_request_object'];
  const creds = jar !== null && typeof jar === 'object' ? (jar as Record<string, unknown>)['credentials'] : undefined;
  return Array.isArray(creds) && creds.length > 0;
}
