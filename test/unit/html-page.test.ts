import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { MultiTenantReport } from '../../src/model/report.js';
import { CLIENT_SCRIPT } from '../../src/report/html/client-script.js';
import { PAGE_CSS } from '../../src/report/html/page-css.js';
import { MULTI_TENANT_REPORTERS } from '../../src/report/multi-tenant-reporters.js';
import { REPORTERS } from '../../src/report/reporters.js';
import { aFinding, aReport, aTenantReport, ruleDocs, aRuleDoc } from '../report-builders.js';

const options = { color: false, rules: ruleDocs(aRuleDoc()) };
const sha = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

/** The page's blocks, in order: [tag, attributes, content]. */
function blocks(html: string): [string, string, string][] {
  return [...html.matchAll(/<(script|style)([^>]*)>([\s\S]*?)<\/\1>/g)].map((m) => [m[1] ?? '', m[2] ?? '', m[3] ?? '']);
}

describe('the HTML page', () => {
  const html = REPORTERS.html(aReport({ findings: [aFinding({ resource: { type: 'clients', id: 'x', name: '</script><script>alert(1)</script>' } })] }), options);

  it('allows exactly its own style and script by hash, and nothing else to load', () => {
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1]?.replace(/&#39;/g, "'");
    const [style, data, script] = blocks(html);
    expect(style?.[2]).toBe(PAGE_CSS);
    expect(data?.[1]).toBe(' type="application/json" id="report-data"');
    expect(script?.[2]).toBe(CLIENT_SCRIPT);
    expect(blocks(html)).toHaveLength(3);
    expect(csp).toBe(`default-src 'none'; script-src ${sha(CLIENT_SCRIPT)}; style-src ${sha(PAGE_CSS)}; img-src 'none'; base-uri 'none'; form-action 'none'`);
    // The policy comes before anything it governs.
    expect(html.indexOf('Content-Security-Policy')).toBeLessThan(html.indexOf('<style>'));
  });

  it('refers to nothing outside the file: no src, no stylesheet link, no url(), no @import, no web font', () => {
    const outsideData = html.replace(/<script type="application\/json"[\s\S]*?<\/script>/, '');
    expect(outsideData).not.toMatch(/\ssrc=|<link\b|<iframe|<object|<embed|<img|<base/i);
    expect(PAGE_CSS).not.toMatch(/url\(|@import|@font-face/i);
    expect(CLIENT_SCRIPT).not.toMatch(/innerHTML|outerHTML|insertAdjacentHTML|document\.write|eval\(|new Function|fetch\(|XMLHttpRequest|import\(/);
  });

  it('holds the hostile name only inside the escaped JSON block', () => {
    expect(html.match(/<\/script>/g)).toHaveLength(2);
    expect(html).toContain('\\u003c/script\\u003e\\u003cscript\\u003ealert(1)');
  });

  it('has a script that parses and a stylesheet that cannot end its block early', () => {
    expect(() => new Function(CLIENT_SCRIPT)).not.toThrow();
    expect(CLIENT_SCRIPT).not.toMatch(/<\/script|<!--/i);
    expect(PAGE_CSS).not.toMatch(/<\/style/i);
  });

  it('has a print stylesheet that drops the controls', () => {
    expect(PAGE_CSS).toMatch(/@media print \{[\s\S]*\.filters[\s\S]*display: none/);
  });

  it('renders a multi-tenant document with every tenant and the failed ones', () => {
    const a = aTenantReport('a.eu.auth0.com', [aFinding()]);
    const b = aTenantReport('b.eu.auth0.com', []);
    const doc: MultiTenantReport = {
      schemaVersion: '1.0',
      tool: a.tool,
      startedAt: a.startedAt,
      finishedAt: a.finishedAt,
      summary: a.summary,
      tenants: [a, b],
      failed: [{ tenant: { domain: 'c.eu.auth0.com', name: 'prod<c>' }, code: 'AUTH', message: 'the token was refused' }],
    };
    const page = MULTI_TENANT_REPORTERS.html(doc, options);
    const data = JSON.parse(blocks(page)[1]?.[2] ?? '') as { tenants: { domain: string }[]; failed: { tenant: string }[] };
    expect(data.tenants.map((t) => t.domain)).toEqual(['a.eu.auth0.com', 'b.eu.auth0.com']);
    expect(data.failed).toEqual([{ tenant: 'prod<c> (c.eu.auth0.com)', code: 'AUTH', message: 'the token was refused' }]);
    expect(page).toContain('<title>auth0-scan: 3 tenants</title>');
  });
});
