import { EXIT } from '../errors.js';
import type { EvaluatedSnapshot } from '../core/evaluating-sink.js';
import { scanSnapshotFile } from '../core/scan-snapshot-file.js';
import type { CollectionStats } from '../model/finding.js';
import type { RuleDoc } from '../model/report.js';
import { buildReport } from '../report/build-report.js';
import { ruleDoc } from '../engine/compile-rule.js';
import { toolVersion } from '../version.js';
import { loadRulesForRun } from './load-rules-for-run.js';
import { collectForScan } from './collect-for-scan.js';
import { parseOptions, scanOptionsSchema } from './scan-options.js';
import { summaryLine } from '../report/render-table.js';
import { useColor, type Terminal } from './terminal.js';
import { writeReports } from './write-reports.js';
import { InputError } from '../errors.js';
import { gateNotices } from '../gate/gate-notices.js';
import { loadGateInputs } from '../gate/load-gate-inputs.js';
import { staleSuppressions } from '../gate/stale-suppressions.js';
import { triageFindings } from '../gate/triage-findings.js';

/** `auth0-scan scan`: parse, load rules, get a snapshot (file, demo or live), evaluate, report, exit code. */
export async function scanCommand(raw: Record<string, unknown>, term: Terminal): Promise<number> {
  const opts = parseOptions(scanOptionsSchema, raw);
  if ([opts.snapshot !== undefined, opts.demo, opts.domain !== undefined].filter(Boolean).length > 1) {
    throw new InputError('USAGE', '--snapshot, --demo and --domain each choose what to scan: give only one');
  }
  const startedAt = new Date().toISOString();
  const { config, rules } = loadRulesForRun(opts, term.cwd);
  const failOn = opts.failOn ?? config.config.failOn ?? 'high';
  const specs = rules.map(({ file, override }) => ({ file, override }));
  const gateInputs = loadGateInputs(opts, config, term.cwd);

  let scanned: EvaluatedSnapshot;
  let collection: CollectionStats;
  if (opts.snapshot !== undefined) {
    scanned = await scanSnapshotFile(opts.snapshot, specs);
    collection = { source: 'snapshot', requests: 0, retries: 0, throttled: 0, durationMs: 0, ...scanned.stats, kinds: {} };
  } else {
    const live = await collectForScan(opts, config.config.domain, specs, term);
    scanned = live.scanned;
    collection = live.collection;
  }
  collection.kinds = scanned.coverage;

  // Suppressions and the baseline act between evaluation and the gate; the scan time decides expiry.
  const skippedIds = new Set(scanned.evaluation.skipped.map((s) => s.ruleId));
  const triage = triageFindings({
    ...gateInputs,
    findings: scanned.evaluation.findings,
    tenant: scanned.evaluation.tenant.domain,
    scanTime: scanned.header.collectedAt,
    evaluatedRuleIds: new Set(rules.map((r) => r.file.id).filter((id) => !skippedIds.has(id))),
  });
  const report = buildReport({
    evaluation: { ...scanned.evaluation, findings: triage.findings },
    suppressions: triage.suppressions,
    baseline: triage.baseline,
    collection,
    toolVersion: toolVersion(),
    startedAt,
    finishedAt: new Date().toISOString(),
    failOn,
  });
  const docs = new Map<string, RuleDoc>(rules.map((r) => [r.file.id, ruleDoc(r.file, r.override?.severity)]));
  const color = useColor(term, opts.color, opts.output !== undefined);
  writeReports(report, opts, { color, rules: docs }, term);

  const incomplete = report.skipped.length > 0;
  if (!opts.quiet && (opts.format !== 'table' || opts.output)) term.stderr(`auth0-scan: ${summaryLine(report)}\n`);
  if (!opts.quiet) for (const line of gateNotices(report, gateInputs.baseline?.doc.tenant.domain)) term.stderr(`auth0-scan: ${line}\n`);
  if (incomplete && !opts.allowPartial) {
    term.stderr(
      `auth0-scan: ${report.skipped.length} rule(s) skipped because data is missing (${[...new Set(report.skipped.flatMap((s) => s.kinds))].join(', ')}); ` +
        'grant the missing scopes, --skip those rules, or pass --allow-partial\n',
    );
    return EXIT.collection;
  }
  const stale = staleSuppressions(report);
  if (opts.strictSuppressions && stale.length > 0) {
    throw new InputError('CONFIG', `--strict-suppressions: ${stale.length} suppression entr${stale.length === 1 ? 'y is' : 'ies are'} expired or unused (${stale.map((e) => e.entry).join(', ')})`);
  }
  return report.summary.gate.passed ? EXIT.ok : EXIT.gate;
}
