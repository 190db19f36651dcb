import { writeFileSync } from 'node:fs';
import { renderBuiltinAllowList } from '../redact/render-builtin-allow-list.js';
import { loadBuiltinRules } from '../rules/load-rule-set.js';

// Run after changing a built-in rule: the redaction allow-list must keep every path the rules read.
const target = process.argv[2] ?? 'src/redact/builtin-read-paths.ts';
writeFileSync(target, renderBuiltinAllowList(loadBuiltinRules().map((r) => r.file)));
process.stdout.write(`wrote ${target}\n`);
