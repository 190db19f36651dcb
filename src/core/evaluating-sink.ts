import { createEvaluator, type Evaluator, type RuleSpec } from '../engine/create-evaluator.js';
import type { Resource } from '../engine/eval-context.js';
import { InputError } from '../errors.js';
import type { KindCoverage } from '../model/coverage.js';
import type { Evaluation, SkippedRule } from '../model/finding.js';
import { compareText } from '../model/compare-findings.js';
import { allowListOfRecord } from '../redact/allow-list-record.js';
import { readsNotHeld } from '../redact/reads-not-held.js';
import { KINDS, type KindName } from '../model/kinds.js';
import type { SnapshotHeader, SnapshotStats } from '../snapshot/snapshot-format.js';
import type { SnapshotSink } from './snapshot-sink.js';
import { ruleKinds } from '../engine/rule-kinds.js';
import type { AccessModel } from '../access/access-types.js';
import type { CapabilityModel } from '../access/capability-model-schema.js';
import { loadCapabilityModel } from '../access/load-capability-model.js';
import { principalsCoverage } from '../access/principals-coverage.js';
import { accessReadsNotHeld } from '../access/access-reads-not-held.js';

export interface EvaluatingSinkOptions {
  /**
   * Build the effective-privilege model even when no rule reads principals (`auth0-scan access`, the HTML
   * report); a model object replaces the shipped access/capabilities.yaml.
   */
  access?: boolean | CapabilityModel;
}

export interface EvaluatedSnapshot {
  header: SnapshotHeader;
  coverage: Partial<Record<KindName, KindCoverage>>;
  stats?: SnapshotStats;
  evaluation: Evaluation;
  counts: Partial<Record<KindName, number>>;
  /** Present when the access model was built. */
  access?: AccessModel;
}

/**
 * A sink that evaluates as data arrives: in-memory kinds are kept, streamed kinds (users) are checked one by one
 * and dropped. The scan time is the snapshot's `collectedAt`, so a saved snapshot scans exactly like the live run.
 */
export class EvaluatingSink implements SnapshotSink {
  private header?: SnapshotHeader;
  private readonly resources: Partial<Record<KindName, Resource[]>> = {};
  private readonly counts: Partial<Record<KindName, number>> = {};
  private evaluator?: Evaluator;
  private result?: EvaluatedSnapshot;
  private runnable: readonly RuleSpec[];
  private readonly notHeld: SkippedRule[] = [];

  /** A rule reading a path the snapshot's header does not record is skipped, never passed on nothing. */
  constructor(
    private readonly rules: readonly RuleSpec[],
    private readonly options: EvaluatingSinkOptions = {},
  ) {
    this.runnable = rules;
  }

  begin(header: SnapshotHeader): void {
    this.header = header;
    const lists = [allowListOfRecord(header.redaction)];
    this.runnable = this.rules.filter((spec) => {
      const missing = readsNotHeld(spec.file, lists);
      if (missing.length === 0) return true;
      const kinds = [...new Set(missing.map((m) => m.split(' ')[0] as KindName))];
      this.notHeld.push({ ruleId: spec.file.id, reason: `the snapshot does not keep ${missing.join(', ')}: collect it again with this rule selected`, kinds });
      return false;
    });
  }

  resource(kind: KindName, data: Record<string, unknown>): void {
    this.counts[kind] = (this.counts[kind] ?? 0) + 1;
    if (KINDS[kind].streamed) {
      this.ensureEvaluator().add(kind, data);
      return;
    }
    if (this.evaluator) throw new InputError('SNAPSHOT', `${kind} resources must come before users in a snapshot`);
    (this.resources[kind] ??= []).push(data);
  }

  end(coverage: Partial<Record<KindName, KindCoverage>>, stats?: SnapshotStats): void {
    const evaluator = this.ensureEvaluator();
    const evaluated = evaluator.finish(coverage);
    const skipped = [...evaluated.skipped, ...this.notHeld].sort((a, b) => compareText(a.ruleId, b.ruleId));
    const evaluation = { ...evaluated, skipped };
    const access = evaluator.accessModel();
    const derived = access || this.readsPrincipals() ? { ...coverage, principals: principalsCoverage(access, coverage) } : coverage;
    this.result = { header: this.requireHeader(), coverage: derived, stats, evaluation, counts: this.counts, ...(access ? { access } : {}) };
  }

  done(): EvaluatedSnapshot {
    if (!this.result) throw new InputError('SNAPSHOT', 'the snapshot ended without an end record');
    return this.result;
  }

  private ensureEvaluator(): Evaluator {
    if (!this.evaluator) {
      const header = this.requireHeader();
      this.evaluator = createEvaluator({
        tenant: header.tenant,
        now: header.collectedAt,
        resources: this.resources,
        rules: this.runnable,
        ...this.accessInput(header),
      });
    }
    return this.evaluator;
  }

  private readsPrincipals(): boolean {
    return this.rules.some((r) => ruleKinds(r.file).includes('principals'));
  }

  private accessInput(header: SnapshotHeader): { access?: { model: CapabilityModel; scannerClientId?: string; notHeld?: readonly string[] } } {
    const wanted = this.options.access ?? false;
    if (wanted === false && !this.readsPrincipals()) return {};
    const model = typeof wanted === 'object' ? wanted : loadCapabilityModel();
    const scanner = header.scanner?.clientId;
    const notHeld = accessReadsNotHeld(allowListOfRecord(header.redaction));
    return { access: { model, ...(scanner === undefined ? {} : { scannerClientId: scanner }), ...(notHeld.length > 0 ? { notHeld } : {}) } };
  }

  private requireHeader(): SnapshotHeader {
    if (!this.header) throw new InputError('SNAPSHOT', 'resources arrived before the snapshot header');
    return this.header;
  }
}
