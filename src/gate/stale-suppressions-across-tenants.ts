import type { ScanReport, SuppressionEntryRef } from '../model/report.js';
import { appliesToTenant } from './applies-to-tenant.js';

export interface StaleAcrossTenants {
  expired: SuppressionEntryRef[];
  unused: SuppressionEntryRef[];
}

/**
 * Expired and unused entries over the reports of several tenants. An entry is unused only when it matched nothing
 * in every report it applies to (an entry without `tenant` applies to all): one file serves all the tenants, so an
 * entry for one tenant's finding is not "unused" because another tenant lacks that finding.
 */
export function staleSuppressionsAcrossTenants(reports: readonly Pick<ScanReport, 'suppressions' | 'tenant'>[]): StaleAcrossTenants {
  const expired = new Map<string, SuppressionEntryRef>();
  const candidates = new Map<string, SuppressionEntryRef>();
  for (const r of reports) {
    for (const e of r.suppressions?.expired ?? []) if (!expired.has(e.entry)) expired.set(e.entry, e);
    for (const e of r.suppressions?.unused ?? []) if (!candidates.has(e.entry)) candidates.set(e.entry, e);
  }
  const unused = [...candidates.values()].filter((e) =>
    reports.every(
      (r) => !r.suppressions || !appliesToTenant(e.tenant, r.tenant.domain, r.tenant.name) || r.suppressions.unused.some((u) => u.entry === e.entry),
    ),
  );
  return { expired: [...expired.values()], unused };
}
