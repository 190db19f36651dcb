import { InputError } from '../errors.js';

/** The environment variable that lists, like --allow-config-host, the hosts a config file may name. */
export const ALLOW_CONFIG_HOSTS_ENV = 'AUTH0_SCAN_ALLOW_CONFIG_HOSTS';

export interface AllowedHost {
  hostname: string;
  /** Undefined: any port of that host (a local mock listens on a fresh port every run). */
  port?: string;
}

// A host name or IPv4 address, or [IPv6], then an optional port: nothing a URL could smuggle a path or scheme in.
const ENTRY = /^(\[[0-9a-f:.]+\]|[a-z0-9](?:[a-z0-9.-]{0,251}[a-z0-9])?)(?::(\d{1,5}))?$/;

/**
 * The hosts beyond Auth0's own that the user lets a config file send credentials to: every --allow-config-host
 * value and the comma-separated AUTH0_SCAN_ALLOW_CONFIG_HOSTS. Both come from the person or pipeline running the
 * scan, never from the repository, which is the point: a pull request can edit the config file but not these.
 */
export function allowedConfigHosts(flag: readonly string[] | undefined, env: Readonly<Record<string, string | undefined>>): AllowedHost[] {
  const fromEnv = (env[ALLOW_CONFIG_HOSTS_ENV] ?? '').split(',').map((s) => s.trim()).filter((s) => s !== '');
  return [...(flag ?? []).map((v) => entry(v, '--allow-config-host')), ...fromEnv.map((v) => entry(v, ALLOW_CONFIG_HOSTS_ENV))];
}

function entry(value: string, source: string): AllowedHost {
  const m = ENTRY.exec(value.trim().toLowerCase());
  const hostname = m?.[1];
  const port = m?.[2];
  if (hostname === undefined || (port !== undefined && Number(port) > 65535)) {
    const shown = value.length > 80 ? `${value.slice(0, 77)}...` : value;
    throw new InputError('USAGE', `${source} "${shown}" is not a host: give a host name or address, optionally with a port (login.acme.com, 127.0.0.1, localhost:4000), without a scheme or path`);
  }
  return port === undefined ? { hostname } : { hostname, port };
}

/** Whether an allowed entry covers this URL (hostname as URL gives it, port "" for the scheme's default). */
export function hostAllowed(allowed: readonly AllowedHost[], url: URL): boolean {
  return allowed.some((a) => a.hostname === url.hostname && (a.port === undefined || a.port === (url.port === '' ? defaultPort(url) : url.port)));
}

function defaultPort(url: URL): string {
  return url.protocol === 'http:' ? '80' : '443';
}
