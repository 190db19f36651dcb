import { loadConfig, type LoadedConfig } from '../config/load-config.js';
import { selectRules, type SelectedRule } from '../core/select-rules.js';
import { loadRuleSet } from '../rules/load-rule-set.js';
import type { Severity } from '../model/severity.js';

export interface RuleRunOptions {
  rules: string[];
  only?: string[];
  skip?: string[];
  minSeverity?: Severity;
  config?: string;
}

/** Config, then built-in + extra rules, then the selection: the same for scan, collect and scopes. */
export function loadRulesForRun(options: RuleRunOptions, cwd: string): { config: LoadedConfig; rules: SelectedRule[]; all: number } {
  const config = loadConfig(options.config, cwd);
  const loaded = loadRuleSet({ extra: [...config.rulesDirs, ...options.rules] });
  const rules = selectRules(loaded, config, { only: options.only, skip: options.skip, minSeverity: options.minSeverity });
  return { config, rules, all: loaded.length };
}
