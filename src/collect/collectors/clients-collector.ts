import type { Collector } from '../collector.js';
import { asObject } from './simple-collectors.js';

const FULL_READ = ['read:clients', 'read:client_keys'];

/**
 * Applications. With only read:client_summary the API returns id, type, name and description, and every rule that
 * reads a missing field as its insecure default would fire: such data is marked forbidden, not ok.
 */
export const clientsCollector: Collector = {
  kind: 'clients',
  async collect({ api, emit }) {
    for await (const page of api.offsetPages('/clients', { key: 'clients' })) for (const c of page) await emit(asObject(c, '/clients'));
    const scopes = api.grantedScopes();
    if (scopes && !FULL_READ.some((s) => scopes.includes(s))) {
      return { status: 'forbidden', missingScopes: ['read:clients'], detail: 'the token can read only application summaries' };
    }
  },
};
