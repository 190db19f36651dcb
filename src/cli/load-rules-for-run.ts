import type { FrameworkId } from '../compliance/frameworks.js';
import { loadMappings } from '../compliance/load-mappings.js';
import { loadConfig, type LoadedConfig } from '../config/load-config.js';
import { selectRules, type SelectedRule } from '../core/select-rules.js';
import { loadRuleSet } from '../rules/load-rule-set.js';
import type { Severity } from '../model/severity.js';
import type { ProfileId } from '../profiles/profile-ids.js';
import { loadProfiles } from '../profiles/load-profiles.js';
import { resolveProfile } from '../profiles/resolve-profile.js';

export interface RuleRunOptions {
  rules: string[];
  only?: string[];
  skip?: string[];
  minSeverity?: Severity;
  framework?: FrameworkId[];
  profile?: ProfileId;
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
    profile: profileSettings(options.profile ?? config.config.profile ?? 'baseline'),
  });
  return { config, rules, all: loaded.length };
}

/** Baseline changes nothing, so a run without a profile reads no profiles file. */
function profileSettings(id: ProfileId): ReturnType<typeof resolveProfile> {
  return id === 'baseline' ? {} : resolveProfile(loadProfiles(), id);
}
