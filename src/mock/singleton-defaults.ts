import type { Item } from './user-store.js';

/**
 * What a fresh tenant answers for settings the mock tenant file leaves out: the API never 404s these, it returns
 * its defaults (auth0-api.md §4.9, §4.10).
 */
export const DEFAULT_TENANT_SETTINGS: Item = {
  friendly_name: 'Mock Tenant',
  session_lifetime: 168,
  idle_session_lifetime: 72,
  sandbox_version: '22',
  flags: { enable_client_connections: true, enable_dynamic_client_registration: false },
};

export const DEFAULT_PROMPTS: Item = { universal_login_experience: 'new', identifier_first: true, webauthn_platform_first_factor: false };

export const DEFAULT_ATTACK_PROTECTION: Record<string, Item> = {
  captcha: { active_provider_id: 'auth0' },
  phone_provider_protection: { type: 'default' },
  brute_force_protection: {
    enabled: true,
    shields: ['block', 'user_notification'],
    mode: 'count_per_identifier_and_ip',
    allowlist: [],
    max_attempts: 10,
  },
  suspicious_ip_throttling: {
    enabled: true,
    shields: ['admin_notification', 'block'],
    allowlist: [],
    stage: {
      'pre-login': { max_attempts: 100, rate: 864000 },
      'pre-user-registration': { max_attempts: 50, rate: 1200 },
    },
  },
  breached_password_detection: {
    enabled: false,
    shields: [],
    admin_notification_frequency: [],
    method: 'standard',
    stage: { 'pre-user-registration': { shields: [] }, 'pre-change-password': { shields: [] } },
  },
  bot_detection: {
    bot_detection_level: 'medium',
    challenge_password_policy: 'never',
    challenge_passwordless_policy: 'never',
    challenge_password_reset_policy: 'never',
    allowlist: [],
    monitoring_mode_enabled: false,
  },
  risk_assessment: { enabled: false },
};

export const DEFAULT_GUARDIAN_FACTORS: Item[] = [
  'push-notification',
  'sms',
  'email',
  'duo',
  'otp',
  'webauthn-roaming',
  'webauthn-platform',
  'recovery-code',
].map((name) => ({ name, enabled: false, trial_expired: false }));

export const DEFAULT_TRIGGERS: Item[] = [
  ['post-login', 'v3'],
  ['credentials-exchange', 'v2'],
  ['pre-user-registration', 'v2'],
  ['post-user-registration', 'v2'],
  ['post-change-password', 'v2'],
  ['send-phone-message', 'v2'],
  ['password-reset-post-challenge', 'v1'],
].map(([id, version]) => trigger(id ?? '', version ?? 'v1'));

export function trigger(id: string, version: string): Item {
  return {
    id,
    version,
    status: 'CURRENT',
    runtimes: ['node18-actions', 'node22'],
    default_runtime: 'node22',
    compatible_triggers: [],
    binding_policy: 'trigger-bound',
  };
}
