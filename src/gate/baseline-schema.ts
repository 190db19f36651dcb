import { z } from 'zod';
import { KIND_NAMES } from '../model/kinds.js';

const schemaVersion = z.string().regex(/^1\.\d+$/, 'must be a 1.x JSON report version (write the baseline with --format json)');

/**
 * The part of a JSON report (`scan --format json`, `baseline create`) a baseline needs. Objects are not strict: a
 * report from a newer 1.x version with more fields is still a good baseline.
 */
export const baselineSchema = z.object({
  schemaVersion,
  tenant: z.object({ domain: z.string().min(1) }),
  findings: z.array(
    z.object({
      ruleId: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be a rule id'),
      resource: z.object({ type: z.enum(KIND_NAMES), id: z.string().min(1), name: z.string().optional() }),
      fingerprint: z.string().regex(/^[0-9a-f]{32}$/, 'must be 32 lowercase hex digits'),
      tenant: z.string().min(1).optional(),
    }),
  ),
});

/** A multi-tenant JSON report as a baseline: one report per tenant, as above. */
export const multiBaselineSchema = z.object({
  schemaVersion,
  tenants: z.array(baselineSchema),
});

export type Baseline = z.infer<typeof baselineSchema> & {
  /** Set when the file is a multi-tenant report: the domains of its tenants (every finding then carries `tenant`). */
  tenants?: string[];
};
