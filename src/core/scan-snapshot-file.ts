import { readSnapshot } from '../snapshot/snapshot-reader.js';
import type { RuleSpec } from '../engine/create-evaluator.js';
import { EvaluatingSink, type EvaluatedSnapshot } from './evaluating-sink.js';

/** Reads a saved snapshot and evaluates the rules as it streams by. */
export async function scanSnapshotFile(path: string, rules: readonly RuleSpec[]): Promise<EvaluatedSnapshot> {
  const sink = new EvaluatingSink(rules);
  await readSnapshot(path, sink);
  return sink.done();
}
