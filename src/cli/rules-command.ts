import { readFileSync } from 'node:fs';
import { resolve, sep } from 'node:path';
import { runRuleTests } from '../engine/run-rule-tests.js';
import { InputError, EXIT } from '../errors.js';
import { builtinRulesDir } from '../rules/builtin-rules-dir.js';
import { findRuleFiles } from '../rules/find-rule-files.js';
import { loadRuleFile, type LoadedRule } from '../rules/load-rule-file.js';
import { loadBuiltinRules, loadRuleSet } from '../rules/load-rule-set.js';
import { duplicateIds, ruleWarnings } from '../rules/rule-warnings.js';
import { formatDocPath, isSyntaxError, parseSource, type DocPath } from '../rules/source-document.js';
import type { Terminal } from './terminal.js';

/**
 * `rules validate PATH..`: load each file; report every broken one (one line each), exit 2 if any. Files that
 * load are checked for mistakes that would make them judge nothing (unknown fields, template variables, ids
 * used twice): warnings, exit 0 unless `--strict`.
 */
export function rulesValidate(paths: string[], term: Terminal, options: { strict?: boolean } = {}): number {
  if (paths.length === 0) throw new InputError('USAGE', 'rules validate needs at least one file or directory');
  let bad = 0;
  const loaded: LoadedRule[] = [];
  for (const file of paths.flatMap((p) => findRuleFiles(p))) {
    try {
      loaded.push(loadRuleFile(file));
    } catch (err) {
      if (!(err instanceof InputError)) throw err;
      bad++;
      term.stderr(`auth0-scan: ${err.where ? `${err.where}: ` : ''}${err.message}\n`);
    }
  }
  const warnings = loaded.flatMap((r) => warningLines(r));
  // A custom rule reusing a built-in id is refused by scan, so the built-in ids count too (read once per file).
  const builtinDir = resolve(builtinRulesDir());
  const custom = loaded.some((r) => !resolve(r.path).startsWith(builtinDir + sep));
  const byFile = new Map<string, { path: string; id: string }>();
  for (const r of custom ? loadBuiltinRules() : []) byFile.set(resolve(r.path), { path: r.path, id: r.file.id });
  for (const r of loaded) byFile.set(resolve(r.path), { path: r.path, id: r.file.id });
  for (const d of duplicateIds([...byFile.values()])) {
    warnings.push(`${d.path}:${lineOf(d.path, ['id'])}: id: rule id "${d.id}" is already used by ${d.first} (warning)`);
  }
  for (const w of warnings) term.stderr(`${w}\n`);
  term.stdout(`${loaded.length} valid, ${bad} invalid, ${warnings.length} warning${warnings.length === 1 ? '' : 's'}\n`);
  return bad > 0 || (options.strict === true && warnings.length > 0) ? EXIT.input : EXIT.ok;
}

function warningLines(rule: LoadedRule): string[] {
  return ruleWarnings(rule.file).map((w) => `${rule.path}:${lineOf(rule.path, w.path)}: ${formatDocPath(w.path)}: ${w.message} (warning)`);
}

/** The line of a dot-path in a file that already loaded once (so it parses). */
function lineOf(file: string, path: DocPath): number {
  const source = parseSource(readFileSync(file, 'utf8'));
  return (isSyntaxError(source) ? undefined : source.lineOf(path)) ?? 1;
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
