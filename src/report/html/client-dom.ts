/**
 * The page script's DOM helpers. Tenant text only ever reaches the page as text nodes or attribute values set with
 * setAttribute (never markup: no innerHTML anywhere), and only http(s) URLs become links. Kept free of backticks
 * and template placeholders: it is inlined as a string.
 */
export const CLIENT_DOM = String.raw`
var SVGNS = 'http://www.w3.org/2000/svg';
var SEVERITIES = ['critical', 'high', 'medium', 'low', 'info'];
var SEVERITY_LABELS = { critical: 'Critical', high: 'High', medium: 'Medium', low: 'Low', info: 'Info' };

function build(node, attrs, children) {
  if (attrs) {
    Object.keys(attrs).forEach(function (k) {
      var v = attrs[k];
      if (v === undefined || v === null || v === false) return;
      if (k === 'text') node.textContent = String(v);
      else node.setAttribute(k === 'cls' ? 'class' : k, String(v));
    });
  }
  add(node, children);
  return node;
}
function el(tag, attrs, children) { return build(document.createElement(tag), attrs, children); }
function svg(tag, attrs, children) { return build(document.createElementNS(SVGNS, tag), attrs, children); }
function add(node, children) {
  if (children === undefined || children === null) return node;
  if (!Array.isArray(children)) children = [children];
  children.forEach(function (c) {
    if (c === undefined || c === null || c === false) return;
    node.appendChild(typeof c === 'string' || typeof c === 'number' ? document.createTextNode(String(c)) : c);
  });
  return node;
}
function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); return node; }

function safeHref(text) {
  var url;
  try { url = new URL(text); } catch (e) { return null; }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  if (url.username || url.password) return null;
  return url.href;
}
function link(url, label) {
  var href = safeHref(url);
  if (href === null) return el('span', { text: label || url });
  return el('a', { href: href, rel: 'noopener noreferrer', target: '_blank', text: label || url });
}

function num(n) { return Number(n).toLocaleString('en-US'); }
function plural(n, word) { return num(n) + ' ' + word + (n === 1 ? '' : 's'); }
function when(iso) {
  var m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/.exec(iso);
  return m ? m[1] + ' ' + m[2] + ' UTC' : iso;
}
function day(iso) { var m = /^\d{4}-\d{2}-\d{2}/.exec(iso); return m ? m[0] : iso; }
function sevRank(s) { var i = SEVERITIES.indexOf(s); return i < 0 ? SEVERITIES.length : i; }
function badge(severity) { return el('span', { cls: 'sev sev-' + severity, text: SEVERITY_LABELS[severity] || severity }); }
function scoreText(v) { return v === null || v === undefined ? 'n/a' : String(v); }
function scoreBand(v) { return v === null || v === undefined ? 'na' : v >= 80 ? 'good' : v >= 50 ? 'fair' : 'poor'; }

function section(title, id, children) {
  return el('section', { cls: 'block', id: id }, [el('h2', { text: title })].concat(children));
}
function table(headers, rows, cls) {
  var head = el('tr', null, headers.map(function (h) { return el('th', { text: h }); }));
  return el('table', { cls: cls || 'grid' }, [el('thead', null, head), el('tbody', null, rows)]);
}
function row(cells) { return el('tr', null, cells.map(function (c) { return el('td', null, c); })); }
function codeList(items) {
  if (!items || items.length === 0) return '';
  var out = [];
  items.forEach(function (x, i) { if (i > 0) out.push(', '); out.push(el('code', { text: x })); });
  return el('span', null, out);
}
function resourceCell(kind, id, name) {
  return el('div', { cls: 'res' }, [
    el('span', { cls: 'kind', text: kind }),
    name !== undefined ? el('span', { cls: 'name t', text: name }) : null,
    id !== kind ? el('code', { cls: 'id t', text: id }) : null,
  ]);
}
`;
