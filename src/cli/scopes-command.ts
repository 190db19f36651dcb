import { z } from 'zod';
import { EXIT } from '../errors.js';
import { kindsForRules } from '../engine/rule-kinds.js';
import { scopeNeeds } from '../model/kinds.js';
import { scopeRisk } from '../check/scope-risk.js';
import { loadRulesForRun } from './load-rules-for-run.js';
import { parseOptions, ruleOptionsSchema } from './scan-options.js';
import type { Terminal } from './terminal.js';

/**
 * The least-privilege read scopes for the selected rules, one per line (paste into the M2M grant). Scopes only
 * optional rules use (log signals, credential metadata) follow on stderr: without them those rules are not judged.
 */
export function scopesCommand(raw: Record<string, unknown>, term: Terminal): number {
  const opts = parseOptions(ruleOptionsSchema.extend({ format: z.enum(['text', 'json']).default('text') }), raw);
  const { rules } = loadRulesForRun(opts, term.cwd);
  const kinds = kindsForRules(rules.map((r) => r.file));
  const { required, optional } = scopeNeeds(kinds);
  if (opts.format === 'json') {
    term.stdout(`${JSON.stringify({ scopes: required, optionalScopes: optional, kinds: [...kinds].sort() }, null, 2)}\n`);
    return EXIT.ok;
  }
  term.stdout(`${required.join('\n')}\n`);
  if (optional.length > 0) {
    const lines = optional.map((s) => `  ${s}${scopeRisk(s) ? ` (caution: ${scopeRisk(s)})` : ''}`);
    term.stderr(`optional: rules that need these are reported as not judged without them:\n${lines.join('\n')}\n`);
  }
  return EXIT.ok;
}
