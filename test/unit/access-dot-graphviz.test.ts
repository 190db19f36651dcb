import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { buildAccessGraph } from '../../src/access/access-graph.js';
import type { AccessModel } from '../../src/access/access-types.js';
import { renderAccessDot } from '../../src/access/render-access-dot.js';
import { hostileModel, largeModel, tenantModel } from '../access-graph-models.js';
import { systemToolMissing } from '../system-tool.js';

// Debian's Graphviz; .ci/run installs it with chromium, and there a missing `dot` fails these tests.
const missing = systemToolMissing('dot', "Debian's graphviz package: apt-get install -y graphviz");
if (missing) console.log(`access DOT rendering tests skipped: ${missing}.`);

function toSvg(dot: string): string {
  const r = spawnSync('dot', ['-Tsvg'], { input: dot, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  expect(r.stderr, 'dot wrote warnings or errors').toBe('');
  expect(r.status).toBe(0);
  return r.stdout;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** The text of every `<text>` element of Graphviz's SVG, entities decoded. */
function svgTexts(svg: string): string[] {
  return [...svg.matchAll(/<text\b[^>]*>([^<]*)<\/text>/g)].map((m) =>
    (m[1] ?? '').replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (all, e: string) =>
      e.startsWith('#x') || e.startsWith('#X') ? String.fromCodePoint(parseInt(e.slice(2), 16)) : e.startsWith('#') ? String.fromCodePoint(Number(e.slice(1))) : (ENTITIES[e] ?? all),
    ),
  );
}

function expectEveryLabel(model: AccessModel, svg: string): void {
  const texts = svgTexts(svg);
  const labels = buildAccessGraph(model).nodes.filter((n) => n.kind === 'principal' || n.kind === 'group').map((n) => n.label);
  expect(labels.length).toBeGreaterThan(0);
  for (const label of labels) expect(texts, label).toContain(label);
}

describe.skipIf(missing !== undefined)('the DOT export rendered by Graphviz', { timeout: 60_000 }, () => {
  it('renders the tenant graph with every principal label', () => {
    const model = tenantModel();
    const svg = toSvg(renderAccessDot(model));
    expect(svg).toContain('<svg');
    expectEveryLabel(model, svg);
    expect(svgTexts(svg)).toContain('Tenant takeover');
  });

  it('renders hostile names as text: no link, script or foreign markup in the SVG', () => {
    const model = hostileModel();
    const svg = toSvg(renderAccessDot(model));
    expectEveryLabel(model, svg);
    expect(svg).not.toMatch(/<(a|script|img|foreignObject)\b/i);
  });

  it('renders 50,000 admin-role users and a thousand applications as a bounded graph', () => {
    const model = largeModel();
    const dot = renderAccessDot(model);
    expect(dot).toContain('// collapsed: ');
    expect(dot).toContain('// not drawn: ');
    const svg = toSvg(dot);
    expectEveryLabel(model, svg);
    expect(svgTexts(svg)).toContain('50,000 users');
  });
});
