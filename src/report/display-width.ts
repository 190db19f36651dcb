// Columns a code point takes in a monospace terminal: 0 for combining marks and zero-width joiners/selectors,
// 2 for East Asian wide and fullwidth forms and emoji, 1 otherwise. An approximation of UAX #11 that needs no
// table: what matters is that wrapping and padding agree, so a table row never spills past its border.
const ZERO = /^[\p{Mn}\p{Me}\u200b-\u200d\u2060\ufe00-\ufe0f\ufeff]$/u;
const WIDE = /^[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6\u{1f300}-\u{1f64f}\u{1f900}-\u{1f9ff}\u{20000}-\u{3fffd}]$/u;

/** Columns one code point takes. */
export function charWidth(ch: string): number {
  const code = ch.codePointAt(0) ?? 0;
  // Printable ASCII and Latin-1 letters: the common case, without a regular expression.
  if (code >= 0x20 && code < 0x300) return 1;
  if (ZERO.test(ch)) return 0;
  return WIDE.test(ch) ? 2 : 1;
}

/** Columns a one-line string takes. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += charWidth(ch);
  return width;
}
