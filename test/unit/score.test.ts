import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { EvaluatedSnapshot } from '../../src/core/evaluating-sink.js';
import { scanSnapshotFile } from '../../src/core/scan-snapshot-file.js';
import { createEvaluator } from '../../src/engine/create-evaluator.js';
import type { KindCoverage } from '../../src/model/coverage.js';
import type { Evaluation, Finding, SkippedRule } from '../../src/model/finding.js';
import type { KindName } from '../../src/model/kinds.js';
import { SCORE_AREAS, type PostureScore, type ScoreArea } from '../../src/model/posture-score.js';
import type { MultiTenantReport, ScanReport } from '../../src/model/report.js';
import { buildMultiTenantReport } from '../../src/report/build-multi-tenant-report.js';
import { buildReport } from '../../src/report/build-report.js';
import { loadRuleSet } from '../../src/rules/load-rule-set.js';
import { computePostureScore, type PostureScoreInput, type ScoredRule } from '../../src/score/compute-posture-score.js';
import { lowestPostureScore } from '../../src/score/lowest-posture-score.js';
import { scoredRule } from '../../src/score/scored-rule.js';
import { SCORE_WEIGHTS } from '../../src/score/score-weights.js';
import { client, ruleFile } from '../builders.js';
import { aCollection, aFinding, anEvaluation, DOMAIN } from '../report-builders.js';

type Coverage = Partial<Record<KindName, KindCoverage>>;

const rule = (id: string, severity: ScoredRule['severity'], category: string): ScoredRule => ({ id, severity, category });
const finding = (r: ScoredRule, overrides: Partial<Finding> = {}): Finding =>
  aFinding({ ruleId: r.id, severity: r.severity, category: r.category, resource: { type: 'clients', id: `${r.id}-1` }, ...overrides });
const skip = (r: ScoredRule, kinds: KindName[]): SkippedRule => ({ ruleId: r.id, reason: 'data missing', kinds });

// Weights 10 + 6 + 3 + 1 = 20 over three areas, plus an info rule that weighs nothing.
const crit = rule('c-crit', 'critical', 'applications');
const high = rule('c-high', 'high', 'applications');
const med = rule('t-med', 'medium', 'tenant');
const low = rule('m-low', 'low', 'monitoring');
const info = rule('t-info', 'info', 'tenant');
const RULES = [crit, high, med, low, info];
const OK: Coverage = { clients: { status: 'ok', count: 3 }, tenant: { status: 'ok', count: 1 }, log_streams: { status: 'ok', count: 0 } };

function score(parts: Partial<PostureScoreInput> = {}): PostureScore {
  return computePostureScore({ rules: RULES, findings: [], skipped: [], coverage: OK, ...parts });
}
const area = (s: PostureScore, a: ScoreArea) => s.areas.find((x) => x.area === a);
function scoreOf(report: ScanReport | MultiTenantReport): PostureScore {
  const s = report.summary.score;
  if (!s) throw new Error('the report has no score');
  return s;
}

describe('posture score formula auth0-scan-score/1', () => {
  it('is floor(100 × credited weight ÷ counted weight), with every area in order', () => {
    const s = score({ findings: [finding(high), finding(low)] });
    // Credited: critical 10 + medium 3 = 13 of 20.
    expect(s.value).toBe(65);
    expect(s.formula).toBe('auth0-scan-score/1');
    expect(s.areas.map((a) => a.area)).toEqual([...SCORE_AREAS]);
    expect(score().value).toBe(100);
    expect(score({ findings: [finding(crit), finding(med)] }).value).toBe(35);
    // 13 of 19 = 68.4…: rounded down.
    expect(computePostureScore({ rules: [crit, high, med], findings: [finding(high)], skipped: [], coverage: OK }).value).toBe(68);
  });

  it('gives per-area values and counts over the rules of each category', () => {
    const s = score({ findings: [finding(high)], skipped: [skip(low, ['log_streams'])], coverage: { ...OK, log_streams: { status: 'forbidden', count: 0 } } });
    // applications: 10 of 16; tenant: the medium rule passes, the info rule is not counted; monitoring: no data.
    expect(area(s, 'applications')).toEqual({ area: 'applications', value: 62, rulesCounted: 2, rulesPassed: 1, rulesFailed: 1, rulesSkipped: 0 });
    expect(area(s, 'tenant')).toEqual({ area: 'tenant', value: 100, rulesCounted: 1, rulesPassed: 1, rulesFailed: 0, rulesSkipped: 0 });
    expect(area(s, 'monitoring')).toEqual({ area: 'monitoring', value: 0, rulesCounted: 1, rulesPassed: 0, rulesFailed: 0, rulesSkipped: 1 });
    expect(area(s, 'mfa')).toEqual({ area: 'mfa', value: null, rulesCounted: 0, rulesPassed: 0, rulesFailed: 0, rulesSkipped: 0 });
    expect(s.value).toBe(Math.floor((100 * 13) / 20));
  });

  it('a fix (a finding removed) raises the score; one finding or many fail a rule alike', () => {
    const before = score({ findings: [finding(crit), finding(high), finding(high, { resource: { type: 'clients', id: 'other' } })] });
    const fixedOne = score({ findings: [finding(crit), finding(high)] });
    const fixedRule = score({ findings: [finding(crit)] });
    expect(fixedOne.value).toBe(before.value);
    expect(fixedRule.value).toBeGreaterThan(before.value ?? 0);
    expect(area(fixedRule, 'applications')?.value).toBeGreaterThan(area(before, 'applications')?.value ?? 0);
  });

  it('a rule skipped for missing data counts with no credit: a lost scope or a broken kind never raises the score', () => {
    const base = score({ findings: [finding(high)] });
    const statuses: (KindCoverage['status'] | 'not collected')[] = ['forbidden', 'truncated', 'error', 'not collected'];
    for (const status of statuses) {
      const coverage: Coverage = { ...OK };
      if (status === 'not collected') delete coverage.clients;
      else coverage.clients = { status, count: 0, ...(status === 'forbidden' ? { missingScopes: ['read:clients'] } : {}) };
      // The passing critical rule loses its data: it stays counted and earns nothing.
      const s = score({ findings: [finding(high)], skipped: [skip(crit, ['clients'])], coverage });
      // Credited: medium 3 + low 1 of 20.
      expect(s.value, status).toBe(20);
      expect(s.value ?? 0, status).toBeLessThan(base.value ?? 0);
      expect(area(s, 'applications'), status).toMatchObject({ rulesCounted: 2, rulesSkipped: 1, rulesFailed: 1, value: 0 });
    }
    // A failing rule that loses its data does not gain either.
    expect(score({ findings: [finding(crit)], skipped: [skip(high, ['clients'])], coverage: { ...OK, clients: { status: 'forbidden', count: 0 } } }).value)
      .toBe(score({ findings: [finding(crit), finding(high)] }).value);
  });

  it('a withheld field or a path the snapshot does not keep is missing data too (the kind itself is ok)', () => {
    const withheld: Coverage = { ...OK, clients: { status: 'ok', count: 3, withheldFields: ['options'] } };
    const s = score({ skipped: [skip(crit, ['clients'])], coverage: withheld });
    expect(s.value).toBe(Math.floor((100 * 10) / 20));
  });

  it('a rule whose kind the plan lacks (unavailable) does not count at all', () => {
    const bot = rule('ap-bot', 'high', 'attack-protection');
    const rules = [...RULES, bot];
    const unavailable: Coverage = { ...OK, bot_detection: { status: 'unavailable', count: 0, detail: 'not on this plan' } };
    const s = computePostureScore({ rules, findings: [finding(high)], skipped: [skip(bot, ['bot_detection'])], coverage: unavailable });
    expect(s.value).toBe(score({ findings: [finding(high)] }).value);
    expect(area(s, 'attack-protection')).toMatchObject({ value: null, rulesCounted: 0 });
    // The same rule without its scope counts, with no credit.
    const forbidden = computePostureScore({ rules, findings: [finding(high)], skipped: [skip(bot, ['bot_detection'])], coverage: { ...OK, bot_detection: { status: 'forbidden', count: 0 } } });
    expect(forbidden.value).toBeLessThan(s.value ?? 0);
    expect(area(forbidden, 'attack-protection')).toMatchObject({ value: 0, rulesCounted: 1, rulesSkipped: 1 });
    // Needing a kind the plan lacks decides it, whatever else is missing: the feature cannot be misconfigured.
    const mixed = computePostureScore({ rules, findings: [], skipped: [skip(bot, ['bot_detection', 'clients'])], coverage: { ...unavailable, clients: { status: 'forbidden', count: 0 } } });
    expect(area(mixed, 'attack-protection')?.rulesCounted).toBe(0);
  });

  it('suppressed and baseline-accepted findings still count against the score', () => {
    const suppression = { reason: 'accepted', expires: '2099-01-01', entry: 'ignore.yaml:2' };
    const open = score({ findings: [finding(crit)] });
    expect(score({ findings: [finding(crit, { suppression })] }).value).toBe(open.value);
    expect(score({ findings: [finding(crit, { baselineState: 'unchanged' })] }).value).toBe(open.value);
    expect(open.value).toBeLessThan(100);
  });

  it('ignores info rules: their findings change nothing, and only info rules give no score', () => {
    expect(score({ findings: [finding(info)] }).value).toBe(100);
    expect(area(score({ findings: [finding(info)] }), 'tenant')).toMatchObject({ rulesCounted: 1, rulesFailed: 0 });
    const onlyInfo = computePostureScore({ rules: [info], findings: [finding(info)], skipped: [], coverage: OK });
    expect(onlyInfo.value).toBeNull();
    expect(onlyInfo.areas.every((a) => a.value === null && a.rulesCounted === 0)).toBe(true);
  });

  it('is null with no rule, or with only rules the plan lacks', () => {
    expect(computePostureScore({ rules: [], findings: [], skipped: [], coverage: {} }).value).toBeNull();
    const bot = rule('ap-bot', 'high', 'attack-protection');
    expect(computePostureScore({ rules: [bot], findings: [], skipped: [skip(bot, ['bot_detection'])], coverage: { bot_detection: { status: 'unavailable', count: 0 } } }).value).toBeNull();
  });

  it('weighs a rule outside the ten areas in the total only, and a rule known by its findings alone', () => {
    const custom = rule('acme-naming', 'high', 'acme-conventions');
    const s = computePostureScore({ rules: [crit, custom], findings: [finding(custom)], skipped: [], coverage: OK });
    expect(s.value).toBe(62);
    expect(s.areas.reduce((n, a) => n + a.rulesCounted, 0)).toBe(1);
    expect(computePostureScore({ rules: [crit], findings: [finding(high)], skipped: [], coverage: OK }).value).toBe(62);
  });

  it('refuses a skipped rule it cannot weigh rather than leave it out', () => {
    expect(() => computePostureScore({ rules: [crit], findings: [], skipped: [skip(high, ['clients'])], coverage: {} })).toThrow(/c-high/);
  });

  it('weighs a rule by the severity the config gave it', () => {
    const file = ruleFile({ id: 'x', severity: 'low', category: 'tenant' });
    expect(scoredRule({ file })).toEqual({ id: 'x', severity: 'low', category: 'tenant' });
    expect(scoredRule({ file, override: { severity: 'critical' } })).toEqual({ id: 'x', severity: 'critical', category: 'tenant' });
  });
});

describe('the score in buildReport, from the evaluator', () => {
  const rules = [
    { file: ruleFile({ id: 'spa-no-implicit', severity: 'high', category: 'applications', assert: { path: 'grant_types', not_contains: 'implicit' } }) },
    { file: ruleFile({ id: 'spa-named', severity: 'medium', category: 'applications', assert: { path: 'name', exists: true } }) },
  ];
  const report = (clients: Record<string, unknown>[], coverage: Coverage, notJudged?: Evaluation['notJudged']) => {
    const evaluation = createEvaluator({ tenant: { domain: DOMAIN }, now: '2026-01-01T00:00:00Z', resources: { clients }, rules }).finish(coverage);
    return buildReport({
      evaluation: notJudged ? { ...evaluation, notJudged } : evaluation,
      rules: rules.map(scoredRule),
      collection: aCollection({ kinds: coverage }),
      toolVersion: 't',
      startedAt: '2026-01-01T00:00:00.000Z',
      finishedAt: '2026-01-01T00:00:01.000Z',
      failOn: 'high',
    });
  };
  const ok = (n: number): Coverage => ({ clients: { status: 'ok', count: n } });
  const bad = client({ client_id: 'bad', grant_types: ['implicit'] });

  it('rises when the failing resource is fixed, and falls when the kind becomes forbidden', () => {
    const failing = report([client(), bad], ok(2));
    const fixed = report([client(), client({ client_id: 'bad' })], ok(2));
    const forbidden = report([], { clients: { status: 'forbidden', count: 0, missingScopes: ['read:clients'] } });
    expect(failing.summary.score?.value).toBe(33);
    expect(fixed.summary.score?.value).toBe(100);
    expect(forbidden.summary.score?.value).toBe(0);
    expect(forbidden.skipped.map((s) => s.ruleId)).toEqual(['spa-named', 'spa-no-implicit']);
  });

  it('resources not judged change nothing', () => {
    const notJudged = [{ ruleId: 'spa-named', count: 1, resources: [{ type: 'clients' as const, id: 'odd', reason: 'name is a number' }] }];
    expect(report([client()], ok(1), notJudged).summary.score).toEqual(report([client()], ok(1)).summary.score);
  });
});

describe('the score over the built-in catalog and the demo tenant', () => {
  const loaded = loadRuleSet();
  const rules = loaded.map((r) => scoredRule({ file: r.file }));
  let scanned: EvaluatedSnapshot;
  let coverage: Coverage;
  let base: PostureScore;
  let failing: string[];
  beforeAll(async () => {
    scanned = await scanSnapshotFile(join(import.meta.dirname, '../../examples/demo-snapshot.ndjson'), loaded.map((r) => ({ file: r.file })));
    coverage = scanned.coverage;
    base = computePostureScore({ rules, findings: scanned.evaluation.findings, skipped: [], coverage });
    failing = [...new Set(scanned.evaluation.findings.map((f) => f.ruleId))];
  });

  it('has a value strictly between 0 and 100 and every area scored', () => {
    expect(scanned.evaluation.skipped).toEqual([]);
    expect(base.value).toBeGreaterThan(0);
    expect(base.value).toBeLessThan(100);
    for (const a of base.areas) expect(a.value, a.area).not.toBeNull();
    expect(base.areas.reduce((n, a) => n + a.rulesCounted, 0)).toBe(rules.filter((r) => r.severity !== 'info').length);
  });

  it('no rule losing its data raises the score or its area; a passing one lowers it', () => {
    const totalWeight = rules.reduce((n, r) => n + SCORE_WEIGHTS[r.severity], 0);
    expect(100 * SCORE_WEIGHTS.critical).toBeGreaterThanOrEqual(totalWeight);
    for (const r of rules) {
      const kind = loaded.find((l) => l.file.id === r.id)?.file.resource ?? 'clients';
      const s = computePostureScore({
        rules,
        findings: scanned.evaluation.findings.filter((f) => f.ruleId !== r.id),
        skipped: [skip(r, [kind])],
        coverage: { ...coverage, [kind]: { status: 'forbidden', count: 0 } },
      });
      expect(s.value ?? 0, r.id).toBeLessThanOrEqual(base.value ?? 0);
      for (const a of s.areas) expect(a.value ?? 0, `${r.id} ${a.area}`).toBeLessThanOrEqual(area(base, a.area)?.value ?? 0);
      // Rounded down, one light rule may not move the value: its area's counts show it lost its credit.
      const home = SCORE_AREAS.find((x) => x === r.category);
      if (r.severity !== 'info' && home) {
        const [was, now] = [area(base, home), area(s, home)];
        expect(now?.rulesSkipped, r.id).toBe(1);
        expect(now?.rulesCounted, r.id).toBe(was?.rulesCounted);
        expect((now?.rulesPassed ?? 0) + (now?.rulesFailed ?? 0), r.id).toBe((was?.rulesCounted ?? 0) - 1);
      }
      // A loss of at least one point of 100 always shows through the rounding.
      if (100 * SCORE_WEIGHTS[r.severity] >= totalWeight && !failing.includes(r.id)) expect(s.value ?? 0, r.id).toBeLessThan(base.value ?? 0);
    }
  });

  it('fixing every finding of any rule raises the score (or keeps it, for info rules)', () => {
    for (const id of failing) {
      const s = computePostureScore({ rules, findings: scanned.evaluation.findings.filter((f) => f.ruleId !== id), skipped: [], coverage });
      const severity = rules.find((r) => r.id === id)?.severity;
      const weight = severity === undefined ? 0 : SCORE_WEIGHTS[severity];
      const totalWeight = rules.reduce((n, r) => n + SCORE_WEIGHTS[r.severity], 0);
      if (severity === 'info') expect(s.value, id).toBe(base.value);
      // A rule worth less than one point of 100 may not show through the rounding down, but never lowers the score.
      else if (100 * weight < totalWeight) expect(s.value ?? 0, id).toBeGreaterThanOrEqual(base.value ?? 0);
      else expect(s.value ?? 0, id).toBeGreaterThan(base.value ?? 0);
    }
  });
});

describe('multi-tenant score', () => {
  const tenantReport = (domain: string, findings: Finding[], skipped: SkippedRule[] = [], coverage: Coverage = OK): ScanReport =>
    buildReport({
      evaluation: anEvaluation({ tenant: { domain }, findings, skipped }),
      rules: RULES,
      collection: aCollection({ kinds: coverage }),
      toolVersion: 't',
      startedAt: '2026-01-01T00:00:00.000Z',
      finishedAt: '2026-01-01T00:00:01.000Z',
      failOn: 'high',
    });
  // a: 11 of 20 (applications 62, tenant 0); b: 4 of 20 (applications 0, tenant 100).
  const a = tenantReport('a.example.com', [finding(high), finding(med)]);
  const b = tenantReport('b.example.com', [finding(crit), finding(high)]);
  const multi = (reports: ScanReport[], failed: { tenant: { domain: string }; code: string; message: string }[] = []) =>
    buildMultiTenantReport({ reports, failed, rules: RULES, toolVersion: 't', startedAt: '2026-01-01T00:00:00.000Z', finishedAt: '2026-01-01T00:00:02.000Z', failOn: 'high' });

  it('each tenant has its own score; the document has the lowest, and per area the lowest tenant\'s area', () => {
    expect(scoreOf(a).value).toBe(55);
    expect(scoreOf(b).value).toBe(20);
    const s = scoreOf(multi([a, b]));
    expect(s.value).toBe(20);
    expect(area(s, 'applications')).toEqual({ area: 'applications', value: 0, rulesCounted: 2, rulesPassed: 0, rulesFailed: 2, rulesSkipped: 0 });
    expect(area(s, 'tenant')).toEqual(area(scoreOf(a), 'tenant'));
    expect(area(s, 'tenant')?.value).toBe(0);
    expect(area(s, 'monitoring')?.value).toBe(100);
    expect(scoreOf(multi([b, a]))).toEqual(s);
    expect(multi([a, b]).tenants.map((t) => scoreOf(t).value)).toEqual([55, 20]);
  });

  it('a tenant that could not be read scores 0: a broken collection never raises the document score', () => {
    const s = scoreOf(multi([a], [{ tenant: { domain: 'c.example.com' }, code: 'AUTH', message: 'refused' }]));
    expect(s.value).toBe(0);
    expect(area(s, 'applications')).toMatchObject({ value: 0, rulesSkipped: 2 });
    expect(area(s, 'mfa')?.value).toBeNull();
  });

  it('leaves out tenants and areas without a value, and is null with none', () => {
    const empty = buildReport({ evaluation: anEvaluation({ findings: [] }), rules: [], collection: aCollection(), toolVersion: 't', startedAt: 'x', finishedAt: 'y', failOn: 'high' });
    expect(scoreOf(empty).value).toBeNull();
    expect(scoreOf(multi([empty, a])).value).toBe(55);
    expect(lowestPostureScore([]).value).toBeNull();
    expect(lowestPostureScore([]).areas.map((x) => x.value)).toEqual(SCORE_AREAS.map(() => null));
    expect(scoreOf(multi([])).value).toBeNull();
  });
});
