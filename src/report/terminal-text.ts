// Tenant data (app names, ids, API-provided details) ends up in messages; a hostile name must not be able to move
// the cursor, recolour the terminal or reorder text (bidi overrides), so every control character is made visible.
const UNSAFE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** The text with control and bidi-override characters shown as `\xNN` / `\u{NNNN}` escapes; newlines are kept. */
export function terminalSafe(text: string): string {
  return text.replace(UNSAFE, (ch) => {
    const code = ch.codePointAt(0) ?? 0;
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u{${code.toString(16)}}`;
  });
}

/**
 * Wraps at spaces to `width` columns, hard-breaking words longer than a line (ids, URLs) instead of letting the
 * table truncate them. Width counts code points: wide characters may still be cut by the table, which marks the cut with an ellipsis.
 */
export function wrapText(text: string, width: number): string {
  const out: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (const word of paragraph.split(/ +/)) {
      if (word === '') continue;
      if (line !== '' && columns(line) + 1 + columns(word) <= width) {
        line += ` ${word}`;
        continue;
      }
      if (line !== '') out.push(line);
      const chars = Array.from(word);
      while (chars.length > width) out.push(chars.splice(0, width).join(''));
      line = chars.join('');
    }
    out.push(line);
  }
  return out.join('\n');
}

function columns(s: string): number {
  return Array.from(s).length;
}
