import { CollectionError } from '../../errors.js';
import type { Collector } from '../collector.js';

/** The MFA policies: the API returns a bare string array; the snapshot holds `{policies}` as a singleton. */
export const guardianPoliciesCollector: Collector = {
  kind: 'guardian_policies',
  async collect({ api, emit }) {
    const { body } = await api.get('/guardian/policies');
    if (!Array.isArray(body) || !body.every((p) => typeof p === 'string')) {
      throw new CollectionError('API', '/guardian/policies: expected an array of policy names');
    }
    await emit({ policies: body });
  },
};
