import type { FrameworkId } from '../compliance/frameworks.js';
import { loadMappings } from '../compliance/load-mappings.js';
import { loadConfig, type LoadedConfig } from '../config/load-config.js';
import { selectRules, type SelectedRule } from '../core/select-rules.js';
import { loadRuleSet } from '../rules/load-rule-set.js';
import type { Severity } from '../model/severity.js';

export interface RuleRunOptions {
  rules: string[];
  only?: string[];
  skip?: string[];
  minSeverity?: Severity;
  framework?: FrameworkId[];
  config?: string;
}

/** Config, then built-in + extra rules, then the selection: the same for scan, collect and scopes. */
export function loadRulesForRun(options: RuleRunOptions, cwd: string): { config: LoadedConfig; rules: SelectedRule[]; all: number } {
  const config = loadConfig(options.config, cwd);
  const loaded = loadRuleSet({ extra: [...config.rulesDirs, ...options.rules] });
  const rules = selectRules(loaded, config, {
    only: options.only,
    skip: options.skip,
    minSeverity: options.minSeverity,
    frameworks: options.framework,
    mappings: loadMappings(),
  });
  return { config, rules, all: loaded.length };
}
