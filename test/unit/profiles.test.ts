import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compileRule } from '../../src/engine/compile-rule.js';
import { PLACEHOLDER_TENANT } from '../../src/engine/rule-kinds.js';
import { selectRules } from '../../src/core/select-rules.js';
import type { LoadedConfig } from '../../src/config/load-config.js';
import { loadProfiles } from '../../src/profiles/load-profiles.js';
import { PROFILE_IDS } from '../../src/profiles/profile-ids.js';
import { profilesFileSchema } from '../../src/profiles/profile-schema.js';
import { renderProfileTable } from '../../src/docs/render-profile-table.js';
import { renderProfileDocs } from '../../src/docs/render-profile-docs.js';
import { mergeRuleSettings, resolveProfile } from '../../src/profiles/resolve-profile.js';
import { loadRuleSet } from '../../src/rules/load-rule-set.js';
import type { LoadedRule } from '../../src/rules/load-rule-file.js';
import { ruleFile } from '../builders.js';

const shipped = loadProfiles();
const builtin = loadRuleSet({});
const byId = new Map(builtin.map((r) => [r.file.id, r.file]));
const config = (rules: LoadedConfig['config']['rules'] = {}): LoadedConfig => ({ config: { rules } }) as unknown as LoadedConfig;
const loaded = (overrides: Parameters<typeof ruleFile>[0]): LoadedRule => ({ file: ruleFile(overrides) }) as unknown as LoadedRule;

describe('profiles/profiles.yaml', () => {
  it('names only rules and params that exist, with values the rules compile with', () => {
    for (const id of PROFILE_IDS) {
      for (const [ruleId, setting] of Object.entries(resolveProfile(shipped, id))) {
        const rule = byId.get(ruleId);
        expect(rule, `${id}: ${ruleId} is no rule`).toBeDefined();
        if (rule === undefined) continue;
        for (const param of Object.keys(setting.params ?? {})) expect(Object.keys(rule.params), `${id}: ${ruleId}.${param}`).toContain(param);
        expect(compileRule(rule, PLACEHOLDER_TENANT, { params: setting.params ?? {} }).issues).toEqual([]);
      }
    }
  });

  it('baseline is the rule defaults; regulated is strict plus its own', () => {
    expect(resolveProfile(shipped, 'baseline')).toEqual({});
    const strict = resolveProfile(shipped, 'strict');
    const regulated = resolveProfile(shipped, 'regulated');
    for (const id of Object.keys(strict)) expect(regulated).toHaveProperty(id);
    expect(regulated['tenant-session-cookie-persistent']?.params).toEqual({ allowedModes: ['non-persistent'] });
    expect(regulated['tenant-ephemeral-session-long']?.params).toEqual({ maxHours: 12, maxIdleHours: 1 });
  });

  it('enables only rules that are off by default, and turns every such rule on in regulated', () => {
    for (const id of PROFILE_IDS) {
      for (const [ruleId, setting] of Object.entries(resolveProfile(shipped, id))) {
        if (setting.enabled === true) expect(byId.get(ruleId)?.enabledByDefault, `${id}: ${ruleId}`).toBe(false);
      }
    }
    const offByDefault = builtin.filter((r) => r.file.enabledByDefault === false).map((r) => r.file.id);
    expect(offByDefault.sort()).toEqual(['client-dpop-not-required', 'client-par-not-required']);
    for (const ruleId of offByDefault) expect(resolveProfile(shipped, 'regulated')[ruleId]?.enabled, ruleId).toBe(true);
  });

  it('docs/profiles.md is what npm run docs renders from the file', () => {
    expect(readFileSync(new URL('../../docs/profiles.md', import.meta.url), 'utf8')).toBe(renderProfileDocs(shipped, byId));
  });

  it('the table has a row per rule a profile changes, its baseline cell the rule default', () => {
    const table = renderProfileTable(shipped, byId);
    expect(table).toContain('| `tenant-session-lifetime-long` | maxHours 168 | maxHours 72 | maxHours 24 |');
    expect(table.split('\n')).toHaveLength(2 + Object.keys(resolveProfile(shipped, 'regulated')).length);
  });

  it('refuses an unknown profile in extends and an unknown key', () => {
    const base = { version: 1, profiles: { baseline: { description: 'the defaults, as shipped', rules: {} }, strict: { description: 'tighter limits for all', rules: {} } } };
    expect(profilesFileSchema.safeParse({ ...base, profiles: { ...base.profiles, regulated: { description: 'more and more rules', extends: 'lax' } } }).success).toBe(false);
    expect(profilesFileSchema.safeParse({ ...base, profiles: { ...base.profiles, regulated: { description: 'more and more rules', rule: {} } } }).success).toBe(false);
  });
});

describe('resolving a profile with the config file', () => {
  it('the config file wins rule by rule, params key by key', () => {
    const merged = mergeRuleSettings({ a: { params: { x: 1, y: 2 }, severity: 'low' }, b: { enabled: true } }, { a: { params: { y: 3 } }, b: { enabled: false } });
    expect(merged).toEqual({ a: { params: { x: 1, y: 3 }, severity: 'low' }, b: { enabled: false } });
  });

  it('a rule off by default runs only when a profile or the config enables it, or --only names it', () => {
    const rules = [loaded({ id: 'tier-two', enabledByDefault: false }), loaded({ id: 'always' })];
    const ids = (sel: Parameters<typeof selectRules>[2], cfg = config()) => selectRules(rules, cfg, sel).map((r) => r.file.id);
    expect(ids({})).toEqual(['always']);
    expect(ids({ profile: { 'tier-two': { enabled: true } } })).toEqual(['tier-two', 'always']);
    expect(ids({ profile: { 'tier-two': { enabled: true } } }, config({ 'tier-two': { enabled: false } }))).toEqual(['always']);
    expect(ids({}, config({ 'tier-two': { enabled: true } }))).toEqual(['tier-two', 'always']);
    expect(ids({ only: ['tier-two'] })).toEqual(['tier-two']);
  });

  it("a profile's params and severity reach the selected rule, under the config's", () => {
    const rules = [loaded({ id: 'limit', params: { max: 10 } })];
    const [picked] = selectRules(rules, config({ limit: { severity: 'high' } }), { profile: { limit: { params: { max: 5 }, severity: 'low' } } });
    expect(picked?.override).toEqual({ severity: 'high', params: { max: 5 } });
  });
});
