import { InputError } from '../errors.js';
import { builtinRulesDir } from './builtin-rules-dir.js';
import { findRuleFiles } from './find-rule-files.js';
import { loadRuleFile, type LoadedRule } from './load-rule-file.js';
import { readRuleBundle } from './rule-bundle.js';

export interface RuleSetOptions {
  /** Load the shipped rules (default true). */
  builtin?: boolean;
  /** More rule files or directories (`--rules`). */
  extra?: readonly string[];
}

/** The built-in rules plus the user's; a duplicate id is an error naming both files. */
export function loadRuleSet(options: RuleSetOptions = {}): LoadedRule[] {
  const loaded: LoadedRule[] = [];
  if (options.builtin !== false) loaded.push(...loadBuiltinRules());
  for (const dir of options.extra ?? []) for (const p of findRuleFiles(dir)) loaded.push(loadRuleFile(p, false));
  const byId = new Map<string, LoadedRule>();
  for (const rule of loaded) {
    const prev = byId.get(rule.file.id);
    if (prev) throw new InputError('RULE_FILE', `rule id "${rule.file.id}" is already defined in ${prev.path}`, rule.path);
    byId.set(rule.file.id, rule);
  }
  return [...byId.values()].sort((a, b) => a.file.id.localeCompare(b.file.id));
}

/** The shipped rules: from the build's bundle when it is current, else parsed from rules/*.yaml. */
export function loadBuiltinRules(): LoadedRule[] {
  const dir = builtinRulesDir();
  const paths = findRuleFiles(dir);
  return readRuleBundle(dir, paths) ?? paths.map((p) => loadRuleFile(p, true));
}
