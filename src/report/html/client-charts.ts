/**
 * The page script's charts, drawn as inline SVG from numbers (labels go in as text nodes): a bar per score area
 * (or per tenant), and the trend of score and findings per severity over a tenant's reports.
 */
export const CLIENT_CHARTS = String.raw`
function barChart(items, label) {
  var longest = items.reduce(function (n, it) { return Math.max(n, it.label.length); }, 0);
  var rowH = 26, labelW = Math.min(330, Math.max(120, 12 + Math.min(longest, 48) * 7)), barW = 300, width = labelW + barW + 60;
  var height = items.length * rowH + 8;
  var chart = svg('svg', { viewBox: '0 0 ' + width + ' ' + height, width: width, height: height, role: 'img', 'aria-label': label, cls: 'chart bars' });
  items.forEach(function (it, i) {
    var y = 4 + i * rowH;
    var g = svg('g', { cls: 'bar band-' + scoreBand(it.value) });
    add(g, [
      svg('title', { text: it.title || (it.label + ': ' + scoreText(it.value)) }),
      svg('text', { x: labelW - 8, y: y + 16, 'text-anchor': 'end', cls: 'label', text: it.label.length > 48 ? it.label.slice(0, 47) + '\u2026' : it.label }),
      svg('rect', { x: labelW, y: y + 4, width: barW, height: 16, rx: 3, cls: 'track' }),
      it.value === null || it.value === undefined ? null : svg('rect', { x: labelW, y: y + 4, width: Math.max(0, Math.min(100, it.value)) * barW / 100, height: 16, rx: 3, cls: 'fill' }),
      svg('text', { x: labelW + barW + 8, y: y + 16, cls: 'value', text: scoreText(it.value) }),
    ]);
    chart.appendChild(g);
  });
  return chart;
}

function trendChart(points) {
  var left = 44, right = 64, top = 16, plotH = 180, bottom = 54;
  var n = Math.max(1, points.length);
  var width = Math.max(left + right + n * Math.max(48, Math.min(120, 640 / n)), 720), height = top + plotH + bottom;
  var step = (width - left - right) / n;
  var maxTotal = 1;
  points.forEach(function (p) { var t = 0; SEVERITIES.forEach(function (s) { t += p.bySeverity[s] || 0; }); maxTotal = Math.max(maxTotal, t); });
  var chart = svg('svg', { viewBox: '0 0 ' + width + ' ' + height, width: width, height: height, role: 'img', 'aria-label': 'Score and findings per severity over time', cls: 'chart trend' });
  add(chart, [
    svg('line', { x1: left, y1: top + plotH, x2: width - right, y2: top + plotH, cls: 'axis' }),
    svg('text', { x: 4, y: top + 4, cls: 'tick', text: '100' }),
    svg('text', { x: 4, y: top + plotH, cls: 'tick', text: '0' }),
    svg('text', { x: width - right + 4, y: top + 4, cls: 'tick', text: num(maxTotal) }),
    svg('text', { x: 4, y: top + plotH / 2, cls: 'tick', text: 'score' }),
    svg('text', { x: width - right + 4, y: top + plotH / 2, cls: 'tick', text: 'findings' }),
  ]);
  var line = [];
  points.forEach(function (p, i) {
    var x = left + i * step + step / 2, y = top + plotH, g = svg('g', { cls: 'point' });
    var tip = when(p.startedAt) + ': score ' + scoreText(p.score) + ', ' + plural(p.total, 'finding');
    g.appendChild(svg('title', { text: tip }));
    SEVERITIES.forEach(function (s) {
      var h = (p.bySeverity[s] || 0) * plotH / maxTotal;
      if (h <= 0) return;
      y -= h;
      g.appendChild(svg('rect', { x: x - step / 4, y: y, width: step / 2, height: h, cls: 'seg seg-' + s }));
    });
    g.appendChild(svg('text', { x: x, y: top + plotH + 16, 'text-anchor': 'middle', cls: 'tick', text: day(p.startedAt) }));
    chart.appendChild(g);
    if (p.score !== null && p.score !== undefined) line.push([x, top + plotH - p.score * plotH / 100, p.score]);
  });
  if (line.length > 1) chart.appendChild(svg('polyline', { points: line.map(function (q) { return q[0] + ',' + q[1]; }).join(' '), cls: 'score-line' }));
  line.forEach(function (q) {
    add(chart, [svg('circle', { cx: q[0], cy: q[1], r: 4, cls: 'score-dot' }), svg('text', { x: q[0], y: q[1] - 8, 'text-anchor': 'middle', cls: 'score-label', text: String(q[2]) })]);
  });
  var legend = svg('g', { cls: 'legend' });
  var lx = left;
  [['score', 'Score']].concat(SEVERITIES.map(function (s) { return ['seg-' + s, SEVERITY_LABELS[s]]; })).forEach(function (entry) {
    add(legend, [svg('rect', { x: lx, y: height - 18, width: 10, height: 10, cls: entry[0] === 'score' ? 'score-dot' : 'seg ' + entry[0] }), svg('text', { x: lx + 14, y: height - 9, cls: 'tick', text: entry[1] })]);
    lx += 82;
  });
  chart.appendChild(legend);
  return chart;
}
`;
