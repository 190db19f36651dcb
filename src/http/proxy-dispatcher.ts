import type { LookupFunction } from 'node:net';
import { Agent, Dispatcher, EnvHttpProxyAgent } from 'undici';
import { isLoopbackHost } from './domain.js';
import { readProxyEnv, type ProxyEnv } from './proxy-env.js';

export interface ProxyDispatcherOptions {
  /** Where HTTPS_PROXY, HTTP_PROXY and NO_PROXY (either case) are read. Default `process.env`. */
  env?: ProxyEnv;
  /**
   * PEM certificates to trust instead of Node's default store. Leave it unset in real use: the default store
   * already holds NODE_EXTRA_CA_CERTS, which is how a TLS-inspecting proxy's CA is trusted.
   */
  ca?: string;
  /** Name resolution for direct connections; tests point a tenant host at 127.0.0.1. Default DNS. */
  lookup?: LookupFunction;
}

export type PoolOptions = Pick<Agent.Options, 'keepAliveTimeout' | 'keepAliveMaxTimeout'>;

function isLoopbackOrigin(origin: string | URL | undefined): boolean {
  if (origin === undefined) return false;
  try {
    return isLoopbackHost(new URL(origin).hostname);
  } catch {
    return false;
  }
}

/**
 * Sends loopback origins straight out and everything else through the proxy agent. undici's NO_PROXY matching
 * has no address ranges, so 127.0.0.0/8 could not be exempted through NO_PROXY alone, and a local mock must
 * never be sent to a corporate proxy whatever the variables say.
 */
class LoopbackBypass extends Dispatcher {
  private readonly direct: Dispatcher;
  private readonly outward: Dispatcher;

  constructor(direct: Dispatcher, outward: Dispatcher) {
    super();
    this.direct = direct;
    this.outward = outward;
  }

  override dispatch(options: Dispatcher.DispatchOptions, handler: Dispatcher.DispatchHandler): boolean {
    return (isLoopbackOrigin(options.origin) ? this.direct : this.outward).dispatch(options, handler);
  }

  override close(): Promise<void>;
  override close(callback: () => void): void;
  override close(callback?: () => void): Promise<void> | void {
    const done = Promise.all([this.direct.close(), this.outward.close()]).then(() => undefined);
    if (callback === undefined) return done;
    void done.then(callback, callback);
  }

  override destroy(): Promise<void>;
  override destroy(err: Error | null): Promise<void>;
  override destroy(callback: () => void): void;
  override destroy(err: Error | null, callback: () => void): void;
  override destroy(errOrCallback?: Error | null | (() => void), callback?: () => void): Promise<void> | void {
    const err = typeof errOrCallback === 'function' ? null : (errOrCallback ?? null);
    const after = typeof errOrCallback === 'function' ? errOrCallback : callback;
    const done = Promise.all([this.direct.destroy(err), this.outward.destroy(err)]).then(() => undefined);
    if (after === undefined) return done;
    void done.then(after, after);
  }
}

/**
 * The run's one dispatcher. Without proxy variables it is a plain keep-alive Agent, as before; with them, an
 * EnvHttpProxyAgent fed from `env` (so undici never reads process.env behind our back) behind a loopback bypass.
 * Throws InputError('USAGE') for a malformed proxy variable, naming the variable and never its value.
 */
export function createProxyDispatcher(pool: PoolOptions, options: ProxyDispatcherOptions = {}): Dispatcher {
  const proxies = readProxyEnv(options.env ?? process.env);
  const tls = options.ca === undefined ? {} : { ca: options.ca };
  const connect = options.lookup === undefined ? tls : { ...tls, lookup: options.lookup };
  const direct = new Agent({ ...pool, connect });
  if (proxies.httpProxy === undefined && proxies.httpsProxy === undefined) return direct;
  const outward = new EnvHttpProxyAgent({
    ...pool,
    connect,
    // TLS inside the CONNECT tunnel (to the tenant) and to an https:// proxy; `connect` covers neither.
    requestTls: tls,
    proxyTls: tls,
    // '' rather than undefined: undefined would make undici fall back to process.env.
    httpProxy: proxies.httpProxy ?? '',
    httpsProxy: proxies.httpsProxy ?? '',
    noProxy: proxies.noProxy,
  });
  return new LoopbackBypass(direct, outward);
}
