import { statSync } from 'node:fs';
import type { RuleSpec } from '../engine/create-evaluator.js';
import { InputError } from '../errors.js';
import { readDirectoryExport } from '../iac/read-directory-export.js';
import { readYamlExport } from '../iac/read-yaml-export.js';
import { mapExport, type MappedExport } from '../iac/map-export.js';
import type { SourceLocation } from '../iac/export-types.js';
import { KINDS, STORED_KIND_NAMES } from '../model/kinds.js';
import type { Finding } from '../model/finding.js';
import { allowListForRules } from '../redact/allow-list-for-rules.js';
import { redactionRecord } from '../redact/allow-list-record.js';
import { redactResource } from '../snapshot/redact.js';
import { SNAPSHOT_FORMAT, SNAPSHOT_VERSION } from '../snapshot/snapshot-format.js';
import { EvaluatingSink, type EvaluatedSnapshot } from './evaluating-sink.js';

/** Where an export scan's tenant has no known domain (no grant names the Management API). */
export const EXPORT_DOMAIN = 'config-export.invalid';

export interface ConfigExportScan {
  scanned: EvaluatedSnapshot;
  /** Placeholders no keyword resolved (`file:line: field`): the rules reading them did not judge those resources. */
  unresolved: string[];
}

/**
 * Scans an auth0-deploy-cli export (the YAML file, or the directory format's folder) offline: read, resolve
 * names and keywords, map to the rule kinds, redact exactly as a collection would, evaluate. No network at all.
 * Findings carry the file and line their resource is written at (`shown`: the path as the user gave it, so
 * locations are relative like theirs). `now` is the scan time (dates rules compare with).
 */
export function scanConfigExport(
  path: string,
  shown: string,
  rules: readonly RuleSpec[],
  keywords: ReadonlyMap<string, unknown>,
  now: string,
  toolVersion: string,
): ConfigExportScan {
  let dir: boolean;
  try {
    dir = statSync(path).isDirectory();
  } catch (err) {
    throw new InputError('CONFIG', `cannot read the export (${(err as NodeJS.ErrnoException).code ?? 'error'})`, shown);
  }
  return scanMapped(mapExport(dir ? readDirectoryExport(path, shown, keywords) : readYamlExport(path, shown, keywords)), rules, now, toolVersion);
}

/** Evaluates configuration mapped to the rule kinds (a deploy-cli export, a Terraform plan or state). */
export function scanMapped(mapped: MappedExport, rules: readonly RuleSpec[], now: string, toolVersion: string): ConfigExportScan {
  const allow = allowListForRules(rules.map((r) => r.file));
  const sink = new EvaluatingSink(rules);
  sink.begin({
    format: SNAPSHOT_FORMAT,
    version: SNAPSHOT_VERSION,
    tool: { name: 'auth0-scan', version: toolVersion },
    tenant: { domain: mapped.domain ?? EXPORT_DOMAIN },
    collectedAt: now,
    source: 'file',
    redaction: redactionRecord(allow),
  });
  for (const kind of STORED_KIND_NAMES) {
    if (KINDS[kind].streamed) continue;
    for (const r of mapped.resources[kind] ?? []) sink.resource(kind, redactResource(kind, r, allow));
  }
  sink.end(mapped.coverage);
  const scanned = sink.done();
  const findings = scanned.evaluation.findings.map((f) => located(f, mapped));
  return { scanned: { ...scanned, evaluation: { ...scanned.evaluation, findings } }, unresolved: mapped.unresolved };
}

function located(f: Finding, mapped: MappedExport): Finding {
  const at: SourceLocation | undefined = mapped.locations.get(`${f.resource.type}/${f.resource.id}`);
  if (at === undefined) return f;
  return { ...f, location: { file: at.file, ...(at.line === undefined ? {} : { line: at.line }), ...(at.address === undefined ? {} : { address: at.address }) } };
}
