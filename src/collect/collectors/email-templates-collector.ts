import { ApiError } from '../../http/api-error.js';
import type { Collector } from '../collector.js';
import { asObject } from './simple-collectors.js';

/** Every template name the API accepts (node-auth0 EmailTemplateNameEnum). */
export const EMAIL_TEMPLATE_NAMES = [
  'verify_email',
  'verify_email_by_code',
  'reset_email',
  'reset_email_by_code',
  'welcome_email',
  'blocked_account',
  'stolen_credentials',
  'enrollment_email',
  'mfa_oob_code',
  'user_invitation',
  'async_approval',
  'change_password',
  'password_reset',
] as const;

/**
 * One GET per template name. A template never customised answers 404: that is an answer ("Auth0's default
 * template, or none"), recorded as `{template, configured: false}` so a rule can tell it from a disabled one.
 */
export const emailTemplatesCollector: Collector = {
  kind: 'email_templates',
  async collect({ api, emit, expect }) {
    expect?.(EMAIL_TEMPLATE_NAMES.length);
    for (const name of EMAIL_TEMPLATE_NAMES) {
      const path = `/email-templates/${name}`;
      try {
        const body = asObject((await api.get(path)).body, path);
        await emit({ ...body, template: name, configured: true });
      } catch (err) {
        if (!(err instanceof ApiError)) throw err;
        if (err.status === 404) await emit({ template: name, configured: false });
        // A template whose feature this tenant lacks (async_approval: 403 feature_not_enabled, as auth0-deploy-cli
        // handles it) or a name it does not know (400) is one template, not the kind; a missing scope still is.
        else if (!(err.status === 400 || (err.status === 403 && err.errorCode === 'feature_not_enabled'))) throw err;
      }
    }
  },
};
