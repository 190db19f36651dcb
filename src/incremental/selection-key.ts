import { createHash } from 'node:crypto';
import type { StoredKindName } from '../model/kinds.js';
import type { RedactionRecord } from '../redact/allow-list-record.js';

/** A short stable digest of the kinds a run reads and how it redacts them, recorded in the snapshot header. */
export function selectionKey(kinds: readonly StoredKindName[], redaction: RedactionRecord): string {
  const text = JSON.stringify({ kinds: [...new Set(kinds)].sort(), redaction });
  return `sha256:${createHash('sha256').update(text).digest('hex').slice(0, 32)}`;
}
