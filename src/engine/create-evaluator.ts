import { InputError } from '../errors.js';
import { isEvaluable, type KindCoverage } from '../model/coverage.js';
import type { Evaluation, Finding, NotJudgedRule, SkippedRule } from '../model/finding.js';
import { compareFindings, compareText } from '../model/compare-findings.js';
import { KINDS, resourceId, resourceName, type KindName } from '../model/kinds.js';
import { advisableScopes } from '../model/advisable-scopes.js';
import type { RuleFile } from '../rules/rule-schema.js';
import { formatDocPath } from '../rules/source-document.js';
import { collectEvidence, judgeResource } from './check-resource.js';
import { NotJudgedKeeper } from './not-judged-keeper.js';
import { optionalWithheld } from '../model/optional-withheld.js';
import { compileRule, type CompiledRule, type RuleOverride } from './compile-rule.js';
import type { EvalContext, Resource } from './eval-context.js';
import { fingerprint } from './fingerprint.js';
import { memoryContext } from './memory-context.js';
import { redactEvidence, summariseEvidence } from './summarise-evidence.js';
import type { AllowList } from '../redact/allow-list.js';
import { allowListForRules } from '../redact/allow-list-for-rules.js';
import { filterEvidence, filterSubject } from '../redact/filter-evidence.js';
import { SampleKeeper } from './sample-keeper.js';
import { tenantBindings } from './tenant-bindings.js';
import { createAccessBuilder } from '../access/access-builder.js';
import type { AccessModel } from '../access/access-types.js';
import type { CapabilityModel } from '../access/capability-model-schema.js';
import { principalsCoverage } from '../access/principals-coverage.js';

export interface RuleSpec {
  file: RuleFile;
  override?: RuleOverride;
}

export interface EvaluatorInput {
  tenant: { domain: string };
  /** The scan time (ISO-8601): data, never the clock. */
  now: string;
  /** Every kind except the streamed ones (users), fully in memory. */
  resources: Partial<Record<KindName, readonly Resource[]>>;
  rules: readonly RuleSpec[];
  /**
   * Builds the effective-privilege model (the derived `principals` kind) with this capability model. Without it,
   * rules on principals are skipped as not computed.
   */
  access?: { model: CapabilityModel; scannerClientId?: string; notHeld?: readonly string[] };
}

export interface Evaluator {
  /** Feeds one resource of a streamed kind (users), in any number, in snapshot order. */
  add(kind: KindName, resource: Resource): void;
  /** Coverage is final only once collection or reading has ended; rules whose kinds are not ok are skipped. */
  finish(coverage: Partial<Record<KindName, KindCoverage>>): Evaluation;
  /** The access model, once `finish` has run (when `access` was given). */
  accessModel(): AccessModel | undefined;
}

const SAMPLE_SIZE = 10;

interface SummaryState {
  rule: CompiledRule;
  count: number;
  sample: SampleKeeper;
  notJudged: NotJudgedKeeper;
}

/**
 * The pure middle of the pipeline as a small state machine: the caller feeds streamed resources so a
 * 1,000,000-user snapshot never has to sit in memory, and the evaluator never does I/O itself.
 */
export function createEvaluator(input: EvaluatorInput): Evaluator {
  const domain = input.tenant.domain;
  const now = Date.parse(input.now);
  if (Number.isNaN(now)) throw new InputError('SNAPSHOT', `scan time "${input.now}" is not an ISO-8601 date`);
  const bindings = tenantBindings(domain, input.resources.resource_servers);
  const rules = input.rules.map((spec) => {
    const result = compileRule(spec.file, bindings, spec.override);
    if (!result.rule) {
      const first = result.issues[0];
      throw new InputError('CONFIG', `rule ${spec.file.id}: ${first?.message ?? 'does not compile'}`, formatDocPath(first?.path ?? []));
    }
    return result.rule;
  });
  // The derived kind joins the in-memory kinds when finish has built it, before any rule is evaluated.
  const resources: Partial<Record<KindName, readonly Resource[]>> = { ...input.resources };
  const ctx = memoryContext(resources, now);
  const builder = input.access
    ? createAccessBuilder({
        tenant: input.tenant,
        now: input.now,
        resources: input.resources,
        model: input.access.model,
        ...(input.access.scannerClientId === undefined ? {} : { scannerClientId: input.access.scannerClientId }),
        ...(input.access.notHeld === undefined ? {} : { notHeld: input.access.notHeld }),
      })
    : undefined;
  let access: AccessModel | undefined;
  // Findings pass through the snapshot's filter whatever data the evaluator was given (see makeFinding).
  const allow = allowListForRules(input.rules.map((r) => r.file));
  const streamed = new Map<KindName, SummaryState[]>();
  for (const rule of rules) {
    if (!KINDS[rule.kind].streamed) continue;
    const list = streamed.get(rule.kind) ?? [];
    list.push({ rule, count: 0, sample: new SampleKeeper(SAMPLE_SIZE), notJudged: new NotJudgedKeeper(rule.doc.id, SAMPLE_SIZE) });
    streamed.set(rule.kind, list);
  }

  return {
    add(kind, resource) {
      if (kind === 'users') builder?.addUser(resource);
      for (const state of streamed.get(kind) ?? []) {
        const j = judgeResource(state.rule, resource, ctx);
        if (j.outcome === 'not_judged') state.notJudged.offer(notJudgedEntry(kind, resource, j.reason));
        if (j.outcome !== 'fail') continue;
        state.count++;
        state.sample.offer(resourceId(kind, resource));
      }
    },
    finish(given) {
      let coverage = given;
      if (builder) {
        access = builder.finish(given);
        resources.principals = access.principals as unknown as Resource[];
      }
      if (builder || rules.some((r) => r.kinds.includes('principals'))) coverage = { ...given, principals: principalsCoverage(access, given) };
      const findings: Finding[] = [];
      const skipped: SkippedRule[] = [];
      const notJudged: NotJudgedRule[] = [];
      let evaluated = 0;
      for (const rule of rules) {
        const skip = skipReason(rule, coverage);
        if (skip && optionalOnly(skip, coverage)) {
          // An optional scope not granted (read:logs) is a choice, not a gap: the rule is not judged, the run whole.
          notJudged.push({ ruleId: rule.doc.id, count: 1, withheld: true, resources: [{ type: rule.kind, id: rule.kind, reason: skip.reason }] });
          continue;
        }
        if (skip) {
          skipped.push(skip);
          continue;
        }
        evaluated++;
        const keeper = new NotJudgedKeeper(rule.doc.id, SAMPLE_SIZE);
        if (KINDS[rule.kind].streamed) {
          const state = streamed.get(rule.kind)?.find((s) => s.rule === rule);
          if (state && state.count > 0) findings.push(summaryFinding(rule, domain, state.count, state.sample.sorted()));
          const nj = state?.notJudged.result();
          if (nj) notJudged.push(nj);
          continue;
        }
        findings.push(...evaluateInMemory(rule, resources[rule.kind] ?? [], ctx, domain, keeper, allow));
        const nj = keeper.result();
        if (nj) notJudged.push(nj);
      }
      findings.sort(compareFindings);
      skipped.sort((a, b) => compareText(a.ruleId, b.ruleId));
      notJudged.sort((a, b) => compareText(a.ruleId, b.ruleId));
      return { tenant: { domain }, findings, skipped, ...(notJudged.length > 0 ? { notJudged } : {}), rulesEvaluated: evaluated };
    },
    accessModel: () => access,
  };
}

function notJudgedEntry(kind: KindName, resource: Resource, reason = 'unreadable'): { type: KindName; id: string; name?: string; reason: string } {
  const name = resourceName(kind, resource);
  return { type: kind, id: resourceId(kind, resource), ...(name === undefined ? {} : { name }), reason };
}

function evaluateInMemory(rule: CompiledRule, resources: readonly Resource[], ctx: EvalContext, domain: string, notJudged: NotJudgedKeeper, allow: AllowList): Finding[] {
  if (rule.scope === 'collection') {
    const subject = { items: resources, count: resources.length };
    const j = judgeResource(rule, subject, ctx);
    if (j.outcome === 'not_judged') notJudged.offer({ type: rule.kind, id: rule.kind, reason: j.reason ?? 'unreadable' });
    if (j.outcome !== 'fail') return [];
    return [makeFinding(rule, domain, subject, { type: rule.kind, id: rule.kind }, ctx, allow)];
  }
  const failing = resources.filter((r) => {
    const j = judgeResource(rule, r, ctx);
    if (j.outcome === 'not_judged') notJudged.offer(notJudgedEntry(rule.kind, r, j.reason));
    return j.outcome === 'fail';
  });
  if (rule.scope === 'summary') {
    if (failing.length === 0) return [];
    const sample = new SampleKeeper(SAMPLE_SIZE);
    for (const r of failing) sample.offer(resourceId(rule.kind, r));
    return [summaryFinding(rule, domain, failing.length, sample.sorted())];
  }
  return failing.map((r) =>
    makeFinding(rule, domain, r, { type: rule.kind, id: resourceId(rule.kind, r), name: resourceName(rule.kind, r) }, ctx, allow),
  );
}

function makeFinding(
  rule: CompiledRule,
  domain: string,
  subject: unknown,
  resource: Finding['resource'],
  ctx: EvalContext,
  allow: AllowList,
): Finding {
  // Evidence and messages copy resource values into every report format, so they get exactly what a snapshot
  // would keep: a secret the evaluator was handed (a library caller, unredacted data) never reaches a report.
  const collection = rule.scope === 'collection';
  const evidence: Record<string, unknown> = {};
  for (const [path, value] of collectEvidence(rule, subject, ctx)) {
    evidence[path] = rule.sensitive ? redactEvidence(value) : summariseEvidence(filterEvidence(rule.kind, collection, path, value, allow));
  }
  const vars = { subject: filterSubject(rule.kind, collection, subject, allow), id: resource.id, name: resource.name };
  return {
    ...base(rule, domain, resource),
    message: rule.message(vars),
    ...(rule.fix ? { fix: rule.fix(vars) } : {}),
    evidence,
  };
}

function summaryFinding(rule: CompiledRule, domain: string, count: number, sample: string[]): Finding {
  const resource = { type: rule.kind, id: rule.kind };
  const vars = { subject: {}, id: rule.kind, count, sample };
  return {
    ...base(rule, domain, resource),
    message: rule.message(vars),
    ...(rule.fix ? { fix: rule.fix(vars) } : {}),
    evidence: {},
    count,
    sample,
  };
}

function base(rule: CompiledRule, domain: string, resource: Finding['resource']) {
  const d = rule.doc;
  return {
    ruleId: d.id,
    ruleVersion: d.version,
    title: d.title,
    severity: d.severity,
    category: d.category,
    resource: resource.name === undefined ? { type: resource.type, id: resource.id } : resource,
    remediation: d.remediation,
    fingerprint: fingerprint(d.id, domain, resource.type, resource.id),
  };
}

/** Every kind the rule lacks is optional and was withheld (no scope, or not on the plan), not broken. */
function optionalOnly(skip: SkippedRule, coverage: Partial<Record<KindName, KindCoverage>>): boolean {
  return skip.kinds.every((k) => optionalWithheld(k, coverage[k]));
}

function skipReason(rule: CompiledRule, coverage: Partial<Record<KindName, KindCoverage>>): SkippedRule | undefined {
  const notOk = rule.kinds.filter((k) => {
    const c = coverage[k];
    return c === undefined || !isEvaluable(c.status) || withheldRead(rule, k, c).length > 0;
  });
  if (notOk.length === 0) return undefined;
  const reasons = notOk.map((k) => {
    const c = coverage[k];
    if (!c) return `${k} was not collected`;
    const named = advisableScopes(k, c.missingScopes ?? []);
    const scopes = named.length > 0 ? ` (missing ${named.join(', ')})` : '';
    if (isEvaluable(c.status)) return `${k} ${withheldRead(rule, k, c).join(', ')} withheld${scopes}${c.detail ? `: ${c.detail}` : ''}`;
    return `${k} is ${c.status}${scopes}${c.detail ? `: ${c.detail}` : ''}`;
  });
  // A snapshot's coverage is a file anyone could have written: only scopes a read-only scanner needs become advice.
  const missing = [...new Set(notOk.flatMap((k) => advisableScopes(k, coverage[k]?.missingScopes ?? [])))].sort();
  return {
    ruleId: rule.doc.id,
    reason: reasons.join('; '),
    kinds: notOk,
    ...(missing.length > 0 ? { missingScopes: missing } : {}),
  };
}

/** The withheld fields of a kind that this rule reads. */
function withheldRead(rule: CompiledRule, kind: KindName, c: KindCoverage): string[] {
  const read = rule.fields.get(kind);
  return (c.withheldFields ?? []).filter((f) => read === undefined || read.has(f));
}
