import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { loadCapabilityModel } from '../access/load-capability-model.js';
import { renderCapabilityDocs } from '../docs/render-capability-docs.js';
import { renderRuleDocs } from '../docs/render-rule-docs.js';
import { loadConsideredRules } from '../docs/considered-rules.js';
import { loadRuleSet } from '../rules/load-rule-set.js';
import { renderProfileDocs } from '../docs/render-profile-docs.js';
import { loadProfiles } from '../profiles/load-profiles.js';

const root = process.argv[2] ?? '.';
const docs = renderRuleDocs(loadRuleSet().map((r) => r.file), loadConsideredRules());
docs.set('docs/capabilities.md', renderCapabilityDocs(loadCapabilityModel()));
docs.set('docs/profiles.md', renderProfileDocs(loadProfiles(), new Map(loadRuleSet().map((r) => [r.file.id, r.file]))));
const pagesDir = join(root, 'docs/rules');
mkdirSync(pagesDir, { recursive: true });
for (const f of readdirSync(pagesDir)) if (f.endsWith('.md')) rmSync(join(pagesDir, f));
for (const [path, content] of docs) {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), content);
}
process.stdout.write(`wrote ${docs.size} files\n`);
