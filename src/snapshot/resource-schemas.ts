import { z } from 'zod';
import type { KindName } from '../model/kinds.js';

/**
 * What the engine relies on per kind: each resource has its id, and a few joins the collectors build are lists.
 * Everything else is what the real API sends: fields absent or `null`, enum values nobody documented, extra
 * fields. Types of the fields rules read are checked where they are read (the engine's "not judged"), so one odd
 * value costs one resource one judgement, never the kind.
 */
const id = z.string().min(1);
const strs = z.array(z.string()).nullish();
const single = z.looseObject({});
/** Organization roles per member (only members holding one); absent when the token could not read them. */
const memberRoles = z.array(z.looseObject({ user_id: id, roles: z.array(z.looseObject({ id, name: z.string().nullish() })) })).optional();

export const RESOURCE_SCHEMAS: Record<KindName, z.ZodType<Record<string, unknown>>> = {
  tenant: single,
  clients: z.looseObject({ client_id: id }),
  client_grants: z.looseObject({ id }),
  resource_servers: z.looseObject({ id }),
  connections: z.looseObject({ id, enabled_clients: strs }),
  roles: z.looseObject({ id, users: strs }),
  organizations: z.looseObject({ id, members: strs, member_roles: memberRoles }),
  users: z.looseObject({ user_id: id }),
  actions: z.looseObject({ id, bound_triggers: strs }),
  rules: z.looseObject({ id }),
  hooks: z.looseObject({ id }),
  log_streams: z.looseObject({ id }),
  custom_domains: z.looseObject({ custom_domain_id: id }),
  email_provider: z.looseObject({ configured: z.boolean() }),
  signing_keys: z.looseObject({ kid: id }),
  guardian_factors: z.looseObject({ name: id }),
  guardian_policies: z.looseObject({ policies: z.array(z.string()) }),
  brute_force_protection: single,
  suspicious_ip_throttling: single,
  breached_password_detection: single,
  bot_detection: single,
  risk_assessment: single,
  captcha: single,
  phone_provider_protection: single,
  guardian_phone: single,
  prompts: single,
  network_acls: z.looseObject({ id }),
  event_streams: z.looseObject({ id }),
  email_templates: z.looseObject({ template: id, configured: z.boolean() }),
  token_exchange_profiles: z.looseObject({ id }),
  organization_discovery_domains: z.looseObject({ id, organization_id: id }),
  client_credentials: z.looseObject({ id, client_id: id }),
  scim_configurations: z.looseObject({ connection_id: id, tokens: z.array(z.looseObject({})).nullish() }),
  client_log_activity: z.looseObject({ client_id: id }),
  canonical_domain_logins: single,
  // Never read from a snapshot (it is derived): the shape is src/access/access-types.ts.
  principals: z.looseObject({ id }),
};
