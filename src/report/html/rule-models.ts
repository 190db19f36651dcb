import type { Finding } from '../../model/finding.js';
import { SCORE_AREAS } from '../../model/posture-score.js';
import type { RuleDoc, ScanReport } from '../../model/report.js';
import type { Severity } from '../../model/severity.js';
import type { HtmlRule } from './html-model.js';
import { htmlText } from './html-text.js';
import { httpUrl } from './http-url.js';

const AREAS: ReadonlySet<string> = new Set(SCORE_AREAS);

/** A rule's score area: its category when that is an area, else `other` (custom rules may have any category). */
export function ruleArea(category: string): string {
  return AREAS.has(category) ? category : 'other';
}

/**
 * The documentation of every rule the reports mention (found, skipped or not judged), from `docs` when known,
 * else from what a finding says of it (title, severity, category, remediation), marked unknown. Rule files can be
 * the user's own, so their text is neutralised like tenant text and only http(s) references are kept.
 */
export function ruleModels(reports: readonly ScanReport[], docs: ReadonlyMap<string, RuleDoc>): Map<string, HtmlRule> {
  const firstFinding = new Map<string, Finding>();
  const ids = new Set<string>();
  for (const report of reports) {
    for (const f of report.findings) {
      ids.add(f.ruleId);
      if (!firstFinding.has(f.ruleId)) firstFinding.set(f.ruleId, f);
    }
    for (const s of report.skipped) ids.add(s.ruleId);
    for (const n of report.notJudged ?? []) ids.add(n.ruleId);
  }
  // Keyed by the id as the page shows it, which is how findings name their rule there.
  const out = new Map<string, HtmlRule>();
  for (const id of [...ids].sort()) {
    const doc = docs.get(id);
    const shown = htmlText(id, 'id');
    out.set(shown, { id: shown, ...(doc ? fromDoc(doc) : fromFinding(firstFinding.get(id))) });
  }
  return out;
}

function fromDoc(doc: RuleDoc): Omit<HtmlRule, 'id'> {
  return {
    title: htmlText(doc.title),
    severity: doc.severity,
    area: ruleArea(doc.category),
    description: htmlText(doc.description, 'line'),
    rationale: htmlText(doc.rationale, 'line'),
    remediation: htmlText(doc.remediation, 'line'),
    references: doc.references.flatMap((r) => httpUrl(r) ?? []),
    known: true,
  };
}

function fromFinding(f: Finding | undefined): Omit<HtmlRule, 'id'> {
  const severity: Severity = f?.severity ?? 'info';
  return {
    title: f ? htmlText(f.title) : '',
    severity,
    area: ruleArea(f?.category ?? ''),
    description: '',
    rationale: '',
    remediation: f ? htmlText(f.remediation, 'line') : '',
    references: [],
    known: false,
  };
}
