import { z } from 'zod';
import type { KindName } from '../model/kinds.js';

/**
 * What the engine relies on per kind: ids are strings, lists are lists. Unknown fields pass through (the API adds
 * fields over time and rules may read them); a known field of the wrong type is an error, never silently read.
 */
const str = z.string().optional();
const strs = z.array(z.string()).optional();
const bool = z.boolean().optional();
const num = z.number().optional();
const obj = z.record(z.string(), z.unknown()).optional();
const single = z.looseObject({});

export const RESOURCE_SCHEMAS: Record<KindName, z.ZodType<Record<string, unknown>>> = {
  tenant: z.looseObject({ flags: obj, allowed_logout_urls: strs, session_lifetime: num, idle_session_lifetime: num }),
  clients: z.looseObject({
    client_id: z.string(),
    name: str,
    app_type: str,
    grant_types: strs,
    callbacks: strs,
    web_origins: strs,
    allowed_origins: strs,
    allowed_logout_urls: strs,
    global: bool,
    jwt_configuration: obj,
    refresh_token: obj.nullable(),
  }),
  client_grants: z.looseObject({ id: z.string(), client_id: z.string(), audience: z.string(), scope: strs }),
  resource_servers: z.looseObject({ id: z.string(), identifier: z.string(), is_system: bool, signing_alg: str }),
  connections: z.looseObject({ id: z.string(), name: z.string(), strategy: z.string(), options: obj.nullable(), enabled_clients: strs }),
  roles: z.looseObject({
    id: z.string(),
    name: z.string(),
    permissions: z.array(z.looseObject({ permission_name: z.string(), resource_server_identifier: z.string() })).optional(),
    users: strs,
  }),
  organizations: z.looseObject({
    id: z.string(),
    name: z.string(),
    members: strs,
    enabled_connections: z.array(z.looseObject({ connection_id: z.string() })).optional(),
  }),
  users: z.looseObject({ user_id: z.string(), multifactor: strs, blocked: bool, logins_count: num, email_verified: bool }),
  actions: z.looseObject({ id: z.string(), name: z.string(), runtime: str, code: str, bound_triggers: strs }),
  rules: z.looseObject({ id: z.string(), name: str, enabled: bool }),
  hooks: z.looseObject({ id: z.string(), name: str, enabled: bool }),
  log_streams: z.looseObject({ id: z.string(), name: str, type: str, status: str }),
  custom_domains: z.looseObject({ custom_domain_id: z.string(), domain: z.string(), status: str }),
  email_provider: z.looseObject({ configured: z.boolean(), enabled: bool, name: str }),
  signing_keys: z.looseObject({ kid: z.string(), current: bool, current_since: str }),
  guardian_factors: z.looseObject({ name: z.string(), enabled: z.boolean() }),
  guardian_policies: z.looseObject({ policies: z.array(z.string()) }),
  brute_force_protection: single,
  suspicious_ip_throttling: single,
  breached_password_detection: single,
  bot_detection: single,
  risk_assessment: single,
};
