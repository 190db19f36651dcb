import { markdownCode, markdownText } from '../report/markdown-text.js';
import type { AccessModel } from './access-types.js';
import { pathLabel, pathsTo, principalTypeWord, riskNotes } from './describe-principal.js';

/** Rows per capability: a job summary is refused above 1 MiB, and 50,000 admins would not be read anyway. */
const ROWS = 50;

/** The access model for a pull request comment or a job summary: takeover first, a table per capability. */
export function renderAccessMarkdown(model: AccessModel): string {
  const out: string[] = [];
  const takeover = model.principals.filter((p) => p.takeover);
  out.push(`## Who can take over ${markdownText(model.tenant.domain)}`, '');
  out.push(`**${takeover.length}** of ${model.principals.length} principals can take over the tenant.`, '');
  for (const cap of model.capabilities) {
    const holders = model.principals.filter((p) => p.capabilities.includes(cap.id));
    if (holders.length === 0 && !cap.takeover) continue;
    out.push(`### ${markdownText(cap.title)} (${holders.length})`, '');
    if (holders.length === 0) {
      out.push('None.', '');
      continue;
    }
    out.push('| Principal | Type | Through | Notes |', '|---|---|---|---|');
    for (const p of holders.slice(0, ROWS)) {
      const name = p.name === undefined ? markdownCode(p.nativeId) : `${markdownText(p.name)} (${markdownCode(p.nativeId)})`;
      const via = pathsTo(p, cap.id).map((x) => markdownText(pathLabel(x))).join('<br>');
      out.push(`| ${name} | ${principalTypeWord(p)} | ${via} | ${riskNotes(p).map((n) => markdownText(n)).join(', ')} |`);
    }
    if (holders.length > ROWS) out.push('', `… and ${holders.length - ROWS} more (see the JSON report).`);
    out.push('');
  }
  if (model.unclassifiedScopes.length > 0) out.push(`Unclassified scopes: ${model.unclassifiedScopes.map((u) => markdownCode(u.scope)).join(', ')}.`, '');
  if (model.gaps.length > 0) {
    out.push('**Incomplete**: these lists are a lower bound.', '');
    for (const g of model.gaps) out.push(`- ${markdownCode(g.kind)} ${markdownText(g.status)}: ${markdownText(g.effect)}`);
    out.push('');
  }
  return `${out.join('\n')}\n`;
}
