/**
 * The report's stylesheet: system fonts only (no web font is ever fetched), severity colours that keep their
 * meaning in print (borders and labels, not colour alone), and a print stylesheet that drops the controls and
 * keeps rows whole, so the browser's "Save as PDF" is the PDF report.
 */
export const PAGE_CSS = `
:root { --fg: #1b1f24; --muted: #57606a; --line: #d0d7de; --bg: #ffffff; --panel: #f6f8fa;
  --critical: #8b0a1a; --high: #c0392b; --medium: #c25e00; --low: #8a6d00; --info: #1f6fb2;
  --good: #1a7f37; --fair: #b58100; --poor: #c0392b; }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0; color: var(--fg); background: var(--bg); font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
code, dd, dt { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", monospace; font-size: 12.5px; }
.t { unicode-bidi: isolate; overflow-wrap: anywhere; }
.top { display: flex; align-items: center; gap: 16px; padding: 10px 24px; border-bottom: 1px solid var(--line); background: var(--panel); position: sticky; top: 0; z-index: 2; }
.top .brand { font-weight: 700; }
.top select { margin-left: auto; max-width: 50%; padding: 4px 6px; font: inherit; }
main { padding: 8px 24px 48px; max-width: 1400px; }
h1 { font-size: 22px; margin: 16px 0 8px; }
h2 { font-size: 18px; margin: 0 0 10px; }
h3 { font-size: 15px; margin: 0; }
.block { margin: 18px 0; padding: 16px; border: 1px solid var(--line); border-radius: 8px; }
.note { color: var(--muted); margin: 6px 0; }
.facts { margin: 6px 0; }
.meta { color: var(--muted); margin: 4px 0 0; }
.head-grid { display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); gap: 18px; align-items: stretch; }
.head-grid > .block { margin: 8px 0; }
@media (max-width: 1100px) { .head-grid { grid-template-columns: minmax(0, 1fr); } }
.overview { display: flex; gap: 24px; align-items: center; flex-wrap: wrap; }
.score-card { display: flex; flex-direction: column; align-items: center; justify-content: center; width: 150px; height: 150px; border-radius: 50%; border: 10px solid var(--line); }
.score-card.band-good { border-color: var(--good); } .score-card.band-fair { border-color: var(--fair); } .score-card.band-poor { border-color: var(--poor); }
.score-value { font-size: 40px; font-weight: 700; line-height: 1; }
.score-label { font-size: 11px; color: var(--muted); text-align: center; padding: 4px 10px 0; }
.summary { flex: 1; min-width: 300px; }
.gate { font-size: 15px; margin-bottom: 10px; }
.gate-failed strong { color: var(--poor); } .gate-passed strong { color: var(--good); }
.counts { display: flex; gap: 6px; flex-wrap: wrap; }
.count-card { min-width: 74px; padding: 8px 12px; border-radius: 6px; border: 1px solid var(--line); border-left: 6px solid; display: flex; flex-direction: column; }
.count-card .n { font-size: 22px; font-weight: 700; } .count-card .l { color: var(--muted); font-size: 12px; }
.sev-critical { border-color: var(--critical); } .sev-high { border-color: var(--high); } .sev-medium { border-color: var(--medium); }
.sev-low { border-color: var(--low); } .sev-info { border-color: var(--info); }
.sev { display: inline-block; min-width: 64px; text-align: center; padding: 1px 8px; border-radius: 10px; font-size: 12px; font-weight: 600; color: #fff; border: 1px solid; }
.sev.sev-critical { background: var(--critical); } .sev.sev-high { background: var(--high); } .sev.sev-medium { background: var(--medium); }
.sev.sev-low { background: var(--low); } .sev.sev-info { background: var(--info); }
.band-good { color: var(--good); } .band-fair { color: var(--fair); } .band-poor { color: var(--poor); } .band-na { color: var(--muted); }
.chart { display: block; max-width: 100%; height: auto; font-size: 12px; }
.chart .label, .chart .value, .chart .tick, .chart .score-label { fill: var(--fg); }
.chart .tick { font-size: 11px; fill: var(--muted); }
.chart .track { fill: #eaeef2; }
.chart .band-good .fill { fill: var(--good); } .chart .band-fair .fill { fill: var(--fair); } .chart .band-poor .fill { fill: var(--poor); }
.chart .axis { stroke: var(--line); }
.chart .seg-critical { fill: var(--critical); } .chart .seg-high { fill: var(--high); } .chart .seg-medium { fill: var(--medium); }
.chart .seg-low { fill: var(--low); } .chart .seg-info { fill: var(--info); }
.chart .score-line { fill: none; stroke: var(--fg); stroke-width: 2; }
.chart .score-dot { fill: var(--fg); }
.chart .score-label { font-weight: 700; paint-order: stroke; stroke: #fff; stroke-width: 3px; }
.filters { position: sticky; top: 49px; z-index: 1; display: flex; flex-wrap: wrap; gap: 8px; align-items: center; padding: 10px 12px; margin: 18px 0 0; background: var(--panel); border: 1px solid var(--line); border-radius: 8px; }
.chips { display: flex; gap: 6px; flex-wrap: wrap; }
.chip { border: 1px solid; border-left-width: 5px; border-radius: 6px; padding: 2px 8px; background: var(--bg); cursor: pointer; user-select: none; }
.filters select, .filters input[type=search] { font: inherit; padding: 4px 6px; }
.filters input[type=search] { min-width: 260px; flex: 1; }
.shown { color: var(--muted); }
.rule { margin: 14px 0; border-top: 1px solid var(--line); padding-top: 12px; }
.rule header { display: flex; gap: 10px; align-items: center; flex-wrap: wrap; }
.rule .count, .rule .area { color: var(--muted); }
.rule-id { color: var(--muted); font-weight: 400; }
.explain { margin: 8px 0; } .explain p { margin: 6px 0; max-width: 100ch; }
.explain summary, .ev summary { cursor: pointer; color: var(--muted); }
.change > summary, .access-cap > summary { cursor: pointer; margin: 10px 0 4px; } .change > summary h3, .access-cap > summary h3 { display: inline; }
.access-headline { font-size: 16px; margin: 4px 0 10px; } .access-headline strong { font-size: 22px; }
.access-exposed strong { color: var(--poor); }
.refs { margin: 4px 0; padding-left: 20px; }
table.grid { border-collapse: collapse; width: 100%; margin: 8px 0; }
.grid th, .grid td { border-bottom: 1px solid var(--line); padding: 6px 8px; text-align: left; vertical-align: top; }
.grid th { background: var(--panel); font-weight: 600; }
.findings td:first-child { width: 28%; } .findings td:last-child { width: 30%; }
.res { display: flex; flex-direction: column; gap: 1px; }
.res .kind { color: var(--muted); font-size: 11px; text-transform: uppercase; letter-spacing: .03em; }
.res .name { font-weight: 600; }
.res .id { color: var(--muted); }
.evidence { margin: 4px 0; display: grid; grid-template-columns: max-content 1fr; gap: 2px 10px; }
.evidence dt { color: var(--muted); } .evidence dd { margin: 0; overflow-wrap: anywhere; }
.sup, .fix, .count { margin-top: 4px; color: var(--muted); }
.tag { display: inline-block; font-size: 11px; padding: 0 6px; border-radius: 8px; border: 1px solid var(--info); color: var(--info); margin-right: 6px; }
.status { font-weight: 600; } .status-ok { color: var(--good); } .status-partial { color: var(--fair); }
.status-forbidden, .status-unavailable, .status-truncated, .status-error { color: var(--poor); }
.sub { color: var(--muted); }
.wide { overflow-x: auto; }
.compare td:first-child { min-width: 14em; } .compare .linkish { overflow-wrap: break-word; }
.linkish { background: none; border: 0; padding: 0; color: #0b5cad; text-decoration: underline; cursor: pointer; font: inherit; text-align: left; }
a { color: #0b5cad; }
.empty { font-weight: 600; }
[hidden] { display: none !important; }
footer { color: var(--muted); padding: 0 24px 32px; font-size: 12px; }
@media print {
  @page { margin: 12mm; }
  body { font-size: 10.5pt; }
  .top select, .filters, .explain-link { display: none !important; }
  .top, .filters { position: static; }
  main { padding: 0; max-width: none; }
  .head-grid { grid-template-columns: minmax(0, 1fr); }
  .block { border: 0; padding: 0; margin: 12px 0; break-inside: auto; }
  .rule { break-inside: auto; } .rule header { break-after: avoid; }
  tr, .count-card, .score-card, .chart { break-inside: avoid; }
  .sev { color: #000; background: none !important; }
  a { color: inherit; text-decoration: none; }
  .ev summary, .explain summary { display: none; }
}
`;
