import { z } from 'zod';
import { EXIT } from '../errors.js';
import { kindsForRules } from '../engine/rule-kinds.js';
import { scopesFor } from '../model/kinds.js';
import { loadRulesForRun } from './load-rules-for-run.js';
import { parseOptions, ruleOptionsSchema } from './scan-options.js';
import type { Terminal } from './terminal.js';

/** The least-privilege read scopes for the selected rules, one per line (paste into the M2M grant). */
export function scopesCommand(raw: Record<string, unknown>, term: Terminal): number {
  const opts = parseOptions(ruleOptionsSchema.extend({ format: z.enum(['text', 'json']).default('text') }), raw);
  const { rules } = loadRulesForRun(opts, term.cwd);
  const kinds = kindsForRules(rules.map((r) => r.file));
  const scopes = scopesFor(kinds);
  if (opts.format === 'json') term.stdout(`${JSON.stringify({ scopes, kinds: [...kinds].sort() }, null, 2)}\n`);
  else term.stdout(`${scopes.join('\n')}\n`);
  return EXIT.ok;
}
