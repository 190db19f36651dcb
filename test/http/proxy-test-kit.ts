import { execFile } from 'node:child_process';
import { mkdir, readFile, symlink, writeFile } from 'node:fs/promises';
import { createServer as createHttpServer } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { connect, type AddressInfo, type LookupFunction, type Server } from 'node:net';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import ts from 'typescript';

export const TENANT_HOST = 'acme.eu.auth0.com';
export const REPO = fileURLToPath(new URL('../../', import.meta.url));
const run = promisify(execFile);

export interface Cert {
  key: string;
  cert: string;
  certPath: string;
}

/** A self-signed certificate for the tenant host name, made with the openssl CLI (no devDependency needed). */
export async function makeCert(dir: string): Promise<Cert> {
  const keyPath = join(dir, 'key.pem');
  const certPath = join(dir, 'cert.pem');
  await run('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-keyout', keyPath, '-out', certPath,
    '-days', '2', '-subj', `/CN=${TENANT_HOST}`, '-addext', `subjectAltName=DNS:${TENANT_HOST}`]);
  return { key: await readFile(keyPath, 'utf8'), cert: await readFile(certPath, 'utf8'), certPath };
}

function listen(server: Server): Promise<number> {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)));
}

function closer(server: Server & { closeAllConnections?: () => void }): () => Promise<void> {
  return () => new Promise<void>((resolve) => {
    server.closeAllConnections?.();
    server.close(() => resolve());
  });
}

export interface FakeTenant {
  port: number;
  /** `METHOD path` of every request, in order. */
  requests: string[];
  close(): Promise<void>;
}

/** The tenant over HTTPS on 127.0.0.1: a token endpoint and one API read. */
export async function startTenant(cert: Cert): Promise<FakeTenant> {
  const requests: string[] = [];
  const server = createHttpsServer({ key: cert.key, cert: cert.cert }, (req, res) => {
    req.resume();
    req.on('end', () => {
      requests.push(`${req.method ?? ''} ${req.url ?? ''}`);
      const body = req.url === '/oauth/token' ? { access_token: 'proxied-token-value', expires_in: 86400, token_type: 'Bearer' } : { friendly_name: 'Acme via proxy' };
      res.writeHead(req.url === '/oauth/token' || req.url === '/api/v2/tenants/settings' ? 200 : 404, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    });
  });
  return { port: await listen(server), requests, close: closer(server) };
}

export interface FakeProxy {
  port: number;
  /** `host:port` of every CONNECT. */
  connects: string[];
  /** Proxy-Authorization of every CONNECT ('' when absent). */
  auth: string[];
  /** Plain (non-CONNECT) requests, which this proxy refuses. */
  plain: number;
  close(): Promise<void>;
}

/** A CONNECT proxy that tunnels every request to `targetPort` on 127.0.0.1, whatever host it was asked for. */
export async function startProxy(targetPort: number, options: { answer?: number } = {}): Promise<FakeProxy> {
  const proxy: Omit<FakeProxy, 'port' | 'close'> = { connects: [], auth: [], plain: 0 };
  const server = createHttpServer((_req, res) => {
    proxy.plain += 1;
    res.writeHead(502).end();
  });
  server.on('connect', (req, client, head) => {
    proxy.connects.push(req.url ?? '');
    proxy.auth.push(req.headers['proxy-authorization'] ?? '');
    client.on('error', () => undefined);
    if (options.answer !== undefined) {
      client.end(`HTTP/1.1 ${options.answer} No\r\nProxy-Authenticate: Basic realm="corp"\r\nContent-Length: 0\r\n\r\n`);
      return;
    }
    const upstream = connect(targetPort, '127.0.0.1', () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.write(head);
      upstream.pipe(client).pipe(upstream);
    });
    upstream.on('error', () => client.destroy());
  });
  const port = await listen(server);
  return Object.assign(proxy, { port, close: closer(server) });
}

/** Resolves the tenant host to 127.0.0.1 and nothing else, so a direct connection never leaves the machine. */
export const tenantLookup: LookupFunction = (hostname, options, callback) => {
  if (hostname !== TENANT_HOST) {
    callback(Object.assign(new Error(`no test address for ${hostname}`), { code: 'ENOTFOUND' }), '', 4);
  } else if (options.all === true) {
    callback(null, [{ address: '127.0.0.1', family: 4 }]);
  } else {
    callback(null, '127.0.0.1', 4);
  }
};

/**
 * Transpiles `entry` and the src files it imports into `outDir` (with node_modules linked), so a child `node`
 * can run the real source without a build: NODE_EXTRA_CA_CERTS is only read at process start.
 */
export async function transpileForNode(entry: string, outDir: string): Promise<string> {
  const done = new Set<string>();
  const pending = [join(REPO, entry)];
  for (let file = pending.pop(); file !== undefined; file = pending.pop()) {
    if (done.has(file)) continue;
    done.add(file);
    const source = await readFile(file, 'utf8');
    for (const match of source.matchAll(/from '(\.{1,2}\/[^']+)\.js'/g)) pending.push(join(dirname(file), `${match[1] ?? ''}.ts`));
    const out = join(outDir, relative(REPO, file)).replace(/\.ts$/, '.js');
    await mkdir(dirname(out), { recursive: true });
    const js = ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 } });
    await writeFile(out, js.outputText);
  }
  await writeFile(join(outDir, 'package.json'), '{"type":"module"}');
  await symlink(join(REPO, 'node_modules'), join(outDir, 'node_modules'), 'dir');
  return join(outDir, entry.replace(/\.ts$/, '.js'));
}
