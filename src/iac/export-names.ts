import { InputError } from '../errors.js';
import type { ExportItem } from './export-types.js';

/**
 * deploy-cli refers to clients, connections and actions by name where the API uses ids. An export made with
 * `--export_ids` (or by hand) may hold the ids too: both resolve. A name that matches nothing is an error naming
 * the file, line and field, since a rule judging a grant of an unknown client would judge nothing real.
 */
export class NameIndex {
  private readonly byName = new Map<string, string>();
  private readonly ids = new Set<string>();

  constructor(
    private readonly what: string,
    items: readonly ExportItem[],
    idField: string,
  ) {
    for (const { data } of items) {
      const name = typeof data['name'] === 'string' ? data['name'] : undefined;
      const id = typeof data[idField] === 'string' ? data[idField] : name;
      if (id === undefined) continue;
      this.ids.add(id);
      if (name !== undefined) this.byName.set(name, id);
    }
  }

  /** The id `ref` names (a name, or already an id), or an error at `at`/`field`. */
  resolve(ref: unknown, at: ExportItem['at'], field: string): string {
    if (typeof ref === 'string') {
      const id = this.byName.get(ref) ?? (this.ids.has(ref) ? ref : undefined);
      if (id !== undefined) return id;
    }
    const shown = typeof ref === 'string' ? `"${ref.slice(0, 80)}"` : `a ${ref === null ? 'null' : typeof ref}`;
    throw new InputError('CONFIG', `${field}: ${shown} names no ${this.what} in the export`, `${at.file}:${at.line ?? 1}`);
  }

  has(ref: unknown): boolean {
    return typeof ref === 'string' && (this.byName.has(ref) || this.ids.has(ref));
  }
}
