import { readSnapshot } from '../snapshot/snapshot-reader.js';
import type { RuleSpec } from '../engine/create-evaluator.js';
import { builtinAllowList } from '../redact/builtin-allow-list.js';
import { EvaluatingSink, type EvaluatedSnapshot } from './evaluating-sink.js';

/** Reads a saved snapshot and evaluates the rules as it streams by. */
export async function scanSnapshotFile(path: string, rules: readonly RuleSpec[]): Promise<EvaluatedSnapshot> {
  // readSnapshot redacts every resource again with the built-in allow-list, so paths only custom rules read are
  // gone even when the file kept them: those rules are skipped. (Once the reader redacts with the allow-list the
  // header records, `readWith` can go and such snapshots serve their custom rules.)
  const sink = new EvaluatingSink(rules, { readWith: builtinAllowList() });
  await readSnapshot(path, sink);
  return sink.done();
}
