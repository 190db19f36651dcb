import { runRuleTests } from '../engine/run-rule-tests.js';
import { InputError, EXIT } from '../errors.js';
import { findRuleFiles } from '../rules/find-rule-files.js';
import { loadRuleFile } from '../rules/load-rule-file.js';
import { loadRuleSet } from '../rules/load-rule-set.js';
import type { Terminal } from './terminal.js';

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
