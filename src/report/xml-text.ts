// Characters XML 1.0 forbids (most C0 controls, U+FFFE/U+FFFF, lone surrogates), plus C1 controls and bidi
// overrides, which are legal but let tenant text disguise itself in a CI viewer. All are shown as escapes.
const UNSAFE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

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

/** Text safe in both XML attribute values and element content: escaped markup, no forbidden characters. */
export function xmlEscape(text: string): string {
  return text
    .replace(UNSAFE, (ch) => {
      const code = ch.charCodeAt(0);
      return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u{${code.toString(16)}}`;
    })
    .replace(/[&<>"'\t\n\r]/g, (ch) => ENTITIES[ch] ?? ch);
}
