import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import type { HtmlDocument } from '../../src/report/html/html-model.js';
import { fakeTerminal } from '../fake-terminal.js';
import { aFinding, aReport, aTenantReport, fp } from '../report-builders.js';

const dir = mkdtempSync(join(tmpdir(), 'auth0-scan-html-cmd-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function write(name: string, content: unknown): string {
  writeFileSync(join(dir, name), typeof content === 'string' || Buffer.isBuffer(content) ? content : JSON.stringify(content, null, 2));
  return name;
}

async function report(...args: string[]) {
  const term = fakeTerminal(dir);
  const code = await main(['node', 'auth0-scan', 'report', ...args], term);
  return { code, out: term.out, err: term.err };
}

function embedded(html: string): HtmlDocument {
  const json = /<script type="application\/json" id="report-data">([\s\S]*?)<\/script>/.exec(html)?.[1];
  return JSON.parse(json ?? 'null') as HtmlDocument;
}

describe('auth0-scan report', () => {
  it('renders one tenant given several times as its latest report with the trend and the changes', async () => {
    const older = { ...aReport({ findings: [aFinding(), aFinding({ resource: { type: 'clients', id: 'gone' }, fingerprint: fp('gone') })] }), startedAt: '2026-01-01T00:00:00.000Z' };
    const newer = { ...aReport({ findings: [aFinding(), aFinding({ ruleId: 'acme-house-rule', fingerprint: fp('house') })] }), startedAt: '2026-02-01T00:00:00.000Z' };
    const r = await report(write('new.json', newer), write('old.json.gz', gzipSync(JSON.stringify(older))), '-o', 'out.html');
    expect(r.code, r.err).toBe(0);
    expect(r.out).toBe('');
    expect(r.err).toContain('wrote the HTML report to out.html: 1 tenant from 2 reports; trend for acme.eu.auth0.com (2 reports)');
    expect(r.err).toContain('1 rule is not known here, so shown without explanation (custom rules? pass --rules): acme-house-rule');
    const doc = embedded(readFileSync(join(dir, 'out.html'), 'utf8'));
    expect(doc.tenants).toHaveLength(1);
    expect(doc.tenants[0]?.startedAt).toBe('2026-02-01T00:00:00.000Z');
    expect(doc.tenants[0]?.history?.changes).toMatchObject({ addedCount: 1, fixedCount: 1, notRecheckedCount: 0 });
    // Built-in rules come with their documentation; the unknown one is marked.
    expect(doc.rules.find((x) => x.id === 'client-implicit-grant')?.known).toBe(true);
    expect(doc.rules.find((x) => x.id === 'acme-house-rule')?.known).toBe(false);
  });

  it('puts reports of several tenants and multi-tenant documents in one page, to stdout without -o', async () => {
    const a = aTenantReport('a.eu.auth0.com', [aFinding()]);
    const b = aTenantReport('b.eu.auth0.com', []);
    const multi = { schemaVersion: '1.0', tool: a.tool, startedAt: a.startedAt, finishedAt: a.finishedAt, summary: a.summary, tenants: [a], failed: [{ tenant: { domain: 'c.eu.auth0.com' }, code: 'NETWORK', message: 'unreachable' }] };
    const r = await report(write('multi.json', multi), write('b.json', b));
    expect(r.code, r.err).toBe(0);
    const doc = embedded(r.out);
    expect(doc.tenants.map((t) => t.domain)).toEqual(['a.eu.auth0.com', 'b.eu.auth0.com']);
    expect(doc.failed.map((f) => f.tenant)).toEqual(['c.eu.auth0.com']);
  });

  it.each([
    ['not JSON', '{\n  "schemaVersion": "1.0",\n  "tool": }\n}', /^auth0-scan: bad\.json:\d+: not an auth0-scan JSON report: not valid JSON\n$/],
    ['a field of the wrong type', JSON.stringify({ ...aReport(), findings: [{ ...aFinding(), severity: 'urgent' }] }, null, 2), /^auth0-scan: bad\.json:\d+: not a valid auth0-scan JSON report: findings\[0\]\.severity: /],
    ['a missing field', JSON.stringify({ ...aReport(), collection: undefined }), /^auth0-scan: bad\.json:1: not a valid auth0-scan JSON report: collection: /],
    ['a SARIF log', JSON.stringify({ version: '2.1.0', runs: [] }), /SARIF log; `report` reads JSON reports/],
    ['another schema version', JSON.stringify({ ...aReport(), schemaVersion: '2.0' }), /schemaVersion: unsupported report schemaVersion/],
  ])('refuses %s with the file and the field (exit 2)', async (_what, content, message) => {
    const r = await report(write('bad.json', content), '-o', 'never.html');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
    expect(() => readFileSync(join(dir, 'never.html'))).toThrow();
  });

  it('checks -o before reading any report: a missing folder or a non-HTML name is exit 2', async () => {
    const good = write('good.json', aReport());
    const missing = await report(good, '-o', 'no-such-folder/out.html');
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/^auth0-scan: -o no-such-folder\/out\.html: the folder no-such-folder does not exist/);
    const sarif = await report(good, '-o', 'out.sarif');
    expect(sarif.code).toBe(2);
    expect(sarif.err).toBe('auth0-scan: out.sarif: report writes HTML: give the file a .html name (not .sarif)\n');
    expect(() => readFileSync(join(dir, 'out.sarif'))).toThrow();
  });

  it('names a file it cannot open', async () => {
    const r = await report('missing.json');
    expect(r.code).toBe(2);
    expect(r.err).toBe('auth0-scan: missing.json: cannot read the file (ENOENT)\n');
  });

  it('teaches in --help: what each kind of input gives, the policy, exit codes and examples', async () => {
    const r = await report('--help');
    expect(r.code).toBe(0);
    for (const text of ['trend chart', 'not re-checked', 'Content-Security-Policy', 'multi-tenant report', 'Exit codes', 'auth0-scan report reports/*.json -o trend.html', '--rules']) {
      expect(r.out).toContain(text);
    }
  });
});
