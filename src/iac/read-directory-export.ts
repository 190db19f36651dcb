import { existsSync, readdirSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { InputError } from '../errors.js';
import { isSyntaxError, parseSource } from '../rules/source-document.js';
import { readFileAtMost } from '../util/read-file-at-most.js';
import type { ExportItem, ExportSections } from './export-types.js';
import { replaceKeywords } from './keyword-replace.js';
import { inlineReferencedFiles } from './referenced-files.js';

const MAX_FILE_BYTES = 4 * 1024 * 1024;

/** Folder (or file) of the directory format → the YAML section it holds. One object per file unless noted. */
const LISTS: readonly [string, string][] = [
  ['clients', 'clients'],
  ['grants', 'clientGrants'],
  ['client-grants', 'clientGrants'],
  ['resource-servers', 'resourceServers'],
  ['connections', 'connections'],
  ['roles', 'roles'],
  ['organizations', 'organizations'],
  ['actions', 'actions'],
  ['rules', 'rules'],
  ['hooks', 'hooks'],
  ['log-streams', 'logStreams'],
  ['guardian/factors', 'guardianFactors'],
  ['network-acls', 'networkACLs'],
];
const SINGLES: readonly [string, string][] = [
  ['tenant.json', 'tenant'],
  ['triggers/triggers.json', 'triggers'],
  ['guardian/policies.json', 'guardianPolicies'],
  ['guardian/phoneFactorSelectedProvider.json', 'guardianPhoneFactorSelectedProvider'],
  ['guardian/phoneFactorMessageTypes.json', 'guardianPhoneFactorMessageTypes'],
  ['emails/provider.json', 'emailProvider'],
  ['prompts/prompts.json', 'prompts'],
  ['prompts.json', 'prompts'],
];
/** attack-protection/<file>.json → the key it has inside the YAML `attackProtection` section. */
const ATTACK: readonly [string, string][] = [
  ['breached-password-detection.json', 'breachedPasswordDetection'],
  ['brute-force-protection.json', 'bruteForceProtection'],
  ['suspicious-ip-throttling.json', 'suspiciousIpThrottling'],
  ['bot-detection.json', 'botDetection'],
  ['captcha.json', 'captcha'],
];

/** deploy-cli's directory format: one JSON file per resource in a folder per kind, read into the YAML sections. */
export function readDirectoryExport(root: string, dir: string, keywords: ReadonlyMap<string, unknown>): ExportSections {
  const sections = new Map<string, ExportItem[]>();
  const add = (name: string, items: ExportItem[]) => sections.set(name, [...(sections.get(name) ?? []), ...items]);
  for (const [folder, name] of LISTS) {
    const path = join(root, folder);
    if (isDir(path)) add(name, jsonFiles(path).map((f) => readItem(f, dir, root, keywords)));
  }
  const databases = join(root, 'database-connections');
  if (isDir(databases)) {
    const dbs = readdirSync(databases).sort().map((d) => join(databases, d, 'database.json')).filter((f) => existsSync(f));
    add('databases', dbs.map((f) => readItem(f, dir, root, keywords)));
  }
  for (const [file, name] of SINGLES) {
    const path = join(root, file);
    if (existsSync(path) && !sections.has(name)) add(name, [readItem(path, dir, root, keywords)]);
  }
  const attackDir = join(root, 'attack-protection');
  if (isDir(attackDir)) {
    const merged: Record<string, unknown> = {};
    const parts: Record<string, ExportItem['at']> = {};
    for (const [file, key] of ATTACK) {
      const path = join(attackDir, file);
      if (!existsSync(path)) continue;
      const item = readItem(path, dir, root, keywords);
      merged[key] = item.data;
      parts[key] = item.at;
    }
    add('attackProtection', [{ data: merged, at: { file: join(dir, 'attack-protection') }, parts }]);
  }
  const domains = join(root, 'custom-domains', 'custom-domains.json');
  if (existsSync(domains)) add('customDomains', readList(domains, dir, root, keywords));
  const emails = join(root, 'emails');
  if (isDir(emails)) {
    const templates = jsonFiles(emails).filter((f) => basename(f) !== 'provider.json');
    if (templates.length > 0) add('emailTemplates', templates.map((f) => readItem(f, dir, root, keywords)));
  }
  return { sections, root: dir };
}

function readItem(path: string, dir: string, root: string, keywords: ReadonlyMap<string, unknown>): ExportItem {
  const data = parseJson(path, dir, root, keywords);
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    throw new InputError('CONFIG', 'expected one JSON object', `${display(path, dir, root)}:1`);
  }
  const base = resolve(path, '..');
  return { data: inlineReferencedFiles(data, base, root, keywords) as Record<string, unknown>, at: { file: display(path, dir, root), line: 1 } };
}

function readList(path: string, dir: string, root: string, keywords: ReadonlyMap<string, unknown>): ExportItem[] {
  const data = parseJson(path, dir, root, keywords);
  const list = Array.isArray(data) ? data : [data];
  return list.map((item) => ({ data: item as Record<string, unknown>, at: { file: display(path, dir, root), line: 1 } }));
}

function parseJson(path: string, dir: string, root: string, keywords: ReadonlyMap<string, unknown>): unknown {
  const buf = readFileAtMost(path, MAX_FILE_BYTES);
  if (buf === undefined) throw new InputError('CONFIG', `file is over ${MAX_FILE_BYTES} bytes`, display(path, dir, root));
  // JSON is YAML: one parser gives the same line numbers and messages for both formats.
  const source = parseSource(replaceKeywords(buf.toString('utf8'), keywords));
  if (isSyntaxError(source)) throw new InputError('CONFIG', `syntax error: ${source.message}`, `${display(path, dir, root)}:${source.line}`);
  return source.data;
}

function jsonFiles(dir: string): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => join(dir, f));
}

function isDir(path: string): boolean {
  return existsSync(path) && statSync(path).isDirectory();
}

/** The path as the user gave the export folder, so SARIF locations are relative like theirs. */
function display(path: string, dir: string, root: string): string {
  return join(dir, path.slice(root.length + 1));
}
