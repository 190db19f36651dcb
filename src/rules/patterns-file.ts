/** The shared-regex file in a rules directory: not a rule, and part of what the rule bundle is keyed on. */
export const PATTERNS_FILE = 'patterns.yaml';
