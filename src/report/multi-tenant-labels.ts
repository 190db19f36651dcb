import type { ScanReport } from '../model/report.js';

/** `prod (acme.eu.auth0.com)` when the config names the tenant, else its domain: how sections and lines call it. */
export function tenantHeading(tenant: ScanReport['tenant']): string {
  return tenant.name === undefined || tenant.name === tenant.domain ? tenant.domain : `${tenant.name} (${tenant.domain})`;
}

export function plural(n: number, word: string): string {
  return `${n.toLocaleString('en-US')} ${word}${n === 1 ? '' : 's'}`;
}
