import type { FrameworkId, RuleControls } from '../compliance/frameworks.js';
import type { MappingsFile } from '../compliance/mapping-schema.js';
import { ruleControls } from '../compliance/rule-controls.js';
import { compileRule } from '../engine/compile-rule.js';
import { PLACEHOLDER_TENANT } from '../engine/rule-kinds.js';
import type { RuleSpec } from '../engine/create-evaluator.js';
import { InputError } from '../errors.js';
import { configLocation, type LoadedConfig } from '../config/load-config.js';
import { atOrAbove, type Severity } from '../model/severity.js';
import type { LoadedRule } from '../rules/load-rule-file.js';
import { didYouMean } from '../util/closest-match.js';
import { globToRegExp } from '../util/glob.js';
import { mergeRuleSettings, type RuleSettings } from '../profiles/resolve-profile.js';

export interface RuleSelection {
  only?: readonly string[];
  skip?: readonly string[];
  minSeverity?: Severity;
  /** --framework: keep only rules mapped to at least one of these frameworks (in `mappings`). */
  frameworks?: readonly FrameworkId[];
  /** The compliance mappings: each selected rule carries its controls (all frameworks, not just the filter's). */
  mappings?: Pick<MappingsFile, 'rules'>;
  /** The `--profile`'s per-rule settings (resolveProfile); the config file's `rules.<id>` win over them. */
  profile?: RuleSettings;
}

export interface SelectedRule extends RuleSpec {
  loaded: LoadedRule;
  /** Present when the selection was given mappings; `{}` for a rule mapped `none` or not mapped. */
  controls?: RuleControls;
}

/**
 * Applies the config's per-rule settings and the command line's --only/--skip/--min-severity/--framework. Every id or pattern
 * must match a rule: a typo must not quietly turn a CI gate into a scan of nothing.
 */
export function selectRules(rules: readonly LoadedRule[], loaded: LoadedConfig, sel: RuleSelection): SelectedRule[] {
  const ids = new Set(rules.map((r) => r.file.id));
  const configured = loaded.config.rules ?? {};
  for (const [id, setting] of Object.entries(configured)) {
    if (!ids.has(id)) throw new InputError('CONFIG', `rules.${id}: no rule has this id${didYouMean(id, ids)}`, configLocation(loaded, ['rules', id]));
    const rule = rules.find((r) => r.file.id === id);
    if (rule && setting.params) {
      const result = compileRule(rule.file, PLACEHOLDER_TENANT, { params: setting.params });
      const issue = result.issues[0];
      if (issue) throw new InputError('CONFIG', `rules.${id}.${issue.path.join('.')}: ${issue.message}`, configLocation(loaded, ['rules', id, ...issue.path]));
    }
  }
  const settings = mergeRuleSettings(sel.profile ?? {}, configured);
  const only = patterns('--only', sel.only, ids);
  const skip = patterns('--skip', sel.skip, ids);
  const minSeverity = sel.minSeverity ?? loaded.config.minSeverity;
  const frameworks = sel.frameworks && sel.frameworks.length > 0 ? sel.frameworks : undefined;
  const out: SelectedRule[] = [];
  for (const rule of rules) {
    const id = rule.file.id;
    const setting = Object.hasOwn(settings, id) ? settings[id] : undefined;
    const severity = setting?.severity ?? rule.file.severity;
    if (only && !only.some((re) => re.test(id))) continue;
    if (skip?.some((re) => re.test(id))) continue;
    // A rule off by default (enabledByDefault: false) runs when a profile or the config enables it, or --only names it.
    if (!(setting?.enabled ?? rule.file.enabledByDefault ?? true) && !only) continue;
    if (minSeverity && !atOrAbove(severity, minSeverity)) continue;
    const controls = sel.mappings && ruleControls(sel.mappings, id);
    if (frameworks && !frameworks.some((f) => (controls?.[f]?.length ?? 0) > 0)) continue;
    out.push({ loaded: rule, file: rule.file, override: { severity: setting?.severity, params: setting?.params }, ...(controls ? { controls } : {}) });
  }
  return out;
}

function patterns(flag: string, list: readonly string[] | undefined, ids: ReadonlySet<string>): RegExp[] | undefined {
  if (!list || list.length === 0) return undefined;
  return list.map((p) => {
    const re = globToRegExp(p);
    if (![...ids].some((id) => re.test(id))) throw new InputError('USAGE', `${flag} ${p}: no rule matches${didYouMean(p, ids)} (see \`auth0-scan rules list\`)`);
    return re;
  });
}
