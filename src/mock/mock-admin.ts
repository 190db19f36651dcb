import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import { ApiError, envelope } from './api-error.js';
import { BodyError, readBody } from './read-body.js';
import { sendJson } from './send-reply.js';
import { applyTenantChange, tenantChangeSchema, type TenantChange } from './tenant-change.js';
import type { TenantData } from './tenant-data.js';

export const ADMIN_PREFIX = '/__mock/';

const changesBodySchema = z.strictObject({ changes: z.array(tenantChangeSchema).min(1) });

/**
 * The mock's own control surface, outside /api/v2 (which stays read-only, as the scanner must be): `POST
 * /__mock/changes` applies writes between two scans and logs them; `POST /__mock/expire-logs` forgets every
 * event so far, as retention would. Loopback tests and the demo only; no token is asked for.
 */
export async function handleAdminRequest(req: IncomingMessage, res: ServerResponse, path: string, data: TenantData): Promise<void> {
  if (req.method !== 'POST') return sendJson(res, 405, envelope(405, 'the mock admin endpoints take POST'));
  let body: Record<string, unknown>;
  try {
    body = await readBody(req);
  } catch (err) {
    const status = err instanceof BodyError ? err.status : 400;
    return sendJson(res, status, envelope(status, err instanceof Error ? err.message : 'invalid body'));
  }
  if (path === `${ADMIN_PREFIX}expire-logs`) {
    expireLogs(data);
    return sendJson(res, 200, { expired: true });
  }
  if (path !== `${ADMIN_PREFIX}changes`) return sendJson(res, 404, envelope(404, 'Not Found'));
  const parsed = changesBodySchema.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return sendJson(res, 400, envelope(400, `${issue?.path.join('.') ?? 'changes'}: ${issue?.message ?? 'invalid'}`));
  }
  try {
    return sendJson(res, 200, { applied: applyChanges(data, parsed.data.changes).length });
  } catch (err) {
    if (err instanceof ApiError) return sendJson(res, err.status, err.body);
    throw err;
  }
}

/** Applies writes in order; the first that fails stops the batch (those before it stay applied, as on a tenant). */
export function applyChanges(data: TenantData, changes: readonly TenantChange[]): unknown[] {
  return changes.map((change) => applyTenantChange(data, change));
}

export function expireLogs(data: TenantData): void {
  data.logs.splice(0);
}
