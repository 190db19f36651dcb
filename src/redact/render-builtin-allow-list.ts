import type { RuleFile } from '../rules/rule-schema.js';
import { formatPathSpec } from './path-spec.js';
import { readPathsOfRules } from './read-paths-of-rules.js';

/**
 * The text of src/redact/builtin-read-paths.ts for these rules: the script that writes it and the test that
 * fails when a built-in rule reads a path the file drops both call this, so they cannot disagree.
 */
export function renderBuiltinAllowList(files: readonly RuleFile[]): string {
  const lines = [
    '// Generated from the built-in rules by `node dist/scripts/write-allow-list.js`: do not edit by hand.',
    '// test/hostile/redaction-allow-list.test.ts fails when a rule reads a path this list does not keep.',
    "import type { KindName } from '../model/kinds.js';",
    '',
    '/** Every path a built-in rule reads, per kind: `a.b` keeps the value, `a.b?` only its presence and shape. */',
    'export const BUILTIN_READ_PATHS: Readonly<Partial<Record<KindName, readonly string[]>>> = {',
  ];
  for (const [kind, specs] of readPathsOfRules(files).specs()) {
    lines.push(`  ${kind}: [`);
    for (const spec of specs) lines.push(`    ${JSON.stringify(formatPathSpec(spec)).replace(/"/g, "'")},`);
    lines.push('  ],');
  }
  lines.push('};', '');
  return lines.join('\n');
}
