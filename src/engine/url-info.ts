/**
 * A lenient URL reader for the URL helpers. Auth0 stores callback patterns such as `https://*.acme.com/cb` or a
 * bare `*`, which WHATWG URL parsing rejects, so this only splits scheme, authority and host.
 */
export interface UrlInfo {
  valid: boolean;
  scheme?: string;
  host?: string;
  wildcard: boolean;
  hostWildcard: boolean;
  loopback: boolean;
}

const URL_RE = /^([A-Za-z][A-Za-z0-9+.-]*):\/\/([^/?#]*)/;

export function urlInfo(value: string): UrlInfo {
  const wildcard = value.includes('*');
  const m = URL_RE.exec(value.trim());
  if (!m) return { valid: false, wildcard, hostWildcard: wildcard, loopback: false };
  const authority = (m[2] ?? '').replace(/^.*@/, '');
  let host: string;
  if (authority.startsWith('[')) {
    const end = authority.indexOf(']');
    host = end === -1 ? authority : authority.slice(0, end + 1);
  } else {
    host = authority.replace(/:\d*$/, '');
  }
  host = host.toLowerCase().replace(/\.$/, '');
  return {
    valid: host !== '',
    scheme: (m[1] ?? '').toLowerCase(),
    host,
    wildcard,
    hostWildcard: host.includes('*'),
    loopback: isLoopbackHost(host),
  };
}

export function isLoopbackHost(host: string): boolean {
  const h = host.toLowerCase();
  if (h === 'localhost' || h.endsWith('.localhost')) return true;
  if (h === '[::1]' || h === '::1') return true;
  const v4 = /^127\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(h);
  return v4 !== null && v4.slice(1).every((o) => Number(o) <= 255);
}
