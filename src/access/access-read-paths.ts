import type { KindName } from '../model/kinds.js';

/**
 * What the access model reads, in the allow-list's written form (`a.b` keeps the value, `a.b?` only its shape):
 * snapshots keep these whatever rules are selected, so `auth0-scan access --snapshot` sees what a live run sees.
 * Secret values never pass: action secret names are kept, the values are not collected at all.
 */
export const ACCESS_READ_PATHS: Readonly<Partial<Record<KindName, readonly string[]>>> = {
  tenant: ['flags.enable_dynamic_client_registration'],
  clients: ['client_id', 'name', 'is_first_party', 'app_type', 'global', 'token_endpoint_auth_method', 'client_authentication_methods.*.credentials.*.id'],
  client_grants: ['id', 'client_id', 'audience', 'scope', 'default_for', 'subject_type'],
  resource_servers: ['identifier', 'is_system'],
  roles: ['id', 'name', 'permissions', 'users'],
  organizations: ['id', 'name', 'display_name', 'member_roles'],
  users: ['user_id', 'multifactor?', 'email_verified', 'last_login', 'blocked'],
  actions: ['id', 'name', 'code', 'deployed_version.code', 'secrets.*.name', 'deployed_version.secrets.*.name', 'bound_triggers'],
  rules: ['id', 'name', 'script', 'enabled'],
  hooks: ['id', 'name', 'script', 'enabled'],
  // Never stored: the derived kind's fields, so evidence and messages of rules on principals can show them.
  principals: ['type', 'nativeId', 'capabilities', 'takeover', 'paths', 'traits'],
};
