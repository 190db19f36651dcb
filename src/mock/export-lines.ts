import { getPath } from '../engine/path.js';
import type { Item } from './user-store.js';

export interface ExportField {
  name: string;
  export_as?: string;
}

export interface ExportRequest {
  format: 'json' | 'csv';
  limit?: number;
  fields?: ExportField[];
  /** Export only users whose primary identity is on this connection (by name). */
  connectionName?: string;
}

const DEFAULT_CSV_COLUMNS = [
  { key: 'user_id', path: ['user_id'] },
  { key: 'email', path: ['email'] },
];

/** `identities[0].connection` → ['identities', '0', 'connection']. */
function segments(name: string): string[] {
  return name.replace(/\[(\d+)\]/g, '.$1').split('.').filter((s) => s !== '');
}

function primaryConnection(user: Item): unknown {
  return getPath(user, ['identities', '0', 'connection']);
}

/** CSV cells are quoted, and values that a spreadsheet would run as a formula get a leading `'` (as Auth0 does). */
function csvCell(value: unknown): string {
  if (value === undefined || value === null) return '';
  let text = typeof value === 'string' ? value : JSON.stringify(value);
  if (/^[=+\-@]/.test(text)) text = `'${text}`;
  return `"${text.replace(/"/g, '""')}"`;
}

/**
 * The export file's lines, one user at a time: NDJSON objects keyed by `export_as` (missing values omitted), or
 * CSV with a header row. A generator, so a million-user export never exists as one string.
 */
export function* exportLines(users: Iterable<Item>, request: ExportRequest): Generator<string> {
  const fields = request.fields?.map((f) => ({ key: f.export_as ?? f.name, path: segments(f.name) }));
  const columns = fields ?? DEFAULT_CSV_COLUMNS;
  if (request.format === 'csv') {
    yield `${columns.map((c) => csvCell(c.key)).join(',')}\n`;
  }
  let written = 0;
  for (const user of users) {
    if (request.limit !== undefined && written >= request.limit) return;
    if (request.connectionName !== undefined && primaryConnection(user) !== request.connectionName) continue;
    written++;
    if (request.format === 'csv') {
      yield `${columns.map((c) => csvCell(getPath(user, c.path))).join(',')}\n`;
      continue;
    }
    if (!fields) {
      yield `${JSON.stringify(user)}\n`;
      continue;
    }
    const line: Item = {};
    for (const f of fields) {
      const value = getPath(user, f.path);
      if (value !== undefined) line[f.key] = value;
    }
    yield `${JSON.stringify(line)}\n`;
  }
}
