import type { IncomingMessage, ServerResponse } from 'node:http';
import { BodyError, readBody } from './read-body.js';
import { sendJson } from './send-reply.js';
import type { MockM2mClient } from './tenant-schema.js';
import type { TokenStore } from './token-store.js';

export interface TokenEndpointDeps {
  m2m: readonly MockM2mClient[];
  tokens: TokenStore;
  /** The audiences this tenant answers to: `${url}/api/v2/` and `https://<domain>/api/v2/`. */
  audiences: readonly string[];
  lifetimeSeconds: number;
  /** Set by the token-expiry fault: real expiry, while expires_in keeps announcing `lifetimeSeconds`. */
  expireAfterSeconds: () => number | undefined;
}

const NO_STORE = { 'cache-control': 'no-store', pragma: 'no-cache' };

function oauthError(res: ServerResponse, status: number, error: string, description: string): void {
  sendJson(res, status, { error, error_description: description }, NO_STORE);
}

/** Client id and secret from the body, or from HTTP Basic (client_secret_basic). */
function credentials(req: IncomingMessage, body: Record<string, unknown>): { id: unknown; secret: unknown } {
  const auth = req.headers.authorization ?? '';
  if (/^basic /i.test(auth)) {
    const decoded = Buffer.from(auth.slice(6).trim(), 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon > 0) return { id: decodeURIComponent(decoded.slice(0, colon)), secret: decodeURIComponent(decoded.slice(colon + 1)) };
  }
  return { id: body.client_id, secret: body.client_secret };
}

/** `POST /oauth/token`, client-credentials grant only (auth0-api.md §1). */
export async function handleTokenRequest(req: IncomingMessage, res: ServerResponse, deps: TokenEndpointDeps): Promise<void> {
  if (req.method !== 'POST') return oauthError(res, 405, 'invalid_request', 'Method not allowed: use POST');
  let body: Record<string, unknown>;
  try {
    body = await readBody(req);
  } catch (err) {
    const status = err instanceof BodyError ? err.status : 400;
    return oauthError(res, status, 'invalid_request', err instanceof Error ? err.message : 'invalid body');
  }
  const grant = body.grant_type;
  if (grant === undefined) return oauthError(res, 400, 'invalid_request', 'Missing required parameter: grant_type');
  if (grant !== 'client_credentials') return oauthError(res, 400, 'unsupported_grant_type', `Unsupported grant type: ${String(grant)}`);
  const { id, secret } = credentials(req, body);
  const client = deps.m2m.find((c) => c.client_id === id);
  if (!client || typeof secret !== 'string' || client.client_secret !== secret) {
    return oauthError(res, 401, 'access_denied', 'Unauthorized');
  }
  const audience = body.audience;
  if (audience === undefined || audience === '') return oauthError(res, 403, 'access_denied', 'Non-global clients are not allowed access to APIv1');
  if (typeof audience !== 'string' || !deps.audiences.includes(audience)) {
    return oauthError(res, 403, 'access_denied', `Service not enabled within domain: ${String(audience)}`);
  }
  const realLifetime = deps.expireAfterSeconds() ?? deps.lifetimeSeconds;
  const token = deps.tokens.issue(client.scopes, realLifetime * 1000);
  sendJson(res, 200, { access_token: token, token_type: 'Bearer', expires_in: deps.lifetimeSeconds, scope: client.scopes.join(' ') }, NO_STORE);
}
