import type { Baseline } from './baseline-schema.js';

/**
 * The part of a baseline that concerns one tenant of a multi-tenant scan, so that another tenant's findings are
 * never reported as "fixed" here. A baseline that does not cover the tenant keeps its own tenant name, so the
 * gate notices say every finding is new.
 */
export function baselineForTenant(baseline: Baseline, domain: string): Baseline {
  const wanted = domain.toLowerCase();
  const known = baseline.tenants ?? [baseline.tenant.domain];
  const match = known.find((d) => d.toLowerCase() === wanted);
  if (match === undefined) return { schemaVersion: baseline.schemaVersion, tenant: baseline.tenant, findings: [] };
  if (baseline.tenants === undefined) return baseline;
  return {
    schemaVersion: baseline.schemaVersion,
    tenant: { domain: match },
    findings: baseline.findings.filter((f) => f.tenant?.toLowerCase() === wanted),
  };
}
