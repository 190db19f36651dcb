import type { KindName } from '../model/kinds.js';
import type { AllowList } from '../redact/allow-list.js';
import { builtinAllowList } from '../redact/builtin-allow-list.js';
import { keepAllowed } from '../redact/keep-allowed.js';
import { REDACTED_TEXT } from '../redact/redacted-text.js';

export const REDACTED = REDACTED_TEXT;

/**
 * Returns the part of a resource a snapshot may hold: only the paths on the allow-list (what the rules read and
 * what reports name resources by), and of those, secrets as "[REDACTED]" (presence is kept: rules may ask) and
 * code with its hard-coded secrets masked. Without `allow`, the built-in rules' list. A name that merely does not
 * look secret (`addons.wams.masterkey`, `options.configuration.X`) is never kept because nothing reads it.
 */
export function redactResource(kind: KindName, resource: Record<string, unknown>, allow: AllowList = builtinAllowList()): Record<string, unknown> {
  return keepAllowed(kind, resource, allow);
}
