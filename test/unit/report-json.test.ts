import { readFileSync } from 'node:fs';
// The named export: under NodeNext the default import of this CommonJS module is not constructable for tsc.
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { COVERAGE_STATUSES } from '../../src/model/coverage.js';
import { KIND_NAMES } from '../../src/model/kinds.js';
import { FAIL_ON_VALUES, SEVERITIES } from '../../src/model/severity.js';
import { renderJson } from '../../src/report/render-json.js';
import { aFinding, aReport, aSkipped, aSummaryFinding } from '../report-builders.js';

const schema = JSON.parse(readFileSync(new URL('../../schemas/report.schema.json', import.meta.url), 'utf8'));
// Strict mode on our own schema catches keyword typos; formats are documentation only (ajv-formats is not installed).
const validate = new Ajv2020({ allErrors: true, validateFormats: false }).compile(schema);

const fullReport = () =>
  aReport({
    findings: [aFinding({ severity: 'critical' }), aFinding({ resource: { type: 'tenant', id: 'tenant' } }), aSummaryFinding()],
    skipped: [aSkipped(), aSkipped({ ruleId: 'org-no-mfa', missingScopes: undefined, kinds: ['organizations'], reason: 'organizations is unavailable' })],
    collection: {
      source: 'snapshot',
      kinds: {
        tenant: { status: 'ok', count: 1 },
        log_streams: { status: 'forbidden', count: 0, missingScopes: ['read:log_streams'] },
        organizations: { status: 'unavailable', count: 0, detail: 'feature not enabled on this plan' },
        users: { status: 'truncated', count: 1000 },
        hooks: { status: 'error', count: 0, detail: 'HTTP 500' },
      },
    },
  });

const DELETE = Symbol('delete');
type Path = (string | number)[];

/** Renders, then changes one value of the parsed document: what a broken producer might emit. */
function broken(path: Path, value: unknown): unknown {
  const doc: unknown = JSON.parse(renderJson(fullReport()));
  let at: unknown = doc;
  for (const key of path.slice(0, -1)) at = (at as Record<string | number, unknown>)[key];
  if (typeof at !== 'object' || at === null) throw new Error(`no object at ${path.join('.')}`);
  const last = path[path.length - 1] ?? '';
  const target = at as Record<string | number, unknown>;
  if (value === DELETE) delete target[last];
  else target[last] = value;
  return doc;
}

describe('renderJson', () => {
  it('prints the report as is, indented by two spaces, with a trailing newline', () => {
    const report = fullReport();
    const out = renderJson(report);
    expect(out.endsWith('}\n')).toBe(true);
    expect(out.split('\n')[1]).toBe('  "schemaVersion": "1.0",');
    expect(JSON.parse(out)).toEqual(report);
  });

  it('validates against schemas/report.schema.json', () => {
    for (const report of [fullReport(), aReport({ findings: [] }), aReport({ failOn: 'never' })]) {
      const ok = validate(JSON.parse(renderJson(report)));
      expect(validate.errors ?? []).toEqual([]);
      expect(ok).toBe(true);
    }
  });

  const cases: [string, Path, unknown][] = [
    ['a missing gate', ['summary', 'gate'], DELETE],
    ['an unknown severity', ['findings', 0, 'severity'], 'severe'],
    ['a bySeverity without info', ['summary', 'bySeverity', 'info'], DELETE],
    ['an extra finding property', ['findings', 0, 'secret'], 'x'],
    ['an unknown resource kind', ['findings', 0, 'resource', 'type'], 'widgets'],
    ['a fingerprint that is not a hash', ['findings', 0, 'fingerprint'], 'abc'],
    ['an unknown coverage status', ['collection', 'kinds', 'tenant', 'status'], 'half'],
    ['an unknown coverage kind', ['collection', 'kinds', 'widgets'], { status: 'ok', count: 1 }],
    ['a count without a sample', ['findings', 2, 'sample'], DELETE],
    ['a wrong schemaVersion', ['schemaVersion'], '2.0'],
    ['a non-ISO timestamp', ['startedAt'], 'yesterday'],
    ['an unknown fail-on', ['summary', 'gate', 'failOn'], 'severe'],
    ['a skipped rule without kinds', ['skipped', 0, 'kinds'], DELETE],
    ['a negative total', ['summary', 'total'], -1],
    ['a missing evidence', ['findings', 0, 'evidence'], DELETE],
  ];
  for (const [name, path, value] of cases) {
    it(`rejects a report with ${name}`, () => {
      expect(validate(broken(path, value))).toBe(false);
    });
  }

  it('keeps its enums in step with the model registries', () => {
    const defs = schema.$defs;
    expect(defs.severity.enum).toEqual([...SEVERITIES]);
    expect(defs.kind.enum).toEqual([...KIND_NAMES]);
    expect(defs.kindCoverage.properties.status.enum).toEqual([...COVERAGE_STATUSES]);
    expect(schema.properties.summary.properties.gate.properties.failOn.enum).toEqual([...FAIL_ON_VALUES]);
  });
});
