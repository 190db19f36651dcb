import { LineCounter, parseDocument, isNode, type Document } from 'yaml';
import { isKeyName } from './is-key-name.js';
import { yamlProblem } from './yaml-problem.js';

export type DocPath = readonly (string | number)[];

export interface SourceDocument {
  data: unknown;
  /** 1-based line of the node at `path`, or of its nearest existing ancestor. */
  lineOf(path: DocPath): number | undefined;
}

export interface SourceSyntaxError {
  line?: number;
  message: string;
}

/**
 * Parses YAML or JSON (YAML 1.2 reads JSON) keeping node positions, so every later error can name a line.
 * Duplicate keys and custom tags are errors: a rule file is data, never a program.
 */
export function parseSource(text: string): SourceDocument | SourceSyntaxError {
  const lineCounter = new LineCounter();
  const doc: Document = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false, customTags: [] });
  const first = doc.errors[0];
  if (first) {
    return { line: lineCounter.linePos(first.pos[0]).line, message: yamlProblem(first.code, first.message) };
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 100 });
  } catch (err) {
    // The failures left after parsing: an alias to no anchor, or aliases that expand without bound (a "billion
    // laughs" document). The parser's own message would quote the alias.
    const message = err instanceof ReferenceError ? 'an alias (*name) refers to no anchor (&name) set before it' : 'too many YAML aliases (the document expands without bound)';
    return { line: 1, message };
  }
  return {
    data,
    lineOf(path) {
      for (let n = path.length; n >= 0; n--) {
        const node: unknown = n === 0 ? doc.contents : doc.getIn(path.slice(0, n), true);
        if (isNode(node) && node.range) return lineCounter.linePos(node.range[0]).line;
      }
      return undefined;
    },
  };
}

export function isSyntaxError(r: SourceDocument | SourceSyntaxError): r is SourceSyntaxError {
  return !('lineOf' in r);
}

/** `a.b[2].c` for humans; a key that is not shaped like a name is content, and shows as `[…]`. */
export function formatDocPath(path: DocPath): string {
  let out = '';
  for (const p of path) out += typeof p === 'number' ? `[${p}]` : !isKeyName(p) ? '[…]' : out === '' ? p : `.${p}`;
  return out === '' ? '(top level)' : out;
}
