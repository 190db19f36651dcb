import { charWidth } from '../display-width.js';
import { textWidth } from './text-width.js';

/** One word of terminal text, already made safe and bounded. Tokens on one line are joined by a single space. */
export interface Token {
  /** What the width is measured on. */
  text: string;
  /**
   * Never split: a piece of an id that a reader copies into a suppression. A kept token longer than the line sits
   * alone on its own line, past the width, rather than being cut.
   */
  keep?: boolean;
  /** The text as printed (coloured), when it differs from `text`. */
  styled?: string;
}

/** The words of `text` (split at spaces), each a token with the same flags. */
export function words(text: string, flags: Omit<Token, 'text'> = {}): Token[] {
  return text
    .split(/ +/)
    .filter((w) => w !== '')
    .map((w) => ({ ...flags, text: w }));
}

/** Columns a token list takes on one line. */
export function tokensWidth(tokens: readonly Token[]): number {
  return tokens.reduce((w, t, i) => w + textWidth(t.text) + (i === 0 ? 0 : 1), 0);
}

/** The widest kept token: the narrowest line that shows every id whole. */
export function widestKept(tokens: readonly Token[]): number {
  return tokens.reduce((w, t) => (t.keep === true ? Math.max(w, textWidth(t.text)) : w), 0);
}

/**
 * Greedy word wrap to `width` display columns (`firstWidth` for the first line). A word longer than a line is
 * broken (after a `-`, `/` or `|` when one is near the end of the piece, so rule ids and URLs break where a reader
 * expects); a kept token never is.
 */
export function wrapTokens(tokens: readonly Token[], width: number, firstWidth: number = width): string[] {
  const lines = new Lines(width, firstWidth);
  for (const token of tokens) lines.add(token);
  return lines.done();
}

/**
 * Wraps parts of a line that belong together (the summary's "1,235 findings (…)", "gate: …"), starting a part on
 * a new line when it does not fit on the current one. Parts are joined by ` · `, the dot ending the line: joining
 * the lines with one space gives the one-line form back.
 */
export function wrapParts(parts: readonly (readonly Token[])[], width: number): string[] {
  const lines = new Lines(width);
  for (const [i, part] of parts.entries()) {
    const tokens = i < parts.length - 1 ? [...part, { text: '·' }] : part;
    if (!lines.fits(tokensWidth(tokens))) lines.newLine();
    for (const token of tokens) lines.add(token);
  }
  return lines.done();
}

class Lines {
  private readonly out: string[] = [];
  private line: string[] = [];
  private lineWidth = 0;

  constructor(
    private readonly width: number,
    private readonly firstWidth: number = width,
  ) {}

  /** The width of the line being filled. */
  private get room(): number {
    return this.out.length === 0 ? this.firstWidth : this.width;
  }

  /** Whether `w` more columns fit on the current line (after a space). */
  fits(w: number): boolean {
    return this.line.length === 0 || this.lineWidth + 1 + w <= this.room;
  }

  add(token: Token): void {
    const w = textWidth(token.text);
    if (this.line.length > 0 && this.lineWidth + 1 + w <= this.room) {
      this.line.push(token.styled ?? token.text);
      this.lineWidth += 1 + w;
      return;
    }
    this.newLine();
    if (w <= this.room || token.keep === true) {
      this.line = [token.styled ?? token.text];
      this.lineWidth = w;
      return;
    }
    // Every piece but the first goes on a line of `width`; only the first line may be wider or narrower.
    const first = breakWord(token.text, this.room);
    const head = first[0] ?? '';
    const pieces = this.room === this.width ? first : [head, ...breakWord(token.text.slice(head.length), this.width)];
    this.out.push(...pieces.slice(0, -1));
    const last = pieces.at(-1) ?? '';
    this.line = [last];
    this.lineWidth = textWidth(last);
  }

  newLine(): void {
    if (this.line.length > 0) this.out.push(this.line.join(' '));
    this.line = [];
    this.lineWidth = 0;
  }

  done(): string[] {
    this.newLine();
    return this.out.length === 0 ? [''] : this.out;
  }
}

/** Pieces of at most `width` columns (at least one code point each), in one pass over the word. */
function breakWord(word: string, width: number): string[] {
  const out: string[] = [];
  let start = 0;
  let taken = 0;
  // The code-unit index just after the last break character of the current piece, and the width up to it.
  let soft = -1;
  let softTaken = 0;
  for (let i = 0; i < word.length; ) {
    const ch = String.fromCodePoint(word.codePointAt(i) ?? 0);
    const cw = charWidth(ch);
    if (taken + cw > width && i > start) {
      // Break at the soft point when it keeps at least half the line; else at the width.
      const at = soft > start && softTaken * 2 >= width ? soft : i;
      out.push(word.slice(start, at));
      taken = at === i ? 0 : taken - softTaken;
      start = at;
      soft = -1;
    }
    taken += cw;
    i += ch.length;
    if (ch === '-' || ch === '/' || ch === '|') {
      soft = i;
      softTaken = taken;
    }
  }
  out.push(word.slice(start));
  return out;
}
