import type { AccessModel } from './access-types.js';
import { buildAccessGraph, type GraphNode } from './access-graph.js';

/**
 * A DOT double-quoted string. Only `"` and `\` are special inside one (a backslash also starts Graphviz's own
 * escapes such as `\N` and `\l`, so it is doubled); line breaks were already made visible (`\n`) by the graph's
 * labels, and any left become spaces so a string never spans lines. Labels are never HTML (`<...>`) labels.
 */
export function dotString(text: string): string {
  return `"${text.replace(/[\\"]/g, (ch) => `\\${ch}`).replace(/[\r\n]/g, ' ')}"`;
}

type Attributes = Record<string, string>;

const STYLES: Record<GraphNode['kind'], Attributes> = {
  principal: { shape: 'box' },
  group: { shape: 'box', peripheries: '2' },
  path: { shape: 'box', style: 'rounded,filled', fillcolor: '#f1f5f9', color: '#64748b' },
  capability: { shape: 'hexagon', style: 'filled', fillcolor: '#fef9c3', color: '#a16207' },
};
/** Takeover heads are filled red; takeover paths and capabilities keep their fill and get a red border. */
const TAKEOVER_HEAD: Attributes = { style: 'filled,bold', fillcolor: '#fde2e2', color: '#b91c1c', fontcolor: '#7f1d1d' };
const TAKEOVER_BORDER: Attributes = { color: '#b91c1c', penwidth: '2' };

function attributes(node: GraphNode): string {
  const extra = !node.takeover ? {} : node.kind === 'principal' || node.kind === 'group' ? TAKEOVER_HEAD : TAKEOVER_BORDER;
  const all: Attributes = { label: node.label, ...STYLES[node.kind], ...extra };
  return Object.entries(all)
    .map(([k, v]) => `${k}=${dotString(v)}`)
    .join(', ');
}

/**
 * The access model as a Graphviz digraph (`rankdir=LR`) of principal -> path -> capability, the same graph as the
 * Mermaid export: generated ids, bounded (GRAPH_BOUNDS), what was collapsed said in `//` comment lines.
 */
export function renderAccessDot(model: AccessModel): string {
  const graph = buildAccessGraph(model);
  const lines = ['digraph access {', '  // auth0-scan access graph: principal -> path -> capability'];
  for (const note of graph.notes) lines.push(`  // ${note}`);
  lines.push('  rankdir=LR;', '  node [fontname="Helvetica", fontsize=11];');
  for (const node of graph.nodes) {
    lines.push(`  ${dotString(node.id)} [${attributes(node)}];`);
  }
  for (const e of graph.edges) lines.push(`  ${dotString(e.from)} -> ${dotString(e.to)};`);
  lines.push('}');
  return `${lines.join('\n')}\n`;
}
