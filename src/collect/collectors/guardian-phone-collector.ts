import { ApiError } from '../../http/api-error.js';
import type { CollectApi } from '../collect-api.js';
import type { Collector } from '../collector.js';
import { asObject } from './simple-collectors.js';

/**
 * The phone factors' delivery settings as one resource: `sms_provider` and `phone_provider` (the selected
 * provider: auth0, twilio or phone-message-hook) and `message_types` (sms, voice). Provider credentials live on
 * other endpoints, which are never read. A 404 on one part (never configured) leaves that field absent.
 */
export const guardianPhoneCollector: Collector = {
  kind: 'guardian_phone',
  async collect({ api, emit }) {
    const sms = await optional(api, '/guardian/factors/sms/selected-provider');
    const phone = await optional(api, '/guardian/factors/phone/selected-provider');
    const types = await optional(api, '/guardian/factors/phone/message-types');
    await emit({
      ...(sms?.['provider'] === undefined ? {} : { sms_provider: sms['provider'] }),
      ...(phone?.['provider'] === undefined ? {} : { phone_provider: phone['provider'] }),
      ...(types?.['message_types'] === undefined ? {} : { message_types: types['message_types'] }),
    });
  },
};

async function optional(api: CollectApi, path: string): Promise<Record<string, unknown> | undefined> {
  try {
    return asObject((await api.get(path)).body, path);
  } catch (err) {
    if (err instanceof ApiError && err.status === 404) return undefined;
    throw err;
  }
}
