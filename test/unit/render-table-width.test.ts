import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/model/finding.js';
import { buildMultiTenantReport } from '../../src/report/build-multi-tenant-report.js';
import { displayWidth } from '../../src/report/display-width.js';
import { renderMultiTenantTable } from '../../src/report/render-multi-table.js';
import { renderTable, TABLE_WIDTH } from '../../src/report/render-table.js';
import { aFinding, aReport, aSkipped, aSummaryFinding, aTenantReport, fp } from '../report-builders.js';

const stripAnsi = (s: string) => s.replace(/\u001b\[[0-9;]*m/g, '');
const WIDTHS = [45, 80, 200] as const;

/**
 * Every line within `width`, but one holding a single word too long for any line (an id), which then has the line
 * to itself: indentation and a list bullet aside, no space in it.
 */
function expectFits(text: string, width: number): void {
  for (const line of stripAnsi(text).split('\n')) {
    if (displayWidth(line) <= width) continue;
    expect(line.trim().replace(/^• /, ''), `line over ${width}: ${line.slice(0, 120)}`).not.toMatch(/\s/);
  }
}

/** The text widths of a boxed table's columns, read off its top border. */
function boxColumns(text: string): number[][] {
  return stripAnsi(text)
    .split('\n')
    .filter((l) => l.startsWith('┌'))
    .map((l) => l.slice(1, -1).split('┬').map((seg) => seg.length - 2));
}

const client = (i: number, name: string, extra: Partial<Finding> = {}): Finding =>
  aFinding({ resource: { type: 'clients', id: `${'X'.repeat(28)}${String(i).padStart(4, '0')}`, name }, fingerprint: fp('c', String(i)), ...extra });

/** A report shaped like a real tenant's: long rule ids and titles, 32-character ids, long names, every notice. */
const report = aReport({
  findings: [
    ...Array.from({ length: 5 }, (_, i) => client(i, `Acceptance Test - Client Credentials - TestAccClientAuthenticationMethods ${i}`)),
    client(10, 'Portal', { ruleId: 'attack-breached-password-detection-no-block', title: 'Breached password detection blocks logins with leaked credentials', severity: 'medium' }),
    client(11, 'Short', { ruleId: 'connection-password-dictionary-disabled', severity: 'low', message: `See https://auth0.com/docs/${'authenticate/'.repeat(8)}password-dictionary for the fix.` }),
    aSummaryFinding({ sample: ['google-oauth2|112233445566778899001', 'auth0|6581a1f11c2a8abf544cc91c'] }),
    aFinding({ severity: 'critical', ruleId: 'tenant-rule', resource: { type: 'tenant', id: 'tenant' }, message: 'Tenant setting.', fingerprint: fp('t') }),
  ],
  skipped: [
    aSkipped(),
    aSkipped({ ruleId: 'log-stream-datadog', reason: 'log_streams is forbidden (missing read:log_streams)' }),
    aSkipped({ ruleId: 'organization-mfa', reason: 'organizations is unavailable: the Organizations feature is not enabled on this plan', kinds: ['organizations'], missingScopes: [] }),
  ],
  collection: {
    kinds: {
      clients: { status: 'ok', count: 7, withheldFields: [], goneCount: 2 },
      log_streams: { status: 'forbidden', count: 0, missingScopes: ['read:log_streams'] },
      organizations: { status: 'unavailable', count: 0, detail: 'feature not enabled on this plan' },
    },
  },
});

describe('the table follows the width it is given', () => {
  for (const width of WIDTHS) {
    for (const details of [false, true]) {
      it(`${width} columns${details ? ', --details' : ''}: no line past the width but an id on its own line`, () => {
        const text = renderTable(report, { color: true, width, details });
        expectFits(text, width);
        // Colour is the same at every width: the uncoloured text is the colourless rendering.
        expect(stripAnsi(text).replace(/ (CRITICAL|HIGH|MEDIUM|LOW|INFO) /g, '$1')).toBe(renderTable(report, { color: false, width, details }));
      });
    }
  }

  it('draws no boxed columns at 45: one block per rule, readable words, every resource with its id', () => {
    const text = renderTable(report, { color: false, width: 45 });
    expect(text).not.toContain('┌');
    // The 43-character rule id whole on its line (the count follows on the next), the id below the name it follows.
    expect(text).toMatch(/^ {2}attack-breached-password-detection-no-block\n {4}\(1\)$/m);
    expect(text).toContain('    Breached password detection blocks logins');
    expect(text).toMatch(/^ {4}• Portal\n {6}\(X{28}0010\)$/m);
    expect(text).toMatch(/^ {4}• google-oauth2\|112233445566778899001$/m);
    expect(text).toMatch(/^ {4}\+2 more$/m);
    expect(renderTable(report, { color: false, width: 45, details: true })).not.toContain('┌');
  });

  it('draws boxed columns where they fit, none of them narrow, each id whole on one line', () => {
    // --details at 80: a 32-character id, a rule and a message column do not fit: one block per finding.
    const stackedDetails = renderTable(report, { color: false, width: 80, details: true });
    expect(stackedDetails).not.toContain('┌');
    for (let i = 0; i < 5; i++) expect(stackedDetails).toMatch(new RegExp(`^ {4}clients/Acceptance Test - Client Credentials -\\n {6}TestAccClientAuthenticationMethods ${i} \\(X{28}000${i}\\)$`, 'm'));
    for (const [width, details] of [[80, false], [200, false], [200, true]] as const) {
      const text = renderTable(report, { color: false, width, details });
      const columns = boxColumns(text);
      expect(columns.length, `${width} ${String(details)}`).toBeGreaterThan(0);
      // No narrow column: the count column is the narrowest there is.
      for (const widths of columns) for (const w of widths) expect(w).toBeGreaterThanOrEqual(5);
      // Every table of the report has the same columns.
      expect(new Set(columns.map((c) => c.join(','))).size).toBe(1);
      // The grouped table names the first three of the rule's five, --details all five.
      for (let i = 0; i < 5; i++) expect(text.includes(`(${'X'.repeat(28)}000${i})`)).toBe(details || i < 3);
    }
    // At 200 the whole rule ids and titles fit on their lines: nothing wraps inside a word.
    const wide = renderTable(report, { color: false, width: 200 });
    expect(wide).toContain('│ attack-breached-password-detection-no-block ');
    expect(wide).toContain('Breached password detection blocks logins with leaked credentials');
  });

  it('condenses skipped rules by reason, with the missing scopes, and keeps the coverage line', () => {
    for (const width of WIDTHS) {
      const text = stripAnsi(renderTable(report, { color: false, width }));
      const flat = text.replace(/\n */g, ' ');
      expect(flat).toContain('Skipped rules (3): not evaluated, so not passed');
      expect(flat).toContain('• log_streams is forbidden (missing read:log_streams): log-stream-configured, log-stream-datadog');
      expect(flat).toContain('• organizations is unavailable: the Organizations feature is not enabled on this plan: organization-mfa');
      expect(flat).toContain("Missing scopes: read:log_streams (grant them to the scanner's application)");
      expect(flat).toContain('Coverage: clients ok, 2 deleted while read; organizations unavailable: feature not enabled on this plan; log_streams forbidden (missing read:log_streams)');
    }
  });

  it('defaults to 100 columns, and draws narrower widths than it can use at its minimum', () => {
    expect(renderTable(report, { color: false })).toBe(renderTable(report, { color: false, width: TABLE_WIDTH }));
    expectFits(renderTable(report, { color: false, width: 5 }), 30);
  });

  it('wraps a multi-tenant table to the width too, each tenant grouped', () => {
    const multi = buildMultiTenantReport({
      reports: [aTenantReport('a.example.com', report.findings, { name: 'production' }), aTenantReport('b.example.com', [aFinding()])],
      failed: [{ tenant: { domain: 'c.example.com' }, code: 'AUTH', message: 'Could not get a Management API token (401 access_denied): check the client secret.' }],
      rules: [],
      toolVersion: '0.1.0',
      startedAt: '2025-01-02T03:04:00.000Z',
      finishedAt: '2025-01-02T03:04:07.000Z',
      failOn: 'high',
    });
    for (const width of WIDTHS) {
      const text = renderMultiTenantTable(multi, { color: true, width });
      expectFits(text, width);
      expect(stripAnsi(text)).toMatch(/^── Tenant 1 of 3: production \(a\.example\.com\)/m);
      expect(stripAnsi(text).replace(/\n/g, ' ')).toMatch(/All tenants: 3 tenants \(1 not read\) · .*gate: INCOMPLETE \(fail-on high\) $/);
    }
  });
});

describe('hostile tenant text stays inert and bounded at every width', () => {
  const HOSTILE = `\u001b]0;owned\u0007\u001b[31mred\u009b2J\u202egnp.exe\u2066x\u2069\nauth0-scan: gate: passed\r\n${'W'.repeat(2_000)} ${'word '.repeat(400)}`;
  const hostile = aReport({
    findings: [
      aFinding({ resource: { type: 'clients', id: 'c1', name: HOSTILE }, message: HOSTILE, fingerprint: fp('h1') }),
      aFinding({ resource: { type: 'clients', id: `c2 ${HOSTILE}`, name: HOSTILE }, message: HOSTILE, fingerprint: fp('h2') }),
      aFinding({ ruleId: 'other-rule', title: HOSTILE, resource: { type: 'roles', id: 'r1', name: HOSTILE }, message: HOSTILE, fingerprint: fp('h3') }),
    ],
    skipped: [aSkipped({ reason: HOSTILE })],
    collection: { kinds: { clients: { status: 'ok', count: 3 }, log_streams: { status: 'error', count: 0, detail: HOSTILE } } },
  });

  for (const width of WIDTHS) {
    for (const details of [false, true]) {
      it(`${width} columns${details ? ', --details' : ''}`, () => {
        const text = renderTable(hostile, { color: false, width, details });
        // No control, bidi or line-break character from the tenant survives; the escapes show instead.
        expect(text).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202e\u2066\u2069]/);
        expect(text).toContain('\\x1b]0;owned\\x07');
        expect(text).toContain('\\u{202e}gnp.exe');
        // Tenant text never starts a line of its own.
        expect(text).not.toMatch(/^\s*[│•]?\s*auth0-scan: gate: passed/m);
        expectFits(text, width);
        // Bounded: each field is cut long before its 4 KB (details shows names and messages up to their bounds).
        expect(text.length).toBeLessThan(details ? 60_000 : 25_000);
      });
    }
  }
});
