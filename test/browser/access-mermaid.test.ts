import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAccessGraph } from '../../src/access/access-graph.js';
import type { AccessModel } from '../../src/access/access-types.js';
import { renderAccessMermaid } from '../../src/access/render-access-mermaid.js';
import { hostileModel, HOSTILE_NAMES, largeModel, tenantModel } from '../access-graph-models.js';
import { chromiumMissing, launchChromium } from './chromium.js';

const missing = chromiumMissing();
if (missing) console.log(`access Mermaid browser tests skipped: ${missing}.`);

/** Mermaid's browser bundle from node_modules (a devDependency): nothing is fetched. */
const MERMAID_BUNDLE = createRequire(import.meta.url).resolve('mermaid/dist/mermaid.min.js');

interface Rendered {
  error?: string;
  /** Each node's text as the page shows it. */
  nodes: string[];
  /** Elements in the drawing that no label should make (markup a hostile name would inject). */
  injected: string[];
  edges: number;
}

/** Renders one diagram with `mermaid.render` in the blank page and reads the drawing back (code run in the page is text). */
function render(page: Page, text: string): Promise<Rendered> {
  return page.evaluate<Rendered>(`(async (text) => {
    const box = document.getElementById('out');
    box.innerHTML = '';
    try {
      const { svg } = await mermaid.render('access-graph', text);
      box.innerHTML = svg;
    } catch (e) {
      return { error: String(e && e.message || e), nodes: [], injected: [], edges: 0 };
    }
    const svg = box.querySelector('svg');
    if (!svg || svg.getAttribute('aria-roledescription') === 'error') return { error: 'mermaid drew its error diagram', nodes: [], injected: [], edges: 0 };
    return {
      nodes: Array.from(svg.querySelectorAll('g.node'), (n) => n.textContent.replace(/\\s+/g, ' ').trim()),
      injected: Array.from(svg.querySelectorAll('img, script, iframe, object, embed, a, b, i, input, form, style:not(svg > style)'), (e) => e.tagName),
      edges: svg.querySelectorAll('path.flowchart-link').length,
    };
  })(${JSON.stringify(text)})`);
}

const headLabels = (model: AccessModel) =>
  buildAccessGraph(model)
    .nodes.filter((n) => n.kind === 'principal' || n.kind === 'group')
    .map((n) => n.label.replace(/\s+/g, ' ').trim());

describe.skipIf(missing !== undefined)('the Mermaid access graph in headless Chromium', { timeout: 90_000 }, () => {
  let browser: Browser;
  let page: Page;
  const dialogs: string[] = [];
  const requests: string[] = [];
  const pageErrors: string[] = [];

  beforeAll(async () => {
    browser = await launchChromium();
    const context = await browser.newContext({ viewport: { width: 1600, height: 1000 } });
    await context.route('**/*', (route) => {
      requests.push(route.request().url());
      return route.abort();
    });
    page = await context.newPage();
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await page.setContent('<!doctype html><html><body><div id="out"></div></body></html>');
    await page.addScriptTag({ content: readFileSync(MERMAID_BUNDLE, 'utf8') });
    await page.evaluate("mermaid.initialize({ startOnLoad: false, securityLevel: 'strict' })");
  }, 90_000);
  afterAll(async () => {
    await browser?.close();
  });

  it('renders the tenant graph with every principal label and no error', async () => {
    const model = tenantModel();
    const r = await render(page, renderAccessMermaid(model));
    expect(r.error).toBeUndefined();
    for (const label of headLabels(model)) expect(r.nodes).toContain(label);
    expect(r.nodes).toContain('Tenant takeover');
    expect(r.edges).toBe(buildAccessGraph(model).edges.length);
  });

  it('renders hostile names as the text they are: no injected element, no dialog, no request', async () => {
    const model = hostileModel();
    const r = await render(page, renderAccessMermaid(model));
    expect(r.error).toBeUndefined();
    expect(r.injected).toEqual([]);
    const labels = headLabels(model);
    expect(labels).toHaveLength(HOSTILE_NAMES.length);
    for (const label of labels) expect(r.nodes).toContain(label);
    expect(r.nodes).toContain('⚠ takeover · application: <img src=x onerror=alert(1)>');
    expect(dialogs).toEqual([]);
    expect(requests).toEqual([]);
    expect(pageErrors).toEqual([]);
  });

  it('renders 50,000 admin-role users and a thousand applications within Mermaid\'s default limits', async () => {
    const model = largeModel();
    const r = await render(page, renderAccessMermaid(model));
    expect(r.error).toBeUndefined();
    for (const label of headLabels(model)) expect(r.nodes).toContain(label);
    expect(r.nodes).toContain('50,000 users');
  });
});
