import type { KindName } from '../model/kinds.js';

/** What a string at a path is: a secret (becomes "[REDACTED]"), code (goes through the code mask), or plain text. */
export type PathClass = 'secret' | 'code' | 'plain';

/**
 * Strings under these key names are secrets wherever they appear: client and IdP secrets, tokens inside user
 * identities, provider keys (`masterkey`, `storageAccessKey`, `sasKey`, `privateKey`, `aws_secret_access_key`,
 * `smtp_pass`, `private_key_id`). An object under such a name (a client's `refresh_token` settings) is
 * configuration: its own keys decide.
 */
const SECRET_KEY =
  /(?:secret|password|passwd|passphrase|pwd|(?:^|_)pass|token|authorization|credentials?|source_?address|hmac|sas_?key|keys?|key_?id|signature|salt|private|dsn)$/i;

/** Everything below these keys is key material or credentials, whatever the inner names (`credentials.smtp_user`). */
const SECRET_SUBTREES = new Set([
  'credentials', 'configuration', 'signingKey', 'decryptionKey', 'httpCustomHeaders', 'secrets', 'signing_keys',
  'encryption_key', 'client_secret',
]);

/** Log-stream sinks carry credentials under many provider-specific names: only these settings are plain. */
const PLAIN_SINK_KEYS = new Set([
  'httpEndpoint', 'httpContentFormat', 'httpContentType', 'datadogRegion', 'splunkDomain', 'splunkPort', 'splunkSecure',
  'awsAccountId', 'awsRegion', 'awsPartnerEventSource', 'azureSubscriptionId', 'azureResourceGroup', 'azureRegion',
  'azurePartnerTopic', 'mixpanelRegion', 'mixpanelProjectId', 'mixpanelServiceAccountUsername',
]);

/** Where code (or HTML templates, which hold code) is kept for the rules that read it, through the code mask. */
const CODE_PATHS: Partial<Record<KindName, readonly (readonly string[])[]>> = {
  actions: [['code'], ['*', 'code'], ['versions', '*', 'code']],
  connections: [['options', 'customScripts', '*'], ['options', 'scripts', '*']],
  rules: [['script']],
  hooks: [['script']],
  tenant: [['error_page', 'html'], ['change_password', 'html'], ['guardian_mfa_page', 'html']],
  clients: [['custom_login_page'], ['custom_login_page_preview']],
  email_templates: [['body']],
};

/** Exact fields that look secret by name and are not: settings the rules compare. */
const PLAIN_FIELDS: Partial<Record<KindName, ReadonlySet<string>>> = {
  clients: new Set(['token_endpoint_auth_method', 'client_authentication_methods']),
};

/**
 * Plain values inside a secret subtree: names of secrets (the access model tells Management API credentials kept
 * in code by them), and an event stream's endpoint URL and authorization method (never its token or password).
 */
const SECRET_NAME_PATHS: Partial<Record<KindName, readonly (readonly string[])[]>> = {
  actions: [['secrets', '*', 'name'], ['deployed_version', 'secrets', '*', 'name']],
  event_streams: [['destination', 'configuration', 'webhook_endpoint'], ['destination', 'configuration', 'webhook_authorization', 'method']],
};

/**
 * Classifies the string at `path` (keys and array indices from the resource's root) of a resource of `kind`.
 * Everything kept in a snapshot or a report passes here, so an allow-list entry can never carry a secret out:
 * at worst it keeps the fact that a value is present.
 */
export function classifyPath(kind: KindName, path: readonly string[]): PathClass {
  if ((SECRET_NAME_PATHS[kind] ?? []).some((p) => matches(p, path))) return 'plain';
  if (path.some((s) => SECRET_SUBTREES.has(s))) return 'secret';
  if (kind === 'log_streams' && path[0] === 'sink' && path.length > 1 && !PLAIN_SINK_KEYS.has(path[1] as string)) return 'secret';
  if ((CODE_PATHS[kind] ?? []).some((p) => matches(p, path))) return 'code';
  const last = [...path].reverse().find((s) => !/^\d+$/.test(s));
  if (last === undefined || PLAIN_FIELDS[kind]?.has(last)) return 'plain';
  return SECRET_KEY.test(last) ? 'secret' : 'plain';
}

function matches(pattern: readonly string[], path: readonly string[]): boolean {
  return pattern.length === path.length && pattern.every((p, i) => p === '*' || p === path[i]);
}
