import { FRAMEWORK_IDS, type FrameworkId, type RuleControls } from '../compliance/frameworks.js';
import type { Finding } from '../model/finding.js';

/** The key of findings that map to no control of the frameworks asked for. */
export const UNMAPPED = 'unmapped';

export interface ControlGroup {
  /** `asvs:V6.2.1` (framework and control id, as SARIF tags name them), or `unmapped`. */
  key: string;
  findings: Finding[];
}

/**
 * `--group-by control`: the findings under each control they evidence (a finding under every control its rule
 * maps to), limited to `frameworks` when given; controls in framework order, then by id (numbers compared as
 * numbers); findings in the order given; the findings of no such control last, under `unmapped`. Pure.
 */
export function controlGroups(findings: readonly Finding[], controls: Readonly<Record<string, RuleControls>> | undefined, frameworks?: readonly FrameworkId[]): ControlGroup[] {
  const picked = frameworks && frameworks.length > 0 ? FRAMEWORK_IDS.filter((f) => frameworks.includes(f)) : FRAMEWORK_IDS;
  const groups = new Map<string, Finding[]>();
  const unmapped: Finding[] = [];
  for (const f of findings) {
    const mapped = controls !== undefined && Object.hasOwn(controls, f.ruleId) ? controls[f.ruleId] : undefined;
    const keys = picked.flatMap((fw) => (mapped?.[fw] ?? []).map((id) => `${fw}:${id}`));
    if (keys.length === 0) unmapped.push(f);
    for (const key of keys) {
      const list = groups.get(key);
      if (list === undefined) groups.set(key, [f]);
      else list.push(f);
    }
  }
  const order = (key: string): number => FRAMEWORK_IDS.indexOf(key.slice(0, key.indexOf(':')) as FrameworkId);
  const out = [...groups.entries()]
    .sort(([a], [b]) => order(a) - order(b) || a.localeCompare(b, 'en', { numeric: true }))
    .map(([key, list]) => ({ key, findings: list }));
  if (unmapped.length > 0) out.push({ key: UNMAPPED, findings: unmapped });
  return out;
}

/** The JSON report's `groups`: control key → the fingerprints of its findings. */
export function groupFingerprints(groups: readonly ControlGroup[]): Record<string, string[]> {
  return Object.fromEntries(groups.map((g) => [g.key, g.findings.map((f) => f.fingerprint)]));
}
