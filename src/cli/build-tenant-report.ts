import type { EvaluatedSnapshot } from '../core/evaluating-sink.js';
import type { SelectedRule } from '../core/select-rules.js';
import { baselineForTenant } from '../gate/baseline-for-tenant.js';
import type { GateInputs } from '../gate/load-gate-inputs.js';
import { triageFindings } from '../gate/triage-findings.js';
import type { CollectionStats } from '../model/finding.js';
import type { ScanReport } from '../model/report.js';
import type { FailOn } from '../model/severity.js';
import { buildReport } from '../report/build-report.js';
import { scoredRule } from '../score/scored-rule.js';
import { toolVersion } from '../version.js';

export interface TenantReportInput {
  scanned: EvaluatedSnapshot;
  collection: CollectionStats;
  rules: readonly SelectedRule[];
  gateInputs: GateInputs;
  failOn: FailOn;
  startedAt: string;
  /** Set in a multi-tenant scan: the report carries it, and only this tenant's part of a baseline applies. */
  tenantName?: string;
  multiTenant?: boolean;
  allowPartial?: boolean;
}

export interface TenantReport {
  report: ScanReport;
  /** The tenant the applied baseline was written for, for the gate notices. */
  baselineTenant?: string;
}

/** One tenant's report: suppressions and the baseline act between evaluation and the gate; the scan time decides expiry. */
export function buildTenantReport(input: TenantReportInput): TenantReport {
  const { scanned, gateInputs } = input;
  const domain = scanned.evaluation.tenant.domain;
  const given = gateInputs.baseline;
  // A single-tenant scan keeps a single-tenant baseline whole, as it always has; a multi-tenant file is always split.
  const baseline = given && { path: given.path, doc: input.multiTenant || given.doc.tenants ? baselineForTenant(given.doc, domain) : given.doc };
  const skippedIds = new Set(scanned.evaluation.skipped.map((s) => s.ruleId));
  const triage = triageFindings({
    ...(gateInputs.suppressions ? { suppressions: gateInputs.suppressions } : {}),
    ...(baseline ? { baseline } : {}),
    findings: scanned.evaluation.findings,
    tenant: domain,
    ...(input.tenantName === undefined ? {} : { tenantName: input.tenantName }),
    scanTime: scanned.header.collectedAt,
    evaluatedRuleIds: new Set(input.rules.map((r) => r.file.id).filter((id) => !skippedIds.has(id))),
  });
  const report = buildReport({
    evaluation: { ...scanned.evaluation, findings: triage.findings },
    rules: input.rules.map(scoredRule),
    suppressions: triage.suppressions,
    baseline: triage.baseline,
    collection: { ...input.collection, kinds: scanned.coverage },
    toolVersion: toolVersion(),
    startedAt: input.startedAt,
    finishedAt: new Date().toISOString(),
    failOn: input.failOn,
    allowPartial: input.allowPartial === true,
    controls: new Map(input.rules.flatMap((r) => (r.controls ? [[r.file.id, r.controls] as const] : []))),
    ...(input.tenantName === undefined ? {} : { tenantName: input.tenantName }),
  });
  return { report, ...(baseline ? { baselineTenant: baseline.doc.tenant.domain } : {}) };
}
