import type { AccessModel } from './access-types.js';
import { buildAccessGraph, type GraphNodeKind } from './access-graph.js';
import { PLAIN_CHAR } from './access-graph-labels.js';

// Inside a quoted Mermaid label, `#name;` and `#123;` are entity codes and `%%{...}%%` is read as a directive
// wherever it stands; quotes, brackets, pipes and backticks end or change a label. Everything but letters, digits
// and plain punctuation (PLAIN_CHAR) therefore becomes a numeric entity code, which Mermaid turns back into that one
// character as text: a hostile name cannot end its label, add a statement (`click`, `classDef`), a directive or markup.

/** A label's text as Mermaid shows it verbatim. */
export function mermaidLabel(text: string): string {
  let out = '';
  for (const ch of text) out += PLAIN_CHAR.test(ch) ? ch : `#${ch.codePointAt(0) ?? 0};`;
  return out;
}

const SHAPES: Record<GraphNodeKind, [string, string]> = {
  principal: ['["', '"]'],
  group: ['[["', '"]]'],
  path: ['(["', '"])'],
  capability: ['{{"', '"}}'],
};

/**
 * The access model as a Mermaid `flowchart LR` of principal --> path --> capability. Node ids are generated; the
 * graph is bounded (GRAPH_BOUNDS) and says in `%%` comment lines what it collapsed. Pure and deterministic.
 */
export function renderAccessMermaid(model: AccessModel): string {
  const graph = buildAccessGraph(model);
  const lines = ['flowchart LR', '%% auth0-scan access graph: principal --> path --> capability'];
  for (const note of graph.notes) lines.push(`%% ${note}`);
  for (const node of graph.nodes) {
    const [open, close] = SHAPES[node.kind];
    lines.push(`  ${node.id}${open}${mermaidLabel(node.label)}${close}`);
  }
  for (const e of graph.edges) lines.push(`  ${e.from} --> ${e.to}`);
  lines.push('  classDef takeover fill:#fde2e2,stroke:#b91c1c,color:#7f1d1d');
  lines.push('  classDef path fill:#f1f5f9,stroke:#64748b');
  lines.push('  classDef capability fill:#fef9c3,stroke:#a16207');
  const path = graph.nodes.filter((n) => n.kind === 'path' && !n.takeover).map((n) => n.id);
  const capability = graph.nodes.filter((n) => n.kind === 'capability' && !n.takeover).map((n) => n.id);
  const takeover = graph.nodes.filter((n) => n.takeover).map((n) => n.id);
  if (path.length > 0) lines.push(`  class ${path.join(',')} path`);
  if (capability.length > 0) lines.push(`  class ${capability.join(',')} capability`);
  if (takeover.length > 0) lines.push(`  class ${takeover.join(',')} takeover`);
  return `${lines.join('\n')}\n`;
}
