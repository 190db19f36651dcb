/**
 * How line breaks and tabs of the text are treated:
 * - `breaks: 'mark'` (the default) for one-line fields (a name, an id, a message, an API error): a line break
 *   becomes the visible `\n` / `\r`, so tenant text can never start a line of its own (a fake "gate: passed");
 * - `breaks: 'keep'` for text that is ours and has lines (a stack trace, a whole stderr write, a CSV field).
 * `tab` and `cr` keep those characters as they are; otherwise they are shown as `\t` / `\r`.
 */
export interface SafeTextOptions {
  breaks?: 'mark' | 'keep';
  tab?: boolean;
  cr?: boolean;
}

// What a terminal, a log viewer, a spreadsheet or an XML parser would act on rather than show: C0 controls (ESC
// starts colour, cursor, title and hyperlink sequences), DEL, C1 controls (0x9B is a one-byte CSI on some
// terminals), bidi marks, embeddings, overrides and isolates (text that displays in another order than it reads),
// Unicode line and paragraph separators (line breaks to editors and browsers), and what XML 1.0 forbids besides C0:
// U+FFFE, U+FFFF and lone surrogates.
const UNSAFE =
  /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

const MARKERS: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/**
 * The one neutraliser for text that reaches a person (terminal, log, Markdown, CSV, XML): every character above is
 * shown as an escape (`\x1b`, `\u{202e}`, `\n`), so the text stays readable and inert. Linear in the text's length.
 */
export function safeText(text: string, options: SafeTextOptions = {}): string {
  const keepBreaks = options.breaks === 'keep';
  return text.replace(UNSAFE, (ch) => {
    if (ch === '\n' && keepBreaks) return ch;
    if (ch === '\r' && options.cr === true) return ch;
    if (ch === '\t' && options.tab === true) return ch;
    return MARKERS[ch] ?? escapeChar(ch);
  });
}

/** A control, bidi or invalid character as a visible `\xNN` / `\u{NNNN}` escape. */
export function escapeChar(ch: string): string {
  const code = ch.codePointAt(0) ?? 0;
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u{${code.toString(16)}}`;
}
