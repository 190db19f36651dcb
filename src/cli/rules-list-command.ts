import { InputError, EXIT } from '../errors.js';
import type { FrameworkId } from '../compliance/frameworks.js';
import { scopeNeeds, scopesFor } from '../model/kinds.js';
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

interface RulesListOptions extends ListOptions {
  format?: string;
  /** --framework, as its option parser left it: known framework ids. */
  framework?: FrameworkId[];
}

/** `rules list`: every rule with its metadata; JSON for tools, a compact table for people. */
export async function rulesList(opts: RulesListOptions, term: Terminal): Promise<number> {
  if (opts.format !== undefined && opts.format !== 'json' && opts.format !== 'table') {
    throw new InputError('USAGE', `--format ${opts.format}: expected table or json`);
  }
  const [listed, { loadMappings }, { ruleControls, ruleFrameworks }] = await Promise.all([
    rulesForListing(opts.rules ?? [], opts.config, term.cwd),
    import('../compliance/load-mappings.js'),
    import('../compliance/rule-controls.js'),
  ]);
  const mappings = loadMappings();
  const wanted = opts.framework && opts.framework.length > 0 ? opts.framework : undefined;
  const rules = listed
    .map((rule) => ({ ...rule, controls: ruleControls(mappings, rule.file.id) }))
    .filter((rule) => !wanted || wanted.some((f) => (rule.controls[f]?.length ?? 0) > 0));
  if (opts.format === 'json') {
    const out = rules.map(({ file, builtin, kinds, controls }) => ({
      id: file.id,
      version: file.version,
      title: file.title,
      severity: file.severity,
      category: file.category,
      resource: file.resource,
      kinds,
      scopes: scopesFor(kinds),
      optionalScopes: scopeNeeds(kinds).optional,
      params: file.params,
      enabledByDefault: file.enabledByDefault ?? true,
      description: file.description,
      rationale: file.rationale,
      remediation: file.remediation,
      references: file.references,
      frameworks: ruleFrameworks(controls),
      controls,
      builtin,
    }));
    term.stdout(`${JSON.stringify(out, null, 2)}\n`);
    return EXIT.ok;
  }
  const optional = rules.map(({ kinds }) => scopeNeeds(kinds).optional);
  const anyOptional = optional.some((o) => o.length > 0);
  const rows = rules.map(({ file, controls }, i) => ({
    id: file.id,
    severity: file.severity,
    // The area, not the resource kind (in --format json and rules explain): the columns must fit 200 wide.
    area: file.category,
    frameworks: ruleFrameworks(controls).join(',') || '-',
    ...(anyOptional ? { optionalScopes: optional[i]?.map((s) => `+${s}`).join(',') || '-' } : {}),
    title: file.title,
  }));
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
