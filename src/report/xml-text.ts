import { safeText } from './safe-text.js';

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
  // Attribute values normalise raw whitespace to spaces; references keep it.
  '\t': '&#9;',
  '\n': '&#10;',
  '\r': '&#13;',
};

/**
 * Text safe in both XML attribute values and element content: escaped markup; the characters XML 1.0 forbids
 * (most C0 controls, U+FFFE/U+FFFF, lone surrogates), C1 controls and bidi marks, which are legal but let tenant
 * text disguise itself in a CI viewer, shown as escapes. `lines: 'keep'` (the default) keeps line breaks, for text of
 * ours that has lines; `'mark'` shows them as `\n`, for one-line tenant text (a name, a message).
 */
export function xmlEscape(text: string, lines: 'keep' | 'mark' = 'keep'): string {
  return safeText(text, { breaks: lines, tab: true, cr: lines === 'keep' }).replace(/[&<>"'\t\n\r]/g, (ch) => ENTITIES[ch] ?? ch);
}
