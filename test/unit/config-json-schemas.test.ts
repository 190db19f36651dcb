import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { configJsonSchemas } from '../../src/scripts/config-json-schemas.js';

const root = join(import.meta.dirname, '..', '..');
const committed = (name: string): object => JSON.parse(readFileSync(join(root, 'schemas', `${name}.schema.json`), 'utf8')) as object;
const ajv = new Ajv2020({ strict: false, validateFormats: false });
const validateConfig = ajv.compile(committed('config'));
const validateSuppressions = ajv.compile(committed('suppressions'));

const CONFIG_KEYS = new Set(['$schema', 'domain', 'failOn', 'minSeverity', 'rules_dirs', 'rules', 'suppressions', 'tenants']);

/** Every YAML block in the README and docs/ whose keys are all config keys: the config examples people copy. */
function configExamples(): { where: string; data: unknown }[] {
  const files = ['README.md', 'docs/rule-format.md', 'docs/security.md', 'docs/github-action.md'];
  const out: { where: string; data: unknown }[] = [];
  for (const f of files) {
    const text = readFileSync(join(root, f), 'utf8');
    for (const m of text.matchAll(/```ya?ml\n([\s\S]*?)```/g)) {
      let data: unknown;
      try {
        data = parse(m[1] ?? '');
      } catch {
        continue; // a fragment (`...` elided) rather than a file
      }
      if (data === null || typeof data !== 'object' || Array.isArray(data)) continue;
      if (Object.keys(data).every((k) => CONFIG_KEYS.has(k))) out.push({ where: `${f} at offset ${m.index}`, data });
    }
  }
  return out;
}

describe('schemas/config.schema.json and schemas/suppressions.schema.json', () => {
  it('are generated from the zod schemas the loaders use (run `node dist/scripts/write-config-schemas.js`)', () => {
    const fresh = configJsonSchemas();
    expect(committed('config')).toEqual(JSON.parse(JSON.stringify(fresh.config)));
    expect(committed('suppressions')).toEqual(JSON.parse(JSON.stringify(fresh.suppressions)));
  });

  it('accept every config example in the README and docs; suppression-only examples pass the suppressions schema', () => {
    const examples = configExamples();
    expect(examples.length).toBeGreaterThanOrEqual(3);
    for (const e of examples) {
      expect(validateConfig(e.data), `${e.where}: ${JSON.stringify(validateConfig.errors)}`).toBe(true);
      if (Object.keys(e.data as object).every((k) => k === 'suppressions')) expect(validateSuppressions(e.data), e.where).toBe(true);
    }
    expect(examples.some((e) => Object.keys(e.data as object).join() === 'suppressions')).toBe(true);
  });

  it('reject what the loaders reject: unknown keys, bad enum values, a suppression without expires', () => {
    expect(validateConfig({ failon: 'high' })).toBe(false);
    expect(validateConfig({ failOn: 'severe' })).toBe(false);
    expect(validateConfig({ rules: { x: { enabled: 'yes' } } })).toBe(false);
    expect(validateSuppressions({ suppressions: [{ rule: 'a', resource: 'b', reason: 'c' }] })).toBe(false);
    expect(validateSuppressions({ suppressions: [{ rule: 'a', resource: 'b', reason: 'c', expires: '2026-01-31' }] })).toBe(true);
  });

  it('take enum values in any case, as the loader does, and still only the listed values', () => {
    expect(validateConfig({ failOn: 'High', minSeverity: 'INFO', rules: { 'user-dormant': { severity: 'Medium' } } }), JSON.stringify(validateConfig.errors)).toBe(true);
    expect(validateConfig({ failOn: 'NEVER' })).toBe(true);
    for (const failOn of ['Severe', 'high ', 'highh', 'HIG', 3]) expect(validateConfig({ failOn }), String(failOn)).toBe(false);
    expect(validateConfig({ minSeverity: 'never' })).toBe(false);
    expect(validateConfig({ rules: { x: { severity: 'Never' } } })).toBe(false);
  });
});
