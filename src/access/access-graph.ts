import type { AccessModel, AccessPath, Principal, PrincipalType } from './access-types.js';
import { bounded, count, escapedLength, GRAPH_NAME_MAX, pathLabel, principalLabel, TYPE_WORDS } from './access-graph-labels.js';

/**
 * What keeps a graph export renderable whatever the tenant's size (Mermaid refuses more than 500 edges or 50,000
 * characters by default; Graphviz takes minutes on tens of thousands of nodes). Documented in docs/access-model.md.
 */
export const GRAPH_BOUNDS = {
  /** More principals of one type than this through one path are drawn as one node ("1,234 users"). */
  principalsPerPath: 50,
  /** Edges drawn for individual principals and their paths; principals past it are summed up per type. */
  edges: 400,
  /** Characters of all labels once escaped (`escapedLength`, each label cut first): under Mermaid's 50,000 with the rest. */
  labelChars: 30_000,
  /** Code points kept of one tenant name in a label. */
  name: GRAPH_NAME_MAX,
} as const;

export type GraphNodeKind = 'principal' | 'group' | 'path' | 'capability';

export interface GraphNode {
  /** Generated (`n1`, `n2`, ...): never tenant text. */
  id: string;
  kind: GraphNodeKind;
  /** Neutralised (controls and bidi marks shown as escapes) and bounded; each renderer still escapes its syntax. */
  label: string;
  takeover: boolean;
}

export interface AccessGraph {
  /** Principals and groups, then paths, then capabilities, each in a stable order. */
  nodes: GraphNode[];
  edges: { from: string; to: string }[];
  /** What the bounds left out, as sentences of ours (no tenant text), for a comment line of the output. */
  notes: string[];
}

const TYPE_ORDER: readonly PrincipalType[] = ['application', 'third_party_default', 'user', 'action', 'rule', 'hook'];

interface PathEntry {
  key: string;
  path: AccessPath;
  members: Map<PrincipalType, number>;
}

/**
 * The principal -> path -> capability graph that the Mermaid and DOT exports draw. A path reached by many
 * principals (a role, a default grant) is one node with many edges; the bounds above collapse the rest, takeover
 * principals kept first. Pure and deterministic: the model's order does not matter.
 */
export function buildAccessGraph(model: AccessModel): AccessGraph {
  const principals = [...model.principals].sort(comparePrincipals);
  const paths = new Map<string, PathEntry>();
  for (const p of principals) {
    for (const path of p.paths) {
      const key = pathKey(p, path);
      const entry = paths.get(key) ?? { key, path, members: new Map<PrincipalType, number>() };
      entry.members.set(p.type, (entry.members.get(p.type) ?? 0) + 1);
      paths.set(key, entry);
    }
  }
  const capabilityOf = capabilityIndex(model);
  const capabilitiesOfKey = (key: string): string[] => orderCapabilities(model, new Set(paths.get(key)?.path.capabilities ?? []));
  const labelOfKey = (key: string): string => {
    const entry = paths.get(key);
    return entry ? pathLabel(entry.path) : key;
  };

  let nextId = 0;
  const newId = (): string => `n${++nextId}`;
  const heads: GraphNode[] = [];
  const pathNodes = new Map<string, GraphNode>();
  const headEdges: { from: string; key: string }[] = [];
  let edgeCount = 0;
  let labelWeight = 0;
  /** Draws a head node (principal or crowd) with edges to these paths if the budget allows it. */
  const draw = (node: Omit<GraphNode, 'id'>, keys: readonly string[]): string | undefined => {
    const fresh = keys.filter((k) => !pathNodes.has(k));
    const edges = keys.length + fresh.reduce((n, k) => n + capabilitiesOfKey(k).length, 0);
    const weight = escapedLength(node.label) + fresh.reduce((n, k) => n + escapedLength(labelOfKey(k)), 0);
    if (edgeCount + edges > GRAPH_BOUNDS.edges || labelWeight + weight > GRAPH_BOUNDS.labelChars) return undefined;
    edgeCount += edges;
    labelWeight += weight;
    const id = newId();
    heads.push({ id, ...node });
    for (const key of fresh) pathNodes.set(key, { id: '', kind: 'path', label: labelOfKey(key), takeover: capabilitiesOfKey(key).some((c) => capabilityOf(c).takeover) });
    for (const key of keys) headEdges.push({ from: id, key });
    return id;
  };

  const notes: string[] = [];
  const crowded = new Set<string>();
  const drawnCrowds = new Set<string>();
  const crowds = [...paths.values()].flatMap((entry) => TYPE_ORDER.filter((t) => (entry.members.get(t) ?? 0) > GRAPH_BOUNDS.principalsPerPath).map((type) => ({ entry, type })));
  crowds.sort((a, b) => Number(pathTakeover(b.entry)) - Number(pathTakeover(a.entry)) || compareText(a.entry.key, b.entry.key));
  const collapsed = new Map<PrincipalType, number>();
  const crowdIds: string[] = [];
  for (const { entry, type } of crowds) {
    crowded.add(`${type}\u0000${entry.key}`);
    const n = entry.members.get(type) ?? 0;
    const id = draw({ kind: 'group', label: `${count(n)} ${TYPE_WORDS[type][1]}`, takeover: pathTakeover(entry) }, [entry.key]);
    if (id === undefined) continue;
    drawnCrowds.add(`${type}\u0000${entry.key}`);
    crowdIds.push(id);
    collapsed.set(type, (collapsed.get(type) ?? 0) + n);
  }
  if (crowdIds.length > 0) {
    const who = TYPE_ORDER.filter((t) => collapsed.has(t)).map((t) => `${count(collapsed.get(t) ?? 0)} ${TYPE_WORDS[t][1]}`);
    const nodes = crowdIds.length === 1 ? `node ${crowdIds[0] ?? ''}` : `nodes ${crowdIds[0] ?? ''} to ${crowdIds[crowdIds.length - 1] ?? ''}`;
    notes.push(`collapsed: ${who.join(', ')} drawn as ${nodes} (more than ${GRAPH_BOUNDS.principalsPerPath} principals of one type through one path are one node with their count)`);
  }

  const hidden = new Map<PrincipalType, { count: number; capabilities: Set<string>; takeover: boolean }>();
  for (const p of principals) {
    const own = [...new Set(p.paths.map((path) => pathKey(p, path)))].sort(compareText);
    const inCrowd = own.filter((key) => crowded.has(`${p.type}\u0000${key}`));
    // Drawn alone when one of its paths is not crowded, then with every edge (a crowd's count includes it).
    if (own.length > 0 && inCrowd.length === own.length && inCrowd.some((key) => drawnCrowds.has(`${p.type}\u0000${key}`))) continue;
    if (inCrowd.length < own.length || own.length === 0) {
      if (draw({ kind: 'principal', label: principalLabel(p), takeover: p.takeover }, own) !== undefined) continue;
    }
    const h = hidden.get(p.type) ?? { count: 0, capabilities: new Set<string>(), takeover: false };
    h.count++;
    for (const c of p.capabilities) h.capabilities.add(c);
    h.takeover ||= p.takeover;
    hidden.set(p.type, h);
  }

  const direct: { from: string; capabilities: ReadonlySet<string> }[] = [];
  for (const type of TYPE_ORDER) {
    const h = hidden.get(type);
    if (!h) continue;
    const id = newId();
    const words = `${count(h.count)} ${TYPE_WORDS[type][h.count === 1 ? 0 : 1]}`;
    heads.push({ id, kind: 'group', label: `${count(h.count)} more ${TYPE_WORDS[type][h.count === 1 ? 0 : 1]}`, takeover: h.takeover });
    direct.push({ from: id, capabilities: h.capabilities });
    notes.push(`not drawn: node ${id} stands for ${words} past the graph's bound (${GRAPH_BOUNDS.edges} edges, ${count(GRAPH_BOUNDS.labelChars)} label characters), linked straight to their capabilities`);
  }

  for (const node of pathNodes.values()) node.id = newId();
  const held = new Set<string>();
  for (const key of pathNodes.keys()) for (const c of capabilitiesOfKey(key)) held.add(c);
  for (const d of direct) for (const c of d.capabilities) held.add(c);
  const capabilityNodes = new Map<string, GraphNode>();
  for (const id of orderCapabilities(model, held)) {
    const cap = capabilityOf(id);
    capabilityNodes.set(id, { id: newId(), kind: 'capability', label: bounded(cap.title), takeover: cap.takeover });
  }

  const edges: { from: string; to: string }[] = [];
  const edge = (from: string, to: GraphNode | undefined): void => {
    if (to) edges.push({ from, to: to.id });
  };
  for (const e of headEdges) edge(e.from, pathNodes.get(e.key));
  for (const [key, node] of pathNodes) for (const c of capabilitiesOfKey(key)) edge(node.id, capabilityNodes.get(c));
  for (const d of direct) for (const c of orderCapabilities(model, d.capabilities)) edge(d.from, capabilityNodes.get(c));
  return { nodes: [...heads, ...pathNodes.values(), ...capabilityNodes.values()], edges, notes };

  function pathTakeover(entry: PathEntry): boolean {
    return entry.path.capabilities.some((c) => capabilityOf(c).takeover);
  }
}

function comparePrincipals(a: Principal, b: Principal): number {
  if (a.takeover !== b.takeover) return a.takeover ? -1 : 1;
  const t = TYPE_ORDER.indexOf(a.type) - TYPE_ORDER.indexOf(b.type);
  return t !== 0 ? t : compareText(a.id, b.id);
}

/** Code-unit order, the same on every machine and locale. */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** What makes two principals' paths one node: the same grant, role, organization role (code credentials are each their own). */
function pathKey(p: Principal, path: AccessPath): string {
  const id =
    path.via === 'role'
      ? path.roleId
      : path.via === 'organization_role'
        ? `${path.organizationId ?? ''}\u0000${path.roleId ?? ''}`
        : path.via === 'code_credentials'
          ? p.id
          : path.grantId;
  return [path.via, id ?? p.id, path.audience].join('\u0000');
}

function capabilityIndex(model: AccessModel): (id: string) => { title: string; takeover: boolean } {
  const byId = new Map(model.capabilities.map((c) => [c.id, c]));
  return (id) => byId.get(id) ?? { title: id, takeover: false };
}

/** Model order; ids the model does not list (none, if the builder is right) after them, sorted. */
function orderCapabilities(model: AccessModel, held: ReadonlySet<string>): string[] {
  const known = model.capabilities.map((c) => c.id).filter((id) => held.has(id));
  const rest = [...held].filter((id) => !model.capabilities.some((c) => c.id === id)).sort(compareText);
  return [...known, ...rest];
}
