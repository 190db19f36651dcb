import { z } from 'zod';
import { kindCoverageSchema } from '../model/coverage.js';
import { STORED_KIND_NAMES } from '../model/kinds.js';
import { redactionRecordSchema } from '../redact/allow-list-record.js';

export const SNAPSHOT_FORMAT = 'auth0-scan-snapshot';
export const SNAPSHOT_VERSION = 1;

export const snapshotHeaderSchema = z.strictObject({
  format: z.literal(SNAPSHOT_FORMAT),
  version: z.literal(SNAPSHOT_VERSION, { error: `unsupported snapshot version (this auth0-scan reads version ${SNAPSHOT_VERSION})` }),
  tool: z.strictObject({ name: z.string(), version: z.string() }),
  tenant: z.strictObject({ domain: z.string().min(1) }),
  /** The scan time used for every date comparison when this snapshot is scanned. */
  collectedAt: z.iso.datetime({ offset: true }),
  source: z.enum(['live', 'demo', 'file']).default('live'),
  /** The allow-list the resources were redacted with; absent in snapshots written before there was one. */
  redaction: redactionRecordSchema.optional(),
  /**
   * The application the scanner read the tenant as (never its secret), so the privilege model can tell the
   * scanner's own grant from another principal's; absent when unknown (an opaque token) and in older snapshots.
   */
  scanner: z.strictObject({ clientId: z.string().min(1) }).optional(),
  /**
   * The newest tenant log event when this collection started (read:logs): an incremental run reads the events
   * after it. Absent without read:logs, and in snapshots not read from a live tenant.
   */
  checkpoint: z.strictObject({ logId: z.string().regex(/^\d+$/, 'a log id is a string of digits'), at: z.iso.datetime({ offset: true }) }).optional(),
  /** Which kinds, redacted how: a base snapshot of another selection cannot stand in for this run's kinds. */
  selection: z.string().min(1).optional(),
  /** When the tenant was last read in full: an incremental run carries its base's, a full run its own time. */
  lastFull: z.iso.datetime({ offset: true }).optional(),
});
export type SnapshotHeader = z.infer<typeof snapshotHeaderSchema>;

export const snapshotRecordSchema = z.strictObject({ kind: z.enum(STORED_KIND_NAMES), data: z.record(z.string(), z.unknown()) });

export const collectionStatsSchema = z.strictObject({
  requests: z.number().int().nonnegative(),
  retries: z.number().int().nonnegative(),
  throttled: z.number().int().nonnegative(),
  durationMs: z.number().nonnegative(),
  /** Requests of the last full read: this run's own, or an incremental run's base's (for "N of M requests"). */
  fullRequests: z.number().int().nonnegative().optional(),
});
export type SnapshotStats = z.infer<typeof collectionStatsSchema>;

export const snapshotEndSchema = z.strictObject({
  end: z.literal(true),
  coverage: z.partialRecord(z.enum(STORED_KIND_NAMES), kindCoverageSchema),
  stats: collectionStatsSchema.optional(),
});
export type SnapshotEnd = z.infer<typeof snapshotEndSchema>;
