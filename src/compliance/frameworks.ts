/** The frameworks a rule can be mapped to, in the order reports list them; `--framework` takes these ids. */
export const FRAMEWORK_IDS = ['nist-800-63b', 'asvs', 'cis', 'attack'] as const;
export type FrameworkId = (typeof FRAMEWORK_IDS)[number];

/** The shape of one control id in each framework (NIST section, ASVS 5.0 requirement, CIS safeguard, ATT&CK technique). */
export const CONTROL_ID_PATTERNS: Record<FrameworkId, RegExp> = {
  'nist-800-63b': /^\d+(\.\d+){0,3}$/,
  asvs: /^V\d{1,2}\.\d{1,2}\.\d{1,2}$/,
  cis: /^\d{1,2}\.\d{1,2}$/,
  attack: /^T\d{4}(\.\d{3})?$/,
};

/** A rule's controls, per framework; only frameworks with at least one control appear. */
export type RuleControls = Partial<Record<FrameworkId, readonly string[]>>;
