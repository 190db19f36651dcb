import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { ApiError, notFound } from './api-error.js';
import type { ExportRequest } from './export-lines.js';
import type { TenantData } from './tenant-data.js';
import type { Item } from './user-store.js';

/** How jobs created from now on behave; read at creation so a FaultPlan change does not rewrite running jobs. */
export interface ExportJobBehaviour {
  delayMs: number;
  fail: boolean;
}

interface Job {
  id: string;
  createdMs: number;
  summary: Item;
  request: ExportRequest;
  delayMs: number;
  fail: boolean;
}

const bodySchema = z.strictObject({
  connection_id: z.string().min(1).optional(),
  format: z.enum(['json', 'csv']).optional(),
  limit: z.coerce.number().int().min(1).optional(),
  fields: z.array(z.strictObject({ name: z.string().min(1), export_as: z.string().min(1).optional() })).min(1).optional(),
});

function randomId(bytes: number): string {
  return randomBytes(bytes).toString('hex');
}

/**
 * The users-export job store: jobs go pending → processing → completed (or failed) by elapsed time, and every GET
 * of a completed job mints a fresh short-lived download link, as the real pre-signed S3 URLs behave.
 */
export class ExportJobs {
  private readonly jobs = new Map<string, Job>();
  private readonly links = new Map<string, { jobId: string; expiresMs: number }>();

  constructor(private readonly options: { linkTtlMs: number; behaviour: () => ExportJobBehaviour; now?: () => number }) {}

  private now(): number {
    return this.options.now?.() ?? Date.now();
  }

  create(body: unknown, data: TenantData): Item {
    const parsed = bodySchema.safeParse(body ?? {});
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const property = issue?.path.map(String).join('.') || 'body';
      throw new ApiError(400, `Payload validation error: '${issue?.message ?? 'invalid'}' on property ${property}.`, 'invalid_body');
    }
    const { connection_id, limit, fields } = parsed.data;
    const format = parsed.data.format ?? 'json';
    let connectionName: string | undefined;
    if (connection_id !== undefined) {
      const connection = data.connections.find((c) => c.id === connection_id);
      if (!connection) throw notFound('The connection does not exist', 'inexistent_connection');
      connectionName = String(connection.name);
    }
    const behaviour = this.options.behaviour();
    const createdMs = this.now();
    const id = `job_${randomId(8)}`;
    const summary: Item = { type: 'users_export', status: 'pending', connection_id, format, limit, fields, created_at: new Date(createdMs).toISOString(), id };
    this.jobs.set(id, { id, createdMs, summary, request: { format, limit, fields, connectionName }, delayMs: behaviour.delayMs, fail: behaviour.fail });
    return summary;
  }

  describe(id: string, baseUrl: string): Item {
    const job = this.jobs.get(id);
    if (!job) throw notFound('The job does not exist.', 'inexistent_job');
    const elapsed = this.now() - job.createdMs;
    if (elapsed < job.delayMs) {
      const status = elapsed < job.delayMs / 3 ? 'pending' : 'processing';
      const percentage = Math.floor((elapsed / Math.max(job.delayMs, 1)) * 100);
      return { ...job.summary, status, percentage_done: percentage, time_left_seconds: Math.ceil((job.delayMs - elapsed) / 1000) };
    }
    if (job.fail) return { ...job.summary, status: 'failed' };
    return { ...job.summary, status: 'completed', location: this.mintLink(job, baseUrl) };
  }

  /** The export behind a download token, or why it cannot be served. */
  open(token: string): ExportRequest | 'expired' | 'missing' {
    const link = this.links.get(token);
    const job = link && this.jobs.get(link.jobId);
    if (!link || !job) return 'missing';
    if (this.now() >= link.expiresMs) return 'expired';
    return job.request;
  }

  private mintLink(job: Job, baseUrl: string): string {
    const now = this.now();
    // Expired links linger a minute so that a late download still gets the expiry 403 rather than a 404.
    for (const [token, link] of this.links) if (now - link.expiresMs > 60_000) this.links.delete(token);
    const token = randomId(16);
    this.links.set(token, { jobId: job.id, expiresMs: now + this.options.linkTtlMs });
    const extension = job.request.format === 'csv' ? 'csv.gz' : 'json.gz';
    return `${baseUrl}/__downloads/${token}.${extension}`;
  }
}
