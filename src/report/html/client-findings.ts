/**
 * The page script's findings: grouped by rule (most severe first, then most findings), each group with its rule's
 * explanation, in three lists (open, accepted by the baseline, suppressed), and the filters (severity, area, rule,
 * text) that hide rows without rebuilding them.
 */
export const CLIENT_FINDINGS = String.raw`
var FINDING_LISTS = [
  { id: 'open', title: 'Findings', states: ['open', 'new'], note: 'Open findings: counted in the score and by the gate.' },
  { id: 'accepted', title: 'Accepted by the baseline', states: ['accepted'], note: 'Findings the baseline report already had: not counted by the gate.' },
  { id: 'suppressed', title: 'Suppressed', states: ['suppressed'], note: 'Findings a suppression entry covers, with its reason and expiry: not counted.' },
];

function ruleOf(id) {
  return RULES.get(id) || { id: id, title: id, severity: 'info', area: 'other', description: '', rationale: '', remediation: '', references: [], known: false };
}

function groupByRule(findings) {
  var groups = new Map();
  findings.forEach(function (f) {
    var g = groups.get(f.r);
    if (!g) { g = { rule: ruleOf(f.r), findings: [], severity: f.s }; groups.set(f.r, g); }
    g.findings.push(f);
    if (sevRank(f.s) < sevRank(g.severity)) g.severity = f.s;
  });
  return Array.from(groups.values()).sort(function (a, b) {
    return sevRank(a.severity) - sevRank(b.severity) || b.findings.length - a.findings.length || (a.rule.id < b.rule.id ? -1 : a.rule.id > b.rule.id ? 1 : 0);
  });
}

function explanation(rule, id) {
  var parts = [];
  if (!rule.known) parts.push(el('p', { cls: 'note', text: 'This rule is not among the rules this auth0-scan knows (a custom rule?): only what its findings say is shown.' }));
  if (rule.description) parts.push(el('p', null, [el('strong', { text: 'What it checks. ' }), rule.description]));
  if (rule.rationale) parts.push(el('p', null, [el('strong', { text: 'Why it matters. ' }), rule.rationale]));
  if (rule.remediation) parts.push(el('p', null, [el('strong', { text: 'How to fix it. ' }), rule.remediation]));
  if (rule.references.length > 0) parts.push(el('ul', { cls: 'refs' }, rule.references.map(function (r) { return el('li', null, link(r)); })));
  parts.push(el('p', { cls: 'cmd' }, ['More: ', el('code', { text: 'auth0-scan rules explain ' + rule.id })]));
  return el('details', { cls: 'explain', id: id }, [el('summary', { text: 'Explanation: what it checks, why it matters, how to fix it' })].concat(parts));
}

function evidenceCell(f) {
  var items = [];
  if (f.c !== undefined) items.push(el('div', { cls: 'count', text: plural(f.c, 'resource') + (f.sm ? ', e.g. ' + f.sm.join(', ') : '') }));
  if (f.e.length > 0) {
    var dl = el('dl', { cls: 'evidence' });
    f.e.forEach(function (pair) { add(dl, [el('dt', { cls: 't', text: pair[0] }), el('dd', { cls: 't', text: pair[1] })]); });
    items.push(el('details', { cls: 'ev' }, [el('summary', { text: 'Evidence (' + f.e.length + ')' }), dl]));
  }
  return items;
}

function findingRow(f) {
  var msg = [el('div', { cls: 'msg t', text: f.m })];
  if (f.st === 'new') msg.unshift(el('span', { cls: 'tag tag-new', text: 'new' }));
  if (f.sup) msg.push(el('div', { cls: 'sup' }, ['Suppressed until ' + f.sup.expires + ': ', el('span', { cls: 't', text: f.sup.reason }), ' (', el('code', { cls: 't', text: f.sup.entry }), ')']));
  if (f.fix) msg.push(el('div', { cls: 'fix' }, [el('strong', { text: 'Fix: ' }), el('span', { cls: 't', text: f.fix })]));
  var tr = el('tr', { cls: 'finding', 'data-fp': f.f, 'data-rule': f.r, 'data-severity': f.s, 'data-state': f.st }, [
    el('td', null, resourceCell(f.k, f.i, f.n)),
    el('td', null, msg),
    el('td', null, evidenceCell(f)),
  ]);
  return tr;
}

function searchText(f, rule) {
  var parts = [f.r, rule.title, f.k, f.i, f.n || '', f.m];
  f.e.forEach(function (pair) { parts.push(pair[0], pair[1]); });
  if (f.sm) parts.push(f.sm.join(' '));
  return parts.join('\n').toLowerCase();
}

function findingList(def, findings, view, index) {
  var groups = groupByRule(findings);
  var counter = el('span', { cls: 'shown' });
  var body = el('div', { cls: 'groups' });
  var list = { def: def, groups: [], counter: counter, total: findings.length };
  groups.forEach(function (g, gi) {
    var anchor = 'rule-' + index + '-' + gi;
    var gcount = el('span', { cls: 'count' });
    var rows = g.findings.map(function (f) {
      var tr = findingRow(f);
      view.items.push({ f: f, row: tr, area: g.rule.area, text: searchText(f, g.rule), group: null });
      return tr;
    });
    var group = { el: null, count: gcount, size: rows.length, visible: 0 };
    view.items.slice(view.items.length - rows.length).forEach(function (it) { it.group = group; });
    group.el = el('section', { cls: 'rule', id: anchor, 'data-rule': g.rule.id }, [
      el('header', null, [
        badge(g.severity),
        el('h3', null, [el('span', { cls: 't', text: g.rule.title }), ' ', el('code', { cls: 'rule-id t', text: g.rule.id })]),
        el('span', { cls: 'area', text: AREAS.get(g.rule.area) || g.rule.area }),
        gcount,
        el('a', { href: '#' + anchor + '-x', cls: 'explain-link', 'data-opens': anchor + '-x', text: 'Explanation' }),
        g.rule.references.length > 0 ? link(g.rule.references[0], 'Reference') : null,
      ]),
      explanation(g.rule, anchor + '-x'),
      table(['Resource', 'Finding', 'Evidence'], rows, 'grid findings'),
    ]);
    list.groups.push(group);
    body.appendChild(group.el);
  });
  list.el = section(def.title + ' (' + num(findings.length) + ')', 'list-' + def.id, [el('p', { cls: 'note' }, [def.note, ' ', counter]), body]);
  return list;
}

function filterBar(t, view) {
  var present = { sev: {}, area: new Map(), rule: new Map() };
  t.findings.forEach(function (f) {
    var rule = ruleOf(f.r);
    present.sev[f.s] = (present.sev[f.s] || 0) + 1;
    present.area.set(rule.area, (present.area.get(rule.area) || 0) + 1);
    present.rule.set(f.r, (present.rule.get(f.r) || 0) + 1);
  });
  var sevBoxes = SEVERITIES.map(function (s) {
    var box = el('input', { type: 'checkbox', checked: 'checked', 'data-filter-severity': s });
    view.severityBoxes.push(box);
    return el('label', { cls: 'chip sev-' + s }, [box, ' ' + SEVERITY_LABELS[s] + ' (' + num(present.sev[s] || 0) + ')']);
  });
  var areaOptions = [el('option', { value: '', text: 'All areas' })];
  DOC.areas.forEach(function (a) { if (present.area.has(a.id)) areaOptions.push(el('option', { value: a.id, text: a.label + ' (' + num(present.area.get(a.id)) + ')' })); });
  view.area = el('select', { id: 'filter-area', 'aria-label': 'Area' }, areaOptions);
  var ruleIds = Array.from(present.rule.keys()).sort();
  view.rule = el('select', { id: 'filter-rule', 'aria-label': 'Rule' }, [el('option', { value: '', text: 'All rules' })].concat(ruleIds.map(function (id) {
    return el('option', { value: id, text: id + ' (' + num(present.rule.get(id)) + ')' });
  })));
  view.search = el('input', { type: 'search', id: 'filter-text', placeholder: 'Search names, ids, messages, evidence', 'aria-label': 'Search' });
  view.summary = el('span', { id: 'filter-summary', cls: 'shown' });
  var bar = el('div', { cls: 'filters', id: 'filters' }, [el('div', { cls: 'chips' }, sevBoxes), view.area, view.rule, view.search, view.summary]);
  var update = function () { applyFilters(view); };
  bar.addEventListener('change', update);
  bar.addEventListener('input', update);
  return bar;
}

function applyFilters(view) {
  var sev = {};
  view.severityBoxes.forEach(function (b) { sev[b.getAttribute('data-filter-severity')] = b.checked; });
  var area = view.area.value, rule = view.rule.value, q = view.search.value.trim().toLowerCase();
  view.lists.forEach(function (l) { l.shown = 0; l.groups.forEach(function (g) { g.visible = 0; }); });
  var shown = 0;
  view.items.forEach(function (it) {
    var ok = sev[it.f.s] && (area === '' || it.area === area) && (rule === '' || it.f.r === rule) && (q === '' || it.text.indexOf(q) >= 0);
    it.row.hidden = !ok;
    if (ok) { shown++; it.group.visible++; }
  });
  view.lists.forEach(function (l) {
    var listShown = 0;
    l.groups.forEach(function (g) {
      g.el.hidden = g.visible === 0;
      g.count.textContent = g.visible === g.size ? plural(g.size, 'finding') : num(g.visible) + ' of ' + plural(g.size, 'finding');
      listShown += g.visible;
    });
    l.counter.textContent = listShown === l.total ? '' : 'Showing ' + num(listShown) + ' of ' + num(l.total) + '.';
  });
  view.summary.textContent = 'Showing ' + num(shown) + ' of ' + plural(view.items.length, 'finding');
}

function findingsView(t, index) {
  var view = { items: [], lists: [], severityBoxes: [] };
  var blocks = [];
  FINDING_LISTS.forEach(function (def) {
    var findings = t.findings.filter(function (f) { return def.states.indexOf(f.st) >= 0; });
    if (findings.length === 0 && def.id !== 'open') return;
    var list = findingList(def, findings, view, index + '-' + def.id);
    view.lists.push(list);
    blocks.push(list.el);
  });
  var bar = filterBar(t, view);
  applyFilters(view);
  var open = view.lists[0];
  if (open && open.total === 0) open.el.appendChild(el('p', { cls: 'empty', text: t.summary.gate.incomplete ? 'No findings in what could be read: the run is incomplete (see the skipped rules).' : 'No findings: every evaluated rule passed.' }));
  return el('div', { cls: 'findings-view' }, [bar].concat(blocks));
}
`;
