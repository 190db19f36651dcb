import { InputError, EXIT } from '../errors.js';
import { scopesFor } from '../model/kinds.js';
import { didYouMean } from '../util/closest-match.js';
import { formatRuleExplanation } from './format-rule-explanation.js';
import { outputWidth } from './output-width.js';
import { rulesListLines } from './rules-list-lines.js';
import { rulesForListing } from './rules-for-listing.js';
import type { Terminal } from './terminal.js';

interface ListOptions {
  rules?: string[];
  config?: string;
}

/** `rules list`: every rule with its metadata; JSON for tools, a compact table for people. */
export async function rulesList(opts: ListOptions & { format?: string }, term: Terminal): Promise<number> {
  if (opts.format !== undefined && opts.format !== 'json' && opts.format !== 'table') {
    throw new InputError('USAGE', `--format ${opts.format}: expected table or json`);
  }
  const rules = await rulesForListing(opts.rules ?? [], opts.config, term.cwd);
  if (opts.format === 'json') {
    const out = rules.map(({ file, builtin, kinds }) => ({
      id: file.id,
      version: file.version,
      title: file.title,
      severity: file.severity,
      category: file.category,
      resource: file.resource,
      kinds,
      scopes: scopesFor(kinds),
      params: file.params,
      description: file.description,
      rationale: file.rationale,
      remediation: file.remediation,
      references: file.references,
      builtin,
    }));
    term.stdout(`${JSON.stringify(out, null, 2)}\n`);
    return EXIT.ok;
  }
  const rows = rules.map(({ file }) => ({ id: file.id, severity: file.severity, resource: file.resource, title: file.title }));
  for (const line of rulesListLines(rows, outputWidth(term, false))) term.stdout(`${line}\n`);
  term.stderr(`${rules.length} rules\n`);
  return EXIT.ok;
}

/** `rules explain ID`: what the rule checks, why, how to fix it, and what it needs. */
export async function rulesExplain(id: string, opts: ListOptions, term: Terminal): Promise<number> {
  const rules = await rulesForListing(opts.rules ?? [], opts.config, term.cwd);
  const rule = rules.find((r) => r.file.id === id);
  if (!rule) throw new InputError('USAGE', `no rule has the id "${id}"${didYouMean(id, rules.map((r) => r.file.id))} (see \`auth0-scan rules list\`)`);
  term.stdout(formatRuleExplanation(rule.file, rule.kinds));
  return EXIT.ok;
}
