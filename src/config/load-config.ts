import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { InputError } from '../errors.js';
import { formatIssue } from '../rules/format-issue.js';
import { formatDocPath, isSyntaxError, parseSource } from '../rules/source-document.js';
import { configSchema, type Config } from './config-schema.js';

export const DEFAULT_CONFIG_NAMES = ['auth0-scan.config.yaml', 'auth0-scan.config.yml', 'auth0-scan.config.json'];

export interface LoadedConfig {
  config: Config;
  /** The file it came from, or undefined when none was found. */
  path?: string;
  /** rules_dirs resolved against the config file's folder. */
  rulesDirs: string[];
}

/** An explicit --config must exist; otherwise the first default name in `cwd` is used if present. */
export function loadConfig(explicit: string | undefined, cwd: string): LoadedConfig {
  const path = explicit ? resolve(cwd, explicit) : DEFAULT_CONFIG_NAMES.map((n) => resolve(cwd, n)).find((p) => existsSync(p));
  if (!path) return { config: {}, rulesDirs: [] };
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw new InputError('CONFIG', `cannot read config file (${(err as NodeJS.ErrnoException).code ?? 'error'})`, path);
  }
  const source = parseSource(text);
  if (isSyntaxError(source)) throw new InputError('CONFIG', `syntax error: ${source.message}`, `${path}:${source.line ?? 1}`);
  const data = source.data ?? {};
  const parsed = configSchema.safeParse(data);
  if (!parsed.success) {
    const issue = formatIssue(parsed.error.issues, data);
    const line = source.lineOf(issue.path);
    throw new InputError('CONFIG', `${formatDocPath(issue.path)}: ${issue.message}`, line ? `${path}:${line}` : path);
  }
  const base = dirname(path);
  return { config: parsed.data, path, rulesDirs: (parsed.data.rules_dirs ?? []).map((d) => resolve(base, d)) };
}

/** Line of a dot-path in the config file, for errors found after loading (an unknown rule id, a bad param). */
export function configLocation(loaded: LoadedConfig, path: readonly (string | number)[]): string | undefined {
  if (!loaded.path) return undefined;
  const source = parseSource(readFileSync(loaded.path, 'utf8'));
  if (isSyntaxError(source)) return loaded.path;
  const line = source.lineOf(path);
  return line ? `${loaded.path}:${line}` : loaded.path;
}
