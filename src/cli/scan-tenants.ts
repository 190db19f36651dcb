import type { LoadedConfig } from '../config/load-config.js';
import type { SelectedRule } from '../core/select-rules.js';
import { EXIT, InputError } from '../errors.js';
import { baselineNotice, suppressionNotices } from '../gate/gate-notices.js';
import type { GateInputs } from '../gate/load-gate-inputs.js';
import { staleSuppressionsAcrossTenants } from '../gate/stale-suppressions-across-tenants.js';
import type { RenderOptions, ScanReport, TenantFailure } from '../model/report.js';
import type { FailOn } from '../model/severity.js';
import { buildMultiTenantReport } from '../report/build-multi-tenant-report.js';
import { scoredRule } from '../score/scored-rule.js';
import { tenantHeading } from '../report/multi-tenant-labels.js';
import { coverageNotices, incompleteAdvice } from '../report/incomplete-advice.js';
import { multiTenantSummaryLine } from '../report/multi-tenant-summary-line.js';
import { toolVersion } from '../version.js';
import { buildTenantReport } from './build-tenant-report.js';
import { collectTenants } from './collect-tenants.js';
import type { ScanOptions } from './scan-options.js';
import { tenantTargets } from './tenant-targets.js';
import type { Terminal } from './terminal.js';
import { writeReports } from './write-reports.js';

export interface ScanTenantsInput {
  opts: ScanOptions;
  config: LoadedConfig;
  rules: readonly SelectedRule[];
  gateInputs: GateInputs;
  failOn: FailOn;
  render: RenderOptions;
}

/**
 * `scan` over the config file's tenants: all (or those --tenant names) collected concurrently, each reported as a
 * single scan would, in one document. Exit 3 when a tenant could not be read, or when data is missing (unless
 * --allow-partial); else 1 when any tenant's gate fails; else 0.
 */
export async function scanTenants(input: ScanTenantsInput, term: Terminal): Promise<number> {
  const { opts, gateInputs, failOn } = input;
  const startedAt = new Date().toISOString();
  rejectSingleTenantFlags(opts);
  const targets = tenantTargets(input.config, opts.tenant, term.env, opts.allowConfigHost);
  const specs = input.rules.map(({ file, override }) => ({ file, override }));
  const outcomes = await collectTenants(targets, specs, { concurrency: opts.concurrency, maxRps: opts.maxRps, timeoutMs: opts.timeout, verbose: opts.verbose, quiet: opts.quiet }, term);

  const reports: ScanReport[] = [];
  const failed: TenantFailure[] = [];
  const baselineTenants: (string | undefined)[] = [];
  for (const o of outcomes) {
    if ('failure' in o) {
      failed.push(o.failure);
      continue;
    }
    const built = buildTenantReport({
      scanned: o.scanned,
      collection: o.collection,
      rules: input.rules,
      gateInputs,
      failOn,
      startedAt: o.startedAt,
      multiTenant: true,
      allowPartial: opts.allowPartial,
      ...(o.target.name === undefined ? {} : { tenantName: o.target.name }),
    });
    reports.push(built.report);
    baselineTenants.push(built.baselineTenant);
  }
  const report = buildMultiTenantReport({ reports, failed, rules: input.rules.map(scoredRule), toolVersion: toolVersion(), startedAt, finishedAt: new Date().toISOString(), failOn });
  writeReports(report, opts, input.render, term);

  const say = (line: string) => term.stderr(`auth0-scan: ${line}\n`);
  const stale = staleSuppressionsAcrossTenants(reports);
  if (!opts.quiet && (opts.format !== 'table' || opts.output)) say(multiTenantSummaryLine(report));
  if (!opts.quiet) {
    for (const line of suppressionNotices(stale.expired, stale.unused)) say(line);
    reports.forEach((r, i) => {
      const line = baselineNotice(r, baselineTenants[i]);
      if (line) say(line);
    });
  }
  for (const f of failed) say(`${tenantHeading(f.tenant)}: ${f.message}`);
  if (!opts.quiet) for (const r of reports) for (const line of coverageNotices(r)) say(`${tenantHeading(r.tenant)}: ${line}`);
  const incomplete = reports.filter((r) => r.skipped.length > 0);
  if (!opts.allowPartial) for (const r of incomplete) say(`${tenantHeading(r.tenant)}: ${incompleteAdvice(r) ?? ''}`);
  if (failed.length > 0 || (incomplete.length > 0 && !opts.allowPartial)) return EXIT.collection;
  const staleEntries = [...stale.expired, ...stale.unused];
  if (opts.strictSuppressions && staleEntries.length > 0) {
    throw new InputError(
      'CONFIG',
      `--strict-suppressions: ${staleEntries.length} suppression entr${staleEntries.length === 1 ? 'y is' : 'ies are'} expired or unused (${staleEntries.map((e) => e.entry).join(', ')})`,
    );
  }
  return report.summary.gate.passed ? EXIT.ok : EXIT.gate;
}

/** Connection flags describe one tenant; each entry of the config file carries its own. */
function rejectSingleTenantFlags(opts: ScanOptions): void {
  const given = (['clientId', 'clientSecret', 'audience', 'token'] as const).filter((k) => opts[k] !== undefined);
  const first = given[0];
  if (first === undefined) return;
  const flag = `--${first.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
  throw new InputError('USAGE', `${flag} applies to one tenant (--domain); the config file's tenants each name their own client and secret variable`);
}
