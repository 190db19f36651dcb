import { z } from 'zod';
import { loadMockTenant, startMockServer } from '../mock/index.js';
import { demoTenantPath } from './demo-tenant-path.js';
import { parseOptions } from './scan-options.js';
import type { Terminal } from './terminal.js';

const optionsSchema = z.object({
  tenant: z.string().optional(),
  port: z.coerce.number({ error: '--port must be a number' }).int().min(0).max(65535).default(0),
  rate: z
    .string()
    .regex(/^(off|\d+\/\d+(\.\d+)?)$/, 'expected BURST/PER_SECOND such as 50/16, or off')
    .transform((v) => {
      if (v === 'off') return false as const;
      const [burst, perSecond] = v.split('/').map(Number) as [number, number];
      return { burst, perSecond };
    }),
});

/** `mock-server`: serves a tenant file on 127.0.0.1 until interrupted. */
export async function mockServerCommand(raw: Record<string, unknown>, term: Terminal): Promise<number> {
  const opts = parseOptions(optionsSchema, raw);
  const tenant = loadMockTenant(opts.tenant ?? demoTenantPath());
  const server = await startMockServer({ tenant, port: opts.port, rateLimit: opts.rate });
  term.stderr(mockServerBanner(tenant.domain, server.url, tenant.m2m[0]?.client_id));
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  const st = server.stats();
  // What the server saw, so a run of another client against it (auth0-deploy-cli, say) can be set beside ours.
  term.stderr(
    `served ${st.requests} requests (tokens issued: ${st.tokensIssued}; answered 429: ${st.rateLimited}; by status ` +
      `${Object.entries(st.byStatus).map(([status, n]) => `${status}: ${n}`).join(', ') || 'none'}; at most ${st.maxConcurrent} in flight)\n`,
  );
  await server.close();
  return 0;
}

/**
 * What the server prints when it listens: where, and a scan to try against it. The secret goes in the environment
 * (AUTH0_CLIENT_SECRET=… before the command), never after --client-secret: a command line is visible to every
 * process on the machine, and people copy what a banner shows them.
 */
export function mockServerBanner(domain: string, url: string, clientId: string | undefined): string {
  return (
    `mock Management API for ${domain} at ${url}\n` +
    `  try: AUTH0_CLIENT_SECRET=<from the tenant file's m2m> auth0-scan scan --domain ${url} --client-id ${clientId ?? '<id>'}\n` +
    '  Ctrl-C to stop\n'
  );
}
