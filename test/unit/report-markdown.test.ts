import { describe, expect, it } from 'vitest';
import { markdownCode, markdownText } from '../../src/report/markdown-text.js';
import { MARKDOWN_MAX_FINDINGS, renderMarkdown } from '../../src/report/render-markdown.js';
import { aFinding, aReport, aSkipped, aSummaryFinding, manyFindings } from '../report-builders.js';

/** Pipes that GFM treats as cell separators: those not preceded by a backslash escape. */
function cellSeparators(row: string): number {
  let n = 0;
  for (let i = 0; i < row.length; i++) {
    if (row[i] === '\\') i++;
    else if (row[i] === '|') n++;
  }
  return n;
}

const HOSTILE = [
  '<img src=x onerror=alert(1)>',
  '[click](javascript:alert(1))',
  '![x](https://evil.example/x.png)',
  'a | b || c',
  '**bold** _em_ ~~strike~~ `code`',
  'line one\n# Heading\r\n- item',
  'ping @acme/security-team now',
  'see http://evil.example and www.evil.example',
  'math $x^2$ and &lt;b&gt; entity',
  'esc \u001b[31mred\u202eright-to-left',
].join(' ');

describe('markdownText', () => {
  it('escapes every inline construct so the text renders literally', () => {
    const out = markdownText(HOSTILE);
    expect(out).not.toMatch(/(^|[^\\])</);
    expect(out).not.toMatch(/(^|[^\\])\[/);
    expect(out).not.toMatch(/(^|[^\\])[*_~`$&]/);
    expect(out).not.toMatch(/(^|[^\\])\|/);
    expect(out).not.toContain('\n');
    expect(out).not.toContain('\r');
    expect(out).not.toContain('\u001b');
    expect(out).not.toContain('\u202e');
    expect(out).toContain('\\\\x1b');
    expect(out).toContain('http\\://evil.example');
    expect(out).toContain('www\\.evil.example');
    expect(out).toContain('@\u200bacme/security-team');
  });

  it('leaves plain words alone and keeps "@" inside email addresses', () => {
    expect(markdownText('Patient Portal (legacy), v2.1 - ok')).toBe('Patient Portal (legacy), v2.1 - ok');
    expect(markdownText('tom@example.com')).toBe('tom@example.com');
  });

  it('uses a code span only for plain identifiers', () => {
    expect(markdownCode('client-implicit-grant')).toBe('`client-implicit-grant`');
    expect(markdownCode('a`b|c')).toBe('a\\`b\\|c');
  });
});

describe('renderMarkdown', () => {
  const report = aReport({
    findings: [
      aFinding({ severity: 'critical', ruleId: 'crit-rule', message: 'A critical one.' }),
      aFinding({ severity: 'high', resource: { type: 'clients', id: 'c1', name: HOSTILE }, message: `App ${HOSTILE} is bad.` }),
      aSummaryFinding(),
      aFinding({ severity: 'low', ruleId: 'low-rule', message: 'A low one.' }),
    ],
    skipped: [aSkipped()],
  });
  const md = renderMarkdown(report);

  it('starts with the tenant, the gate result and a summary table that matches the report counts', () => {
    expect(md.startsWith('## auth0-scan: acme.eu.auth0.com\n')).toBe(true);
    expect(md).toContain('**Gate: ⚠️ incomplete** (fail-on `high`) · 4 findings · 40 rules evaluated, 1 skipped');
    expect(md).toContain('| Critical | 1 |\n| High | 1 |\n| Medium | 1 |\n| Low | 1 |\n| Info | 0 |\n| **Total** | **4** |');
    const passed = renderMarkdown(aReport({ findings: [aFinding({ severity: 'low' })] }));
    expect(passed).toContain('**Gate: ✅ passed**');
  });

  it('groups findings by severity, most severe first, with rule, resource and message', () => {
    const headings = [...md.matchAll(/^### (.+)$/gm)].map((m) => m[1]);
    expect(headings).toEqual(['Critical (1)', 'High (1)', 'Medium (1)', 'Low (1)', 'Skipped rules (1)']);
    expect(md).toContain('| `crit-rule` | clients/Storefront | A critical one. |');
    expect(md).toContain('| `users-without-mfa` | users | 1,204 | 1,204 users have no MFA factor enrolled. |');
  });

  it('keeps hostile tenant text inside its cell: no markup, no extra cells, no extra lines', () => {
    const row = md.split('\n').find((l) => l.includes('onerror')) ?? '';
    expect(cellSeparators(row)).toBe(4);
    expect(md).not.toMatch(/(^|[^\\])<img/);
    expect(md).not.toMatch(/^# Heading/m);
    expect(md).not.toMatch(/(^|[^\\])\[click\]/);
    // Every row of every table has as many cells as its header.
    const tables = md.split(/\n(?!\|)/).map((b) => b.split('\n').filter((l) => l.startsWith('|'))).filter((t) => t.length > 0);
    expect(tables).toHaveLength(7);
    for (const table of tables) {
      const width = cellSeparators(table[0] ?? '');
      for (const line of table) expect(cellSeparators(line), line).toBe(width);
    }
  });

  it('lists skipped rules with their reason and missing scopes', () => {
    expect(md).toContain('| `log-stream-configured` | log\\_streams is forbidden (missing read\\:log\\_streams) | `read:log_streams` |');
  });

  it('lists neither suppressed findings nor counts them, and marks findings new against a baseline', () => {
    const suppression = { reason: 'accepted', expires: '2099-01-01', entry: 'ignore.yaml:1' };
    const out = renderMarkdown(aReport({ findings: [aFinding({ baselineState: 'new' }), aFinding({ resource: { type: 'clients', id: 'hidden-one' }, suppression })] }));
    expect(out).not.toContain('hidden-one');
    expect(out).toContain('| **Total** | **1** |');
    expect(out).toContain('| `client-implicit-grant` (new) | clients/Storefront |');
    const allSuppressed = renderMarkdown(aReport({ findings: [aFinding({ suppression })] }));
    expect(allSuppressed).toContain('No open findings: every finding is suppressed.');
  });

  it('says so when there is nothing to report', () => {
    const empty = renderMarkdown(aReport({ findings: [] }));
    expect(empty).toContain('No findings: every evaluated rule passed.');
    expect(empty).toContain('| **Total** | **0** |');
    expect(empty).not.toContain('###');
  });

  it('lists at most MARKDOWN_MAX_FINDINGS findings but counts them all', () => {
    const big = renderMarkdown(aReport({ findings: manyFindings(MARKDOWN_MAX_FINDINGS + 50) }));
    const rows = big.split('\n').filter((l) => l.startsWith('| `client-implicit-grant`'));
    expect(rows).toHaveLength(MARKDOWN_MAX_FINDINGS);
    expect(big).toContain(`| **Total** | **${MARKDOWN_MAX_FINDINGS + 50}** |`);
    expect(big).toContain(`Only the ${MARKDOWN_MAX_FINDINGS} most severe of ${MARKDOWN_MAX_FINDINGS + 50} findings are listed`);
  });
});
