/**
 * The page script's entry: reads the embedded data, draws the comparison of tenants or one tenant's report (with
 * the access section when the page has one), the tenant switcher, and opens every collapsed part while printing.
 * Marks `<html data-ready>` when drawn.
 */
export const CLIENT_APP = String.raw`
var DOC = JSON.parse(document.getElementById('report-data').textContent);
var RULES = new Map(DOC.rules.map(function (r) { return [r.id, r]; }));
var AREAS = new Map(DOC.areas.map(function (a) { return [a.id, a.label]; }));
var ACCESS = document.getElementById('access-section');

// The access section is markup the report built (escaped there): a fresh copy for each time the tenant is drawn.
function accessView(index) {
  return ACCESS && index === 0 && DOC.tenants.length === 1 ? document.importNode(ACCESS.content, true) : null;
}

function tenantView(t, index) {
  return el('div', { cls: 'tenant', 'data-tenant': index }, [
    el('h1', { cls: 'tenant-title t', text: t.label }),
    el('div', { cls: 'head-grid' }, [overview(t), areasSection(t)]),
    t.history ? trendSection(t) : null,
    t.history ? changesSection(t) : null,
    findingsView(t, index),
    accessView(index),
    skippedSection(t),
    notJudgedSection(t),
    coverageSection(t),
    suppressionsSection(t),
    baselineSection(t),
  ]);
}

function comparisonView() {
  var areaHeads = DOC.areas.filter(function (a) { return a.id !== 'other'; });
  var rows = DOC.tenants.map(function (t, i) {
    var s = t.summary;
    var areaScores = areaHeads.map(function (a) {
      var found = t.score ? t.score.areas.filter(function (x) { return x.area === a.id; })[0] : undefined;
      return el('span', { cls: 'band-' + scoreBand(found ? found.value : null), text: scoreText(found ? found.value : null) });
    });
    return row([
      el('button', { type: 'button', cls: 'linkish t', 'data-show-tenant': i, text: t.label }),
      el('strong', { cls: 'band-' + scoreBand(t.score ? t.score.value : null), text: scoreText(t.score ? t.score.value : null) }),
      gateText(s.gate),
    ].concat(SEVERITIES.map(function (sev) { return num(s.bySeverity[sev]); })).concat([num(s.suppressed), num(s.rulesSkipped)]).concat(areaScores));
  });
  DOC.failed.forEach(function (f) {
    var cells = [el('span', { cls: 't', text: f.tenant }), 'n/a', el('span', null, ['not read: ', el('code', { text: f.code }), ' ', el('span', { cls: 't', text: f.message })])];
    for (var i = 0; i < 7 + areaHeads.length; i++) cells.push('');
    rows.push(row(cells));
  });
  var heads = ['Tenant', 'Score', 'Gate'].concat(SEVERITIES.map(function (s) { return SEVERITY_LABELS[s]; })).concat(['Suppressed', 'Skipped rules']).concat(areaHeads.map(function (a) { return a.label; }));
  var chartItems = DOC.tenants.map(function (t) { return { label: t.label, value: t.score ? t.score.value : null }; });
  return el('div', { cls: 'comparison' }, [
    el('h1', { text: 'All tenants (' + num(DOC.tenants.length + DOC.failed.length) + ')' }),
    section('Score per tenant', 'tenant-scores', [barChart(chartItems, 'Posture score per tenant')]),
    section('Comparison', 'comparison', [el('div', { cls: 'wide' }, table(heads, rows, 'grid compare'))]),
  ]);
}

var app = document.getElementById('app');
var switcher = document.getElementById('tenant-select');
var choices = DOC.tenants.length + DOC.failed.length > 1;

function show(index) {
  clear(app);
  app.appendChild(index < 0 ? comparisonView() : tenantView(DOC.tenants[index], index));
  if (switcher) switcher.value = String(index);
  window.scrollTo(0, 0);
}

if (choices) {
  add(switcher, [el('option', { value: '-1', text: 'All tenants: comparison' })].concat(DOC.tenants.map(function (t, i) { return el('option', { value: String(i), text: t.label }); })));
  switcher.hidden = false;
  switcher.addEventListener('change', function () { show(Number(switcher.value)); });
}

document.addEventListener('click', function (e) {
  var target = e.target;
  if (!(target instanceof Element)) return;
  var tenantButton = target.closest('[data-show-tenant]');
  if (tenantButton) { show(Number(tenantButton.getAttribute('data-show-tenant'))); return; }
  var opener = target.closest('[data-opens]');
  if (opener) {
    var details = document.getElementById(opener.getAttribute('data-opens'));
    if (details) details.open = true;
  }
});

var reopen = [];
window.addEventListener('beforeprint', function () {
  reopen = Array.from(document.querySelectorAll('details:not([open])'));
  reopen.forEach(function (d) { d.open = true; });
});
window.addEventListener('afterprint', function () {
  reopen.forEach(function (d) { d.open = false; });
  reopen = [];
});

show(choices || DOC.tenants.length === 0 ? -1 : 0);
document.documentElement.setAttribute('data-ready', 'true');
if (window.performance && performance.mark) performance.mark('auth0-scan:ready');
`;
