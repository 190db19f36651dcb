import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inspect, promisify } from 'node:util';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CollectionError } from '../../src/errors.js';
import { createHttpClient, type HttpClient, type HttpClientOptions } from '../../src/http/create-http-client.js';
import type { ProxyEnv } from '../../src/http/proxy-env.js';
import { inputErrorOf } from '../input-error-of.js';
import { json, startServer } from './http-test-server.js';
import { makeCert, startProxy, startTenant, TENANT_HOST, tenantLookup, transpileForNode, type Cert, type FakeProxy, type FakeTenant } from './proxy-test-kit.js';

const SECRET = 'client-secret-never-shown';
const PROXY_PASSWORD = 'pr0xy-pa55word';

let dir: string;
let cert: Cert;
let tenant: FakeTenant;
let proxy: FakeProxy;
let http: HttpClient | undefined;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'auth0-scan-proxy-'));
  cert = await makeCert(dir);
  tenant = await startTenant(cert);
});

afterEach(async () => {
  await http?.close();
  http = undefined;
  await proxy?.close();
  tenant.requests.length = 0;
});

afterAll(async () => {
  await tenant.close();
  await rm(dir, { recursive: true, force: true });
});

function connectTo(domain: string, env: ProxyEnv, extra: Partial<HttpClientOptions> = {}): HttpClient {
  http = createHttpClient({ domain, clientId: 'cid', clientSecret: SECRET, retry: { maxAttempts: 1 }, network: { env, ca: cert.cert, lookup: tenantLookup }, ...extra });
  return http;
}

/** Everything an error would show anywhere: message, properties and the whole cause chain. */
function everythingIn(err: unknown): string {
  return inspect(err, { depth: 8, showHidden: true });
}

describe('behind an HTTPS proxy', () => {
  it.each(['HTTPS_PROXY', 'https_proxy', 'HTTP_PROXY'])('fetches the token and reads the tenant through the CONNECT tunnel (%s)', async (name) => {
    proxy = await startProxy(tenant.port);
    const client = connectTo(TENANT_HOST, { [name]: `http://scanner:${PROXY_PASSWORD}@127.0.0.1:${proxy.port}` });
    const res = await client.client.get('/tenants/settings');
    expect(res.body).toEqual({ friendly_name: 'Acme via proxy' });
    expect(tenant.requests).toEqual(['POST /oauth/token', 'GET /api/v2/tenants/settings']);
    expect(proxy.connects.length).toBeGreaterThan(0);
    expect(new Set(proxy.connects)).toEqual(new Set([`${TENANT_HOST}:443`]));
    expect(new Set(proxy.auth)).toEqual(new Set([`Basic ${Buffer.from(`scanner:${PROXY_PASSWORD}`).toString('base64')}`]));
  });

  it('goes direct for a host NO_PROXY covers', async () => {
    proxy = await startProxy(tenant.port);
    const domain = `https://${TENANT_HOST}:${tenant.port}`;
    const proxied = await connectTo(domain, { HTTPS_PROXY: `http://127.0.0.1:${proxy.port}` }).client.get('/tenants/settings');
    expect(proxied.status).toBe(200);
    expect(new Set(proxy.connects)).toEqual(new Set([`${TENANT_HOST}:${tenant.port}`]));
    const tunnels = proxy.connects.length;
    await http?.close();

    const direct = await connectTo(domain, { HTTPS_PROXY: `http://127.0.0.1:${proxy.port}`, NO_PROXY: 'internal.corp, .auth0.com' }).client.get('/tenants/settings');
    expect(direct.body).toEqual({ friendly_name: 'Acme via proxy' });
    expect(proxy.connects).toHaveLength(tunnels);
  });

  it('never proxies a loopback domain, whatever the variables say', async () => {
    proxy = await startProxy(tenant.port);
    const mock = await startServer((req, res) => json(res, 200, req.url === '/oauth/token' ? { access_token: 'local-token', expires_in: 86400 } : { friendly_name: 'Local' }));
    try {
      const url = `http://127.0.0.1:${proxy.port}`;
      const res = await connectTo(mock.origin, { HTTP_PROXY: url, HTTPS_PROXY: url, http_proxy: url, NO_PROXY: 'example.org' }).client.get('/tenants/settings');
      expect(res.body).toEqual({ friendly_name: 'Local' });
      expect(mock.requests.map((r) => `${r.method} ${r.url}`)).toEqual(['POST /oauth/token', 'GET /api/v2/tenants/settings']);
      expect(proxy.connects).toEqual([]);
      expect(proxy.plain).toBe(0);
    } finally {
      await mock.close();
    }
  });
});

describe('proxy failures', () => {
  it.each([
    ['a proxy that refuses the credentials', 407],
    ['a proxy that is not listening', undefined],
  ])('keep the proxy credentials out of the error: %s', async (_label, answer) => {
    proxy = await startProxy(tenant.port, { answer: answer ?? 200 });
    const port = proxy.port;
    if (answer === undefined) await proxy.close();
    const failure = await connectTo(TENANT_HOST, { HTTPS_PROXY: `http://scanner:${PROXY_PASSWORD}@127.0.0.1:${port}` }).client.get('/tenants/settings').then(
      () => undefined,
      (err: unknown) => err,
    );
    expect(failure).toBeInstanceOf(CollectionError);
    if (answer !== undefined) expect(proxy.connects).toEqual([`${TENANT_HOST}:443`]);
    expect((failure as CollectionError).code).toBe('NETWORK');
    const shown = everythingIn(failure);
    expect(shown).not.toContain(PROXY_PASSWORD);
    expect(shown).not.toContain(Buffer.from(`scanner:${PROXY_PASSWORD}`).toString('base64'));
    expect(shown).not.toContain(SECRET);
    expect(tenant.requests).toEqual([]);
  });

  it.each([
    ['HTTPS_PROXY', `http://scanner:${PROXY_PASSWORD}@proxy.corp:99999`],
    ['https_proxy', `http://scanner:${PROXY_PASSWORD}@[proxy.corp]:3128`],
    ['HTTP_PROXY', `socks5://scanner:${PROXY_PASSWORD}@proxy.corp:1080`],
    ['http_proxy', 'http://'],
  ])('refuse a malformed %s as a usage error naming the variable', (name, value) => {
    const err = inputErrorOf(() => connectTo(TENANT_HOST, { [name]: value }));
    expect(err.code).toBe('USAGE');
    expect(err.message).toContain(name);
    expect(everythingIn(err)).not.toContain(PROXY_PASSWORD);
  });

  it('takes a proxy without a scheme as http://', async () => {
    proxy = await startProxy(tenant.port);
    const res = await connectTo(TENANT_HOST, { HTTPS_PROXY: `127.0.0.1:${proxy.port}` }).client.get('/tenants/settings');
    expect(res.status).toBe(200);
    expect(proxy.connects).toContain(`${TENANT_HOST}:443`);
  });
});

describe('NODE_EXTRA_CA_CERTS (a TLS-inspecting proxy)', () => {
  const child = `
    import { createHttpClient } from './src/http/create-http-client.js';
    const http = createHttpClient({ domain: '${TENANT_HOST}', clientId: 'cid', clientSecret: 'secret', retry: { maxAttempts: 1 } });
    try {
      const res = await http.client.get('/tenants/settings');
      console.log(JSON.stringify({ body: res.body }));
    } catch (err) {
      console.log(JSON.stringify({ error: err.message }));
    } finally {
      await http.close();
    }`;

  async function runChild(extraEnv: Record<string, string>): Promise<{ body?: unknown; error?: string }> {
    const out = join(dir, `child-${Date.now()}`);
    await transpileForNode('src/http/create-http-client.ts', out);
    await writeFile(join(out, 'main.mjs'), child);
    const env = { PATH: process.env.PATH ?? '', HTTPS_PROXY: `http://127.0.0.1:${proxy.port}`, ...extraEnv };
    const { stdout } = await promisify(execFile)(process.execPath, [join(out, 'main.mjs')], { env, cwd: out });
    return JSON.parse(stdout) as { body?: unknown; error?: string };
  }

  it('is trusted for TLS through the tunnel without any ca option', async () => {
    proxy = await startProxy(tenant.port);
    expect(await runChild({ NODE_EXTRA_CA_CERTS: cert.certPath })).toEqual({ body: { friendly_name: 'Acme via proxy' } });
    expect(new Set(proxy.connects)).toEqual(new Set([`${TENANT_HOST}:443`]));
  });

  it('is what makes it work (without it the certificate is refused)', async () => {
    proxy = await startProxy(tenant.port);
    const result = await runChild({});
    expect(result.error).toMatch(/CERT/);
    expect(tenant.requests).toEqual([]);
  });
});
