import { displayWidth } from '../display-width.js';

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

/**
 * Display columns of one line: its length when it is printable ASCII (nearly every table cell; one regular
 * expression test instead of a walk over code points), else displayWidth's count.
 */
export function textWidth(text: string): number {
  return PRINTABLE_ASCII.test(text) ? text.length : displayWidth(text);
}
