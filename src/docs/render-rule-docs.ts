import { ruleKinds } from '../engine/rule-kinds.js';
import { scopesFor } from '../model/kinds.js';
import { SEVERITIES } from '../model/severity.js';
import type { RuleFile } from '../rules/rule-schema.js';
import type { ConsideredRule } from './considered-rules.js';

/**
 * The rule documentation, generated from the rule files: docs/rules.md (one table) and docs/rules/<id>.md (one
 * page per rule). Pure: returns path → content; `npm run docs` writes it and a test fails when it is stale.
 */
export function renderRuleDocs(rules: readonly RuleFile[], considered: readonly ConsideredRule[] = []): Map<string, string> {
  const sorted = [...rules].sort((a, b) => SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity) || (a.id < b.id ? -1 : 1));
  const out = new Map<string, string>();
  const rows = sorted.map((r) => `| [${r.id}](rules/${r.id}.md) | ${r.severity} | ${r.resource} | ${cell(r.title)} | ${scopesFor(ruleKinds(r)).join(', ')} |`);
  out.set(
    'docs/rules.md',
    [
      '# Built-in rules',
      '',
      `auth0-scan ships ${rules.length} rules. Generated from \`rules/\` by \`npm run docs\`; do not edit by hand.`,
      'Severities are defaults; override them (and params) per rule in the config file.',
      '',
      '| id | severity | kind | title | required scopes |',
      '|---|---|---|---|---|',
      ...rows,
      '',
      ...consideredSection(considered),
    ].join('\n'),
  );
  for (const r of sorted) out.set(`docs/rules/${r.id}.md`, rulePage(r));
  return out;
}

function rulePage(r: RuleFile): string {
  const kinds = ruleKinds(r);
  const params = Object.entries(r.params);
  const lines = [
    `# ${r.id}`,
    '',
    `**${r.title}** · severity \`${r.severity}\` · category \`${r.category}\` · version ${r.version}`,
    '',
    `- Checks: \`${r.resource}\`${kinds.length > 1 ? ` (also reads ${kinds.filter((k) => k !== r.resource).map((k) => `\`${k}\``).join(', ')})` : ''}`,
    `- Required scopes: ${scopesFor(kinds).map((s) => `\`${s}\``).join(', ')}`,
    ...(params.length > 0 ? [`- Parameters: ${params.map(([k, v]) => `\`${k}\` = \`${JSON.stringify(v)}\``).join(', ')}`] : []),
    '',
    '## What it finds',
    '',
    r.description.trim(),
    '',
    '## Why it matters',
    '',
    r.rationale.trim(),
    '',
    '## How to fix it',
    '',
    r.remediation.trim(),
    '',
  ];
  if (r.references.length > 0) lines.push('## References', '', ...r.references.map((u) => `- <${u}>`), '');
  lines.push('## Test cases', '', ...r.tests.map((t) => `- ${t.expect}: ${t.name}`), '');
  return lines.join('\n');
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

/** Candidate checks of the catalogs that were not shipped, with the reason (catalog/considered.yaml). */
function consideredSection(considered: readonly ConsideredRule[]): string[] {
  if (considered.length === 0) return [];
  return [
    '## Considered, not shipped',
    '',
    'Candidate checks of `rule-catalog-v2.md` that are not rules (yet), and why. From `catalog/considered.yaml`.',
    '',
    '| row | id | why not | needs |',
    '|---|---|---|---|',
    ...considered.map((c) => `| ${cell(c.row)} | \`${c.id}\` | ${cell(c.reason)} | ${cell(c.needs ?? '')} |`),
    '',
  ];
}
