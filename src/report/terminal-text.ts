import { charWidth, displayWidth } from './display-width.js';
import { safeText } from './safe-text.js';

export { escapeChar } from './safe-text.js';

/**
 * One-line tenant or API text for a terminal: control, bidi and line-break characters shown as escapes (`\x1b`,
 * `\u{202e}`, `\n`), so a hostile name can neither move the cursor, recolour or retitle the terminal, reorder text,
 * nor print a line of its own.
 */
export function terminalSafe(text: string): string {
  return safeText(text);
}

/**
 * Text bound for stderr as a whole (it holds our own line breaks, tabs and the progress line's carriage returns):
 * no ESC, C1 or bidi control survives, whatever produced it.
 */
export function stderrSafe(text: string): string {
  return safeText(text, { breaks: 'keep', tab: true, cr: true });
}

/**
 * Wraps at spaces to `width` columns, hard-breaking words longer than a line (ids, URLs) instead of letting them be
 * truncated. Columns are display columns (a CJK character or an emoji takes two). One pass over the text.
 */
export function wrapText(text: string, width: number): string {
  const out: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    let lineWidth = 0;
    for (const word of paragraph.split(/ +/)) {
      if (word === '') continue;
      const w = displayWidth(word);
      if (line !== '' && lineWidth + 1 + w <= width) {
        line += ` ${word}`;
        lineWidth += 1 + w;
        continue;
      }
      if (line !== '') out.push(line);
      if (w <= width) {
        line = word;
        lineWidth = w;
        continue;
      }
      // Slices at code-point boundaries, never repeated copies: a 1 MB id costs one pass, not one per line.
      let start = 0;
      let taken = 0;
      for (let i = 0; i < word.length; ) {
        const ch = String.fromCodePoint(word.codePointAt(i) ?? 0);
        const cw = charWidth(ch);
        if (taken + cw > width && i > start) {
          out.push(word.slice(start, i));
          start = i;
          taken = 0;
        }
        taken += cw;
        i += ch.length;
      }
      line = word.slice(start);
      lineWidth = taken;
    }
    out.push(line);
  }
  return out.join('\n');
}

/**
 * At most `max` code points of `text`, the cut said in place with the whole length: tenant data can hold a name of
 * megabytes, and no human report needs more than its start (JSON and SARIF keep the whole value). Linear.
 */
export function boundText(text: string, max: number): string {
  if (text.length <= max) return text;
  let i = 0;
  let kept = 0;
  for (; i < text.length && kept < max; kept++) i += codePointLength(text, i);
  if (i >= text.length) return text;
  const total = kept + codePointCount(text, i);
  return `${text.slice(0, i)}… (${total.toLocaleString('en-US')} characters)`;
}

/** Code points from `from` on: code units less surrogate pairs, in one tight loop (names can be megabytes). */
function codePointCount(text: string, from: number): number {
  let pairs = 0;
  for (let j = from; j < text.length - 1; j++) {
    const c = text.charCodeAt(j);
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = text.charCodeAt(j + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        pairs++;
        j++;
      }
    }
  }
  return text.length - from - pairs;
}

function codePointLength(text: string, at: number): number {
  const c = text.charCodeAt(at);
  if (c < 0xd800 || c > 0xdbff || at + 1 >= text.length) return 1;
  const next = text.charCodeAt(at + 1);
  return next >= 0xdc00 && next <= 0xdfff ? 2 : 1;
}
