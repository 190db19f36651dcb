import { findConfigFile } from '../config/find-config-file.js';
import { builtinRulesDir } from '../rules/builtin-rules-dir.js';
import { findRuleFiles } from '../rules/find-rule-files.js';
import { readRuleBundle, type RuleWithKinds } from '../rules/rule-bundle.js';

/**
 * The rules `rules list` and `rules explain` show, with the kinds each reads. People run those by hand, so the
 * common case (built-in rules, no config file, no --rules) reads only the pre-built bundle; the YAML parser, the
 * schemas and the engine are imported when a config file, user rules or edited built-in rules need them. Either
 * way the order is loadRuleSet's: by id.
 */
export async function rulesForListing(extra: readonly string[], configPath: string | undefined, cwd: string): Promise<RuleWithKinds[]> {
  if (extra.length === 0 && findConfigFile(configPath, cwd) === undefined) {
    const dir = builtinRulesDir();
    const bundled = readRuleBundle(dir, findRuleFiles(dir));
    if (bundled) return bundled.sort((a, b) => a.file.id.localeCompare(b.file.id));
  }
  const [{ loadConfig }, { loadRuleSet }, { ruleKinds }] = await Promise.all([
    import('../config/load-config.js'),
    import('../rules/load-rule-set.js'),
    import('../engine/rule-kinds.js'),
  ]);
  const config = loadConfig(configPath, cwd);
  return loadRuleSet({ extra: [...config.rulesDirs, ...extra] }).map((rule) => ({ ...rule, kinds: ruleKinds(rule.file) }));
}
