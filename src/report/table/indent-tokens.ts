import { words, wrapTokens, type Token } from './wrap-tokens.js';

/**
 * The tokens wrapped to `width` with `first` before the first line and `rest` before the others: every line ends
 * within the width, kept tokens too long for any line aside.
 */
export function indentTokens(tokens: readonly Token[], width: number, first: string, rest: string = first): string[] {
  return wrapTokens(tokens, Math.max(width - rest.length, 1), Math.max(width - first.length, 1)).map((line, i) => (i === 0 ? first : rest) + line);
}

/** Our own text (a heading, a notice) wrapped to `width`, each line styled on its own. */
export function wrapStyled(text: string, width: number, style: (line: string) => string): string {
  return wrapTokens(words(text), width).map(style).join('\n');
}
