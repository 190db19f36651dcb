import { contentSecurityPolicy } from './content-security-policy.js';
import { escapeHtml } from './escape-html.js';
import { PAGE_CSS } from './page-css.js';

/**
 * The start of every page auth0-scan writes, up to `</head>`: the policy allowing exactly the page's own stylesheet
 * and scripts (by hash), no referrer, and the title (plain text, escaped here).
 */
export function htmlHead(title: string, scripts: readonly string[]): string {
  const csp = contentSecurityPolicy({ styles: [PAGE_CSS], scripts: [...scripts] });
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(csp)}">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${PAGE_CSS}</style>
</head>`;
}
