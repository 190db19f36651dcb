import { InputError } from '../errors.js';

export interface ParsedDomain {
  /** `https://acme.eu.auth0.com` or, for a local mock only, `http://127.0.0.1:4000`. No trailing slash. */
  origin: string;
  /** Host name plus port when one was given. */
  host: string;
  loopback: boolean;
}

const HOST_LABELS = /^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$/;

function usage(input: string, why: string): InputError {
  const shown = input.length > 80 ? `${input.slice(0, 77)}...` : input;
  return new InputError('USAGE', `--domain "${shown}" is not usable: ${why}.`);
}

/** localhost, 127.0.0.0/8 and [::1]: the only hosts plain HTTP may reach (a local mock). */
export function isLoopbackHost(hostname: string): boolean {
  const name = hostname.toLowerCase();
  if (name === 'localhost' || name === '[::1]') return true;
  return /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(name);
}

/**
 * Reads `--domain`: a bare host (`acme.eu.auth0.com`, taken as https), an `https://` origin, or an `http://`
 * origin on a loopback host. Paths, queries, credentials and other schemes are refused, so a typo never sends
 * the client secret somewhere unexpected or in clear text.
 */
export function parseDomain(input: string): ParsedDomain {
  const text = input.trim();
  if (text === '') throw usage(input, 'it is empty');
  if (/[\s\\]/.test(text)) throw usage(input, 'it contains spaces or backslashes');
  const hasScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(text);
  let url: URL;
  try {
    url = new URL(hasScheme ? text : `https://${text}`);
  } catch {
    throw usage(input, 'it is not a host name or an https:// origin');
  }
  if (url.username !== '' || url.password !== '' || text.includes('@')) throw usage(input, 'credentials do not belong in the domain');
  if (text.includes('?') || text.includes('#')) throw usage(input, 'it must not carry a query or a fragment');
  if (url.pathname !== '/' && url.pathname !== '') throw usage(input, `it must be an origin without a path (found "${url.pathname}")`);
  const loopback = isLoopbackHost(url.hostname);
  if (url.protocol === 'http:') {
    if (!loopback) throw usage(input, 'plain http:// is only allowed for loopback hosts (localhost, 127.0.0.1, [::1]); use https://');
  } else if (url.protocol !== 'https:') {
    throw usage(input, `the scheme ${url.protocol.slice(0, -1)} is not supported; use https://`);
  }
  const isIp = url.hostname.startsWith('[') || /^\d{1,3}(?:\.\d{1,3}){3}$/.test(url.hostname);
  if (!isIp && !HOST_LABELS.test(url.hostname)) throw usage(input, 'the host name is not valid');
  return { origin: url.origin, host: url.host, loopback };
}

/**
 * The Management API audience when `--audience` is not given: `${origin}/api/v2/`, which is
 * `https://<host>/api/v2/` for a real tenant (trailing slash required) and follows the origin for a loopback mock.
 */
export function defaultAudience(domain: string | ParsedDomain): string {
  const parsed = typeof domain === 'string' ? parseDomain(domain) : domain;
  return `${parsed.origin}/api/v2/`;
}
