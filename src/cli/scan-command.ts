import { EXIT, InputError } from '../errors.js';
import type { EvaluatedSnapshot } from '../core/evaluating-sink.js';
import { scanSnapshotFile } from '../core/scan-snapshot-file.js';
import { scanConfigExport } from '../core/scan-config-export.js';
import { scanTerraform } from '../core/scan-terraform.js';
import { keywordMappings } from '../iac/keyword-replace.js';
import { toolVersion } from '../version.js';
import { resolve } from 'node:path';
import type { CollectionStats } from '../model/finding.js';
import type { RuleDoc } from '../model/report.js';
import { ruleDoc } from '../engine/compile-rule.js';
import { planOutputs } from '../report/plan-outputs.js';
import { checkIncrementalOptions } from './check-incremental-options.js';
import { checkOutputPath } from '../util/output-path-check.js';
import { loadRulesForRun } from './load-rules-for-run.js';
import { buildTenantReport } from './build-tenant-report.js';
import { parseOptions, scanOptionsSchema, type ScanOptions } from './scan-options.js';
import { summaryLine } from '../report/render-table.js';
import { outputWidth } from './output-width.js';
import { useColor, type Terminal } from './terminal.js';
import { writeReports } from './write-reports.js';
import { scansConfigTenants } from './tenant-targets.js';
import { gateNotices } from '../gate/gate-notices.js';
import { coverageNotices, incompleteAdvice } from '../report/incomplete-advice.js';
import { loadGateInputs } from '../gate/load-gate-inputs.js';
import { staleSuppressions } from '../gate/stale-suppressions.js';

/** `auth0-scan scan`: parse, load rules, get a snapshot (file, demo or live), evaluate, report, exit code. */
export async function scanCommand(raw: Record<string, unknown>, term: Terminal): Promise<number> {
  const parsed = parseOptions(scanOptionsSchema, raw);
  if ([parsed.snapshot !== undefined, parsed.deployCli !== undefined, parsed.terraform !== undefined, parsed.demo, parsed.domain !== undefined].filter(Boolean).length > 1) {
    throw new InputError('USAGE', '--snapshot, --deploy-cli, --terraform, --demo and --domain each choose what to scan: give only one');
  }
  if (parsed.keyword !== undefined && parsed.deployCli === undefined) throw new InputError('USAGE', '--keyword applies to --deploy-cli exports only');
  // Every output is decided and checked before the first request: a typo must not cost a whole collection.
  const outputs = planOutputs(parsed, (path, flag) => checkOutputPath(path, term.cwd, flag));
  checkIncrementalOptions(parsed, outputs.outputs, term.cwd);
  const opts = { ...parsed, format: outputs.format, output: outputs.main.path };
  const startedAt = new Date().toISOString();
  const { config, rules } = loadRulesForRun(opts, term.cwd);
  const failOn = opts.failOn ?? config.config.failOn ?? 'high';
  const gateInputs = loadGateInputs(opts, config, term.cwd);
  const docs = new Map<string, RuleDoc>(rules.map((r) => [r.file.id, ruleDoc(r.file, r.override?.severity, r.controls)]));
  const color = useColor(term, opts.color, opts.output !== undefined);
  const width = outputWidth(term, opts.output !== undefined);
  const grouping = opts.groupBy === undefined ? {} : { groupBy: opts.groupBy, ...(opts.framework ? { frameworks: opts.framework } : {}) };
  const render = { color, rules: docs, details: opts.details, ...grouping, ...(width === undefined ? {} : { width }) };
  if (scansConfigTenants(opts, config, term)) {
    if (opts.since !== undefined || opts.saveSnapshot !== undefined) throw new InputError('USAGE', "--since and --save-snapshot read one tenant: name it with --domain (or AUTH0_DOMAIN), one scan per tenant");
    const { scanTenants } = await import('./scan-tenants.js');
    return scanTenants({ opts, config, rules, gateInputs, failOn, render }, term);
  }
  checkNoTenantSelection(opts, config.config.tenants !== undefined);

  const specs = rules.map(({ file, override }) => ({ file, override }));
  // The HTML report shows who can change the tenant: build the access model (and read its sources) only for it.
  const access = outputs.outputs.some((o) => o.format === 'html');
  let scanned: EvaluatedSnapshot;
  let collection: CollectionStats;
  if (opts.snapshot !== undefined) {
    scanned = await scanSnapshotFile(opts.snapshot, specs, { access });
    const { fullRequests: _full, ...read } = scanned.stats ?? {};
    collection = { source: 'snapshot', requests: 0, retries: 0, throttled: 0, durationMs: 0, ...read, kinds: {} };
  } else if (opts.deployCli !== undefined || opts.terraform !== undefined) {
    const keywords = keywordMappings(opts.keyword ?? [], term.env['AUTH0_KEYWORD_REPLACE_MAPPINGS']);
    const exported =
      opts.terraform !== undefined
        ? scanTerraform(resolve(term.cwd, opts.terraform), opts.terraform, specs, startedAt, toolVersion())
        : scanConfigExport(resolve(term.cwd, opts.deployCli ?? ''), opts.deployCli ?? '', specs, keywords, startedAt, toolVersion());
    scanned = exported.scanned;
    const unresolved = exported.unresolved.length > 0 ? { unresolved: exported.unresolved } : {};
    collection = { source: 'export', requests: 0, retries: 0, throttled: 0, durationMs: 0, kinds: {}, ...unresolved };
  } else {
    // Imported only for live and demo scans: the HTTP client and the mock are a large part of start-up.
    const { collectForScan } = await import('./collect-for-scan.js');
    const incremental = {
      ...(opts.since === undefined ? {} : { since: opts.since }),
      ...(opts.fullEvery === undefined ? {} : { fullEvery: opts.fullEvery }),
      ...(opts.saveSnapshot === undefined ? {} : { saveSnapshot: opts.saveSnapshot }),
    };
    const live = await collectForScan(opts, config.config.domain, specs, term, { incremental, ...(access ? { kinds: ['principals'], access } : {}) });
    scanned = live.scanned;
    collection = live.collection;
  }
  const { report, baselineTenant } = buildTenantReport({ scanned, collection, rules, gateInputs, failOn, startedAt, allowPartial: opts.allowPartial });
  writeReports(report, opts, render, term, scanned.access ? { access: scanned.access } : {});

  if (!opts.quiet && (opts.format !== 'table' || opts.output)) term.stderr(`auth0-scan: ${summaryLine(report)}\n`);
  if (!opts.quiet) for (const line of [...gateNotices(report, baselineTenant), ...coverageNotices(report)]) term.stderr(`auth0-scan: ${line}\n`);
  const advice = report.summary.gate.incomplete === true ? incompleteAdvice(report) : undefined;
  if (advice !== undefined && !opts.allowPartial) {
    term.stderr(`auth0-scan: ${advice}\n`);
    return EXIT.collection;
  }
  const stale = staleSuppressions(report);
  if (opts.strictSuppressions && stale.length > 0) {
    throw new InputError('CONFIG', `--strict-suppressions: ${stale.length} suppression entr${stale.length === 1 ? 'y is' : 'ies are'} expired or unused (${stale.map((e) => e.entry).join(', ')})`);
  }
  return report.summary.gate.passed ? EXIT.ok : EXIT.gate;
}

function checkNoTenantSelection(opts: ScanOptions, configHasTenants: boolean): void {
  if (opts.tenant === undefined || opts.tenant.length === 0) return;
  throw new InputError(
    'USAGE',
    configHasTenants
      ? '--tenant picks tenants of the config file: drop --domain, --snapshot and --demo'
      : '--tenant picks tenants of the config file, and it lists none (add a tenants: section)',
  );
}
