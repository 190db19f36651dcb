import type { Explanation } from './explain-token-refusal.js';

const TLS_CODES = new Set([
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'ERR_TLS_CERT_ALTNAME_INVALID',
  'CERT_UNTRUSTED',
  'CERT_REVOKED',
  'EPROTO',
]);
const TIMEOUT_CODES = new Set(['ETIMEDOUT', 'UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT']);

function isTls(code: string): boolean {
  return TLS_CODES.has(code) || code.startsWith('ERR_SSL_') || code.startsWith('ERR_TLS_');
}

/**
 * One line naming why no HTTP answer came back, from the error's `code` (Node's and undici's), never its text.
 * `host` is `name[:port]` as given to --domain.
 */
export function explainNetworkError(code: string | undefined, host: string, timeoutMs: number): Explanation {
  const c = code ?? 'unknown';
  if (c === 'ENOTFOUND') {
    return { summary: `DNS lookup failed: ${host} does not resolve (ENOTFOUND)`, fix: 'check the spelling of --domain: a tenant domain looks like acme.eu.auth0.com (or acme.auth0.com for older US tenants)' };
  }
  if (c === 'EAI_AGAIN') {
    return { summary: `DNS lookup of ${host} failed: no DNS server answered (EAI_AGAIN)`, fix: 'check the network connection, the DNS settings, or the proxy variables (HTTPS_PROXY)' };
  }
  if (c === 'ECONNREFUSED') {
    return { summary: `connection refused by ${host} (ECONNREFUSED): nothing listens there`, fix: 'check the host and port in --domain, or the firewall or proxy in between' };
  }
  if (isTls(c)) {
    return {
      summary: `TLS error talking to ${host} (${c}): the certificate is not trusted or the handshake failed`,
      fix: 'if a TLS-inspecting proxy sits in between, trust its CA with NODE_EXTRA_CA_CERTS=/path/to/ca.pem; otherwise check --domain (TLS verification is never turned off)',
    };
  }
  if (TIMEOUT_CODES.has(c)) {
    return { summary: `no answer from ${host} within ${timeoutMs} ms (${c})`, fix: 'check the firewall, the proxy variables (HTTPS_PROXY, NO_PROXY) and the network' };
  }
  if (c === 'ECONNRESET' || c === 'UND_ERR_SOCKET' || c === 'EPIPE') {
    return { summary: `the connection to ${host} was cut (${c})`, fix: 'retry; if it persists, a proxy or firewall is closing the connection' };
  }
  if (c === 'EHOSTUNREACH' || c === 'ENETUNREACH') {
    return { summary: `${host} is unreachable from this network (${c})`, fix: 'check the network route, VPN or proxy settings' };
  }
  return { summary: `could not reach ${host} (${c})`, fix: 'check --domain, the network and the proxy variables (HTTPS_PROXY, NO_PROXY)' };
}
