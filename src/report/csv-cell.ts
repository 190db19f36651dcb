// Spreadsheets run a cell that starts with one of these as a formula (OWASP "CSV injection"); tab and CR are
// included because some applications strip them and then see the formula character behind them.
const FORMULA_START = /^[=+\-@\t\r]/;

/** One RFC 4180 field: formula-like text defused with a leading "'", quoted when it holds `"`, `,`, CR or LF. */
export function csvCell(value: string | number | undefined): string {
  if (value === undefined) return '';
  let text = String(value);
  if (typeof value === 'string' && FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One record, CRLF-terminated as RFC 4180 asks. */
export function csvRow(values: readonly (string | number | undefined)[]): string {
  return `${values.map(csvCell).join(',')}\r\n`;
}
