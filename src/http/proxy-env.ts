import { InputError } from '../errors.js';

/** The environment the proxy variables are read from (`process.env` in the CLI; tests pass their own). */
export type ProxyEnv = Readonly<Record<string, string | undefined>>;

export interface ProxySettings {
  /** Normalised proxy URLs, credentials included (undici turns them into Proxy-Authorization): never print these. */
  httpProxy?: string;
  httpsProxy?: string;
  /** As the variable says: comma or space separated hosts, `.suffix`, `host:port` or `*`. */
  noProxy: string;
}

/** Lower case first, as undici, curl and npm read them. */
function firstSet(env: ProxyEnv, names: readonly string[]): { name: string; value: string } | undefined {
  for (const name of names) {
    const value = env[name]?.trim();
    if (value) return { name, value };
  }
  return undefined;
}

/**
 * Checks one proxy variable up front, because undici would otherwise throw a bare TypeError whose `input`
 * carries the whole URL, password included. A value without a scheme (`proxy.corp:3128`) is taken as http://,
 * as curl does.
 */
function proxyUrl(name: string, value: string): string {
  const text = /^[a-z][a-z0-9+.-]*:\/\//i.test(value) ? value : `http://${value}`;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new InputError('USAGE', `The ${name} environment variable is not a valid proxy URL (expected http://host:port).`, name);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new InputError('USAGE', `The ${name} environment variable must be an http:// or https:// proxy URL, not ${url.protocol.slice(0, -1)}.`, name);
  }
  if (url.hostname === '') throw new InputError('USAGE', `The ${name} environment variable names no proxy host.`, name);
  return url.href;
}

/**
 * HTTPS_PROXY, HTTP_PROXY and NO_PROXY (either case). As in undici, npm and Node's own fetch, an https request
 * falls back to HTTP_PROXY when HTTPS_PROXY is unset.
 */
export function readProxyEnv(env: ProxyEnv): ProxySettings {
  const http = firstSet(env, ['http_proxy', 'HTTP_PROXY']);
  const https = firstSet(env, ['https_proxy', 'HTTPS_PROXY']);
  return {
    httpProxy: http && proxyUrl(http.name, http.value),
    httpsProxy: https && proxyUrl(https.name, https.value),
    noProxy: firstSet(env, ['no_proxy', 'NO_PROXY'])?.value ?? '',
  };
}
