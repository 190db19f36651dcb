import { ApiError } from '../../http/api-error.js';
import type { Collector } from '../collector.js';
import { asObject } from './simple-collectors.js';

/**
 * The email provider. "Not configured" is an answer (404 inexistent_email_provider), not missing data: it becomes
 * `{configured: false}` so the rule that wants a provider can fire. Credentials are never requested.
 */
export const emailProviderCollector: Collector = {
  kind: 'email_provider',
  async collect({ api, emit }) {
    try {
      const { body } = await api.get('/emails/provider', { fields: 'name,enabled,default_from_address,settings', include_fields: true });
      await emit({ ...asObject(body, '/emails/provider'), configured: true });
    } catch (err) {
      if (err instanceof ApiError && err.status === 404 && err.errorCode === 'inexistent_email_provider') {
        await emit({ configured: false });
        return;
      }
      throw err;
    }
  },
};
