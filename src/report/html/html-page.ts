import { CLIENT_SCRIPT } from './client-script.js';
import { contentSecurityPolicy } from './content-security-policy.js';
import { embedJson } from './embed-json.js';
import { escapeHtml } from './escape-html.js';
import type { HtmlDocument } from './html-model.js';
import { PAGE_CSS } from './page-css.js';

/**
 * The whole self-contained file: policy, stylesheet, a header, the data (one JSON block) and the script that draws
 * the report from it. The only tenant text outside the JSON block is the title, escaped (and already neutralised
 * by the model). Nothing refers to anything outside the file.
 */
export function htmlPage(doc: HtmlDocument): string {
  const csp = contentSecurityPolicy({ styles: [PAGE_CSS], scripts: [CLIENT_SCRIPT] });
  const title = doc.tenants.length === 1 && doc.failed.length === 0 ? (doc.tenants[0]?.label ?? '') : `${doc.tenants.length + doc.failed.length} tenants`;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(csp)}">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>auth0-scan: ${escapeHtml(title)}</title>
<style>${PAGE_CSS}</style>
</head>
<body>
<header class="top"><span class="brand">auth0-scan</span><span class="t">${escapeHtml(title)}</span><select id="tenant-select" aria-label="Tenant" hidden></select></header>
<main id="app"><noscript><p>This report draws itself with the script it contains, and JavaScript is off. Its data is the JSON block at the end of this file; <code>auth0-scan scan --format json</code> gives the same report as JSON.</p></noscript></main>
<footer>auth0-scan ${escapeHtml(doc.tool.version)} · a self-contained report: it loads nothing from the network (see its Content-Security-Policy).</footer>
<script type="application/json" id="report-data">${embedJson(doc)}</script>
<script>${CLIENT_SCRIPT}</script>
</body>
</html>
`;
}
