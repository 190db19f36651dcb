import { escapeChar } from './terminal-text.js';

// Spreadsheets run a cell that starts with one of these as a formula (OWASP "CSV injection"). Whitespace and line
// breaks are included because applications strip them and then see the formula character behind them, and the
// fullwidth forms because some spreadsheets fold them to ASCII.
const FORMULA_START = /^[\s]*[=+\-@\uff1d\uff0b\uff0d\uff20]|^[\t\r\n]/;

const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** One RFC 4180 field: formula-like text defused with a leading "'", quoted when it holds `"`, `,`, CR or LF. */
export function csvCell(value: string | number | undefined): string {
  if (value === undefined) return '';
  let text = String(value);
  if (typeof value === 'string' && FORMULA_START.test(text)) text = `'${text}`;
  // Escape characters stay data: a spreadsheet or a terminal `cat` must not receive control sequences.
  if (typeof value === 'string') text = text.replace(CONTROL, escapeChar);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One record, CRLF-terminated as RFC 4180 asks. */
export function csvRow(values: readonly (string | number | undefined)[]): string {
  return `${values.map(csvCell).join(',')}\r\n`;
}
