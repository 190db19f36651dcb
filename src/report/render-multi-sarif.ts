import type { MultiTenantReport, RenderOptions } from '../model/report.js';
import { buildSarif } from './render-sarif.js';
import type { SarifLog, SarifRun } from './sarif-types.js';

export type MultiTenantSarifLog = Omit<SarifLog, 'runs'> & { runs: SarifRun[] };

/**
 * One SARIF log with one run per tenant, each exactly the run a single-tenant scan of that tenant would write
 * (its own `automationDetails.id` = `auth0-scan/<tenant>/`, its own rules and 25,000-result cap), so GitHub code
 * scanning tracks each tenant's alerts separately. A tenant that could not be read gets no run: an empty run would
 * tell code scanning that all its alerts were fixed.
 */
export function renderMultiTenantSarif(report: MultiTenantReport, options: Pick<RenderOptions, 'rules'>): string {
  return `${JSON.stringify(buildMultiTenantSarif(report, options), null, 2)}\n`;
}

export function buildMultiTenantSarif(report: MultiTenantReport, options: Pick<RenderOptions, 'rules'>): MultiTenantSarifLog {
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: report.tenants.flatMap((r) => buildSarif(r, options).runs),
  };
}
