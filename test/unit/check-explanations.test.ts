import { describe, expect, it } from 'vitest';
import { explainNetworkError } from '../../src/check/explain-network-error.js';
import { explainTokenRefusal, type RefusalContext } from '../../src/check/explain-token-refusal.js';
import { scopeRisk } from '../../src/check/scope-risk.js';

const AUD = 'https://acme.eu.auth0.com/api/v2/';
const refusal = (r: Partial<RefusalContext>) => explainTokenRefusal({ status: 403, oauthError: undefined, clientId: 'abc', audience: AUD, defaultAudience: AUD, ...r });

describe('token endpoint refusals, one line each', () => {
  it('wrong credentials: 401 whatever the code, and invalid_client whatever the status', () => {
    expect(refusal({ status: 401, oauthError: 'access_denied' }).summary).toBe('wrong client id or secret (401 access_denied)');
    expect(refusal({ status: 401, oauthError: 'invalid_client' }).summary).toBe('wrong client id or secret (401 invalid_client)');
    expect(refusal({ status: 400, oauthError: 'invalid_client' }).summary).toBe('wrong client id or secret (400 invalid_client)');
    expect(refusal({ status: 401 }).fix).toContain('(abc)');
  });

  it('no client grant for the audience: create one, and mention --audience only when it was changed', () => {
    const r = refusal({ status: 403, oauthError: 'access_denied' });
    expect(r.summary).toBe(`the client is not authorized for the API ${AUD} (403 access_denied)`);
    expect(r.fix).toContain('create a client grant for the Management API');
    expect(r.fix).toContain('authorize abc');
    expect(r.fix).not.toContain('--audience');
    expect(refusal({ oauthError: 'access_denied', audience: 'https://login.acme.com/api/v2/' }).fix).toContain(`or fix --audience: https://login.acme.com/api/v2/ is not ${AUD}`);
  });

  it('client credentials grant disabled', () => {
    const r = refusal({ status: 403, oauthError: 'unauthorized_client' });
    expect(r.summary).toBe('the application may not use the Client Credentials grant (403 unauthorized_client)');
    expect(r.fix).toContain('Grant Types');
  });

  it('quota, wrong host, server errors and a non-token 200', () => {
    expect(refusal({ status: 429, oauthError: 'too_many_requests' }).summary).toContain('M2M token quota');
    expect(refusal({ status: 404 }).summary).toBe('the host has no Auth0 token endpoint (404 for POST /oauth/token)');
    expect(refusal({ status: 503 }).summary).toBe('the token endpoint failed (503) after retries');
    expect(refusal({ status: 200 }).summary).toContain('without an access token');
    expect(refusal({ status: 400, oauthError: 'invalid_request' }).fix).toContain('Private Key JWT');
  });
});

describe('network failures, named by code', () => {
  const host = 'acme.eu.auth0.com';
  it.each([
    ['ENOTFOUND', /^DNS lookup failed: acme\.eu\.auth0\.com does not resolve/],
    ['EAI_AGAIN', /^DNS lookup of acme\.eu\.auth0\.com failed/],
    ['ECONNREFUSED', /^connection refused by acme\.eu\.auth0\.com/],
    ['DEPTH_ZERO_SELF_SIGNED_CERT', /^TLS error talking to acme\.eu\.auth0\.com \(DEPTH_ZERO_SELF_SIGNED_CERT\)/],
    ['ERR_TLS_CERT_ALTNAME_INVALID', /^TLS error/],
    ['ERR_SSL_WRONG_VERSION_NUMBER', /^TLS error/],
    ['UND_ERR_CONNECT_TIMEOUT', /^no answer from acme\.eu\.auth0\.com within 5000 ms/],
    ['ECONNRESET', /was cut/],
    [undefined, /^could not reach acme\.eu\.auth0\.com \(unknown\)/],
  ])('%s', (code, expected) => {
    const e = explainNetworkError(code, host, 5000);
    expect(e.summary).toMatch(expected);
    expect(e.summary).not.toContain('\n');
    expect(e.fix.length).toBeGreaterThan(10);
  });
});

describe('scopes that make the scanner grant a risk', () => {
  it('flags every write scope and the secret-reading ones, not plain reads', () => {
    expect(scopeRisk('update:clients')).toContain('update access');
    expect(scopeRisk('delete:users')).toContain('delete access');
    expect(scopeRisk('create:client_grants')).toContain('create access');
    expect(scopeRisk('read:client_keys')).toContain('client secret');
    expect(scopeRisk('read:client_credentials')).toBeDefined();
    expect(scopeRisk('read:user_idp_tokens')).toBeDefined();
    expect(scopeRisk('read:clients')).toBeUndefined();
    expect(scopeRisk('read:stats')).toBeUndefined();
  });
});
