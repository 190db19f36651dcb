import type { Collector } from '../collector.js';
import { asObject } from './simple-collectors.js';

const FULL_READ = ['read:clients', 'read:client_keys'];

/** The global client: flagged `global`, or named "All Applications" with no application type (no real app lacks one). */
export function isGlobalClient(client: Record<string, unknown>): boolean {
  if (client['global'] === true) return true;
  return client['name'] === 'All Applications' && (client['app_type'] === undefined || client['app_type'] === null);
}

/**
 * Applications. With only read:client_summary the API returns id, type, name and description, and every rule that
 * reads a missing field as its insecure default would fire: such data is marked forbidden, not ok.
 */
export const clientsCollector: Collector = {
  kind: 'clients',
  async collect({ api, emit }) {
    // The tenant's global client ("All Applications") holds tenant-wide legacy settings, not an application: it
    // is filtered out by the API, and recognised again in case a server ignores the filter (real list pages
    // often omit `global`).
    for await (const page of api.offsetPages('/clients', { key: 'clients', query: { is_global: false } })) {
      for (const c of page) {
        const client = asObject(c, '/clients');
        if (!isGlobalClient(client)) await emit(client);
      }
    }
    const scopes = api.grantedScopes();
    if (scopes && !FULL_READ.some((s) => scopes.includes(s))) {
      return { status: 'forbidden', missingScopes: ['read:clients'], detail: 'the token can read only application summaries' };
    }
  },
};
