import { readFileSync } from 'node:fs';
// The named export: under NodeNext the default import of this CommonJS module is not constructable for tsc.
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { ruleDoc } from '../../src/engine/compile-rule.js';
import { buildSarif } from '../../src/report/render-sarif.js';
import { loadBuiltinRules } from '../../src/rules/load-rule-set.js';
import { rulePrecision } from '../../src/rules/rule-precision.js';
import { aReport } from '../report-builders.js';

const sarifSchema = JSON.parse(readFileSync(new URL('../fixtures/sarif-2.1.0.json', import.meta.url), 'utf8'));
const validate = new Ajv2020({ strict: false, allErrors: true, validateFormats: false }).compile(sarifSchema);

describe('SARIF precision per rule', () => {
  const builtin = loadBuiltinRules();

  it('is medium exactly for the rules that match code against a shared secret detector', () => {
    const medium = builtin.filter((r) => rulePrecision(r.file) === 'medium').map((r) => r.file.id).sort();
    expect(medium).toEqual(['action-hardcoded-secret', 'connection-custom-script-secret']);
  });

  it('a rule with its own regex over settings stays high', () => {
    const mfa = builtin.find((r) => r.file.id === 'mfa-policy-never');
    expect(mfa && rulePrecision(mfa.file)).toBe('high');
  });

  it('reaches driver.rules, and the log validates against the SARIF 2.1.0 schema', () => {
    const docs = new Map(builtin.map((r) => [r.file.id, ruleDoc(r.file)]));
    const log = buildSarif(aReport({ findings: [] }), { rules: docs });
    const rules = log.runs[0].tool.driver.rules;
    expect(rules.find((r) => r.id === 'action-hardcoded-secret')?.properties.precision).toBe('medium');
    expect(rules.find((r) => r.id === 'client-implicit-grant')?.properties.precision).toBe('high');
    const ok = validate(JSON.parse(JSON.stringify(log)));
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
    // The schema leaves property bags open, so precision's values are pinned here, as GitHub reads them.
    expect(new Set(rules.map((r) => r.properties.precision))).toEqual(new Set(['high', 'medium']));
  });
});
