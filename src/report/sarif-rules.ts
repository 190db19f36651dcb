import { controlTags } from '../compliance/rule-controls.js';
import type { Finding } from '../model/finding.js';
import type { RuleDoc } from '../model/report.js';
import { SECURITY_SEVERITY, type Severity } from '../model/severity.js';
import type { SarifLevel, SarifRule } from './sarif-types.js';

/** GitHub shows error/warning/note; the finer grading travels in `security-severity`. */
export function sarifLevel(severity: Severity): SarifLevel {
  if (severity === 'critical' || severity === 'high') return 'error';
  return severity === 'medium' ? 'warning' : 'note';
}

/** `client-implicit-grant` → `ClientImplicitGrant` (SARIF's `name` is an identifier-like label). */
export function pascalCase(id: string): string {
  return id
    .split(/[^A-Za-z0-9]+/)
    .filter((part) => part !== '')
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join('');
}

/**
 * driver.rules: every documented rule plus any rule that has a finding but no doc (so every result can point at
 * a rule), sorted by id so that indexes are stable between runs.
 */
export function sarifRules(docs: ReadonlyMap<string, RuleDoc>, findings: readonly Finding[]): SarifRule[] {
  const byId = new Map<string, RuleDoc>();
  for (const doc of docs.values()) byId.set(doc.id, doc);
  for (const f of findings) if (!byId.has(f.ruleId)) byId.set(f.ruleId, docFromFinding(f));
  return [...byId.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)).map(sarifRule);
}

function sarifRule(doc: RuleDoc): SarifRule {
  return {
    id: doc.id,
    name: pascalCase(doc.id),
    shortDescription: { text: doc.title },
    fullDescription: { text: doc.description || doc.title },
    help: { text: helpText(doc), markdown: helpMarkdown(doc) },
    defaultConfiguration: { level: sarifLevel(doc.severity) },
    properties: {
      'security-severity': SECURITY_SEVERITY[doc.severity],
      // SARIF requires unique tags; a custom rule may well use "security" as its category.
      tags: [...new Set(['security', doc.category, ...controlTags(doc.controls ?? {})])],
      precision: doc.precision ?? 'high',
    },
  };
}

function docFromFinding(f: Finding): RuleDoc {
  return {
    id: f.ruleId,
    version: f.ruleVersion,
    title: f.title,
    severity: f.severity,
    category: f.category,
    resource: f.resource.type,
    description: f.title,
    rationale: '',
    remediation: f.remediation,
    references: [],
  };
}

function helpText(doc: RuleDoc): string {
  const parts = [doc.description || doc.title];
  if (doc.rationale) parts.push(`Why it matters: ${doc.rationale}`);
  if (doc.remediation) parts.push(`Remediation: ${doc.remediation}`);
  if (doc.references.length > 0) parts.push(`References:\n${doc.references.map((r) => `- ${r}`).join('\n')}`);
  return parts.join('\n\n');
}

function helpMarkdown(doc: RuleDoc): string {
  const parts = [doc.description || doc.title];
  if (doc.rationale) parts.push(`**Why it matters**\n\n${doc.rationale}`);
  if (doc.remediation) parts.push(`**Remediation**\n\n${doc.remediation}`);
  if (doc.references.length > 0) {
    const links = doc.references.map((r) => `- [${r.replace(/[[\]]/g, '\\$&')}](${markdownUrl(r)})`);
    parts.push(`**References**\n\n${links.join('\n')}`);
  }
  return parts.join('\n\n');
}

// Parentheses and spaces would end a Markdown link target early.
function markdownUrl(url: string): string {
  return url.replace(/[()\s]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}
