import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { constants, createGzip, gzipSync } from 'node:zlib';

/**
 * A Management API that lies, on 127.0.0.1: each mode breaks one promise the real API keeps. It is a test server,
 * not a mode of src/mock: the mock is shipped (`auth0-scan mock-server`) and stays a faithful API, while these
 * modes (lying totals, bombs, trickles) exist only to prove the collectors refuse them. Modes can be changed
 * between requests with `set`; everything not configured answers 404, so those kinds end `unavailable`.
 */
export interface HostileModes {
  /** `expires_in` of every token the token endpoint issues (omitted when undefined). */
  tokenExpiresIn?: unknown;
  clients?: ClientsMode;
  clientGrants?: CursorMode;
  users?: UsersMode;
}

/** `/clients`, offset with `include_totals`. */
export interface ClientsMode {
  count: number;
  /** The envelope's `total` (default `count`). */
  announce?: number;
  /** Items past this index are never served: pages run dry before the announced total. */
  servedUpTo?: number;
  /** Page 0 carries this many extra items, copies of its first ones: a page larger than `per_page`. */
  extraOnFirstPage?: number;
}

/** `/client-grants`, checkpoint: how the cursor misbehaves. */
export type CursorMode = 'same-cursor' | 'fresh-cursor-same-page' | 'alternating-pages' | 'huge-cursor';

/** `/users` (its `total`) and the users export job's file. */
export interface UsersMode {
  total: number;
  /** The total on every `/users` request after the first (a tenant changing while it is read). */
  totalLater?: number;
  /**
   * `lines`: `lines` users (default `total`) as gzip NDJSON; `no-newlines`: one endless line; `newline-bomb`:
   * endless empty lines; `trickle`: one user every `everyMs`, for ever; `stall`: one user, then silence.
   */
  file: 'lines' | 'no-newlines' | 'newline-bomb' | 'trickle' | 'stall';
  lines?: number;
  everyMs?: number;
}

export interface HostileApi {
  origin: string;
  /** Method and path (no query) of every request, in arrival order. */
  requests: string[];
  count(prefix: string): number;
  set(modes: HostileModes): void;
  close(): Promise<void>;
}

export const HOSTILE_SCOPES = 'read:clients read:client_keys read:client_grants read:users';

export const hostileClient = (i: number) => ({ client_id: `c${String(i).padStart(4, '0')}`, name: `App ${i}`, app_type: 'spa', grant_types: ['implicit'] });
export const hostileUser = (i: number) => ({ user_id: `auth0|u${i}`, email: `u${i}@hostile.example`, email_verified: true, identities: [{ provider: 'auth0', connection: 'db', user_id: `u${i}`, isSocial: false }] });

export async function startHostileApi(initial: HostileModes = {}): Promise<HostileApi> {
  let modes = initial;
  const requests: string[] = [];
  let usersAsked = 0;
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://hostile');
    requests.push(`${req.method ?? ''} ${url.pathname}`);
    req.resume();
    req.on('end', () => route(req, res, url));
  });

  const route = (req: IncomingMessage, res: ServerResponse, url: URL): void => {
    const q = (name: string, fallback: number): number => Number(url.searchParams.get(name) ?? fallback);
    const p = url.pathname;
    if (p === '/oauth/token') return json(res, 200, { access_token: `tok-${requests.length}`, token_type: 'Bearer', scope: HOSTILE_SCOPES, ...('tokenExpiresIn' in modes ? { expires_in: modes.tokenExpiresIn } : {}) });
    if (p === '/api/v2/clients' && modes.clients) return json(res, 200, clientsPage(modes.clients, q('page', 0), q('per_page', 50)));
    if (p === '/api/v2/client-grants' && modes.clientGrants) return json(res, 200, grantsPage(modes.clientGrants, url.searchParams.get('from')));
    const users = modes.users;
    if (users && p === '/api/v2/users') {
      const total = usersAsked++ === 0 ? users.total : (users.totalLater ?? users.total);
      const perPage = q('per_page', 50);
      return json(res, 200, { start: 0, limit: perPage, length: perPage, total, users: Array.from({ length: Math.min(perPage, total) }, (_, i) => hostileUser(i)) });
    }
    if (users && p === '/api/v2/jobs/users-exports' && req.method === 'POST') return json(res, 201, { id: 'job_hostile', type: 'users_export', status: 'pending' });
    if (users && p === '/api/v2/jobs/job_hostile') return json(res, 200, { id: 'job_hostile', status: 'completed', location: `${origin()}/download/export.json.gz` });
    if (users && p === '/download/export.json.gz') return download(res, users);
    return json(res, 404, { statusCode: 404, error: 'Not Found', message: 'Not found' });
  };

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = (): string => `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin: origin(),
    requests,
    count: (prefix) => requests.filter((r) => r.startsWith(prefix)).length,
    set(next) {
      modes = next;
      usersAsked = 0;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
}

function clientsPage(m: ClientsMode, page: number, perPage: number): unknown {
  const end = Math.min(m.count, m.servedUpTo ?? m.count);
  const items = [];
  for (let i = page * perPage; i < Math.min(end, (page + 1) * perPage); i++) items.push(hostileClient(i));
  if (page === 0) for (let i = 0; i < (m.extraOnFirstPage ?? 0); i++) items.push(hostileClient(i));
  return { start: page * perPage, limit: perPage, total: m.announce ?? m.count, clients: items };
}

function grantsPage(mode: CursorMode, from: string | null): unknown {
  const grant = (i: number) => ({ id: `cgr_${i}`, client_id: `c${i}`, audience: 'https://api.hostile.example/', scope: [] });
  const n = from === null ? 0 : Number(from.replace(/\D/g, '').slice(0, 9) || '0');
  switch (mode) {
    case 'same-cursor':
      return { client_grants: [grant(n)], next: 'cursor-1' };
    case 'fresh-cursor-same-page':
      return { client_grants: [grant(0)], next: `cursor-${n + 1}` };
    case 'alternating-pages':
      return { client_grants: [grant(n % 2)], next: `cursor-${n + 1}` };
    case 'huge-cursor':
      return { client_grants: [grant(n)], next: `${n + 1}${'x'.repeat(100_000)}` };
  }
}

/** The export file as each mode serves it; the endless ones go on until the client hangs up. */
function download(res: ServerResponse, m: UsersMode): void {
  res.writeHead(200, { 'content-type': 'application/octet-stream' });
  const line = (i: number): string => `${JSON.stringify(hostileUser(i))}\n`;
  if (m.file === 'lines') {
    const n = m.lines ?? m.total;
    res.end(gzipSync(Array.from({ length: n }, (_, i) => line(i)).join('')));
    return;
  }
  if (m.file === 'no-newlines' || m.file === 'newline-bomb') {
    // One gzip member of 1 MiB, sent again and again: gunzip reads concatenated members as one stream.
    const member = gzipSync(Buffer.alloc(1024 * 1024, m.file === 'no-newlines' ? 'a' : '\n'));
    const pump = (): void => {
      while (!res.destroyed && res.write(member));
      if (!res.destroyed) res.once('drain', pump);
    };
    pump();
    return;
  }
  const gzip = createGzip();
  gzip.pipe(res);
  res.on('close', () => gzip.destroy());
  let i = 0;
  const send = (): void => {
    gzip.write(line(i++));
    gzip.flush(constants.Z_SYNC_FLUSH);
  };
  send();
  if (m.file === 'trickle') {
    const timer = setInterval(send, m.everyMs ?? 20_000);
    res.on('close', () => clearInterval(timer));
  }
}
