import { describe, expect, it } from 'vitest';
import { GRAPH_BOUNDS } from '../../src/access/access-graph.js';
import type { AccessModel, Principal } from '../../src/access/access-types.js';
import { renderAccessDot } from '../../src/access/render-access-dot.js';
import { renderAccessMermaid } from '../../src/access/render-access-mermaid.js';
import { aPath, aPrincipal, aRolePath, aUser, anAccessModel, MGMT_API } from '../access-builders.js';
import { tenantModel } from '../access-graph-models.js';

interface Parsed {
  labels: Map<string, string>;
  edges: [string, string][];
  comments: string[];
}

const MERMAID_NODE = /^ {2}(n\d+)(?:\["|\[\["|\(\["|\{\{")([A-Za-z0-9 .,_\-/@()+=!?'#;]*)(?:"\]|"\]\]|"\]\)|"\}\})$/;
const MERMAID_EDGE = /^ {2}(n\d+) --> (n\d+)$/;
const MERMAID_OTHER = /^(flowchart LR|%% [^\n]*| {2}classDef \w+ [\w:#,]+| {2}class [n\d,]+ \w+)$/;

/** Reads the Mermaid export back: every line must be one of the forms the renderer writes. */
function parseMermaid(text: string): Parsed {
  const out: Parsed = { labels: new Map(), edges: [], comments: [] };
  expect(text.endsWith('\n')).toBe(true);
  for (const line of text.slice(0, -1).split('\n')) {
    const node = MERMAID_NODE.exec(line);
    const edge = MERMAID_EDGE.exec(line);
    if (node) out.labels.set(node[1] ?? '', (node[2] ?? '').replace(/#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n))));
    else if (edge) out.edges.push([edge[1] ?? '', edge[2] ?? '']);
    else if (line.startsWith('%% ')) out.comments.push(line);
    else expect(line, 'a line the renderer does not write').toMatch(MERMAID_OTHER);
  }
  return out;
}

const DOT_STRING = '"((?:[^"\\\\\\n]|\\\\.)*)"';
const DOT_NODE = new RegExp(`^ {2}"(n\\d+)" \\[label=${DOT_STRING}, [^\\n]*\\];$`);
const DOT_EDGE = /^ {2}"(n\d+)" -> "(n\d+)";$/;
const DOT_OTHER = /^(digraph access \{| {2}\/\/ [^\n]*| {2}rankdir=LR;| {2}node \[[^\n]*\];|\})$/;

function parseDot(text: string): Parsed {
  const out: Parsed = { labels: new Map(), edges: [], comments: [] };
  for (const line of text.slice(0, -1).split('\n')) {
    const node = DOT_NODE.exec(line);
    const edge = DOT_EDGE.exec(line);
    if (node) out.labels.set(node[1] ?? '', (node[2] ?? '').replace(/\\(.)/g, '$1'));
    else if (edge) out.edges.push([edge[1] ?? '', edge[2] ?? '']);
    else if (line.startsWith('  // ')) out.comments.push(line);
    else expect(line, 'a line the renderer does not write').toMatch(DOT_OTHER);
  }
  return out;
}

/** The graph as label -> label edges, sorted: what both renderers must agree on. */
function labelEdges(p: Parsed): string[] {
  return p.edges.map(([a, b]) => `${p.labels.get(a) ?? a} -> ${p.labels.get(b) ?? b}`).sort();
}

const both = (model: AccessModel) => ({ mermaid: parseMermaid(renderAccessMermaid(model)), dot: parseDot(renderAccessDot(model)) });

describe('access graph exports', () => {
  it('draws principal -> path -> capability, one node per shared path, the same graph in Mermaid and DOT', () => {
    const { mermaid, dot } = both(tenantModel());
    const expected = [
      '⚠ takeover · application: Deployer -> client grant cgr_admin',
      '⚠ takeover · application: Deployer -> client grant cgr_api on API https://api.example.com',
      'application: Partner one -> default grant cgr_default (third-party applications)',
      'application: Partner two -> default grant cgr_default (third-party applications)',
      'user: user auth0|alice -> role Admin',
      'user: user auth0|bob -> role Admin',
      'user: user auth0|bob -> organization Acme / role Admin',
      '⚠ takeover · action: post-login -> code credentials: secret MGMT_CLIENT_SECRET',
      'client grant cgr_admin -> Tenant takeover',
      'client grant cgr_admin -> Destruction',
      'default grant cgr_default (third-party applications) -> Data read',
      'role Admin -> Account takeover',
      'organization Acme / role Admin -> Privilege escalation',
      'code credentials: secret MGMT_CLIENT_SECRET -> Tenant takeover',
    ].sort();
    expect(labelEdges(mermaid)).toEqual(expected);
    expect(labelEdges(dot)).toEqual(expected);
    // Six principals, six paths (the role and the default grant once each), five capabilities held (credential theft is not).
    expect(mermaid.labels.size).toBe(17);
    expect([...mermaid.labels.values()]).not.toContain('Credential theft');
    expect([...mermaid.labels.keys()]).toEqual(Array.from({ length: 17 }, (_, i) => `n${i + 1}`));
    expect(mermaid.comments).toHaveLength(1);
  });

  it('styles takeover principals, paths and capabilities', () => {
    const m = renderAccessMermaid(tenantModel());
    const marked = /^ {2}class ([n\d,]+) takeover$/m.exec(m)?.[1]?.split(',') ?? [];
    const labels = parseMermaid(m).labels;
    expect(marked.map((id) => labels.get(id)).sort()).toEqual(
      ['⚠ takeover · application: Deployer', '⚠ takeover · action: post-login', 'client grant cgr_admin', 'code credentials: secret MGMT_CLIENT_SECRET', 'Tenant takeover'].sort(),
    );
    const dot = renderAccessDot(tenantModel());
    const deployer = dot.split('\n').find((l) => l.includes('Deployer"') && l.includes('takeover'));
    expect(deployer).toContain('fillcolor="#fde2e2"');
    expect(dot.split('\n').find((l) => l.includes('Partner one'))).not.toContain('#fde2e2');
  });

  it('keeps hostile names inside their labels, shown as written', () => {
    // Each name beside the label it must be shown as (test/access-graph-models.ts has more, for the renderers).
    const hostile = [
      '"]; click n1 call alert(1); n9["',
      '<img src=x onerror=alert(1)>',
      '#lt;b#gt;bold#lt;/b#gt; #35; #quot;',
      '%%{init: {"securityLevel": "loose"}}%%',
      'a|b|`code` [x] {y} (z) & style n1 fill:#f00;',
      'line one\nclick n1 href "javascript:alert(1)"\r\n}',
      'back\\slash \\N \\l "quoted"',
      '\u202eevil\u0007',
    ];
    const model = anAccessModel(hostile.map((name, i) => aPrincipal({ nativeId: `app${i}`, name, paths: [aPath({ grantId: `cgr_${i}` })] })));
    const { mermaid, dot } = both(model);
    const principalLabels = (p: Parsed) => [...p.labels.values()].filter((l) => l.startsWith('application: '));
    const shown = [
      'application: "]; click n1 call alert(1); n9["',
      'application: <img src=x onerror=alert(1)>',
      'application: #lt;b#gt;bold#lt;/b#gt; #35; #quot;',
      'application: %%{init: {"securityLevel": "loose"}}%%',
      'application: a|b|`code` [x] {y} (z) & style n1 fill:#f00;',
      'application: line one\\nclick n1 href "javascript:alert(1)"\\r\\n}',
      'application: back\\slash \\N \\l "quoted"',
      'application: \\u{202e}evil\\x07',
    ];
    expect(principalLabels(mermaid).sort()).toEqual([...shown].sort());
    expect(principalLabels(dot).sort()).toEqual([...shown].sort());
    expect(renderAccessMermaid(model)).not.toMatch(/^\s*click\b/m);
  });

  it('generates node ids and never writes a tenant id outside a label', () => {
    const model = anAccessModel([aPrincipal({ nativeId: 'n1', name: 'n2', paths: [aPath({ grantId: 'n3 --> n4' })] })]);
    const m = parseMermaid(renderAccessMermaid(model));
    expect(m.edges).toEqual([
      ['n1', 'n2'],
      ['n2', 'n3'],
    ]);
    expect(m.labels.get('n2')).toBe('client grant n3 --> n4');
  });

  it('renders the same text whatever the order of principals and paths', () => {
    const model = tenantModel();
    const shuffled: AccessModel = { ...model, principals: [...model.principals].reverse().map((p) => ({ ...p, paths: [...p.paths].reverse() })) };
    expect(renderAccessMermaid(shuffled)).toBe(renderAccessMermaid(model));
    expect(renderAccessDot(shuffled)).toBe(renderAccessDot(model));
  });

  it('cuts a long name and says its length', () => {
    const m = parseMermaid(renderAccessMermaid(anAccessModel([aPrincipal({ name: 'x'.repeat(10_000) })])));
    expect(m.labels.get('n1')).toBe(`application: ${'x'.repeat(GRAPH_BOUNDS.name)}… (10,000 characters)`);
  });
});

describe('access graph bounds', () => {
  const admin = aRolePath('rol_admin', { roleName: 'Admin', capabilities: ['tenant_takeover'] });
  const support = aRolePath('rol_support', { roleName: 'Support' });
  const users = (n: number, paths: Principal['paths'], prefix = 'u') => Array.from({ length: n }, (_, i) => aUser(`auth0|${prefix}${i}`, paths));

  it(`draws up to ${GRAPH_BOUNDS.principalsPerPath} users of one path one by one`, () => {
    const m = parseMermaid(renderAccessMermaid(anAccessModel(users(GRAPH_BOUNDS.principalsPerPath, [admin]))));
    expect(m.edges.filter(([, to]) => m.labels.get(to) === 'role Admin')).toHaveLength(GRAPH_BOUNDS.principalsPerPath);
    expect(m.comments).toHaveLength(1);
  });

  it('collapses the users of a crowded path into one node and says so', () => {
    const model = anAccessModel([...users(1_234, [admin]), ...users(3, [support], 's'), aUser('auth0|both', [admin, support])]);
    const { mermaid, dot } = both(model);
    for (const p of [mermaid, dot]) {
      expect(labelEdges(p)).toEqual(
        [
          '1,235 users -> role Admin',
          'role Admin -> Tenant takeover',
          'role Support -> Data read',
          '⚠ takeover · user: user auth0|both -> role Admin',
          '⚠ takeover · user: user auth0|both -> role Support',
          'user: user auth0|s0 -> role Support',
          'user: user auth0|s1 -> role Support',
          'user: user auth0|s2 -> role Support',
        ].sort(),
      );
      expect(p.comments.join('\n')).toContain(`collapsed: 1,235 users drawn as node n1 (more than ${GRAPH_BOUNDS.principalsPerPath} principals of one type through one path`);
    }
  });

  it('bounds the crowds too, and says so in a fixed number of comment lines', () => {
    const model = anAccessModel(Array.from({ length: 300 }, (_, r) => users(51, [aRolePath(`rol_${r}`, { roleName: '😈'.repeat(100) })], `r${r}-`)).flat());
    const text = renderAccessMermaid(model);
    const m = parseMermaid(text);
    expect(text.length).toBeLessThan(50_000);
    expect(m.edges.length).toBeLessThanOrEqual(500);
    expect(m.comments).toHaveLength(3);
    const crowds = [...m.labels.values()].filter((l) => l === '51 users');
    const more = [...m.labels.values()].find((l) => l.endsWith('more users'));
    expect(crowds.length).toBeGreaterThan(0);
    expect(more).toBe(`${((300 - crowds.length) * 51).toLocaleString('en-US')} more users`);
    expect(m.comments[1]).toBe(`%% collapsed: ${(crowds.length * 51).toLocaleString('en-US')} users drawn as nodes n1 to n${crowds.length} (more than 50 principals of one type through one path are one node with their count)`);
  });

  it('stays within what Mermaid renders by default for a thousand hostile-named applications', () => {
    const all = anAccessModel(manyApps());
    const text = renderAccessMermaid(all);
    const m = parseMermaid(text);
    expect(text.length).toBeLessThan(50_000);
    expect(m.edges.length).toBeLessThanOrEqual(500);
    const more = [...m.labels.values()].find((l) => l.endsWith('more applications'));
    const drawn = [...m.labels.values()].filter((l) => l.includes('application: '));
    expect(more).toBe(`${(1_000 - drawn.length).toLocaleString('en-US')} more applications`);
    expect(drawn.length).toBeGreaterThan(0);
    expect(m.comments.join('\n')).toContain('past the graph\'s bound');
    // The applications not drawn still reach every capability they hold.
    expect(labelEdges(m).filter((e) => e.startsWith(more ?? '?'))).toHaveLength(6);
    expect(parseDot(renderAccessDot(all)).edges).toHaveLength(m.edges.length);
  });

  function manyApps(): Principal[] {
    return Array.from({ length: 1_000 }, (_, i) =>
      aPrincipal({
        nativeId: `app${i}`,
        name: '<😈>'.repeat(100),
        paths: [aPath({ grantId: `cgr_${i}`, capabilities: ['tenant_takeover', 'credential_theft', 'account_takeover', 'privilege_escalation', 'destruction', 'data_read'] })],
      }),
    );
  }

  it('keeps the Management API audience out of labels and names any other API', () => {
    const p = parseMermaid(renderAccessMermaid(anAccessModel([aPrincipal({ paths: [aPath(), aPath({ grantId: 'cgr_2', audience: 'urn:orders', managementApi: false, capabilities: [] })] })])));
    expect([...p.labels.values()].join('\n')).not.toContain(MGMT_API);
    expect([...p.labels.values()]).toContain('client grant cgr_2 on API urn:orders');
  });
});
