import { compareFindings } from '../model/compare-findings.js';
import type { ChangedFinding, FindingChangeField, ReportDiff, ReportSide } from './diff-types.js';
import type { ReportForDiff } from './report-for-diff.js';
import type { DiffFinding } from './report-input-schema.js';
import { stableJson } from './stable-json.js';

/**
 * New, fixed and changed findings between two reports, matched by fingerprint (rule + tenant + resource), so a
 * finding whose message or severity moved is "changed", not "fixed" plus "new". A finding only OLD has is "fixed"
 * only if NEW checked again: when its rule was skipped in NEW (data missing) or NEW did not read its tenant, it is
 * "not re-checked" instead. Single- and multi-tenant reports compare alike.
 */
export function diffReports(oldReport: ReportForDiff, newReport: ReportForDiff): ReportDiff {
  const before = byFingerprint(oldReport.findings);
  const added: DiffFinding[] = [];
  const changed: ChangedFinding[] = [];
  let unchanged = 0;
  const seen = new Set<string>();
  for (const f of newReport.findings) {
    if (seen.has(f.fingerprint)) continue;
    seen.add(f.fingerprint);
    const old = before.get(f.fingerprint);
    if (!old) {
      added.push(f);
      continue;
    }
    const fields = changedFields(old, f);
    if (fields.length === 0) unchanged++;
    else changed.push({ fingerprint: f.fingerprint, ruleId: f.ruleId, resource: f.resource, fields, before: facts(old), after: facts(f) });
  }
  const gone = [...before.values()].filter((f) => !seen.has(f.fingerprint));
  const rechecked = (f: DiffFinding): boolean => {
    const skips = newReport.ruleSkips.get((f.tenant ?? '').toLowerCase());
    return skips !== undefined && !skips.has(f.ruleId);
  };
  const fixed = gone.filter(rechecked);
  const notRechecked = gone.filter((f) => !rechecked(f));
  return {
    type: 'report-diff',
    old: side(oldReport),
    new: side(newReport),
    added: added.sort(compareFindings),
    fixed: fixed.sort(compareFindings),
    notRechecked: notRechecked.sort(compareFindings),
    changed: changed.sort((a, b) => compareFindings({ ...a, severity: a.after.severity }, { ...b, severity: b.after.severity })),
    unchanged,
  };
}

function byFingerprint(findings: readonly DiffFinding[]): Map<string, DiffFinding> {
  const map = new Map<string, DiffFinding>();
  // A report never repeats a fingerprint; if a hand-edited one does, the first occurrence wins, as in NEW.
  for (const f of findings) if (!map.has(f.fingerprint)) map.set(f.fingerprint, f);
  return map;
}

function changedFields(a: DiffFinding, b: DiffFinding): FindingChangeField[] {
  const fields: FindingChangeField[] = [];
  if (a.severity !== b.severity) fields.push('severity');
  if (a.message !== b.message) fields.push('message');
  if (stableJson(a.evidence) !== stableJson(b.evidence)) fields.push('evidence');
  if (a.count !== b.count) fields.push('count');
  return fields;
}

function facts(f: DiffFinding): ChangedFinding['before'] {
  return { severity: f.severity, message: f.message, evidence: f.evidence, ...(f.count !== undefined ? { count: f.count } : {}) };
}

function side(r: ReportForDiff): ReportSide {
  return { domain: r.domain, startedAt: r.startedAt, finishedAt: r.finishedAt, total: r.findings.length };
}

