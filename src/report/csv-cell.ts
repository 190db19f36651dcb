import { safeText } from './safe-text.js';

// Spreadsheets run a cell that starts with one of these as a formula (OWASP "CSV injection"): = + - @, also behind
// leading whitespace or a line break (applications strip them and then see the formula character), a leading tab or
// carriage return (OWASP lists both), and the fullwidth forms ＝ ＋ － ＠, which some spreadsheets fold to ASCII.
const FORMULA_START = /^[\s]*[=+\-@\uff1d\uff0b\uff0d\uff20]|^[\t\r\n]/;

/** One RFC 4180 field: formula-like text defused with a leading "'", quoted when it holds `"`, `,`, CR or LF. */
export function csvCell(value: string | number | undefined): string {
  if (value === undefined) return '';
  let text = String(value);
  if (typeof value === 'string') {
    if (FORMULA_START.test(text)) text = `'${text}`;
    // Line breaks and tabs are data in a quoted field; escape characters must not reach a spreadsheet or a `cat`.
    text = safeText(text, { breaks: 'keep', tab: true, cr: true });
  }
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One record, CRLF-terminated as RFC 4180 asks. */
export function csvRow(values: readonly (string | number | undefined)[]): string {
  return `${values.map(csvCell).join(',')}\r\n`;
}
