import type { Gate } from '../model/report.js';

/** The gate as Markdown reports state it: an incomplete run never reads as a plain pass or a plain failure. */
export function markdownGate(gate: Gate): string {
  if (gate.passed) return gate.incomplete ? '✅ passed (partial run accepted)' : '✅ passed';
  return gate.incomplete ? '⚠️ incomplete' : '❌ failed';
}
