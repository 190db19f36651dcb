/**
 * The page script's other sections of a tenant: the overview (score, gate, severity counts), the area chart, the
 * trend and the changes since the previous report, skipped and not-judged rules, coverage per kind, suppression
 * entries and the baseline.
 */
export const CLIENT_SECTIONS = String.raw`
function gateText(g) {
  if (g.incomplete && !g.passed) return 'INCOMPLETE';
  return (g.passed ? 'PASSED' : 'FAILED') + (g.incomplete ? ' (incomplete)' : '');
}

function overview(t) {
  var s = t.summary;
  var score = t.score ? t.score.value : null;
  var cards = SEVERITIES.map(function (sev) {
    return el('div', { cls: 'count-card sev-' + sev }, [el('span', { cls: 'n', text: num(s.bySeverity[sev]) }), el('span', { cls: 'l', text: SEVERITY_LABELS[sev] })]);
  });
  var facts = [
    plural(s.total, 'open finding'),
    plural(s.rulesEvaluated, 'rule') + ' evaluated, ' + num(s.rulesSkipped) + ' skipped',
  ];
  if (s.suppressed) facts.push(num(s.suppressed) + ' suppressed');
  if (s.notJudged) facts.push(num(s.notJudged) + ' not judged');
  return el('section', { cls: 'block overview', id: 'overview' }, [
    el('div', { cls: 'score-card band-' + scoreBand(score) }, [
      el('span', { cls: 'score-value', id: 'score-value', text: scoreText(score) }),
      el('span', { cls: 'score-label', text: t.score ? 'posture score (0-100)' : 'posture score: n/a (not in this report)' }),
    ]),
    el('div', { cls: 'summary' }, [
      el('div', { cls: 'gate gate-' + (s.gate.passed ? 'passed' : 'failed') }, ['Gate: ', el('strong', { text: gateText(s.gate) }), ' (fail-on ' + s.gate.failOn + ')']),
      el('div', { cls: 'counts' }, cards),
      el('p', { cls: 'facts', text: facts.join(' · ') }),
      el('p', { cls: 'meta' }, [
        'Scanned ', el('span', { cls: 't', text: when(t.startedAt) }), ' from ' + t.source + ' with auth0-scan ', el('span', { cls: 't', text: t.toolVersion }),
      ]),
    ]),
  ]);
}

function areasSection(t) {
  if (!t.score) return section('Score per area', 'areas', [el('p', { cls: 'note', text: 'n/a: this report was written before auth0-scan computed a posture score.' })]);
  var items = t.score.areas.map(function (a) {
    var label = AREAS.get(a.area) || a.area;
    return { label: label, value: a.value, title: label + ': ' + scoreText(a.value) + ' (' + a.passed + ' passed, ' + a.failed + ' failed, ' + a.skipped + ' skipped of ' + a.counted + ' rules)' };
  });
  return section('Score per area', 'areas', [
    barChart(items, 'Posture score per area'),
    el('p', { cls: 'note', text: 'Each area: the share of its rules\u2019 weight that passed (critical 10, high 6, medium 3, low 1). A rule skipped for missing data counts and earns nothing; n/a: no rule of the area counts. Formula ' + t.score.formula + '.' }),
  ]);
}

function trendSection(t) {
  var h = t.history;
  var rows = h.points.map(function (p) {
    return row([when(p.startedAt), scoreText(p.score)].concat(SEVERITIES.map(function (s) { return num(p.bySeverity[s] || 0); })).concat([num(p.total)]));
  });
  return section('Trend', 'trend', [
    trendChart(h.points),
    el('details', null, [el('summary', { text: 'As a table' }), table(['Scan', 'Score'].concat(SEVERITIES.map(function (s) { return SEVERITY_LABELS[s]; })).concat(['Open']), rows)]),
  ]);
}

function changeList(title, items, total, cls) {
  if (total === 0) return null;
  var rows = items.map(function (c) { return row([badge(c.s), el('code', { cls: 't', text: c.r }), resourceCell(c.k, c.i, c.n), el('span', { cls: 't', text: c.m })]); });
  var more = total > items.length ? el('p', { cls: 'note', text: 'and ' + num(total - items.length) + ' more.' }) : null;
  return el('details', { cls: 'change ' + cls, open: total <= 10 ? 'open' : null }, [el('summary', null, el('h3', { text: title + ' (' + num(total) + ')' })), table(['Severity', 'Rule', 'Resource', 'Message'], rows), more]);
}

function changesSection(t) {
  var c = t.history.changes;
  return section('Changes since ' + when(c.since), 'changes', [
    el('p', { cls: 'facts', text: [num(c.addedCount) + ' new', num(c.fixedCount) + ' fixed', num(c.notRecheckedCount) + ' not re-checked', num(c.changed) + ' changed', num(c.unchanged) + ' unchanged'].join(' · ') }),
    el('p', { cls: 'note', text: 'Compared by fingerprint, as auth0-scan diff does: a finding gone because its rule was skipped in the latest scan is "not re-checked", never "fixed".' }),
    changeList('New', c.added, c.addedCount, 'added'),
    changeList('Fixed', c.fixed, c.fixedCount, 'fixed'),
    changeList('Not re-checked', c.notRechecked, c.notRecheckedCount, 'not-rechecked'),
  ]);
}

function ruleTitleCell(id) {
  var rule = ruleOf(id);
  return el('div', null, [el('code', { cls: 't', text: id }), rule.known ? el('div', { cls: 'sub t', text: rule.title }) : null, rule.references.length > 0 ? link(rule.references[0], 'Reference') : null]);
}

function skippedSection(t) {
  if (t.skipped.length === 0) return null;
  var rows = t.skipped.map(function (s) { return row([ruleTitleCell(s.ruleId), el('span', { cls: 't', text: s.reason }), codeList(s.kinds), codeList(s.missingScopes)]); });
  return section('Skipped rules (' + num(t.skipped.length) + ')', 'skipped', [
    el('p', { cls: 'note', text: 'Not evaluated, so not passed: the data they need could not be read. Grant the missing scopes and scan again.' }),
    table(['Rule', 'Reason', 'Kinds', 'Missing scopes'], rows),
  ]);
}

function notJudgedSection(t) {
  if (t.notJudged.length === 0) return null;
  var rows = [];
  t.notJudged.forEach(function (n) {
    n.resources.forEach(function (r) { rows.push(row([el('code', { cls: 't', text: n.ruleId }), resourceCell(r.kind, r.id, r.name), el('span', { cls: 't', text: r.reason })])); });
    if (n.count > n.resources.length) rows.push(row([el('code', { cls: 't', text: n.ruleId }), 'and ' + num(n.count - n.resources.length) + ' more', '']));
  });
  return section('Not judged (' + num(t.summary.notJudged) + ')', 'not-judged', [
    el('p', { cls: 'note', text: 'Resources a rule could not judge (a field of a type it cannot read, or a required field absent): neither found nor passed.' }),
    table(['Rule', 'Resource', 'Why'], rows),
  ]);
}

function coverageSection(t) {
  var rows = t.coverage.map(function (c) {
    var notes = [];
    if (c.detail) notes.push(el('div', { cls: 't', text: c.detail }));
    if (c.missingScopes) notes.push(el('div', null, ['Missing scopes: ', codeList(c.missingScopes)]));
    if (c.notUnderstood) notes.push(el('div', { text: num(c.notUnderstood) + ' not understood (kept out of evaluation)' }));
    if (c.gone) notes.push(el('div', { text: num(c.gone) + ' deleted while being read' }));
    if (c.withheldFields) notes.push(el('div', null, ['Fields withheld: ', codeList(c.withheldFields)]));
    return row([el('code', { text: c.kind }), el('span', { cls: 'status status-' + c.status, text: c.status }), num(c.count), notes]);
  });
  return section('Coverage per kind', 'coverage', [table(['Kind', 'Status', 'Resources', 'Notes'], rows)]);
}

function suppressionsSection(t) {
  var s = t.suppressions;
  if (!s) return null;
  var entryRows = function (list) { return list.map(function (e) { return row([el('code', { cls: 't', text: e.entry }), el('code', { cls: 't', text: e.rule }), el('code', { cls: 't', text: e.resource }), el('span', { cls: 't', text: e.reason }), e.expires]); }); };
  var parts = [el('p', { cls: 'facts' }, [num(s.entries) + (s.entries === 1 ? ' entry' : ' entries') + ' from ', codeList(s.sources)])];
  if (s.expired.length > 0) parts.push(el('h3', { text: 'Expired (' + s.expired.length + '): no longer suppress anything' }), table(['Entry', 'Rule', 'Resource', 'Reason', 'Expired'], entryRows(s.expired)));
  if (s.unused.length > 0) parts.push(el('h3', { text: 'Unused (' + s.unused.length + '): matched no finding' }), table(['Entry', 'Rule', 'Resource', 'Reason', 'Expires'], entryRows(s.unused)));
  return section('Suppression entries', 'suppressions', parts);
}

function baselineSection(t) {
  var b = t.baseline;
  if (!b) return null;
  var rows = b.fixed.map(function (x) { return row([el('code', { cls: 't', text: x.ruleId }), resourceCell(x.kind, x.id, x.name)]); });
  return section('Baseline', 'baseline', [
    el('p', { cls: 'facts' }, ['Compared with ', el('code', { cls: 't', text: b.path }), ': ' + num(b.new) + ' new, ' + num(b.unchanged) + ' accepted, ' + num(b.fixed.length) + ' fixed.']),
    rows.length > 0 ? table(['Rule', 'Fixed since the baseline'], rows) : null,
  ]);
}
`;
