import type { PrincipalTraits } from './access-types.js';

type Resource = Record<string, unknown>;

const SHARED_SECRET_METHODS = new Set(['client_secret_post', 'client_secret_basic', 'client_secret_jwt']);
/** Application types that authenticate at the token endpoint (public clients say `none`). */
const CONFIDENTIAL_TYPES = new Set(['non_interactive', 'regular_web', 'resource_server', 'express_configuration']);

/**
 * How an application proves itself at the token endpoint. `client_authentication_methods` (private key JWT,
 * mTLS) replaces `token_endpoint_auth_method`, which Auth0 then leaves empty; it returns the former only to a
 * token with read:client_keys or read:client_credentials, so an empty method on a confidential application
 * means key-based without saying which key. A shared secret is named only when the method says so.
 */
export function clientAuthentication(client: Resource | undefined): NonNullable<PrincipalTraits['authentication']> {
  if (!client) return 'unknown';
  const methods = client['client_authentication_methods'];
  if (methods !== null && typeof methods === 'object' && !Array.isArray(methods)) {
    const m = methods as Resource;
    if (hasCredentials(m['private_key_jwt'])) return 'private_key_jwt';
    if (hasCredentials(m['tls_client_auth']) || hasCredentials(m['self_signed_tls_client_auth'])) return 'mtls';
  }
  const method = client['token_endpoint_auth_method'];
  if (method === 'none') return 'none';
  if (typeof method === 'string' && SHARED_SECRET_METHODS.has(method)) return 'shared_secret';
  if (method === undefined || method === null) {
    const type = client['app_type'];
    if (type === undefined || type === null || (typeof type === 'string' && CONFIDENTIAL_TYPES.has(type))) return 'key_or_mtls';
  }
  return 'unknown';
}

function hasCredentials(value: unknown): boolean {
  if (value === null || typeof value !== 'object') return false;
  const creds = (value as Resource)['credentials'];
  return Array.isArray(creds) ? creds.length > 0 : true;
}
