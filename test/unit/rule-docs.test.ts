import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCapabilityModel } from '../../src/access/load-capability-model.js';
import { renderCapabilityDocs } from '../../src/docs/render-capability-docs.js';
import { renderRuleDocs } from '../../src/docs/render-rule-docs.js';
import { loadConsideredRules } from '../../src/docs/considered-rules.js';
import { loadRuleSet } from '../../src/rules/load-rule-set.js';

const root = join(import.meta.dirname, '../..');
const rules = loadRuleSet();

describe('rules, tests and docs stay in step', () => {
  it('every catalog id has a rule file (test/fixtures/catalog-ids.txt is the catalog v1 list)', () => {
    const catalog = readFileSync(join(root, 'test/fixtures/catalog-ids.txt'), 'utf8').split('\n').filter(Boolean);
    const ids = new Set(rules.map((r) => r.file.id));
    expect(catalog.filter((id) => !ids.has(id))).toEqual([]);
  });

  it('catalog/considered.yaml names no shipped rule (a rule is either built or considered)', () => {
    const ids = new Set(rules.map((r) => r.file.id));
    expect(loadConsideredRules().filter((c) => ids.has(c.id)).map((c) => c.id)).toEqual([]);
  });

  it('rules live under rules/<area>/<id>.yaml', () => {
    for (const r of rules) expect(r.path.replace(/\\/g, '/')).toMatch(new RegExp(`/rules/[a-z-]+/${r.file.id}\\.yaml$`));
  });

  it('docs/rules.md and docs/rules/*.md are generated from the current rules (run `npm run docs`)', () => {
    const expected = renderRuleDocs(rules.map((r) => r.file), loadConsideredRules());
    const stale = [...expected].filter(([path, content]) => !existsSync(join(root, path)) || readFileSync(join(root, path), 'utf8') !== content).map(([p]) => p);
    expect(stale).toEqual([]);
    const pages = readdirSync(join(root, 'docs/rules')).filter((f) => f.endsWith('.md'));
    expect(pages.filter((f) => !expected.has(`docs/rules/${f}`))).toEqual([]);
  });
});

describe('docs/capabilities.md', () => {
  it('is generated from access/capabilities.yaml (run `npm run docs`)', () => {
    expect(readFileSync(join(root, 'docs/capabilities.md'), 'utf8')).toBe(renderCapabilityDocs(loadCapabilityModel()));
  });
});

describe('schemas/rule.schema.json', () => {
  it('is generated from the zod schema the loader uses (run `node dist/scripts/write-rule-schema.js`)', async () => {
    const { ruleJsonSchema } = await import('../../src/rules/rule-json-schema.js');
    const committed: unknown = JSON.parse(readFileSync(join(root, 'schemas/rule.schema.json'), 'utf8'));
    expect(committed).toEqual(JSON.parse(JSON.stringify(ruleJsonSchema())));
  });

  it('accepts every built-in rule file (editors will not flag valid rules)', async () => {
    const { Ajv2020 } = await import('ajv/dist/2020.js');
    const { parse } = await import('yaml');
    const ajv = new Ajv2020({ strict: false, validateFormats: false });
    const validate = ajv.compile(JSON.parse(readFileSync(join(root, 'schemas/rule.schema.json'), 'utf8')) as object);
    const invalid = rules.filter((r) => !validate(parse(readFileSync(r.path, 'utf8')))).map((r) => r.file.id);
    expect(invalid).toEqual([]);
    expect(validate({ id: 'x', assert: { path: 'a', bogus: 1 } })).toBe(false);
  });
});
