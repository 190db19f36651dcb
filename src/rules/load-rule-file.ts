import { readFileSync } from 'node:fs';
import { compileRule } from '../engine/compile-rule.js';
import { PLACEHOLDER_TENANT } from '../engine/rule-kinds.js';
import { InputError } from '../errors.js';
import { formatIssue } from './format-issue.js';
import { PATTERNS_FILE } from './patterns-file.js';
import { ruleSchema, type RuleFile } from './rule-schema.js';
import { expandPatterns } from './shared-patterns.js';
import { formatDocPath, isSyntaxError, parseSource, type DocPath, type SourceDocument } from './source-document.js';

export interface LoadedRule {
  file: RuleFile;
  /** Where it came from, for messages. */
  path: string;
  builtin: boolean;
}

const MAX_RULE_FILE_BYTES = 512 * 1024;

/** Reads, parses, validates and test-compiles one rule file; any problem is one InputError naming file:line and dot-path. */
export function loadRuleFile(path: string, builtin = false): LoadedRule {
  let text: string;
  try {
    const buf = readFileSync(path);
    if (buf.length > MAX_RULE_FILE_BYTES) throw ruleError(path, undefined, [], `file is ${buf.length} bytes; rule files are limited to ${MAX_RULE_FILE_BYTES}`);
    text = buf.toString('utf8');
  } catch (err) {
    if (err instanceof InputError) throw err;
    throw ruleError(path, undefined, [], `cannot read file (${(err as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  const file = parseRuleText(text, path);
  return { file, path, builtin };
}

export function parseRuleText(text: string, path: string): RuleFile {
  const source = parseSource(text);
  if (isSyntaxError(source)) throw ruleError(path, source.line, undefined, `syntax error: ${source.message}`);
  if (source.data === null || typeof source.data !== 'object' || Array.isArray(source.data)) {
    throw ruleError(path, 1, undefined, 'a rule file holds one mapping (id, title, resource, assert, …)');
  }
  const data = expandPatterns(source.data, (docPath, name) => {
    throw at(source, path, docPath, `unknown shared pattern $patterns.${name} (see rules/${PATTERNS_FILE})`);
  });
  const parsed = ruleSchema.safeParse(data);
  if (!parsed.success) {
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
