/**
 * The most code points of one piece of tenant text a human report shows (table, Markdown, JUnit names, notices);
 * the rest is cut with an ellipsis and the whole length (`boundText`). Ids are kept whole far longer than names,
 * because an id is what a reader searches for; JSON, SARIF and CSV keep every value whole.
 */
export const TEXT_BOUNDS = {
  /** A resource, tenant or rule display name. */
  name: 200,
  /** A resource id or rule id. */
  id: 1_000,
  /** A finding message, a skip reason, an API detail. */
  message: 1_000,
  /** One whole notice line (skipped rules, coverage), wrapped over several terminal lines. */
  line: 2_000,
} as const;
