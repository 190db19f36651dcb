import type { RuleSetting } from '../config/config-schema.js';
import { PROFILE_IDS } from '../profiles/profile-ids.js';
import type { ProfilesFile } from '../profiles/profile-schema.js';
import { resolveProfile } from '../profiles/resolve-profile.js';

/** What the table needs of a rule file: its own defaults, which are the baseline profile's values. */
export interface RuleDefaults {
  severity: string;
  params: Readonly<Record<string, unknown>>;
  enabledByDefault?: boolean;
}

/**
 * docs/profiles.md's table: one row per rule a profile changes, one column per profile, each cell the rule's
 * effective values under that profile (the setting, the severity when one changes it, on/off when one does).
 * Pure; throws on a rule id the profiles name and `rules` lacks (the profiles test reports that first).
 */
export function renderProfileTable(file: ProfilesFile, rules: ReadonlyMap<string, RuleDefaults>): string {
  const resolved = PROFILE_IDS.map((id) => resolveProfile(file, id));
  const ids = [...new Set(resolved.flatMap((r) => Object.keys(r)))].sort();
  const rows = ids.map((id) => {
    const rule = rules.get(id);
    if (rule === undefined) throw new Error(`profiles name rule ${id}, which does not exist`);
    const settings = resolved.map((r) => (Object.hasOwn(r, id) ? r[id] : undefined));
    const params = [...new Set(settings.flatMap((s) => Object.keys(s?.params ?? {})))].sort();
    const severity = settings.some((s) => s?.severity !== undefined);
    const enabled = settings.some((s) => s?.enabled !== undefined);
    const cells = settings.map((s) => cell(rule, s, params, severity, enabled));
    return `| \`${id}\` | ${cells.join(' | ')} |`;
  });
  return ['| Rule | baseline | strict | regulated |', '| --- | --- | --- | --- |', ...rows].join('\n');
}

function cell(rule: RuleDefaults, s: RuleSetting | undefined, params: readonly string[], severity: boolean, enabled: boolean): string {
  const parts: string[] = [];
  if (enabled) parts.push((s?.enabled ?? rule.enabledByDefault ?? true) ? 'on' : 'off');
  if (severity) parts.push(`severity ${s?.severity ?? rule.severity}`);
  for (const p of params) {
    const value = s?.params && Object.hasOwn(s.params, p) ? s.params[p] : rule.params[p];
    parts.push(`${p} ${Array.isArray(value) ? value.join(', ') : String(value)}`);
  }
  return parts.join('; ');
}
