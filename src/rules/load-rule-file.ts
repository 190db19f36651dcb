import { compileRule } from '../engine/compile-rule.js';
import { PLACEHOLDER_TENANT } from '../engine/rule-kinds.js';
import { InputError } from '../errors.js';
import { foreignDocument, isBinary } from './foreign-document.js';
import { formatIssue } from './format-issue.js';
import { isKeyName } from './is-key-name.js';
import { PATTERNS_FILE } from './patterns-file.js';
import { ruleSchema, type RuleFile } from './rule-schema.js';
import { expandPatterns } from './shared-patterns.js';
import { formatDocPath, isSyntaxError, parseSource, type DocPath, type SourceDocument } from './source-document.js';
import { readFileAtMost } from '../util/read-file-at-most.js';

export interface LoadedRule {
  file: RuleFile;
  /** Where it came from, for messages. */
  path: string;
  builtin: boolean;
}

const MAX_RULE_FILE_BYTES = 512 * 1024;

/** Reads, parses, validates and test-compiles one rule file; any problem is one InputError naming file:line and dot-path. */
export function loadRuleFile(path: string, builtin = false): LoadedRule {
  let buf: Buffer | undefined;
  try {
    // Read no further than the limit: a rules path may name /dev/zero or a huge file by mistake.
    buf = readFileAtMost(path, MAX_RULE_FILE_BYTES);
  } catch (err) {
    throw ruleError(path, undefined, [], `cannot read file (${(err as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  if (buf === undefined) throw ruleError(path, undefined, [], `file is over ${MAX_RULE_FILE_BYTES} bytes; rule files are limited to ${MAX_RULE_FILE_BYTES}`);
  if (isBinary(buf)) throw ruleError(path, undefined, [], 'not a YAML/JSON rule file (binary content)');
  const file = parseRuleText(buf.toString('utf8'), path);
  return { file, path, builtin };
}

export function parseRuleText(text: string, path: string): RuleFile {
  const source = parseSource(text);
  if (isSyntaxError(source)) throw ruleError(path, source.line, undefined, `syntax error: ${source.message}`);
  if (source.data === null || typeof source.data !== 'object' || Array.isArray(source.data)) {
    // Plain text (/etc/passwd, a PEM key) parses as one YAML string: say it is not a rule file at all.
    const foreign = typeof source.data === 'string' ? foreignDocument(source.data, [], 'rule file') : undefined;
    throw ruleError(path, 1, undefined, foreign ?? 'a rule file holds one mapping (id, title, resource, assert, …)');
  }
  const data = expandPatterns(source.data, (docPath, name) => {
    throw at(source, path, docPath, `unknown shared pattern ${isKeyName(name) ? `$patterns.${name}` : '$patterns.…'} (see rules/${PATTERNS_FILE})`);
  });
  const parsed = ruleSchema.safeParse(data);
  if (!parsed.success) {
    const foreign = foreignDocument(data, parsed.error.issues, 'rule file');
    if (foreign) throw ruleError(path, undefined, undefined, foreign);
    const issue = formatIssue(parsed.error.issues, data);
    throw at(source, path, issue.path, issue.message);
  }
  const compiled = compileRule(parsed.data, PLACEHOLDER_TENANT);
  const first = compiled.issues[0];
  if (first) throw at(source, path, first.path, first.message);
  parsed.data.tests.forEach((t, i) => {
    const wantsItems = compiled.rule?.scope === 'collection';
    if (wantsItems ? t.items === undefined : t.resource === undefined) {
      throw at(source, path, ['tests', i], `test "${t.name}" needs ${wantsItems ? 'items (the rule has scope collection)' : 'a resource'}`);
    }
  });
  return parsed.data;
}

function at(source: SourceDocument, file: string, path: DocPath, message: string): InputError {
  return ruleError(file, source.lineOf(path), path, message);
}

function ruleError(file: string, line: number | undefined, path: DocPath | undefined, message: string): InputError {
  const where = line === undefined ? file : `${file}:${line}`;
  const dot = path && path.length > 0 ? `${formatDocPath(path)}: ` : '';
  return new InputError('RULE_FILE', `${dot}${message}`, where);
}
