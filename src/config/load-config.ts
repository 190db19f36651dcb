import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { isSyntaxError, parseSource } from '../rules/source-document.js';
import { readDocument } from '../util/read-document.js';
import { configSchema, type Config } from './config-schema.js';
import { findConfigFile } from './find-config-file.js';

export interface LoadedConfig {
  config: Config;
  /** The file it came from, or undefined when none was found. */
  path?: string;
  /** rules_dirs resolved against the config file's folder. */
  rulesDirs: string[];
}

/** An explicit --config must exist; otherwise the first default name in `cwd` is used if present. */
export function loadConfig(explicit: string | undefined, cwd: string): LoadedConfig {
  const path = findConfigFile(explicit, cwd);
  if (!path) return { config: {}, rulesDirs: [] };
  const { value: config } = readDocument(path, configSchema, 'config file', 'CONFIG');
  const base = dirname(path);
  return { config, path, rulesDirs: (config.rules_dirs ?? []).map((d) => resolve(base, d)) };
}

/** Line of a dot-path in the config file, for errors found after loading (an unknown rule id, a bad param). */
export function configLocation(loaded: Pick<LoadedConfig, 'path'>, path: readonly (string | number)[]): string | undefined {
  if (!loaded.path) return undefined;
  const source = parseSource(readFileSync(loaded.path, 'utf8'));
  if (isSyntaxError(source)) return loaded.path;
  const line = source.lineOf(path);
  return line ? `${loaded.path}:${line}` : loaded.path;
}
