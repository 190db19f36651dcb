import { describe, expect, it } from 'vitest';
import { renderTable, TABLE_WIDTH } from '../../src/report/render-table.js';
import { aFinding, aReport, aSkipped, aSummaryFinding } from '../report-builders.js';

const ANSI = /\u001b\[[0-9;]*m/;
const stripAnsi = (s: string) => s.replace(/\u001b\[[0-9;]*m/g, '');

/** The text of one table column (1-based), read top to bottom across all tables. */
function column(text: string, n: number): string {
  return text
    .split('\n')
    .filter((l) => l.startsWith('│'))
    .map((l) => l.split('│')[n] ?? '')
    .join('');
}

const SECRET = 'sk_live_9f8e7d6c5b4a39281706';

const report = aReport({
  findings: [
    aFinding({ severity: 'low', ruleId: 'low-rule', message: 'A low one.' }),
    aFinding({ severity: 'critical', ruleId: 'crit-rule', message: 'A critical one.', evidence: { client_secret: SECRET } }),
    aSummaryFinding(),
    aFinding({ severity: 'critical', ruleId: 'tenant-rule', resource: { type: 'tenant', id: 'tenant' }, message: 'Tenant setting.' }),
    aFinding({ severity: 'high', resource: { type: 'users', id: 'auth0|123' }, message: 'No name here.' }),
  ],
  skipped: [aSkipped()],
  collection: {
    kinds: {
      clients: { status: 'ok', count: 3 },
      log_streams: { status: 'forbidden', count: 0, missingScopes: ['read:log_streams'] },
      organizations: { status: 'unavailable', count: 0, detail: 'feature not enabled on this plan' },
    },
  },
});

describe('renderTable', () => {
  const plain = renderTable(report, { color: false });

  it('prints no ANSI escapes without colour, and some with colour', () => {
    expect(plain).not.toMatch(ANSI);
    const coloured = renderTable(report, { color: true });
    expect(coloured).toMatch(ANSI);
    expect(stripAnsi(coloured).replace(/ CRITICAL | HIGH | MEDIUM | LOW /g, (m) => m.trim())).toBe(plain);
  });

  it('groups findings by severity, most severe first, without empty groups', () => {
    const headings = plain.split('\n').filter((l) => /^(CRITICAL|HIGH|MEDIUM|LOW|INFO) · /.test(l));
    expect(headings).toEqual(['CRITICAL · 2 findings', 'HIGH · 1 finding', 'MEDIUM · 1 finding', 'LOW · 1 finding']);
    const order = ['crit-rule', 'tenant-rule', 'client-implicit-grant', 'users-without-mfa', 'low-rule'].map((id) => plain.indexOf(id));
    expect(order.every((at, i) => at > 0 && (i === 0 || at > (order[i - 1] ?? 0)))).toBe(true);
  });

  it('shows resources as type/name, type/id, or the kind alone for singletons and summaries', () => {
    expect(plain).toContain('clients/Storefront');
    expect(plain).toContain('users/auth0|123');
    expect(plain).not.toContain('tenant/tenant');
    expect(plain).toMatch(/│ users-without-mfa\s+│ users\s+│ 1,204\s+│ 1,204 users have no MFA/);
    expect(plain).toMatch(/│ Rule\s+│ Resource\s+│ Count\s+│ Message/);
  });

  it('lists skipped rules with reasons and missing scopes, and coverage gaps', () => {
    expect(plain).toContain('Skipped rules (1)');
    expect(plain).toContain('• log-stream-configured: log_streams is forbidden (missing read:log_streams)');
    expect(plain).toContain('Missing scopes: read:log_streams');
    expect(plain).toContain('Coverage: organizations unavailable: feature not enabled on this plan; log_streams forbidden');
    expect(plain).not.toContain('clients ok');
  });

  it('ends with the one-line summary', () => {
    const lines = plain.trimEnd().split('\n');
    expect(lines.at(-1)).toBe('5 findings (2 critical, 1 high, 1 medium, 1 low) · 40 rules evaluated, 1 skipped · gate: INCOMPLETE (fail-on high)');
    expect(plain.endsWith('\n')).toBe(true);
  });

  it('says plainly when there are no findings', () => {
    const empty = renderTable(aReport({ findings: [], failOn: 'never' }), { color: false });
    expect(empty).toContain('No findings');
    expect(empty).not.toContain('┌');
    expect(empty.trimEnd().split('\n').at(-1)).toBe('0 findings · 40 rules evaluated, 0 skipped · gate: passed (fail-on never)');
    expect(empty).not.toContain('Skipped rules');
    expect(empty).not.toContain('Coverage:');
  });

  it('never prints evidence, so a secret-looking value stays out of the table', () => {
    expect(report.findings[0]?.evidence).toEqual({ client_secret: SECRET });
    expect(plain).not.toContain(SECRET);
    expect(plain).not.toContain('sk_live');
    expect(plain).toContain('A critical one.');
  });

  it('wraps long messages and ids within the terminal width without losing text', () => {
    const url = `https://example.com/${'segment/'.repeat(12)}end`;
    const longId = `auth0|${'a1b2c3'.repeat(10)}`;
    const wide = renderTable(
      aReport({
        findings: [
          aFinding({ resource: { type: 'users', id: longId }, message: `Go to ${url} and ${'fix the thing '.repeat(12)}now.` }),
          aSummaryFinding({ message: 'word '.repeat(60).trim() }),
        ],
        skipped: [aSkipped({ reason: 'because '.repeat(30).trim() })],
      }),
      { color: true },
    );
    for (const line of stripAnsi(wide).split('\n').slice(0, -1)) expect([...line].length).toBeLessThanOrEqual(TABLE_WIDTH);
    const text = stripAnsi(wide);
    expect(column(text, 3).replace(/\s/g, '')).toContain(url);
    expect(column(text, 2).replace(/\s/g, '')).toContain(`users/${longId}`);
    expect(wide).not.toContain('…');
  });

  it('neutralises control characters that come from tenant data', () => {
    const hostile = renderTable(
      aReport({ findings: [aFinding({ resource: { type: 'clients', id: 'x', name: 'evil\u001b[2J' }, message: 'App \u001b]0;pwn\u0007 \u202eabc' })] }),
      { color: false },
    );
    expect(hostile).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f\u202e]/);
    expect(hostile).toContain('clients/evil\\x1b[2J');
    expect(hostile).toContain('\\u{202e}abc');
  });
});
