import { safeText } from '../safe-text.js';
import { boundText } from '../terminal-text.js';
import { TEXT_BOUNDS } from '../text-bounds.js';

export type TextBound = keyof typeof TEXT_BOUNDS;

/**
 * Tenant text as the HTML report holds it: bounded like every human report (a name of megabytes shows its start and
 * its length), with control, bidi and line-separator characters shown as escapes, so that text put in place with
 * textContent can neither reorder what is around it nor pass for something else.
 */
export function htmlText(text: string, bound: TextBound = 'message'): string {
  return safeText(boundText(text, TEXT_BOUNDS[bound]));
}

/** A value read from the tenant (evidence) as one line of JSON text, neutralised like htmlText. */
export function htmlValue(value: unknown): string {
  if (value === undefined) return '(absent)';
  let json: string | undefined;
  try {
    json = JSON.stringify(value);
  } catch {
    json = undefined;
  }
  return htmlText(json ?? String(value), 'message');
}
