import { FRAMEWORK_IDS, type FrameworkId, type RuleControls } from './frameworks.js';
import type { MappingsFile } from './mapping-schema.js';

/**
 * The controls a rule evidences, per framework (only frameworks it names; `{}` for a rule mapped `none` or not in
 * the file), limited to `frameworks` when given.
 */
export function ruleControls(mappings: Pick<MappingsFile, 'rules'>, ruleId: string, frameworks?: readonly FrameworkId[]): RuleControls {
  const mapping = Object.hasOwn(mappings.rules, ruleId) ? mappings.rules[ruleId] : undefined;
  const out: RuleControls = {};
  if (mapping === undefined || mapping.none !== undefined) return out;
  for (const framework of FRAMEWORK_IDS) {
    if (frameworks && !frameworks.includes(framework)) continue;
    const ids = mapping[framework];
    if (ids && ids.length > 0) out[framework] = ids;
  }
  return out;
}

/** The frameworks a rule is mapped to, in FRAMEWORK_IDS order. */
export function ruleFrameworks(controls: RuleControls): FrameworkId[] {
  return FRAMEWORK_IDS.filter((f) => (controls[f]?.length ?? 0) > 0);
}

/** SARIF-style tags: `asvs:V6.2.1`, `attack:T1078.004`, … in framework order. */
export function controlTags(controls: RuleControls): string[] {
  return FRAMEWORK_IDS.flatMap((f) => (controls[f] ?? []).map((id) => `${f}:${id}`));
}
