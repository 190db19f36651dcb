import { describe, expect, it } from 'vitest';
import { CONTROL_ID_PATTERNS, FRAMEWORK_IDS } from '../../src/compliance/frameworks.js';
import { loadMappings, parseMappings } from '../../src/compliance/load-mappings.js';
import { controlTags, ruleControls, ruleFrameworks } from '../../src/compliance/rule-controls.js';
import type { LoadedConfig } from '../../src/config/load-config.js';
import { selectRules } from '../../src/core/select-rules.js';
import { ruleDoc } from '../../src/engine/compile-rule.js';
import { InputError } from '../../src/errors.js';
import type { RuleDoc } from '../../src/model/report.js';
import { sarifRules } from '../../src/report/sarif-rules.js';
import { loadRuleSet } from '../../src/rules/load-rule-set.js';
import { ruleFile } from '../builders.js';

const mappings = loadMappings();
const ruleIds = loadRuleSet().map((r) => r.file.id);
const noConfig: LoadedConfig = { config: {}, rulesDirs: [] };

describe('compliance/mappings.yaml', () => {
  it('loads, names every framework with a source URL', () => {
    expect(mappings.version).toBe(1);
    expect(Object.keys(mappings.frameworks).sort()).toEqual([...FRAMEWORK_IDS].sort());
    expect(mappings.sources.length).toBeGreaterThanOrEqual(FRAMEWORK_IDS.length);
  });

  it('maps every built-in rule: at least one control, or none with a reason', () => {
    const unmapped = ruleIds.filter((id) => !Object.hasOwn(mappings.rules, id));
    expect(unmapped).toEqual([]);
    const empty = ruleIds.filter((id) => {
      const m = mappings.rules[id];
      return m !== undefined && m.none === undefined && ruleFrameworks(ruleControls(mappings, id)).length === 0;
    });
    expect(empty).toEqual([]);
  });

  it('names no rule that does not exist', () => {
    const known = new Set(ruleIds);
    expect(Object.keys(mappings.rules).filter((id) => !known.has(id))).toEqual([]);
  });

  it('gives every control id its framework shape', () => {
    const bad: string[] = [];
    for (const id of Object.keys(mappings.rules)) {
      const controls = ruleControls(mappings, id);
      for (const f of FRAMEWORK_IDS) for (const c of controls[f] ?? []) if (!CONTROL_ID_PATTERNS[f].test(c)) bad.push(`${id} ${f}:${c}`);
    }
    expect(bad).toEqual([]);
    // The patterns themselves reject the other frameworks' shapes.
    expect(CONTROL_ID_PATTERNS.asvs.test('6.2.1')).toBe(false);
    expect(CONTROL_ID_PATTERNS.attack.test('T1078.4')).toBe(false);
    expect(CONTROL_ID_PATTERNS.cis.test('V6.5')).toBe(false);
  });
});

describe('parseMappings', () => {
  const head = `version: 1
sources: [{ title: s, url: "https://example.com/s" }]
frameworks:
  nist-800-63b: { title: n, url: "https://example.com/n" }
  asvs: { title: a, url: "https://example.com/a" }
  cis: { title: c, url: "https://example.com/c" }
  attack: { title: t, url: "https://example.com/t" }
rules:
`;
  const error = (text: string): InputError => {
    try {
      parseMappings(text, 'm.yaml');
    } catch (err) {
      if (err instanceof InputError) return err;
      throw err;
    }
    throw new Error('no error');
  };

  it('names file:line and the dot-path of a malformed control id', () => {
    const err = error(`${head}  some-rule: { asvs: [6.2.1] }\n`);
    expect(err.code).toBe('CONFIG');
    expect(err.where).toBe('m.yaml:9');
    expect(err.message).toMatch(/^rules\.some-rule\.asvs\[0\]: is not a asvs control id/);
  });

  it('refuses a rule with neither a control nor a reason', () => {
    expect(error(`${head}  some-rule: { cis: [] }\n`).message).toMatch(/names no control/);
    expect(error(`${head}  some-rule: { none: "" }\n`).message).toMatch(/reason/);
    expect(error(`${head}  some-rule: { none: "nothing fits this rule", cis: [] }\n`).message).toMatch(/^rules\.some-rule\.none: goes with no control/);
  });

  it('refuses an unknown framework key', () => {
    expect(error(`${head}  some-rule: { iso: [A.5.1] }\n`).message).toMatch(/unknown key "iso"/);
  });
});

describe('ruleControls', () => {
  const m = { rules: { a: { asvs: ['V6.2.1'], cis: ['5.2'] }, b: { none: 'no control fits this one' } } };
  it('returns the controls, optionally of some frameworks only', () => {
    expect(ruleControls(m, 'a')).toEqual({ asvs: ['V6.2.1'], cis: ['5.2'] });
    expect(ruleControls(m, 'a', ['cis'])).toEqual({ cis: ['5.2'] });
    expect(ruleControls(m, 'b')).toEqual({});
    expect(ruleControls(m, 'toString')).toEqual({});
    expect(controlTags({ attack: ['T1110.004'], asvs: ['V6.2.1'] })).toEqual(['asvs:V6.2.1', 'attack:T1110.004']);
  });
});

describe('selectRules --framework', () => {
  const rules = [
    { file: ruleFile({ id: 'mapped-asvs' }), path: 'a', builtin: true },
    { file: ruleFile({ id: 'mapped-attack' }), path: 'b', builtin: true },
    { file: ruleFile({ id: 'mapped-none' }), path: 'c', builtin: true },
  ];
  const m = { rules: { 'mapped-asvs': { asvs: ['V10.4.4'] }, 'mapped-attack': { attack: ['T1528'] }, 'mapped-none': { none: 'nothing fits this rule' } } };
  const ids = (frameworks?: ('asvs' | 'attack' | 'cis')[]) => selectRules(rules, noConfig, { frameworks, mappings: m }).map((r) => r.file.id);

  it('keeps only rules mapped to one of the frameworks', () => {
    expect(ids(['asvs'])).toEqual(['mapped-asvs']);
    expect(ids(['asvs', 'attack'])).toEqual(['mapped-asvs', 'mapped-attack']);
    expect(ids(['cis'])).toEqual([]);
    expect(ids()).toEqual(['mapped-asvs', 'mapped-attack', 'mapped-none']);
  });

  it('carries every framework of a selected rule', () => {
    const [rule] = selectRules(rules, noConfig, { only: ['mapped-asvs'], frameworks: ['asvs'], mappings: m });
    expect(rule?.controls).toEqual({ asvs: ['V10.4.4'] });
  });

  it('filters the built-in rules by the shipped file', () => {
    const selected = selectRules(loadRuleSet(), noConfig, { frameworks: ['nist-800-63b'], mappings });
    expect(selected.length).toBeGreaterThan(0);
    expect(selected.length).toBeLessThan(ruleIds.length);
    expect(selected.every((r) => (r.controls?.['nist-800-63b']?.length ?? 0) > 0)).toBe(true);
  });
});

describe('SARIF rule tags', () => {
  it('adds one framework:id tag per control and keeps the existing tags', () => {
    const file = ruleFile({ id: 'client-implicit-grant', category: 'clients' });
    const docs = new Map<string, RuleDoc>([[file.id, ruleDoc(file, undefined, ruleControls(mappings, file.id))]]);
    const [rule] = sarifRules(docs, []);
    expect(rule?.properties.tags).toEqual(['security', 'clients', ...controlTags(ruleControls(mappings, 'client-implicit-grant'))]);
    expect(rule?.properties.tags).toContain('asvs:V10.4.4');
  });

  it('adds none for a rule without controls', () => {
    const file = ruleFile({ id: 'x', category: 'clients' });
    const [rule] = sarifRules(new Map([[file.id, ruleDoc(file)]]), []);
    expect(rule?.properties.tags).toEqual(['security', 'clients']);
  });
});
