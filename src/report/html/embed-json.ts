/**
 * JSON that can sit inside `<script type="application/json">` without ending it or being read as markup: `<`, `>`
 * and `&` become `\u003c`, `\u003e`, `\u0026` (so no `</script>` or `<!--` can appear), and U+2028/U+2029 are
 * escaped too (line terminators to older JavaScript parsers). JSON.parse reads every escape back as the character.
 */
export function embedJson(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
