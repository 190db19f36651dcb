import { describe, expect, it } from 'vitest';
import { renderTable, summaryLine, TABLE_WIDTH } from '../../src/report/render-table.js';
import { displayWidth } from '../../src/report/display-width.js';
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

/** The table's last paragraph (the summary, wrapped at its ` · ` parts) as one line. */
const lastParagraph = (text: string) => (text.trimEnd().split('\n\n').at(-1) ?? '').split('\n').join(' ');

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
  // The per-finding table (--details): what the default table was before it grouped findings by rule.
  const details = renderTable(report, { color: false, details: true });

  it('prints no ANSI escapes without colour, and some with colour, in both layouts', () => {
    for (const [text, opts] of [[plain, {}], [details, { details: true }]] as const) {
      expect(text).not.toMatch(ANSI);
      const coloured = renderTable(report, { color: true, ...opts });
      expect(coloured).toMatch(ANSI);
      expect(stripAnsi(coloured).replace(/ CRITICAL | HIGH | MEDIUM | LOW /g, (m) => m.trim())).toBe(text);
    }
  });

  it('groups findings by severity, most severe first, without empty groups, in both layouts', () => {
    for (const text of [plain, details]) {
      const headings = text.split('\n').filter((l) => /^(CRITICAL|HIGH|MEDIUM|LOW|INFO) · /.test(l));
      expect(headings).toEqual(['CRITICAL · 2 findings', 'HIGH · 1 finding', 'MEDIUM · 1 finding', 'LOW · 1 finding']);
      const order = ['crit-rule', 'tenant-rule', 'client-implicit-grant', 'users-without-mfa', 'low-rule'].map((id) => text.indexOf(id));
      expect(order.every((at, i) => at > 0 && (i === 0 || at > (order[i - 1] ?? 0)))).toBe(true);
    }
  });

  it('--details shows resources as type/name (id), type/id, or the kind alone (with the count) for singletons and summaries', () => {
    expect(details).toContain('clients/Storefront (abc123)');
    expect(details).toContain('users/auth0|123');
    expect(details).not.toContain('users/auth0|123 (');
    expect(details).not.toContain('tenant/tenant');
    expect(details).toMatch(/│ users-without-mfa\s+│ users \(1,204\)\s+│ 1,204 users have no MFA/);
    expect(details).toMatch(/│ Rule\s+│ Resource\s+│ Message\s+│/);
  });

  it('the grouped table names each rule once with its count and resources by name and id', () => {
    expect(plain).toMatch(/│ Rule\s+│ Count │ Resources\s+│/);
    expect(plain).toMatch(/│ client-implicit-grant\s+│\s+1 │ auth0\|123\s+│/);
    expect(plain).toMatch(/│ crit-rule\s+│\s+1 │ Storefront \(abc123\)\s+│/);
    // A summary finding counts the resources it stands for, and names its sample.
    expect(plain).toMatch(/│ users-without-mfa\s+│\s+1,204 │ auth0\|0001\s+│\n│ Users are enrolled in MFA\s+│\s+│ auth0\|0002\s+│\n│\s+│\s+│ \+1,202 more\s+│/);
    expect(plain).toMatch(/│ tenant-rule\s+│\s+1 │ tenant\s+│/);
  });

  it('lists skipped rules by reason with missing scopes, and coverage gaps', () => {
    for (const text of [plain, details]) {
      expect(text).toContain('Skipped rules (1)');
      expect(text).toContain('• log_streams is forbidden (missing read:log_streams): log-stream-configured');
      expect(text).toContain('Missing scopes: read:log_streams');
      expect(text).toContain('Coverage: organizations unavailable: feature not enabled on this plan; log_streams forbidden');
      expect(text).not.toContain('clients ok');
    }
  });

  it('ends with the summary line, wrapped at its parts', () => {
    for (const text of [plain, details]) {
      expect(lastParagraph(text)).toBe(summaryLine(report));
      expect(text.endsWith('\n')).toBe(true);
    }
    expect(summaryLine(report)).toMatch(/^Score \d+\/100 · 5 findings \(2 critical, 1 high, 1 medium, 1 low\) · 40 rules evaluated, 1 skipped · gate: INCOMPLETE \(fail-on high\)$/);
  });

  it('says plainly when there are no findings', () => {
    const empty = renderTable(aReport({ findings: [], failOn: 'never' }), { color: false });
    expect(empty).toContain('No findings');
    expect(empty).not.toContain('┌');
    expect(lastParagraph(empty)).toMatch(/^Score (\d+\/100|n\/a) · 0 findings · 40 rules evaluated, 0 skipped · gate: passed \(fail-on never\)$/);
    expect(empty).not.toContain('Skipped rules');
    expect(empty).not.toContain('Coverage:');
  });

  it('never prints evidence, so a secret-looking value stays out of the table', () => {
    expect(report.findings[0]?.evidence).toEqual({ client_secret: SECRET });
    for (const text of [plain, details]) {
      expect(text).not.toContain(SECRET);
      expect(text).not.toContain('sk_live');
    }
    expect(details).toContain('A critical one.');
  });

  it('--details wraps long messages and keeps a long id whole, never cut', () => {
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
      { color: true, details: true },
    );
    const text = stripAnsi(wide);
    for (const line of text.split('\n')) expect(displayWidth(line), line).toBeLessThanOrEqual(TABLE_WIDTH);
    // A 66-character id leaves no room for three readable columns: one block per finding, the id on a line of its own.
    expect(text).not.toContain('┌');
    expect(text.split('\n').map((l) => l.trim())).toContain(`users/${longId}`);
    expect(text.replace(/\n\s*/g, '')).toContain(url);
    expect(text.replace(/\n\s*/g, ' ')).toContain(` and ${'fix the thing '.repeat(12)}now.`);
    expect(wide).not.toContain('…');
    // Shorter ids fit a column: the same findings drawn as a boxed table wrap the URL inside the message column.
    const boxed = stripAnsi(renderTable(aReport({ findings: [aFinding({ message: `Go to ${url} now.` })] }), { color: false, details: true }));
    for (const line of boxed.split('\n')) expect(displayWidth(line), line).toBeLessThanOrEqual(TABLE_WIDTH);
    expect(column(boxed, 3).replace(/\s/g, '')).toContain(url);
    expect(column(boxed, 2).replace(/\s/g, '')).toContain('clients/Storefront(abc123)');
  });

  it('neutralises control characters that come from tenant data, in both layouts', () => {
    const hostileReport = aReport({ findings: [aFinding({ resource: { type: 'clients', id: 'x', name: 'evil\u001b[2J' }, message: 'App \u001b]0;pwn\u0007 \u202eabc' })] });
    const grouped = renderTable(hostileReport, { color: false });
    const hostile = renderTable(hostileReport, { color: false, details: true });
    for (const text of [grouped, hostile]) expect(text).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f\u202e]/);
    expect(grouped).toContain('evil\\x1b[2J (x)');
    expect(hostile).toContain('clients/evil\\x1b[2J (x)');
    expect(hostile).toContain('\\u{202e}abc');
  });
});
