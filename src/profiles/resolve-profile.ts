import type { RuleSetting } from '../config/config-schema.js';
import type { ProfileId } from './profile-ids.js';
import type { ProfilesFile } from './profile-schema.js';

export type RuleSettings = Readonly<Record<string, RuleSetting>>;

/**
 * A profile's per-rule settings, with those of the profiles it extends beneath them (nearest wins, params key by
 * key). The schema only allows extending a known profile; a cycle is cut where it closes.
 */
export function resolveProfile(file: ProfilesFile, id: ProfileId): RuleSettings {
  const chain: ProfileId[] = [];
  for (let at: ProfileId | undefined = id; at !== undefined && !chain.includes(at); at = file.profiles[at].extends) chain.unshift(at);
  return chain.reduce<RuleSettings>((acc, p) => mergeRuleSettings(acc, file.profiles[p].rules), {});
}

/** `over` on top of `base`, rule by rule: each of enabled and severity from `over` when it sets it, params key by key. */
export function mergeRuleSettings(base: RuleSettings, over: RuleSettings): RuleSettings {
  const out: Record<string, RuleSetting> = { ...base };
  for (const [id, setting] of Object.entries(over)) out[id] = mergeOne(Object.hasOwn(base, id) ? base[id] : undefined, setting);
  return out;
}

function mergeOne(base: RuleSetting | undefined, over: RuleSetting): RuleSetting {
  const enabled = over.enabled ?? base?.enabled;
  const severity = over.severity ?? base?.severity;
  const params = base?.params === undefined && over.params === undefined ? undefined : { ...base?.params, ...over.params };
  return { ...(enabled === undefined ? {} : { enabled }), ...(severity === undefined ? {} : { severity }), ...(params === undefined ? {} : { params }) };
}
