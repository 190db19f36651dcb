import { InputError } from '../errors.js';
import { builtinRulesDir } from './builtin-rules-dir.js';
import { findRuleFiles } from './find-rule-files.js';
import { loadRuleFile, type LoadedRule } from './load-rule-file.js';

export interface RuleSetOptions {
  /** Load the shipped rules (default true). */
  builtin?: boolean;
  /** More rule files or directories (`--rules`). */
  extra?: readonly string[];
}

/** The built-in rules plus the user's; a duplicate id is an error naming both files. */
export function loadRuleSet(options: RuleSetOptions = {}): LoadedRule[] {
  const sources: { path: string; builtin: boolean }[] = [];
  if (options.builtin !== false) for (const p of findRuleFiles(builtinRulesDir())) sources.push({ path: p, builtin: true });
  for (const dir of options.extra ?? []) for (const p of findRuleFiles(dir)) sources.push({ path: p, builtin: false });
  const byId = new Map<string, LoadedRule>();
  for (const s of sources) {
    const rule = loadRuleFile(s.path, s.builtin);
    const prev = byId.get(rule.file.id);
    if (prev) throw new InputError('RULE_FILE', `rule id "${rule.file.id}" is already defined in ${prev.path}`, s.path);
    byId.set(rule.file.id, rule);
  }
  return [...byId.values()].sort((a, b) => a.file.id.localeCompare(b.file.id));
}
