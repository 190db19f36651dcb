import { fileURLToPath } from 'node:url';
import { InputError } from '../errors.js';
import { foreignDocument, isBinary } from '../rules/foreign-document.js';
import { formatIssue } from '../rules/format-issue.js';
import { formatDocPath, isSyntaxError, parseSource, type DocPath } from '../rules/source-document.js';
import { readFileAtMost } from '../util/read-file-at-most.js';
import { capabilityModelSchema, type CapabilityModel } from './capability-model-schema.js';

const MAX_MODEL_BYTES = 1024 * 1024;

/** access/capabilities.yaml at the package root, found from this module (dist/access/ or src/access/ → ../../access). */
export function capabilityModelPath(): string {
  return fileURLToPath(new URL('../../access/capabilities.yaml', import.meta.url));
}

let shipped: CapabilityModel | undefined;

/**
 * Reads and validates a capability model; with no path, the one the package ships (read once, then cached). Any
 * problem is one InputError('CONFIG') naming file:line and the dot-path, like a rule file's.
 */
export function loadCapabilityModel(path?: string): CapabilityModel {
  if (path === undefined) {
    shipped ??= readModel(capabilityModelPath());
    return shipped;
  }
  return readModel(path);
}

function readModel(path: string): CapabilityModel {
  let buf: Buffer | undefined;
  try {
    buf = readFileAtMost(path, MAX_MODEL_BYTES);
  } catch (err) {
    throw modelError(path, undefined, [], `cannot read file (${(err as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  if (buf === undefined) throw modelError(path, undefined, [], `file is over ${MAX_MODEL_BYTES} bytes`);
  if (isBinary(buf)) throw modelError(path, undefined, [], 'not a YAML capability model (binary content)');
  return parseCapabilityModel(buf.toString('utf8'), path);
}

/** Parses and validates capability-model text; `path` is only for messages. */
export function parseCapabilityModel(text: string, path: string): CapabilityModel {
  const source = parseSource(text);
  if (isSyntaxError(source)) throw modelError(path, source.line, undefined, `syntax error: ${source.message}`);
  const parsed = capabilityModelSchema.safeParse(source.data);
  if (parsed.success) return parsed.data;
  const foreign = foreignDocument(source.data, parsed.error.issues, 'capability model');
  if (foreign) throw modelError(path, 1, undefined, foreign);
  const issue = formatIssue(parsed.error.issues, source.data);
  const message = issue.message === 'Invalid key in record' ? 'is not a scope name (verb:resource, e.g. read:users)' : issue.message;
  throw modelError(path, source.lineOf(issue.path), issue.path, message);
}

function modelError(file: string, line: number | undefined, path: DocPath | undefined, message: string): InputError {
  const where = line === undefined ? file : `${file}:${line}`;
  const dot = path && path.length > 0 ? `${formatDocPath(path)}: ` : '';
  return new InputError('CONFIG', `${dot}${message.split('\n')[0] ?? ''}`, where);
}
