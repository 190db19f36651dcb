import { accessSectionHtml } from '../report/html/access-section.js';
import { htmlHead } from '../report/html/html-head.js';
import { escapeHtml } from '../report/html/escape-html.js';
import { htmlText } from '../report/html/html-text.js';
import type { AccessModel } from './access-types.js';

/**
 * Principals listed per capability: 50,000 role members would otherwise make a page of hundreds of megabytes.
 * `--details` raises the bound (and lists each path's scopes); JSON always has everything.
 */
export const ACCESS_HTML_ROWS = 100;
export const ACCESS_HTML_DETAIL_ROWS = 1_000;

/**
 * `auth0-scan access --format html`: one self-contained static page (the scan report's stylesheet, no script at
 * all, a policy that loads nothing and runs nothing) holding the "Who can change this tenant" section the scan
 * report also shows. `color` and `width` are terminal options: a page has neither.
 */
export function renderAccessHtml(model: AccessModel, options: { color?: boolean; width?: number; details?: boolean } = {}): string {
  const domain = escapeHtml(htmlText(model.tenant.domain, 'name'));
  const details = options.details === true;
  const section = accessSectionHtml(model, { rows: details ? ACCESS_HTML_DETAIL_ROWS : ACCESS_HTML_ROWS, open: 'all', scopes: details });
  return `${htmlHead(`auth0-scan access: ${htmlText(model.tenant.domain, 'name')}`, [])}
<body>
<header class="top"><span class="brand">auth0-scan access</span><span class="t">${domain}</span></header>
<main id="app">
<h1 class="tenant-title t">${domain}</h1>
${section}
</main>
<footer>auth0-scan access · a self-contained page: it loads and runs nothing (see its Content-Security-Policy).</footer>
</body>
</html>
`;
}
