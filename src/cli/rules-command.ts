import { InputError, EXIT } from '../errors.js';
import { runRuleTests } from '../engine/run-rule-tests.js';
import { scopesFor } from '../model/kinds.js';
import { findRuleFiles } from '../rules/find-rule-files.js';
import { loadRuleFile } from '../rules/load-rule-file.js';
import { loadRuleSet } from '../rules/load-rule-set.js';
import { loadConfig } from '../config/load-config.js';
import { ruleKinds } from '../engine/rule-kinds.js';
import { formatRuleExplanation } from './format-rule-explanation.js';
import type { Terminal } from './terminal.js';

function allRules(extra: string[], configPath: string | undefined, term: Terminal) {
  const config = loadConfig(configPath, term.cwd);
  return loadRuleSet({ extra: [...config.rulesDirs, ...extra] });
}

/** `rules list`: every rule with its metadata; JSON for tools, a compact table for people. */
export function rulesList(opts: { format?: string; rules?: string[]; config?: string }, term: Terminal): number {
  if (opts.format !== undefined && opts.format !== 'json' && opts.format !== 'table') {
    throw new InputError('USAGE', `--format ${opts.format}: expected table or json`);
  }
  const rules = allRules(opts.rules ?? [], opts.config, term);
  if (opts.format === 'json') {
    const out = rules.map(({ file, builtin }) => {
      const kinds = ruleKinds(file);
      return {
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
      };
    });
    term.stdout(`${JSON.stringify(out, null, 2)}\n`);
    return EXIT.ok;
  }
  const width = Math.max(...rules.map((r) => r.file.id.length), 2);
  for (const { file } of rules) term.stdout(`${file.id.padEnd(width)}  ${file.severity.padEnd(8)}  ${file.resource.padEnd(18)}  ${file.title}\n`);
  term.stderr(`${rules.length} rules\n`);
  return EXIT.ok;
}

/** `rules explain ID`: what the rule checks, why, how to fix it, and what it needs. */
export function rulesExplain(id: string, opts: { rules?: string[]; config?: string }, term: Terminal): number {
  const rules = allRules(opts.rules ?? [], opts.config, term);
  const rule = rules.find((r) => r.file.id === id);
  if (!rule) throw new InputError('USAGE', `no rule has the id "${id}" (see \`auth0-scan rules list\`)`);
  term.stdout(formatRuleExplanation(rule.file));
  return EXIT.ok;
}

/** `rules validate PATH..`: load each file; report every broken one (one line each), exit 2 if any. */
export function rulesValidate(paths: string[], term: Terminal): number {
  if (paths.length === 0) throw new InputError('USAGE', 'rules validate needs at least one file or directory');
  let bad = 0;
  let good = 0;
  for (const file of paths.flatMap((p) => findRuleFiles(p))) {
    try {
      loadRuleFile(file);
      good++;
    } catch (err) {
      if (!(err instanceof InputError)) throw err;
      bad++;
      term.stderr(`auth0-scan: ${err.where ? `${err.where}: ` : ''}${err.message}\n`);
    }
  }
  term.stdout(`${good} valid, ${bad} invalid\n`);
  return bad > 0 ? EXIT.input : EXIT.ok;
}

/** `rules test [PATH..]`: every inline test case, pass/fail per case; exit 1 when any case fails. */
export function rulesTest(paths: string[], term: Terminal): number {
  const rules = paths.length === 0 ? loadRuleSet() : paths.flatMap((p) => findRuleFiles(p)).map((f) => loadRuleFile(f));
  let passed = 0;
  let failed = 0;
  for (const rule of rules) {
    if (rule.file.tests.length === 0) term.stdout(`WARN ${rule.file.id}: no test cases\n`);
    for (const r of runRuleTests(rule.file)) {
      if (r.passed) passed++;
      else failed++;
      const detail = r.passed ? '' : ` (expected ${r.expected}, got ${r.actual}${r.error ? `: ${r.error}` : ''})`;
      term.stdout(`${r.passed ? 'PASS' : 'FAIL'} ${r.ruleId} › ${r.name}${detail}\n`);
    }
  }
  term.stdout(`${passed} passed, ${failed} failed\n`);
  return failed > 0 ? EXIT.gate : EXIT.ok;
}
