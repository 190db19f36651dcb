import { describe, expect, it } from 'vitest';
import type { MultiTenantReport } from '../../src/model/report.js';
import { fencedBlock } from '../../src/report/fenced-block.js';
import { renderFixPlan } from '../../src/report/render-fix-plan.js';
import { renderMultiTenantFixPlan } from '../../src/report/render-multi-fix-plan.js';
import { REPORTERS } from '../../src/report/reporters.js';
import { aFinding, aReport, aSummaryFinding } from '../report-builders.js';

const patch = aFinding({
  fix: {
    request: { method: 'PATCH', path: '/api/v2/clients/abc123', body: { grant_types: ['authorization_code'], token_endpoint_auth_method: '<method>' } },
    cli: "auth0 apps update abc123 --grants 'code'",
    terraform: { resource: 'auth0_client', attribute: 'grant_types' },
    inputs: { method: 'how the application authenticates' },
    note: 'Check the SPA first.',
  },
});
const summary = aSummaryFinding({
  fix: { request: { method: 'POST', path: '/api/v2/guardian/enrollments/ticket', body: { user_id: '{id}' } } },
});
const manual = aFinding({ ruleId: 'client-callback-wildcard', resource: { type: 'clients', id: 'x1', name: 'Shop' }, remediation: 'Replace *.example.com by exact URLs.' });

describe('fix plan', () => {
  it('is the fix-plan reporter', () => {
    expect(REPORTERS['fix-plan']).toBe(renderFixPlan);
  });

  it('says it is read-only, nothing was sent, and counts what it holds', () => {
    const out = renderFixPlan(aReport({ findings: [patch, summary, manual] }));
    expect(out).toMatch(/^# Fix plan: acme\.eu\.auth0\.com/);
    expect(out).toContain('**read-only** scanner');
    expect(out).toContain('**Nothing was sent**');
    expect(out).toContain('- Findings: 3\n- With a Management API request: 2\n- Needing inputs before sending: 1\n- Without a machine-readable fix: 1');
  });

  it('writes the request, CLI, Terraform attribute, inputs and note of a finding', () => {
    const out = renderFixPlan(aReport({ findings: [patch] }));
    expect(out).toContain('### HIGH · `client-implicit-grant` · clients/Storefront');
    expect(out).toContain('```http\nPATCH /api/v2/clients/abc123\nContent-Type: application/json\n\n{\n  "grant_types": [\n    "authorization_code"\n  ],');
    expect(out).toContain("```sh\nauth0 apps update abc123 --grants 'code'\n```");
    expect(out).toContain('**Terraform**: `auth0_client.grant_types`');
    expect(out).toContain('- `<method>`: how the application authenticates');
    expect(out).toContain('**Note**: Check the SPA first.');
  });

  it('lists the sample ids and the count of a summary finding', () => {
    const out = renderFixPlan(aReport({ findings: [summary] }));
    expect(out).toContain('**Repeat for each of 1,204 resources**, replacing `{id}` with the id (the first 2 shown');
    expect(out).toMatch(/- auth0\\\|0001\n- auth0\\\|0002/);
  });

  it('lists findings without a fix at the end with their remediation', () => {
    const out = renderFixPlan(aReport({ findings: [manual, patch] }));
    const end = out.indexOf('## Without a machine-readable fix (1)');
    expect(end).toBeGreaterThan(out.indexOf('client-implicit-grant'));
    expect(out.slice(end)).toContain('**Remediation**: Replace \\*.example.com by exact URLs.');
  });

  it('leaves out suppressed and baseline-accepted findings, and says so', () => {
    const suppressed = { ...patch, fingerprint: 'f2', suppression: { reason: 'r', expires: '2099-01-01', entry: 'x:1' } };
    const accepted = { ...manual, baselineState: 'unchanged' as const };
    const out = renderFixPlan(aReport({ findings: [suppressed, accepted, { ...patch, baselineState: 'new' }] }));
    expect(out).toContain('- Findings: 1 (2 suppressed or baseline-accepted findings left out)');
    expect(out).not.toContain('Without a machine-readable fix (');
  });

  it('neutralises tenant text: names, messages, and values inside code blocks', () => {
    const hostile = aFinding({
      resource: { type: 'clients', id: 'abc', name: '# [x](http://evil) @team\u202e' },
      message: 'line\n## gate: passed',
      fix: { request: { method: 'PATCH', path: '/api/v2/clients/abc', body: { name: '```\n# fake\u001b[31m' } }, cli: 'auth0 apps update ```\u2028' },
    });
    const out = renderFixPlan(aReport({ findings: [hostile] }));
    expect(out).not.toMatch(/^#+ (fake|gate)/m);
    expect(out).toContain('\\[x\\](http\\://evil)');
    expect(out).toContain('@\u200bteam');
    expect(out).not.toMatch(/[\u202e\u2028\u001b]/);
    expect(out).toContain('````sh\nauth0 apps update ```\\u{2028}\n````');
  });

  it('concatenates the tenants of a multi-tenant report and names those not read', () => {
    const a = { ...aReport({ findings: [patch] }), tenant: { domain: 'a.auth0.com', name: 'prod' } };
    const doc: MultiTenantReport = {
      schemaVersion: '1.0', tool: a.tool, startedAt: a.startedAt, finishedAt: a.finishedAt, summary: a.summary, tenants: [a],
      failed: [{ tenant: { domain: 'b.auth0.com' }, code: 'AUTH', message: 'no token' }],
    };
    const out = renderMultiTenantFixPlan(doc);
    expect(out).toContain('# Fix plan: 2 tenants');
    expect(out).toContain('## Fix plan: prod (a.auth0.com)');
    expect(out).toContain('## Not read');
    expect(out).toContain('- b.auth0.com: no token');
  });
});

describe('fencedBlock', () => {
  it('uses a fence longer than any backtick run inside', () => {
    expect(fencedBlock('a ```` b', 'sh')).toBe('`````sh\na ```` b\n`````');
    expect(fencedBlock('plain', 'http')).toBe('```http\nplain\n```');
  });
});
