import { z } from 'zod';
import { KIND_NAMES } from '../model/kinds.js';

/**
 * The shape `auth0-scan check` reports (stdout with `--format json`, and `runCheck`'s return value). Documented in
 * docs/check.md; additive changes keep `schemaVersion` 1, anything else bumps it.
 */
export const CHECK_STATUSES = ['ok', 'warn', 'fail', 'skipped'] as const;
export type CheckStatus = (typeof CHECK_STATUSES)[number];

const status = z.enum(CHECK_STATUSES);
/** Every check says how it went in one line; `fix` is the action that turns a fail (or warn) into ok. */
const base = {
  status,
  summary: z.string(),
  fix: z.string().optional(),
  /** The server's own words (error description, API message), one line, secrets scrubbed. */
  detail: z.string().optional(),
};

export const PROBE_RESULTS = ['available', 'not_on_plan', 'missing_scope', 'error'] as const;
export type ProbeResult = (typeof PROBE_RESULTS)[number];

const probeSchema = z.object({
  kind: z.enum(KIND_NAMES),
  /** Method and path probed, e.g. `GET /log-streams`. */
  request: z.string(),
  result: z.enum(PROBE_RESULTS),
  httpStatus: z.number().int().optional(),
  errorCode: z.string().optional(),
  missingScopes: z.array(z.string()).optional(),
  detail: z.string().optional(),
});
export type EndpointProbe = z.infer<typeof probeSchema>;

const scopeRowSchema = z.object({
  scope: z.string(),
  /** How many of the selected rules read a kind that needs this scope. */
  neededBy: z.number().int().nonnegative(),
  /** null when the token's scopes cannot be read (an opaque pre-issued token). */
  granted: z.boolean().nullable(),
  /** Only optional rules need it (read:logs, …): without it they are not judged, and the check does not fail. */
  optional: z.boolean().optional(),
});

export const checksSchema = z.object({
  reachability: z.object({ ...base, errorCode: z.string().optional() }),
  credentials: z.object({
    ...base,
    method: z.enum(['client_credentials', 'token']),
    httpStatus: z.number().int().optional(),
    oauthError: z.string().optional(),
    expiresInSeconds: z.number().optional(),
  }),
  api: z.object({ ...base, httpStatus: z.number().int().optional() }),
  scopes: z.object({
    ...base,
    known: z.boolean(),
    needed: z.array(scopeRowSchema),
    missing: z.array(z.string()),
    /** Granted but not needed, and dangerous for a read-only scanner to hold. */
    risky: z.array(z.object({ scope: z.string(), reason: z.string() })),
    /** Granted, not needed, harmless. */
    otherExtra: z.array(z.string()),
  }),
  endpoints: z.object({ ...base, probes: z.array(probeSchema) }),
  rateLimit: z.object({
    ...base,
    limit: z.number().int().optional(),
    remaining: z.number().int().optional(),
    resetAt: z.iso.datetime().optional(),
  }),
  clock: z.object({ ...base, serverDate: z.iso.datetime().optional(), skewSeconds: z.number().optional() }),
});
export type Checks = z.infer<typeof checksSchema>;
export type CheckName = keyof Checks;
export const CHECK_ORDER: readonly CheckName[] = ['reachability', 'credentials', 'api', 'scopes', 'endpoints', 'rateLimit', 'clock'];

export const checkResultSchema = z.object({
  schemaVersion: z.literal(1),
  tool: z.object({ name: z.literal('auth0-scan'), version: z.string() }),
  checkedAt: z.iso.datetime(),
  target: z.object({
    origin: z.string(),
    /** The canonical tenant host (the audience's), else the host checked. */
    tenant: z.string(),
    audience: z.string(),
    clientId: z.string().optional(),
  }),
  /** True when a full scan can run: the CLI exits 0, else 3. */
  ready: z.boolean(),
  /** HTTP requests sent, retries and the token request included. */
  requests: z.number().int().nonnegative(),
  checks: checksSchema,
  /** What to change before a scan can run, most basic first; empty when ready. */
  fixes: z.array(z.string()),
  /** Advice for warnings (risky scopes, clock skew, …); a scan runs regardless. */
  advice: z.array(z.string()),
});
export type CheckResult = z.infer<typeof checkResultSchema>;

/** A check that did not run because an earlier one failed. */
export function skipped(summary: string): { status: 'skipped'; summary: string } {
  return { status: 'skipped', summary };
}
