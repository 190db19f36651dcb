import { classifyFailure } from '../collect/classify-failure.js';
import { ApiError, oneLine } from '../http/api-error.js';
import type { ManagementClient } from '../http/management-client.js';
import { loggablePath } from '../http/request-event.js';
import type { KindName } from '../model/kinds.js';
import type { Checks, EndpointProbe } from './check-result.js';
import { gatedProbes } from './plan-gated-endpoints.js';

/**
 * One minimal GET per plan-gated kind the rules need, through the scan's own client (limiter, retries), classified
 * exactly as the collection would classify the same failure, so "not on this plan" here means "unavailable" there.
 */
export async function probeGatedEndpoints(client: ManagementClient, kinds: readonly KindName[], granted: readonly string[] | undefined): Promise<Checks['endpoints']> {
  const probes = await Promise.all(gatedProbes(kinds).map(({ kind, endpoint }) => probeOne(client, kind, endpoint.path, endpoint.query, granted)));
  return summarise(probes);
}

async function probeOne(client: ManagementClient, kind: KindName, path: string, query: Parameters<ManagementClient['get']>[1], granted: readonly string[] | undefined): Promise<EndpointProbe> {
  const request = `GET ${loggablePath(path, query)}`;
  try {
    await client.get(path, query);
    return { kind, request, result: 'available' };
  } catch (err) {
    const c = classifyFailure(kind, err, granted);
    const api = err instanceof ApiError ? { httpStatus: err.status, ...(err.errorCode === undefined ? {} : { errorCode: err.errorCode }) } : {};
    const detail = c.detail === undefined ? undefined : oneLine(c.detail);
    if (c.status === 'forbidden') return { kind, request, result: 'missing_scope', ...api, missingScopes: c.missingScopes ?? [], detail };
    if (c.status === 'unavailable') return { kind, request, result: 'not_on_plan', ...api, detail };
    return { kind, request, result: 'error', ...api, detail };
  }
}

function summarise(probes: EndpointProbe[]): Checks['endpoints'] {
  if (probes.length === 0) return { status: 'ok', summary: 'no plan-gated endpoint is needed by the selected rules', probes };
  const by = (r: EndpointProbe['result']) => probes.filter((p) => p.result === r);
  const missing = by('missing_scope');
  const broken = by('error');
  const absent = by('not_on_plan');
  if (broken.length > 0 || missing.length > 0) {
    const parts = [
      ...missing.map((p) => `${p.kind}: missing scope ${(p.missingScopes ?? []).join(', ')}`),
      ...broken.map((p) => `${p.kind}: ${p.detail ?? 'error'}`),
    ];
    const fix =
      missing.length > 0
        ? `grant ${[...new Set(missing.flatMap((p) => p.missingScopes ?? []))].join(' ')}`
        : `retry later, or --skip the rules that read ${broken.map((p) => p.kind).join(', ')}`;
    return { status: 'fail', summary: parts.join('; '), fix, probes };
  }
  if (absent.length > 0) {
    return {
      status: 'warn',
      summary: `${absent.length} of ${probes.length} plan-gated endpoint(s) not on this plan: ${absent.map((p) => p.kind).join(', ')}; the scan reports them as unavailable and skips their rules`,
      fix: `the scan exits 3 for skipped rules: --skip the rules that read ${absent.map((p) => p.kind).join(', ')}, or pass --allow-partial`,
      probes,
    };
  }
  return { status: 'ok', summary: `all ${probes.length} plan-gated endpoint(s) available`, probes };
}
