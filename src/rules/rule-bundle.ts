import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { KindName } from '../model/kinds.js';
import type { LoadedRule } from './load-rule-file.js';
import type { RuleFile } from './rule-schema.js';
import { PATTERNS_FILE } from './patterns-file.js';

/**
 * The built-in rules, validated and compiled at build time and saved as one JSON file: parsing 87 YAML files on
 * every start costs more than the rest of `rules list`. The bundle records a hash of each source file (rules and
 * the shared patterns; not mtimes, which `npm pack` rewrites) and is used only while all of them still match: edit
 * a rule and it is read from YAML again until the next build. Each rule also carries the kinds it reads, so
 * `rules list` and `rules explain` need neither the YAML parser, the schemas nor the engine.
 */
export interface RuleBundle {
  /** Bumped when the bundle's shape changes: a bundle of another format is ignored, never misread. */
  format: typeof BUNDLE_FORMAT;
  files: FileStamp[];
  rules: { path: string; file: RuleFile; kinds: KindName[] }[];
}

/** A loaded rule plus the kinds it reads: what the bundle gives back, and what `rules list` shows. */
export interface RuleWithKinds extends LoadedRule {
  kinds: KindName[];
}

const BUNDLE_FORMAT = 2;

interface FileStamp {
  /** Relative to the rules directory, so the bundle survives the package being moved. */
  path: string;
  sha256: string;
}

export function ruleBundlePath(): string {
  return fileURLToPath(new URL('../builtin-rules.json', import.meta.url));
}

/** The stamps of every file the built-in rules are made from. */
export function stampRuleSources(dir: string, rulePaths: readonly string[]): FileStamp[] {
  return [...rulePaths, join(dir, PATTERNS_FILE)].map((p) => ({
    path: relative(dir, p),
    sha256: createHash('sha256').update(readFileSync(p)).digest('hex'),
  }));
}

/** `kindsOf` is the engine's ruleKinds, passed in so that reading a bundle never loads the engine. */
export function makeRuleBundle(dir: string, rules: readonly LoadedRule[], kindsOf: (file: RuleFile) => KindName[]): RuleBundle {
  return {
    format: BUNDLE_FORMAT,
    files: stampRuleSources(dir, rules.map((r) => r.path)),
    rules: rules.map((r) => ({ path: relative(dir, r.path), file: r.file, kinds: kindsOf(r.file) })),
  };
}

/** The bundled rules if the bundle exists and matches the sources exactly; undefined means "read the YAML". */
export function readRuleBundle(dir: string, rulePaths: readonly string[], bundlePath = ruleBundlePath()): RuleWithKinds[] | undefined {
  try {
    const bundle = JSON.parse(readFileSync(bundlePath, 'utf8')) as RuleBundle;
    if (bundle.format !== BUNDLE_FORMAT) return undefined;
    const now = stampRuleSources(dir, rulePaths);
    if (JSON.stringify(now) !== JSON.stringify(bundle.files)) return undefined;
    return bundle.rules.map((r) => ({ path: join(dir, r.path), file: r.file, builtin: true, kinds: r.kinds }));
  } catch {
    return undefined;
  }
}
