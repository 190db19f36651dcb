import { z } from 'zod';

/**
 * `partial`: some resources were returned in a shape the scanner does not understand; they are kept out of
 * evaluation (listed in `notUnderstood`) and every rule still runs on the rest. Every other status but `ok` means
 * the kind's data is missing and the rules that need it are skipped.
 */
export const COVERAGE_STATUSES = ['ok', 'partial', 'forbidden', 'unavailable', 'truncated', 'error'] as const;
export type CoverageStatus = (typeof COVERAGE_STATUSES)[number];

/** How many not-understood or gone resources a coverage entry names; the counts stay exact past it. */
export const COVERAGE_LIST_LIMIT = 50;

export const notUnderstoodSchema = z.strictObject({
  /** The resource id, or `#N "name"` (its position in the list, and its name) when the id itself could not be read. */
  id: z.string(),
  /** Dot-path of the field that did not fit, `` for the resource itself. */
  field: z.string(),
  /** What was found, e.g. `absent`, `a number (expected a string)`. */
  problem: z.string(),
});
export type NotUnderstood = z.infer<typeof notUnderstoodSchema>;

export const kindCoverageSchema = z.strictObject({
  status: z.enum(COVERAGE_STATUSES),
  /** Resources handed to evaluation. */
  count: z.number().int().nonnegative(),
  /** Scopes whose absence made the kind `forbidden`, or withheld some of its fields. */
  missingScopes: z.array(z.string()).optional(),
  /** One sentence for humans: why the kind is not ok, or a caveat on ok data. */
  detail: z.string().optional(),
  /** Resources the API returned that the scanner could not read (at most COVERAGE_LIST_LIMIT named). */
  notUnderstood: z.array(notUnderstoodSchema).optional(),
  notUnderstoodCount: z.number().int().nonnegative().optional(),
  /** Resources listed but deleted before their details could be read: dropped, the kind kept. */
  gone: z.array(z.string()).optional(),
  goneCount: z.number().int().nonnegative().optional(),
  /**
   * Top-level fields the API left out of every resource (e.g. connection `options` without
   * read:connections_options): only the rules that read them are skipped.
   */
  withheldFields: z.array(z.string()).optional(),
});
export type KindCoverage = z.infer<typeof kindCoverageSchema>;

/** Statuses whose resources are evaluated. */
export function isEvaluable(status: CoverageStatus): boolean {
  return status === 'ok' || status === 'partial';
}
