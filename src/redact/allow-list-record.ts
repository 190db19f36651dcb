import { z } from 'zod';
import { KIND_NAMES } from '../model/kinds.js';
import { AllowList } from './allow-list.js';
import { builtinAllowList } from './builtin-allow-list.js';
import { formatPathSpec, parsePathSpec } from './path-spec.js';

/**
 * The snapshot header's record of the allow-list its resources were redacted with: every kept path per kind
 * (`a.b` the value, `a.b?` the presence). A reader knows what the file can answer, so a rule reading a path the
 * file does not hold is skipped instead of passing on a field that was never there.
 */
export const redactionRecordSchema = z.strictObject({
  policy: z.literal('allow-list'),
  paths: z.partialRecord(z.enum(KIND_NAMES), z.array(z.string().max(500)).max(10_000)),
});
export type RedactionRecord = z.infer<typeof redactionRecordSchema>;

export function redactionRecord(allow: AllowList): RedactionRecord {
  const paths: RedactionRecord['paths'] = {};
  for (const [kind, specs] of allow.specs()) paths[kind] = specs.map(formatPathSpec);
  return { policy: 'allow-list', paths };
}

/**
 * The allow-list a snapshot records; a snapshot without a record (written before allow-lists) gets the built-in
 * one. Entries that do not parse are ignored. A hand-edited header can keep no more than its own file holds, and
 * secrets at any kept path are redacted all the same (classify-path.ts).
 */
export function allowListOfRecord(record: RedactionRecord | undefined): AllowList {
  if (!record) return builtinAllowList();
  const out = new AllowList();
  for (const kind of KIND_NAMES) {
    for (const text of record.paths[kind] ?? []) {
      const spec = parsePathSpec(text);
      if (spec) out.add(kind, spec);
    }
  }
  return out;
}
