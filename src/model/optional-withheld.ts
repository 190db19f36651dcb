import type { KindCoverage } from './coverage.js';
import { KINDS, isOptionalKind, type KindName } from './kinds.js';

/**
 * An optional kind (read:logs, read:client_credentials) the run could not read because only its optional scope was
 * missing, or the plan lacks it: a choice, not a gap. Its rules are not judged and the run is not incomplete. A
 * required scope missing (read:clients) is still a gap.
 */
export function optionalWithheld(kind: KindName, coverage: Pick<KindCoverage, 'status' | 'missingScopes'> | undefined): boolean {
  if (!isOptionalKind(kind) || coverage === undefined) return false;
  if (coverage.status === 'unavailable') return true;
  if (coverage.status !== 'forbidden') return false;
  const optional = KINDS[kind].optionalScopes ?? [];
  return (coverage.missingScopes ?? []).every((s) => optional.includes(s));
}
