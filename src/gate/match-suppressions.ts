import type { Finding } from '../model/finding.js';
import type { SuppressionEntryRef } from '../model/report.js';
import { globToRegExp } from '../util/glob.js';
import { appliesToTenant } from './applies-to-tenant.js';
import { isExpired } from './is-expired.js';
import { compileResourcePattern } from './resource-pattern.js';
import type { LocatedSuppression } from './suppression-schema.js';

export interface SuppressionContext {
  /** The scanned tenant's domain; entries naming another tenant do not apply. */
  tenant: string;
  /** Its name in the config file's `tenants:` (multi-tenant scans): `tenant:` may give that instead of the domain. */
  tenantName?: string;
  /** The evaluation's scan time (ISO-8601), which decides expiry. */
  scanTime: string;
}

export interface SuppressionOutcome {
  /** The findings in the same order; covered ones carry `suppression`. */
  findings: Finding[];
  suppressed: number;
  expired: SuppressionEntryRef[];
  unused: SuppressionEntryRef[];
}

/**
 * Marks the findings that an entry in force covers. The first matching entry is the one recorded; every matching
 * entry counts as used. Entries for another tenant are neither applied nor reported, so one file can serve several
 * tenants; expired entries never suppress and are reported whether or not they would have matched.
 */
export function matchSuppressions(findings: readonly Finding[], entries: readonly LocatedSuppression[], ctx: SuppressionContext): SuppressionOutcome {
  const applicable = entries.filter((e) => appliesToTenant(e.tenant, ctx.tenant, ctx.tenantName));
  const expired = applicable.filter((e) => isExpired(e.expires, ctx.scanTime));
  const active = applicable
    .filter((e) => !expired.includes(e))
    .map((e) => ({ entry: e, rule: globToRegExp(e.rule), resource: compileResourcePattern(e.resource), used: false }));
  let suppressed = 0;
  const out = findings.map((f) => {
    let first: LocatedSuppression | undefined;
    for (const a of active) {
      if (!a.rule.test(f.ruleId) || !a.resource(f.resource.id)) continue;
      a.used = true;
      first ??= a.entry;
    }
    if (!first) return f;
    suppressed++;
    return { ...f, suppression: { reason: first.reason, expires: first.expires, entry: first.entry } };
  });
  return {
    findings: out,
    suppressed,
    expired: expired.map(entryRef),
    unused: active.filter((a) => !a.used).map((a) => entryRef(a.entry)),
  };
}

function entryRef(e: LocatedSuppression): SuppressionEntryRef {
  return {
    entry: e.entry,
    rule: e.rule,
    resource: e.resource,
    ...(e.tenant === undefined ? {} : { tenant: e.tenant }),
    reason: e.reason,
    expires: e.expires,
  };
}
