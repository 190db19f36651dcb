import { z } from 'zod';

/** When a fault fires: by chance, every Nth matching request, or both (either one fires it). */
export interface FaultTrigger {
  /** Chance per matching request, 0–1 (seeded by `FaultPlan.seed`). */
  probability?: number;
  /** Fires on matching requests N, 2N, 3N, … (counted from when the plan was set). */
  everyNth?: number;
  /** Only requests whose path starts with this; default: every `/api/v2/` request. `/oauth/token` and `/__downloads/` can be targeted. */
  path?: string;
  /** Stops firing after this many times. */
  maxTimes?: number;
}

/**
 * Faults the mock injects, switchable at runtime with `MockServer.setFaults` (a new plan resets every counter and
 * the random sequence). With `seed`, every decision is reproducible for the same request sequence.
 */
export interface FaultPlan {
  seed?: number;
  /** Respond with this status instead of serving (502 comes as a proxy's HTML page, 500/503 as API envelopes). */
  serverErrors?: Array<FaultTrigger & { status: 500 | 502 | 503 }>;
  /** Destroy the socket without a response. */
  resets?: FaultTrigger;
  /** Hold the response this long (past a client's timeout, if you like). */
  delays?: FaultTrigger & { ms: number };
  /** A 200 whose JSON body is cut in half. */
  malformedJson?: FaultTrigger;
  /** Inflate `total` by how many times this has fired, so the total changes between requests. */
  totalDrift?: FaultTrigger;
  /** Every /api/v2 request gets 429 during this window (relative to when the plan is set). */
  storm?: { startAfterMs?: number; durationMs: number };
  /** Shape of every 429 (bucket or storm): with Retry-After or not; the chance (0–1) of the bare `{statusCode, error}` body. */
  tooManyRequests?: { retryAfter?: boolean; bareBody?: number };
  /** Tokens issued from now on silently expire after N seconds (expires_in still announces the normal lifetime); `expireAllNow` kills every token issued so far. */
  tokens?: { expireAfterSeconds?: number; expireAllNow?: boolean };
  /** Export jobs created from now on take this long, and/or end `failed`. */
  exportJob?: { delayMs?: number; fail?: boolean };
}

const trigger = {
  probability: z.number().min(0).max(1).optional(),
  everyNth: z.int().min(1).optional(),
  path: z.string().startsWith('/').optional(),
  maxTimes: z.int().min(0).optional(),
};

/** For plans read from files (the CLI's mock-server); programmatic callers get the interface above. */
export const faultPlanSchema: z.ZodType<FaultPlan> = z.strictObject({
  seed: z.int().optional(),
  serverErrors: z.array(z.strictObject({ ...trigger, status: z.union([z.literal(500), z.literal(502), z.literal(503)]) })).optional(),
  resets: z.strictObject(trigger).optional(),
  delays: z.strictObject({ ...trigger, ms: z.int().min(0).max(600_000) }).optional(),
  malformedJson: z.strictObject(trigger).optional(),
  totalDrift: z.strictObject(trigger).optional(),
  storm: z.strictObject({ startAfterMs: z.int().min(0).optional(), durationMs: z.int().min(0) }).optional(),
  tooManyRequests: z.strictObject({ retryAfter: z.boolean().optional(), bareBody: z.number().min(0).max(1).optional() }).optional(),
  tokens: z.strictObject({ expireAfterSeconds: z.number().min(0).optional(), expireAllNow: z.boolean().optional() }).optional(),
  exportJob: z.strictObject({ delayMs: z.int().min(0).optional(), fail: z.boolean().optional() }).optional(),
});
