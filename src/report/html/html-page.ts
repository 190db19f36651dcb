import type { AccessModel } from '../../access/access-types.js';
import { accessSectionHtml } from './access-section.js';
import { CLIENT_SCRIPT } from './client-script.js';
import { embedJson } from './embed-json.js';
import { escapeHtml } from './escape-html.js';
import { htmlHead } from './html-head.js';
import type { HtmlDocument } from './html-model.js';

/** Principals per capability in the report's access section: the findings stay the page's bulk. */
const ACCESS_ROWS = 50;

export interface HtmlPageExtras {
  /** The access model of a single-tenant scan: the page gets the "Who can change this tenant" section. */
  access?: AccessModel;
}

/**
 * The whole self-contained file: policy, stylesheet, a header, the data (one JSON block) and the script that draws
 * the report from it. Tenant text outside the JSON block is the title and the access section (an inert
 * `<template>` the script places in the tenant's view), both neutralised and escaped. Nothing refers to anything
 * outside the file.
 */
export function htmlPage(doc: HtmlDocument, extras: HtmlPageExtras = {}): string {
  const title = doc.tenants.length === 1 && doc.failed.length === 0 ? (doc.tenants[0]?.label ?? '') : `${doc.tenants.length + doc.failed.length} tenants`;
  return `${htmlHead(`auth0-scan: ${title}`, [CLIENT_SCRIPT])}
<body>
<header class="top"><span class="brand">auth0-scan</span><span class="t">${escapeHtml(title)}</span><select id="tenant-select" aria-label="Tenant" hidden></select></header>
<main id="app"><noscript><p>This report draws itself with the script it contains, and JavaScript is off. Its data is the JSON block at the end of this file; <code>auth0-scan scan --format json</code> gives the same report as JSON.</p></noscript></main>
<footer>auth0-scan ${escapeHtml(doc.tool.version)} · a self-contained report: it loads nothing from the network (see its Content-Security-Policy).</footer>
${accessTemplate(doc, extras.access)}<script type="application/json" id="report-data">${embedJson(doc)}</script>
<script>${CLIENT_SCRIPT}</script>
</body>
</html>
`;
}

function accessTemplate(doc: HtmlDocument, access: AccessModel | undefined): string {
  // One tenant only: a comparison of tenants has no single answer to "who can change this tenant".
  if (access === undefined || doc.tenants.length !== 1 || doc.failed.length > 0) return '';
  return `<template id="access-section">${accessSectionHtml(access, { rows: ACCESS_ROWS, open: 'takeover' })}</template>\n`;
}
