import { z } from 'zod';
import { readDocument } from '../util/read-document.js';
import { builtinRulesDir } from './builtin-rules-dir.js';
import { PATTERNS_FILE } from './patterns-file.js';
import type { DocPath } from './source-document.js';

const REF = /^\$patterns\.([A-Za-z0-9_]+)$/;
const schema = z.strictObject({ patterns: z.record(z.string().regex(/^[A-Za-z0-9_]+$/), z.string().min(1)) });

let cached: Readonly<Record<string, string>> | undefined;

/** The shared regular expressions in rules/patterns.yaml, read once. Rules use them as `$patterns.NAME`. */
export function sharedPatterns(): Readonly<Record<string, string>> {
  if (cached) return cached;
  const path = `${builtinRulesDir()}${PATTERNS_FILE}`;
  cached = readDocument(path, schema, 'shared patterns', 'RULE_FILE').value.patterns;
  return cached;
}

/**
 * Replaces every `$patterns.NAME` string in a parsed rule by the shared pattern, before validation: the rule that
 * results is self-contained (docs, `rules explain` and the engine see the real regex). Unknown names are reported
 * with their dot-path.
 */
export function expandPatterns(data: unknown, onUnknown: (path: DocPath, name: string) => never): unknown {
  const walk = (value: unknown, path: (string | number)[]): unknown => {
    if (typeof value === 'string') {
      const m = REF.exec(value);
      if (!m) return value;
      const name = m[1] ?? '';
      const patterns = sharedPatterns();
      if (!Object.hasOwn(patterns, name)) return onUnknown(path, name);
      return patterns[name];
    }
    if (Array.isArray(value)) return value.map((v, i) => walk(v, [...path, i]));
    if (value !== null && typeof value === 'object') {
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(value)) out[k] = walk(v, [...path, k]);
      return out;
    }
    return value;
  };
  return walk(data, []);
}
