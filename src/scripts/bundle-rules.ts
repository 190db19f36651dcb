import { writeFileSync } from 'node:fs';
import { ruleKinds } from '../engine/rule-kinds.js';
import { builtinRulesDir } from '../rules/builtin-rules-dir.js';
import { findRuleFiles } from '../rules/find-rule-files.js';
import { loadRuleFile } from '../rules/load-rule-file.js';
import { makeRuleBundle, ruleBundlePath } from '../rules/rule-bundle.js';

// Run by `npm run build`: parse and check every built-in rule once, so the CLI starts without parsing YAML.
const dir = builtinRulesDir();
const rules = findRuleFiles(dir).map((p) => loadRuleFile(p, true));
writeFileSync(ruleBundlePath(), JSON.stringify(makeRuleBundle(dir, rules, ruleKinds)));
