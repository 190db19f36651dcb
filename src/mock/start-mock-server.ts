import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { InputError } from '../errors.js';
import { envelope } from './api-error.js';
import { handleApiRequest } from './api-handler.js';
import { ADMIN_PREFIX, applyChanges, expireLogs, handleAdminRequest } from './mock-admin.js';
import { tenantChangeSchema, type TenantChange } from './tenant-change.js';
import { DOWNLOAD_PREFIX, handleDownload } from './download-handler.js';
import { ExportJobs } from './export-jobs.js';
import { FaultInjector } from './fault-injector.js';
import { faultPlanSchema, type FaultPlan } from './fault-plan.js';
import { StatsRecorder, type MockStats } from './mock-stats.js';
import { sendGatewayPage, sendJson } from './send-reply.js';
import { Sleeper } from './sleeper.js';
import { buildTenantData } from './tenant-data.js';
import type { MockTenant } from './tenant-schema.js';
import { TokenBucket } from './token-bucket.js';
import { handleTokenRequest } from './token-endpoint.js';
import { TokenStore } from './token-store.js';

export interface MockServerOptions {
  tenant: MockTenant;
  /** Default 0: any free port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** Global token bucket; `false` turns limiting and the x-ratelimit-* headers off. Default burst 1000, 1000/s. */
  rateLimit?: { burst: number; perSecond: number } | false;
  faults?: FaultPlan;
  /** `expires_in` of issued tokens and their real lifetime (unless a token fault says otherwise). Default 86400. */
  tokenLifetimeSeconds?: number;
  /** How long an export download link works. Default 60000 (the real 60 s). */
  exportLinkTtlMs?: number;
  /** How long an export job takes to complete. Default 300. */
  exportJobDelayMs?: number;
}

export interface MockServer {
  /** `http://127.0.0.1:PORT` */
  url: string;
  /** `127.0.0.1:PORT` */
  domain: string;
  /** `${url}/api/v2/`; the token endpoint also accepts `https://<tenant.domain>/api/v2/`. */
  audience: string;
  stats(): MockStats;
  setFaults(plan: FaultPlan): void;
  /** Applies Management API writes to the served tenant, each logged as a `sapi` event (POST /__mock/changes does the same). */
  change(...changes: TenantChange[]): void;
  /** Forgets every log event so far, as retention would (POST /__mock/expire-logs). */
  expireLogs(): void;
  close(): Promise<void>;
}

function validPlan(plan: FaultPlan): FaultPlan {
  const parsed = faultPlanSchema.safeParse(plan);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw new InputError('CONFIG', `fault plan ${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid'}`);
}

/** Starts the mock Management API on loopback (see docs/architecture.md and auth0-api.md §6). */
export async function startMockServer(options: MockServerOptions): Promise<MockServer> {
  const limit = options.rateLimit ?? { burst: 1000, perSecond: 1000 };
  if (limit && (!(limit.burst >= 1) || !(limit.perSecond > 0))) throw new InputError('CONFIG', 'rateLimit needs burst >= 1 and perSecond > 0');
  const data = buildTenantData(options.tenant);
  const tokens = new TokenStore();
  const faults = new FaultInjector();
  faults.set(validPlan(options.faults ?? {}));
  const stats = new StatsRecorder();
  const sleeper = new Sleeper();
  const bucket = limit ? new TokenBucket(limit.burst, limit.perSecond) : undefined;
  const jobs = new ExportJobs({
    linkTtlMs: options.exportLinkTtlMs ?? 60_000,
    behaviour: () => ({ delayMs: faults.current.exportJob?.delayMs ?? options.exportJobDelayMs ?? 300, fail: faults.current.exportJob?.fail ?? false }),
  });
  let baseUrl = '';
  let audiences: string[] = [];

  async function dispatch(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', baseUrl);
    const path = url.pathname;
    stats.begin(path);
    res.once('close', () => stats.end());
    res.once('finish', () => stats.status(res.statusCode));
    const decision = faults.decide(path);
    if (decision.reset) {
      stats.reset();
      req.socket.destroy();
      return;
    }
    if (decision.delayMs > 0) await sleeper.sleep(decision.delayMs);
    if (res.destroyed || sleeper.closed) return;
    if (decision.status === 502) return sendGatewayPage(res, 502);
    if (decision.status !== undefined) return sendJson(res, decision.status, envelope(decision.status, decision.status === 503 ? 'Service Unavailable' : 'Internal Server Error'));
    if (path === '/oauth/token') {
      return handleTokenRequest(req, res, {
        m2m: data.m2m,
        tokens,
        audiences,
        lifetimeSeconds: options.tokenLifetimeSeconds ?? 86_400,
        expireAfterSeconds: () => faults.current.tokens?.expireAfterSeconds,
      });
    }
    if (path.startsWith(ADMIN_PREFIX)) return handleAdminRequest(req, res, path, data);
    if (path.startsWith(DOWNLOAD_PREFIX)) return handleDownload(req, res, path, jobs, data.users);
    if (path === '/api/v2' || path.startsWith('/api/v2/')) return handleApiRequest(req, res, url, decision, { data, tokens, bucket, jobs, faults, baseUrl });
    sendJson(res, 404, envelope(404, 'Not Found'));
  }

  const server = createServer((req, res) => {
    dispatch(req, res).catch(() => {
      if (!res.headersSent) sendJson(res, 500, envelope(500, 'Internal Server Error'));
      else res.destroy();
    });
  });
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', (err: NodeJS.ErrnoException) => reject(new InputError('USAGE', `mock server cannot listen on ${host}:${options.port ?? 0} (${err.code ?? err.message})`)));
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const domain = `${host.includes(':') ? `[${host}]` : host}:${port}`;
  baseUrl = `http://${domain}`;
  const audience = `${baseUrl}/api/v2/`;
  audiences = [audience, `https://${options.tenant.domain}/api/v2/`];

  return {
    url: baseUrl,
    domain,
    audience,
    stats: () => stats.snapshot(tokens.issued),
    setFaults(plan) {
      faults.set(validPlan(plan));
      if (plan.tokens?.expireAllNow) tokens.expireAll();
    },
    change: (...changes) => {
      applyChanges(data, changes.map((c) => tenantChangeSchema.parse(c)));
    },
    expireLogs: () => expireLogs(data),
    close: () =>
      new Promise<void>((resolve) => {
        sleeper.close();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
