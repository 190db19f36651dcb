/**
 * A YAML syntax error in words that never quote the document. Most of the parser's messages are fixed sentences,
 * but some carry source text (`Unexpected scalar token in YAML stream: "<the line>"`, a block scalar header, a
 * directive, a tag or an alias name): a file given by mistake (`--config /etc/shadow`) must not reach a CI log
 * that way. Codes whose messages are all fixed pass through; the rest get a sentence of ours.
 */
const FIXED_MESSAGES = new Set([
  'ALIAS_PROPS',
  'BAD_INDENT',
  'BLOCK_AS_IMPLICIT_KEY',
  'BLOCK_IN_FLOW',
  'DUPLICATE_KEY',
  'KEY_OVER_1024_CHARS',
  'MISSING_CHAR',
  'MULTILINE_IMPLICIT_KEY',
  'MULTIPLE_ANCHORS',
  'MULTIPLE_TAGS',
  'TAB_AS_INDENT',
]);

const OWN_SENTENCES: Readonly<Record<string, string>> = {
  BAD_ALIAS: 'an anchor or alias name is empty or ends in ":"',
  BAD_COLLECTION_TYPE: 'a YAML tag that does not fit its collection',
  BAD_DIRECTIVE: 'a directive line (starting with %) this reader does not support',
  BAD_DQ_ESCAPE: 'an invalid escape sequence in a double-quoted string',
  BAD_PROP_ORDER: 'anchors and tags must come after the "-", "?" or ":" indicator',
  BAD_SCALAR_START: 'a plain value starts with a reserved character (quote it)',
  IMPOSSIBLE: 'YAML that cannot be read',
  MULTIPLE_DOCS: 'more than one YAML document (a file holds one)',
  NON_STRING_KEY: 'a key that is not a string',
  RESOURCE_EXHAUSTION: 'too many YAML aliases (the document expands without bound)',
  TAG_RESOLVE_FAILED: 'a YAML tag (!name) that is not allowed here',
};

/** The UNEXPECTED_TOKEN messages that name only token types, without what follows them (the source text). */
const TOKEN_TYPES_ONLY = /^(?:Unexpected [a-z-]+ (?:token|at node end)|Unexpected (?:,|empty item) in flow (?:map|sequence|collection)|Expected a flow scalar value, but found: [a-z-]+)/;

export function yamlProblem(code: string, message: string): string {
  const first = message.split('\n')[0] ?? '';
  if (FIXED_MESSAGES.has(code)) return first;
  if (code === 'UNEXPECTED_TOKEN') return TOKEN_TYPES_ONLY.exec(first)?.[0] ?? 'unexpected text';
  return OWN_SENTENCES[code] ?? 'invalid YAML';
}
