import { z } from 'zod';

export const COVERAGE_STATUSES = ['ok', 'forbidden', 'unavailable', 'truncated', 'error'] as const;
export type CoverageStatus = (typeof COVERAGE_STATUSES)[number];

export const kindCoverageSchema = z.strictObject({
  status: z.enum(COVERAGE_STATUSES),
  count: z.number().int().nonnegative(),
  /** Scopes whose absence made the kind `forbidden` (or degraded, e.g. connection options). */
  missingScopes: z.array(z.string()).optional(),
  /** One sentence for humans: why the kind is not ok, or a caveat on ok data. */
  detail: z.string().optional(),
});
export type KindCoverage = z.infer<typeof kindCoverageSchema>;
