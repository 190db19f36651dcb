import { KIND_NAMES, type KindName } from '../model/kinds.js';
import type { KeepMode, PathSpec } from './path-spec.js';

/** One step of a kind's allow-list: what is kept of the value here, and the steps below (`*`: any key or index). */
export interface AllowNode {
  mode?: KeepMode;
  children: Map<string, AllowNode>;
}

/**
 * What a snapshot keeps of each kind: a tree of dot-paths per kind (see path-spec.ts), built from the paths rules
 * read and the fields reports need. Anything not on it is dropped.
 */
export class AllowList {
  private readonly roots = new Map<KindName, AllowNode>();

  constructor(entries: Iterable<readonly [KindName, readonly PathSpec[]]> = []) {
    for (const [kind, specs] of entries) for (const spec of specs) this.add(kind, spec);
  }

  add(kind: KindName, spec: PathSpec): void {
    let node: AllowNode | undefined = this.roots.get(kind);
    if (!node) this.roots.set(kind, (node = { children: new Map() }));
    for (const s of spec.segments) {
      let next: AllowNode | undefined = node.children.get(s);
      if (!next) node.children.set(s, (next = { children: new Map() }));
      node = next;
    }
    // The value itself says more than its shape: a path read both ways keeps its value.
    if (node.mode !== 'value') node.mode = spec.mode;
  }

  /** The kind's tree; a kind no rule reads keeps nothing (an empty root still keeps an empty object). */
  root(kind: KindName): AllowNode {
    return this.roots.get(kind) ?? { children: new Map() };
  }

  /** Every entry, per kind in registry order, paths sorted: the same list whatever order they were added in. */
  specs(): Map<KindName, PathSpec[]> {
    const out = new Map<KindName, PathSpec[]>();
    for (const kind of KIND_NAMES) {
      const root = this.roots.get(kind);
      if (!root) continue;
      const list: PathSpec[] = [];
      const visit = (node: AllowNode, segments: string[]): void => {
        if (node.mode) list.push({ segments, mode: node.mode });
        for (const key of [...node.children.keys()].sort()) visit(node.children.get(key) as AllowNode, [...segments, key]);
      };
      visit(root, []);
      out.set(kind, list);
    }
    return out;
  }

  /**
   * True when data redacted with this list still answers `spec`: some step on the way keeps the value, or, for a
   * shape, the shape. Used to skip a rule that reads what a snapshot does not hold instead of passing it on nothing.
   */
  covers(kind: KindName, spec: PathSpec): boolean {
    const want = (node: AllowNode): boolean => node.mode === 'value' || (spec.mode === 'presence' && node.mode === 'presence');
    const reach = (node: AllowNode, i: number): boolean => {
      if (node.mode === 'value') return true;
      if (i === spec.segments.length) return want(node);
      const s = spec.segments[i] as string;
      const next = [node.children.get(s), s === '*' ? undefined : node.children.get('*')];
      return next.some((n) => n !== undefined && reach(n, i + 1)) || (spec.mode === 'presence' && node.mode === 'presence');
    };
    return reach(this.root(kind), 0);
  }

  /** This list plus another's entries. */
  union(other: AllowList): AllowList {
    const out = new AllowList(this.specs());
    for (const [kind, specs] of other.specs()) for (const spec of specs) out.add(kind, spec);
    return out;
  }
}
