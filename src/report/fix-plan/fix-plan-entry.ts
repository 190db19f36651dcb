import type { Finding, FindingFix } from '../../model/finding.js';
import { PER_RESOURCE } from '../../engine/compile-fix.js';
import { fencedBlock } from '../fenced-block.js';
import { markdownCode, markdownText } from '../markdown-text.js';
import { resourceLabel } from '../resource-label.js';
import { safeText } from '../safe-text.js';
import { boundText } from '../terminal-text.js';
import { TEXT_BOUNDS } from '../text-bounds.js';

export type FixedFinding = Finding & { fix: FindingFix };

/** Whether the finding carries a machine-readable fix: a request, a CLI command or a Terraform attribute. */
export function hasMachineFix(f: Finding): f is FixedFinding {
  return f.fix !== undefined && (f.fix.request !== undefined || f.fix.cli !== undefined || f.fix.terraform !== undefined);
}

/** Whether the fix leaves `<name>` placeholders for a person to fill in. */
export function needsInputs(f: FixedFinding): boolean {
  return Object.keys(f.fix.inputs ?? {}).length > 0;
}

/** `### HIGH · client-password-grant · clients/Storefront`: the heading every entry starts with. */
export function entryHeading(f: Finding, level: string): string {
  return `${level} ${f.severity.toUpperCase()} · ${markdownCode(f.ruleId)} · ${markdownText(resourceLabel(f.resource), Infinity)}`;
}

/**
 * One finding's part of the plan: heading, message, the request (method, path, pretty JSON body), the `auth0` CLI
 * command, the Terraform attribute, the inputs to fill in and the note; for a summary finding, the sample of ids
 * to repeat it for. Every piece of tenant text is neutralised: inline text escaped, code in unclosable fences.
 */
export function fixPlanEntry(f: FixedFinding): string {
  const { fix } = f;
  const lines: string[] = [entryHeading(f, '###'), '', markdownText(f.message)];
  if (fix.request !== undefined) {
    const { method, path, body } = fix.request;
    const head = `${method} ${safeText(path)}`;
    const text = body === undefined ? head : `${head}\nContent-Type: application/json\n\n${JSON.stringify(body, null, 2)}`;
    lines.push('', '**Management API request**', '', fencedBlock(text, 'http'));
  }
  if (fix.cli !== undefined) lines.push('', '**auth0 CLI**', '', fencedBlock(safeText(fix.cli), 'sh'));
  if (fix.terraform !== undefined) lines.push('', `**Terraform**: ${markdownCode(`${fix.terraform.resource}.${fix.terraform.attribute}`)}`);
  const inputs = Object.entries(fix.inputs ?? {});
  if (inputs.length > 0) {
    lines.push('', '**Fill in before sending**', '', ...inputs.map(([name, what]) => `- ${inputName(name)}: ${markdownText(what)}`));
  }
  if (fix.note !== undefined) lines.push('', `**Note**: ${markdownText(fix.note)}`);
  const repeat = repeatFor(f);
  if (repeat !== undefined) lines.push('', repeat);
  return lines.join('\n');
}

/** A summary finding stands for `count` resources: the request is repeated for each id, of which the sample is listed. */
function repeatFor(f: FixedFinding): string | undefined {
  const perResource = [f.fix.request?.path, JSON.stringify(f.fix.request?.body), f.fix.cli].some((t) => t?.includes(PER_RESOURCE) === true);
  if (!perResource || f.sample === undefined) return undefined;
  const count = f.count ?? f.sample.length;
  const more = count > f.sample.length ? ` (the first ${f.sample.length.toLocaleString('en-US')} shown; the others are in the tenant)` : '';
  const ids = f.sample.map((id) => `- ${markdownCode(boundText(id, TEXT_BOUNDS.id))}`);
  return [`**Repeat for each of ${count.toLocaleString('en-US')} resources**, replacing ${'`'}${PER_RESOURCE}${'`'} with the id${more}:`, '', ...ids].join('\n');
}

/** `<name>` as the placeholder appears in the request: a code span for a plain name (rule-file keys are), else escaped text. */
function inputName(name: string): string {
  return /^[A-Za-z0-9_]+$/.test(name) ? `\`<${name}>\`` : markdownText(`<${name}>`);
}

/** A finding with no machine-readable fix: its heading and the rule's remediation text. */
export function remediationEntry(f: Finding): string {
  return `${entryHeading(f, '###')}\n\n${markdownText(f.message)}\n\n**Remediation**: ${markdownText(f.remediation, TEXT_BOUNDS.line)}`;
}
