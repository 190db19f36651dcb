import { scopesFor, type KindName } from '../model/kinds.js';
import type { RuleFile } from '../rules/rule-schema.js';

/** `kinds` are the rule's resource first, then what it reaches through count and lookup (see ruleKinds). */
export function formatRuleExplanation(file: RuleFile, kinds: readonly KindName[]): string {
  const scopes = scopesFor(kinds);
  const params = Object.entries(file.params);
  const lines = [
    `${file.id} (v${file.version}) · ${file.severity} · ${file.category}`,
    file.title,
    '',
    `Checks:       ${file.resource}${kinds.length > 1 ? ` (also reads ${kinds.filter((k) => k !== file.resource).join(', ')})` : ''}`,
    `Needs scopes: ${scopes.join(', ')}`,
    ...(params.length > 0 ? [`Params:       ${params.map(([k, v]) => `${k}=${JSON.stringify(v)}`).join(', ')}  (override in the config file)`] : []),
    '',
    'What', indent(file.description), '',
    'Why it matters', indent(file.rationale), '',
    'How to fix', indent(file.remediation),
    ...(file.references.length > 0 ? ['', 'References', ...file.references.map((r) => `  ${r}`)] : []),
    '',
  ];
  return `${lines.join('\n')}\n`;
}

function indent(text: string): string {
  return text.trim().split('\n').map((l) => `  ${l}`).join('\n');
}
