/**
 * Read scopes that hand out secrets or credentials. The scanner's own grant is itself a credential worth
 * stealing, so it should hold none of these unless a selected rule needs it.
 */
const SECRET_READERS: Readonly<Record<string, string>> = {
  'read:client_keys': 'returns every application client secret and signing key',
  'read:client_credentials': 'returns application client secrets and credentials',
  'read:user_idp_tokens': "returns users' identity-provider access and refresh tokens",
  'read:connections_options': 'returns connection options, including identity-provider client secrets',
  'read:log_streams': 'returns log-stream sink credentials (API keys, tokens) in clear text',
  'read:resource_servers': 'returns HS256 API signing secrets in clear text',
  'read:encryption_keys': 'reads tenant encryption key material',
  'read:custom_signing_keys': 'reads custom signing key material',
  'read:refresh_tokens': "lists users' refresh tokens",
  'read:sessions': "lists users' sessions",
  'read:device_credentials': "lists users' device credentials and refresh tokens",
};

/** Why holding `scope` is a risk for a read-only scanner, or undefined when it is harmless. */
export function scopeRisk(scope: string): string | undefined {
  const verb = /^(create|update|delete):/.exec(scope)?.[1];
  if (verb !== undefined) return `${verb} access: the scanner only reads, and a leaked token could change the tenant`;
  return SECRET_READERS[scope];
}
