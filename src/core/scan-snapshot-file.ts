import { readSnapshot } from '../snapshot/snapshot-reader.js';
import type { RuleSpec } from '../engine/create-evaluator.js';
import { allowListForRules } from '../redact/allow-list-for-rules.js';
import { EvaluatingSink, type EvaluatedSnapshot, type EvaluatingSinkOptions } from './evaluating-sink.js';

/**
 * Reads a saved snapshot and evaluates the rules as it streams by. Resources keep what the snapshot kept and these
 * rules read; a rule reading a path the snapshot's header does not record is skipped (EvaluatingSink).
 */
export async function scanSnapshotFile(path: string, rules: readonly RuleSpec[], options: EvaluatingSinkOptions = {}): Promise<EvaluatedSnapshot> {
  const sink = new EvaluatingSink(rules, options);
  await readSnapshot(path, sink, allowListForRules(rules.map((r) => r.file)));
  return sink.done();
}
