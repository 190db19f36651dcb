import { describe, expect, it } from 'vitest';
import { ACCESS_HTML_DETAIL_ROWS, ACCESS_HTML_ROWS, renderAccessHtml } from '../../src/access/render-access-html.js';
import { accessSectionHtml } from '../../src/report/html/access-section.js';
import { htmlPage } from '../../src/report/html/html-page.js';
import { htmlDocumentModel } from '../../src/report/html/html-document-model.js';
import { renderHtml } from '../../src/report/render-html.js';
import { aPath, anAccessModel, aPrincipal, aRolePath, aUser } from '../access-builders.js';
import { aReport, ruleDocs } from '../report-builders.js';

const TAKEOVER = aPath({ scopes: ['create:clients'], capabilities: ['tenant_takeover'], grantId: 'cgr_take' });

/** Tenant text that is markup, an attribute break-out, bidi and control characters. */
const HOSTILE = {
  script: '<script>window.pwned = 1</script>',
  attr: '" onmouseover="window.pwned=2" x="',
  bidi: 'admin\u202Egnp.exe',
  control: 'bell\u0007esc\u001b[31m',
};

const count = (html: string, needle: string): number => html.split(needle).length - 1;

describe('renderAccessHtml', () => {
  it('answers who can take over first: the headline count before any capability table', () => {
    const model = anAccessModel([aPrincipal({ nativeId: 'app-take', paths: [TAKEOVER] }), aUser('auth0|reader', [aRolePath('rol_r')])]);
    const html = renderAccessHtml(model);
    const headline = html.indexOf('id="access-headline"');
    expect(headline).toBeGreaterThan(0);
    expect(headline).toBeLessThan(html.indexOf('<details'));
    expect(html).toContain('<strong>1</strong> of 2 principals can take over this tenant (1 application).');
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
  });

  it('lists the principals of each capability in model order, with the path, type and risk notes', () => {
    const model = anAccessModel([aPrincipal({ nativeId: 'app-take', name: 'Deployer', paths: [TAKEOVER] }), aUser('auth0|reader', [aRolePath('rol_r')])]);
    const html = renderAccessHtml(model);
    const caps = [...html.matchAll(/data-capability="([a-z_]+)"/g)].map((m) => m[1]);
    // Empty capabilities are left out, except takeover ("None." is an answer).
    expect(caps).toEqual(['tenant_takeover', 'data_read']);
    const takeover = html.slice(html.indexOf('data-capability="tenant_takeover"'), html.indexOf('data-capability="data_read"'));
    expect(takeover).toContain('data-principal="application:app-take"');
    expect(takeover).toContain('client grant cgr_take');
    expect(takeover).toContain('shared secret');
    expect(takeover).toContain('>Deployer<');
    expect(takeover).not.toContain('auth0|reader');
    const read = html.slice(html.indexOf('data-capability="data_read"'));
    expect(read).toContain('role Role rol_r');
    expect(read).toContain('no MFA');
  });

  it('says None. for a takeover capability nobody holds', () => {
    const html = renderAccessHtml(anAccessModel([aUser('auth0|reader', [aRolePath('rol_r')])]));
    expect(html).toContain('<strong>0</strong> of 1 principal can take over this tenant.');
    expect(html).toMatch(/data-capability="tenant_takeover" open><summary>.*\(0\)<\/h3><\/summary><p class="note">None\.<\/p>/);
  });

  it('escapes every tenant string: names, ids, roles, organizations, scopes, gaps and the domain', () => {
    const hostile = Object.values(HOSTILE).join(' ');
    const model = anAccessModel(
      [
        aPrincipal({ nativeId: `${HOSTILE.attr}1`, name: hostile, paths: [TAKEOVER] }),
        aUser(HOSTILE.script, [aPath({ via: 'organization_role', roleName: hostile, organizationName: HOSTILE.script, capabilities: ['tenant_takeover'] })]),
      ],
      {
        tenant: { domain: HOSTILE.script },
        unclassifiedScopes: [{ scope: HOSTILE.script, heldBy: [HOSTILE.attr] }],
        gaps: [{ kind: HOSTILE.script, status: HOSTILE.attr, effect: hostile }],
      },
    );
    for (const html of [renderAccessHtml(model, { details: true }), accessSectionHtml(model, { rows: 10, open: 'takeover' })]) {
      expect(html).not.toContain('<script>');
      expect(html).not.toContain('" onmouseover');
      expect(html).not.toContain('\u202E');
      expect(html).not.toContain('\u001b');
      expect(html).toContain('&lt;script&gt;window.pwned = 1&lt;/script&gt;');
      expect(html).toContain('&quot; onmouseover=&quot;window.pwned=2&quot; x=&quot;');
      expect(html).toContain('admin\\u{202e}gnp.exe');
    }
  });

  it('bounds the rows per capability and says so: 50,000 role members stay a small page', () => {
    const users = Array.from({ length: 50_000 }, (_, i) => aUser(`auth0|${i}`, [aRolePath('rol_admin', { capabilities: ['tenant_takeover'] })]));
    const model = anAccessModel(users);
    const html = renderAccessHtml(model);
    expect(count(html, '<tr class="principal"')).toBe(ACCESS_HTML_ROWS);
    expect(html).toContain(`… and ${(50_000 - ACCESS_HTML_ROWS).toLocaleString('en-US')} more: this page lists at most ${ACCESS_HTML_ROWS} principals per capability`);
    expect(html.length).toBeLessThan(200_000);
    const detailed = renderAccessHtml(model, { details: true });
    expect(count(detailed, '<tr class="principal"')).toBe(ACCESS_HTML_DETAIL_ROWS);
    expect(detailed.length).toBeLessThan(2_000_000);
  });

  it('bounds the paths listed for one principal', () => {
    const paths = Array.from({ length: 8 }, (_, i) => aRolePath(`rol_${i}`, { capabilities: ['tenant_takeover'] }));
    const html = renderAccessHtml(anAccessModel([aUser('auth0|many', paths)]));
    expect(html).toContain('role Role rol_4');
    expect(html).not.toContain('role Role rol_5');
    expect(html).toContain('and 3 more paths');
  });

  it('lists the unclassified scopes and the gaps, and says the model is a lower bound', () => {
    const model = anAccessModel([aPrincipal()], {
      unclassifiedScopes: [{ scope: 'update:brand_new_thing', heldBy: ['application:a', 'application:b', 'application:c', 'application:d'] }],
      gaps: [{ kind: 'role_members', status: 'forbidden', effect: 'users holding roles are not listed' }],
    });
    const html = renderAccessHtml(model);
    expect(html).toContain('update:brand_new_thing');
    expect(html).toContain(', and 1 more');
    expect(html).toContain('users holding roles are not listed');
    expect(html).toContain('these lists are a lower bound');
    const complete = renderAccessHtml(anAccessModel([aPrincipal()]));
    expect(complete).not.toContain('lower bound');
    expect(complete).not.toContain('access-unclassified');
  });

  it('is self-contained: a policy that runs no script and loads nothing', () => {
    const html = renderAccessHtml(anAccessModel());
    const csp = (/http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1] ?? '').replaceAll('&#39;', "'");
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'none'");
    expect(html).not.toMatch(/<script|<link|src=|href=/);
  });
});

describe('the access section of the scan report page', () => {
  const doc = () => htmlDocumentModel({ tenants: [{ report: aReport() }], failed: [], rules: ruleDocs(), toolVersion: '1.0.0' });
  const model = anAccessModel([aPrincipal({ paths: [TAKEOVER] }), aUser('auth0|reader', [aRolePath('rol_r')])]);

  it('is an inert template with the shared section, only the takeover capabilities open', () => {
    const html = renderHtml(aReport(), { color: false, rules: ruleDocs() }, { access: model });
    const template = /<template id="access-section">([\s\S]*?)<\/template>/.exec(html)?.[1] ?? '';
    expect(template).toContain('<h2>Who can change this tenant</h2>');
    expect(template).toContain('<details class="access-cap" data-capability="tenant_takeover" open>');
    expect(template).toContain('<details class="access-cap" data-capability="data_read">');
  });

  it('is absent, not empty, without an access model (the report command, older reports)', () => {
    const html = renderHtml(aReport(), { color: false, rules: ruleDocs() });
    expect(html).not.toContain('access-section"');
    expect(html).not.toContain('Who can change this tenant');
  });

  it('is left out of a page of several tenants', () => {
    const two = htmlDocumentModel({ tenants: [{ report: aReport() }, { report: aReport() }], failed: [], rules: ruleDocs(), toolVersion: '1.0.0' });
    expect(htmlPage(two, { access: model })).not.toContain('Who can change this tenant');
    expect(htmlPage(doc(), { access: model })).toContain('Who can change this tenant');
  });
});
