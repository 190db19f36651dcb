import type { AccessModel, AccessPath, CapabilityId, Principal } from '../../access/access-types.js';
import { pathLabel, pathsTo, principalTypeWord, riskNotes, typeBreakdown } from '../../access/describe-principal.js';
import { escapeHtml } from './escape-html.js';
import { htmlText, type TextBound } from './html-text.js';

export interface AccessSectionOptions {
  /** Most principals listed per capability: the rest is counted, so 50,000 role members stay a small page. */
  rows: number;
  /** `all`: every capability's table open (a page without script); `takeover`: only the takeover ones. */
  open: 'all' | 'takeover';
  /** List each path's scopes under it. */
  scopes?: boolean;
}

/** Paths listed per principal and capability, unclassified scopes listed, holders named per unclassified scope. */
const PATHS = 5;
const UNCLASSIFIED = 100;
const HOLDERS = 3;
const SCOPES = 50;

/** Tenant text as HTML: neutralised and bounded (htmlText), then escaped, in an isolating span. */
const t = (text: string, bound: TextBound = 'name', tag = 'span', cls = 't'): string => `<${tag} class="${cls}">${escapeHtml(htmlText(text, bound))}</${tag}>`;
const statusClass = (status: string): string => (status === 'partial' ? 'status-partial' : 'status-error');
const num = (n: number): string => n.toLocaleString('en-US');
const plural = (n: number, word: string): string => `${num(n)} ${word}${n === 1 ? '' : 's'}`;

/**
 * "Who can change this tenant" as static HTML, shared by `auth0-scan access --format html` and the scan report:
 * the takeover count first, then per capability (model order) its principals, the paths that give it and what
 * makes them easier to abuse, then the scopes the model does not classify and the gaps that make it a lower
 * bound. Every tenant string goes through htmlText and escapeHtml; markup comes only from this file.
 */
export function accessSectionHtml(model: AccessModel, options: AccessSectionOptions): string {
  const takeover = model.principals.filter((p) => p.takeover);
  const out: string[] = ['<section class="block access" id="access">', '<h2>Who can change this tenant</h2>'];
  out.push(
    `<p class="access-headline${takeover.length > 0 ? ' access-exposed' : ''}" id="access-headline"><strong>${num(takeover.length)}</strong> of ${plural(model.principals.length, 'principal')} can take over this tenant${takeover.length > 0 ? ` (${breakdown(takeover)})` : ''}.</p>`,
  );
  if (model.gaps.length > 0) out.push('<p class="note access-incomplete"><strong>Incomplete:</strong> some data was not read, so these lists are a lower bound (see the gaps below).</p>');
  for (const cap of model.capabilities) {
    const holders = model.principals.filter((p) => p.capabilities.includes(cap.id));
    if (holders.length === 0 && !cap.takeover) continue;
    out.push(capabilityBlock(cap, holders, options));
  }
  const customOnly = model.principals.filter((p) => p.capabilities.length === 0).length;
  if (customOnly > 0) out.push(`<p class="note">${plural(customOnly, 'principal')} hold custom-API or harmless Management API scopes only (every scope is in <code>auth0-scan access --format json</code>).</p>`);
  out.push(unclassifiedBlock(model), gapsBlock(model));
  out.push(`<p class="meta">Management API ${t(model.managementApiIdentifier, 'id', 'code', 'id t')} · data read ${t(model.generatedAt)}</p>`, '</section>');
  return out.filter((s) => s !== '').join('\n');
}

function capabilityBlock(cap: AccessModel['capabilities'][number], holders: readonly Principal[], options: AccessSectionOptions): string {
  const open = options.open === 'all' || cap.takeover ? ' open' : '';
  const head = `<summary><h3>${t(cap.title)} (${num(holders.length)})</h3>${holders.length > 0 ? ` <span class="sub">${breakdown(holders)}</span>` : ''}</summary>`;
  if (holders.length === 0) return `<details class="access-cap" data-capability="${escapeHtml(cap.id)}"${open}>${head}<p class="note">None.</p></details>`;
  const shown = holders.slice(0, Math.max(0, options.rows));
  const rows = shown.map((p) => principalRow(p, cap.id, options.scopes === true));
  const more =
    holders.length > shown.length
      ? `<p class="note access-more">… and ${num(holders.length - shown.length)} more: this page lists at most ${num(options.rows)} principals per capability; <code>auth0-scan access --format json</code> has every principal and path.</p>`
      : '';
  return [
    `<details class="access-cap" data-capability="${escapeHtml(cap.id)}"${open}>${head}`,
    '<div class="wide"><table class="grid access-principals"><thead><tr><th>Type</th><th>Principal</th><th>Through</th><th>Notes</th></tr></thead><tbody>',
    ...rows,
    '</tbody></table></div>',
    more,
    '</details>',
  ]
    .filter((s) => s !== '')
    .join('\n');
}

function principalRow(p: Principal, capability: CapabilityId, scopes: boolean): string {
  const name = p.name === undefined ? '' : t(p.name, 'name', 'span', 'name t');
  const paths = pathsTo(p, capability);
  const through = paths.slice(0, PATHS).map((x) => pathCell(x, scopes));
  if (paths.length > PATHS) through.push(`<div class="sub">and ${plural(paths.length - PATHS, 'more path')}</div>`);
  const notes = riskNotes(p).map((n) => escapeHtml(htmlText(n, 'name')));
  return `<tr class="principal" data-principal="${escapeHtml(htmlText(p.id, 'id'))}"><td>${escapeHtml(principalTypeWord(p))}</td><td><div class="res">${name}${t(p.nativeId, 'id', 'code', 'id t')}</div></td><td>${through.join('')}</td><td>${notes.join(' · ')}</td></tr>`;
}

function pathCell(path: AccessPath, scopes: boolean): string {
  const label = t(pathLabel(path), 'message', 'div');
  if (!scopes || path.scopes.length === 0) return label;
  const listed = path.scopes.slice(0, SCOPES).map((s) => t(s, 'name', 'code', 't'));
  const rest = path.scopes.length > SCOPES ? `, and ${num(path.scopes.length - SCOPES)} more` : '';
  return `${label}<div class="sub">${listed.join(', ')}${rest}</div>`;
}

function unclassifiedBlock(model: AccessModel): string {
  const list = model.unclassifiedScopes;
  if (list.length === 0) return '';
  const rows = list.slice(0, UNCLASSIFIED).map((u) => {
    const named = u.heldBy.slice(0, HOLDERS).map((id) => t(id, 'id', 'code', 't'));
    const rest = u.heldBy.length > HOLDERS ? `, and ${num(u.heldBy.length - HOLDERS)} more` : '';
    return `<tr><td>${t(u.scope, 'name', 'code', 't')}</td><td>${num(u.heldBy.length)}</td><td>${named.join(', ')}${rest}</td></tr>`;
  });
  const more = list.length > UNCLASSIFIED ? `<p class="note">… and ${num(list.length - UNCLASSIFIED)} more unclassified scopes (all in <code>auth0-scan access --format json</code>).</p>` : '';
  return [
    `<h3 id="access-unclassified">Scopes the capability model does not classify (${num(list.length)})</h3>`,
    '<p class="note">Judge them yourself: a scope the model does not know may still be a takeover.</p>',
    '<table class="grid"><thead><tr><th>Scope</th><th>Holders</th><th>Held by</th></tr></thead><tbody>',
    ...rows,
    '</tbody></table>',
    more,
  ]
    .filter((s) => s !== '')
    .join('\n');
}

function gapsBlock(model: AccessModel): string {
  if (model.gaps.length === 0) return '';
  const rows = model.gaps.map((g) => `<tr><td>${t(g.kind, 'name', 'code', 't')}</td><td><span class="status ${statusClass(g.status)}">${escapeHtml(htmlText(g.status, 'name'))}</span></td><td>${t(g.effect, 'message')}</td></tr>`);
  return [`<h3 id="access-gaps">Gaps: the model is incomplete (${num(model.gaps.length)})</h3>`, '<table class="grid"><thead><tr><th>Kind</th><th>Status</th><th>What it hides</th></tr></thead><tbody>', ...rows, '</tbody></table>'].join('\n');
}

function breakdown(ps: readonly Principal[]): string {
  return escapeHtml(typeBreakdown(ps));
}
