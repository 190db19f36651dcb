// Tenant data (app names, ids, API-provided details) ends up in messages; a hostile name must not be able to move
// the cursor, recolour the terminal or reorder text (bidi overrides), so every control character is made visible.
const UNSAFE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** The text with control and bidi-override characters shown as `\xNN` / `\u{NNNN}` escapes; newlines are kept. */
export function terminalSafe(text: string): string {
  return text.replace(UNSAFE, escapeChar);
}

/** A control or bidi character as a visible `\xNN` / `\u{NNNN}` escape. */
export function escapeChar(ch: string): string {
  const code = ch.codePointAt(0) ?? 0;
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u{${code.toString(16)}}`;
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
      // Slices, not repeated splices: a 1 MB id must cost one pass, not one copy per output line.
      const chars = Array.from(word);
      let at = 0;
      for (; chars.length - at > width; at += width) out.push(chars.slice(at, at + width).join(''));
      line = chars.slice(at).join('');
    }
    out.push(line);
  }
  return out.join('\n');
}

function columns(s: string): number {
  return Array.from(s).length;
}

/**
 * At most `max` code points of `text`, the cut said in place: tenant data can hold a name of megabytes, and no
 * human report needs more than its start (JSON and SARIF keep the whole value).
 */
export function boundText(text: string, max: number): string {
  if (text.length <= max) return text;
  const chars = Array.from(text);
  if (chars.length <= max) return text;
  return `${chars.slice(0, max).join('')}… (+${(chars.length - max).toLocaleString('en-US')} characters)`;
}

// Everything terminalSafe escapes except tab, carriage return (progress redraws its line) and newline.
const STDERR_UNSAFE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** Text bound for stderr: no ESC, C1 or bidi control survives, whatever produced it. */
export function stderrSafe(text: string): string {
  return text.replace(STDERR_UNSAFE, escapeChar);
}
