import type { AllowList } from '../redact/allow-list.js';
import { parsePathSpec } from '../redact/path-spec.js';
import type { KindName } from '../model/kinds.js';
import { ACCESS_READ_PATHS } from './access-read-paths.js';

/**
 * What the access model reads that a snapshot's redaction record does not keep (`rules script`): a snapshot
 * written by an older version, or with another allow-list, would otherwise show "no code holds credentials".
 */
export function accessReadsNotHeld(held: AllowList): string[] {
  const out: string[] = [];
  for (const [kind, paths] of Object.entries(ACCESS_READ_PATHS) as [KindName, readonly string[]][]) {
    if (kind === 'principals') continue;
    for (const text of paths) {
      const spec = parsePathSpec(text);
      if (spec && !held.covers(kind, spec)) out.push(`${kind} ${text.replace(/\?$/, '')}`);
    }
  }
  return out.sort();
}
