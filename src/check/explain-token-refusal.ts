export interface Explanation {
  summary: string;
  fix: string;
}

export interface RefusalContext {
  status: number;
  oauthError: string | undefined;
  clientId: string;
  audience: string;
  /** The audience auth0-scan would use by default, to tell a mistyped --audience from a missing grant. */
  defaultAudience: string;
}

/**
 * One line on why the token endpoint said no, from its status and OAuth `error` code (auth0-api.md §1). Auth0
 * answers a wrong secret with 401 `access_denied` "Unauthorized" as often as with the documented
 * `invalid_client`, so the status decides that case, not the code.
 */
export function explainTokenRefusal(r: RefusalContext): Explanation {
  const said = `${r.status}${r.oauthError === undefined ? '' : ` ${r.oauthError}`}`;
  if (r.oauthError === 'unauthorized_client') {
    return {
      summary: `the application may not use the Client Credentials grant (${said})`,
      fix: `enable the Client Credentials grant for ${r.clientId}: Applications → the application → Advanced Settings → Grant Types`,
    };
  }
  if (r.status === 401 || r.oauthError === 'invalid_client') {
    return {
      summary: `wrong client id or secret (${said})`,
      fix: `check --client-id/AUTH0_CLIENT_ID (${r.clientId}) and AUTH0_CLIENT_SECRET against the application's Settings page (rotate the secret if unsure)`,
    };
  }
  if (r.status === 403) {
    const audienceHint = r.audience === r.defaultAudience ? '' : `, or fix --audience: ${r.audience} is not ${r.defaultAudience}`;
    return {
      summary: `the client is not authorized for the API ${r.audience} (${said})`,
      fix: `create a client grant for the Management API: Applications → APIs → Auth0 Management API → Machine To Machine Applications → authorize ${r.clientId} with the read scopes \`auth0-scan scopes\` prints${audienceHint}`,
    };
  }
  if (r.status === 429) {
    return {
      summary: `the token endpoint is rate limited (${said}): the tenant's M2M token quota may be used up`,
      fix: 'wait for the quota to reset and run again; share one token between jobs with --token if they run often',
    };
  }
  if (r.status === 404 || r.status === 405) {
    return {
      summary: `the host has no Auth0 token endpoint (${r.status} for POST /oauth/token)`,
      fix: 'pass the tenant domain (acme.eu.auth0.com) or its custom domain to --domain',
    };
  }
  if (r.status >= 500) {
    return { summary: `the token endpoint failed (${said}) after retries`, fix: 'try again later; see https://status.auth0.com' };
  }
  if (r.status === 200) {
    return {
      summary: 'the token endpoint answered 200 without an access token: something other than Auth0 answered (a proxy page?)',
      fix: 'check --domain and the proxy settings (HTTPS_PROXY, NO_PROXY)',
    };
  }
  if (r.oauthError === 'invalid_request' || r.oauthError === 'unsupported_grant_type') {
    return {
      summary: `the token endpoint refused the request (${said})`,
      fix: 'the application must authenticate with a client secret (not Private Key JWT) and allow the Client Credentials grant',
    };
  }
  return { summary: `the token endpoint refused the credentials (${said})`, fix: 'check the application, its secret and its Management API grant' };
}
