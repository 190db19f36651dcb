import { describe, expect, it } from 'vitest';
import { renderJunit } from '../../src/report/render-junit.js';
import { xmlEscape } from '../../src/report/xml-text.js';
import { checkXml } from '../check-xml.js';
import { aFinding, aReport, aRuleDoc, aSkipped, aSummaryFinding, ruleDocs } from '../report-builders.js';

function count(xml: string, re: RegExp): number {
  return [...xml.matchAll(re)].length;
}

function attr(xml: string, element: string, name: string): string | undefined {
  return new RegExp(`<${element}\\b[^>]*\\s${name}="([^"]*)"`).exec(xml)?.[1];
}

describe('xmlEscape', () => {
  it('escapes markup and quotes, keeps whitespace as references, and replaces forbidden characters', () => {
    expect(xmlEscape(`<a href="x">&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&amp;&apos;&lt;/a&gt;');
    expect(xmlEscape('a\tb\nc\rd')).toBe('a&#9;b&#10;c&#13;d');
    expect(xmlEscape('bell\u0007 nul\u0000 esc\u001b \ufffe \u202e')).toBe('bell\\x07 nul\\x00 esc\\x1b \\u{fffe} \\u{202e}');
    expect(xmlEscape('lone \ud800 surrogate, pair \ud83d\ude00 kept')).toBe('lone \\u{d800} surrogate, pair \ud83d\ude00 kept');
  });
});

describe('renderJunit', () => {
  const HOSTILE = 'Evil <app> & "quotes" \'apos\' ]]> \u0001\u001b[31m';
  const report = aReport({
    findings: [
      aFinding({ resource: { type: 'clients', id: 'c1', name: HOSTILE }, message: `App ${HOSTILE} allows the implicit grant.` }),
      aFinding({ resource: { type: 'clients', id: 'c2', name: 'Second' } }),
      aSummaryFinding(),
    ],
    skipped: [aSkipped()],
  });
  const docs = ruleDocs(
    aRuleDoc(),
    aRuleDoc({ id: 'tenant-passing-rule', title: 'Passes', severity: 'medium' }),
    aRuleDoc({ id: 'log-stream-configured', title: 'Log streams', severity: 'low' }),
  );
  const xml = renderJunit(report, { rules: docs });

  it('is well-formed XML with an XML declaration', () => {
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<testsuites ')).toBe(true);
    const names = checkXml(xml);
    expect(names.filter((n) => n === 'testsuites')).toHaveLength(1);
    expect(names.filter((n) => n === 'testsuite')).toHaveLength(4);
  });

  it('has one testsuite per rule, sorted by id, with counts that add up', () => {
    const suites = [...xml.matchAll(/<testsuite name="([^"]+)" tests="(\d+)" failures="(\d+)" errors="0" skipped="(\d+)"/g)].map((m) => m.slice(1));
    expect(suites).toEqual([
      ['client-implicit-grant', '2', '2', '0'],
      ['log-stream-configured', '1', '0', '1'],
      ['tenant-passing-rule', '1', '0', '0'],
      ['users-without-mfa', '1', '1', '0'],
    ]);
    expect(attr(xml, 'testsuites', 'tests')).toBe('5');
    expect(attr(xml, 'testsuites', 'failures')).toBe('3');
    // Jenkins' junit-10 schema allows no `skipped` on the root: the per-suite counts carry it.
    expect(attr(xml, 'testsuites', 'skipped')).toBeUndefined();
    expect(count(xml, /<testcase /g)).toBe(5);
    expect(count(xml, /<failure /g)).toBe(3);
    expect(count(xml, /<skipped /g)).toBe(1);
  });

  it('names each failing testcase after rule and resource and puts the details in the failure', () => {
    expect(xml).toContain('<testcase classname="auth0-scan.client-implicit-grant" name="clients/Second [c2]">');
    expect(xml).toContain('<testcase classname="auth0-scan.users-without-mfa" name="users">');
    expect(xml).toMatch(/<failure type="medium" message="1,204 users have no MFA factor enrolled\.">[^<]*Count: 1204&#10;Sample: auth0\|0001, auth0\|0002/);
    expect(xml).toContain('<testcase classname="auth0-scan.tenant-passing-rule" name="tenant-passing-rule: no findings"/>');
    expect(xml).toContain('<skipped message="log_streams is forbidden (missing read:log_streams)"/>');
  });

  it('escapes tenant text everywhere and drops control characters', () => {
    expect(xml).toContain('name="clients/Evil &lt;app&gt; &amp; &quot;quotes&quot; &apos;apos&apos; ]]&gt; \\x01\\x1b[31m [c1]"');
    expect(xml).not.toContain('<app>');
    expect(xml).not.toContain('\u001b');
  });

  it('shows a suppressed finding as a skipped testcase, not a failure', () => {
    const suppression = { reason: 'accepted <risk>', expires: '2099-01-01', entry: '.auth0-scan-ignore.yaml:3' };
    const withSuppressed = renderJunit(aReport({ findings: [aFinding(), aFinding({ resource: { type: 'clients', id: 'c9' }, suppression })] }), { rules: ruleDocs(aRuleDoc()) });
    checkXml(withSuppressed);
    expect(withSuppressed).toContain('<testsuite name="client-implicit-grant" tests="2" failures="1" errors="0" skipped="1">');
    expect(withSuppressed).toContain('<skipped message="suppressed: accepted &lt;risk&gt; (until 2099-01-01; .auth0-scan-ignore.yaml:3)"/>');
    expect(attr(withSuppressed, 'testsuites', 'failures')).toBe('1');
    expect(attr(withSuppressed, 'testsuites', 'skipped')).toBeUndefined();
  });

  it('still lists rules that have findings when no rule docs are given', () => {
    const bare = renderJunit(report, { rules: new Map() });
    checkXml(bare);
    expect(count(bare, /<testsuite /g)).toBe(3);
    expect(attr(bare, 'testsuites', 'tests')).toBe('4');
  });

  it("uses only the elements and attributes Jenkins' junit-10 schema allows, with its required ones", () => {
    // junit-10.xsd (jenkinsci/xunit-plugin), in our words: the root takes name, time, tests, failures, errors; a
    // suite must have name, tests, failures and errors; a test case must have a name; failure, error and skipped
    // take type and message; a property must have name and value; times are plain decimals.
    const allowed: Record<string, { may: string[]; must: string[] }> = {
      testsuites: { may: ['name', 'time', 'tests', 'failures', 'errors'], must: [] },
      testsuite: { may: ['name', 'tests', 'failures', 'errors', 'group', 'time', 'skipped', 'timestamp', 'hostname', 'id', 'package', 'file', 'log', 'url'], must: ['name', 'tests', 'failures', 'errors'] },
      testcase: { may: ['name', 'time', 'classname', 'group'], must: ['name'] },
      failure: { may: ['type', 'message'], must: [] },
      error: { may: ['type', 'message'], must: [] },
      skipped: { may: ['type', 'message'], must: [] },
      properties: { may: [], must: [] },
      property: { may: ['name', 'value'], must: ['name', 'value'] },
      'system-out': { may: [], must: [] },
      'system-err': { may: [], must: [] },
    };
    const suppressed = { ...report, findings: [...report.findings, aFinding({ resource: { type: 'clients', id: 'c3' }, suppression: { entry: 'x:1', reason: 'r', expires: '2099-01-01' } })] };
    for (const doc of [xml, renderJunit(suppressed, { rules: docs })]) {
      for (const m of doc.matchAll(/<([a-z-]+)((?:\s+[a-z]+="[^"]*")*)\s*\/?>/g)) {
        const [, element = '', attrs = ''] = m;
        const rule = allowed[element];
        expect(rule, `element <${element}>`).toBeDefined();
        const names = [...attrs.matchAll(/([a-z]+)="/g)].map((a) => a[1]);
        for (const n of names) expect(rule?.may, `<${element} ${n}=…>`).toContain(n);
        for (const n of rule?.must ?? []) expect(names, `<${element}> needs ${n}`).toContain(n);
        const time = /\stime="([^"]*)"/.exec(attrs)?.[1];
        if (time !== undefined) expect(time).toMatch(/^[0-9]+(\.[0-9]*)?$/);
      }
    }
  });
});

