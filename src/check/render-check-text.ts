import { Chalk, type ChalkInstance } from 'chalk';
import Table from 'cli-table3';
import { terminalSafe, wrapText } from '../report/terminal-text.js';
import { CHECK_ORDER, type CheckName, type CheckResult, type CheckStatus, type EndpointProbe } from './check-result.js';

const LABEL: Record<CheckName, string> = {
  reachability: 'reachable',
  credentials: 'credentials',
  api: 'api',
  scopes: 'scopes',
  endpoints: 'plan',
  rateLimit: 'rate limit',
  clock: 'clock',
};
const STATUS_STYLE: Record<CheckStatus, (c: ChalkInstance) => ChalkInstance> = {
  ok: (c) => c.green,
  warn: (c) => c.yellow.bold,
  fail: (c) => c.red.bold,
  skipped: (c) => c.gray,
};
const STATUS_TEXT: Record<CheckStatus, string> = { ok: 'ok', warn: 'WARN', fail: 'FAIL', skipped: 'skip' };
const PROBE_TEXT: Record<EndpointProbe['result'], string> = {
  available: 'available',
  not_on_plan: 'not on this plan',
  missing_scope: 'missing scope',
  error: 'error',
};
/** Summary column: 100 columns less the indent, status and label. */
const SUMMARY_WIDTH = 100 - 21;

/** The human report of `check`: one line per check, the scope and plan tables, then the verdict and the fixes. */
export function renderCheckText(r: CheckResult, options: { color: boolean }): string {
  // An explicit level so that output never depends on chalk's own TTY/env detection.
  const c = new Chalk({ level: options.color ? 1 : 0 });
  const safe = (t: string) => terminalSafe(t);
  const blocks: string[] = [c.bold(`auth0-scan check · ${safe(r.target.tenant)} (${safe(r.target.origin)})`)];
  blocks.push(CHECK_ORDER.map((name) => checkLine(name, r, c)).join('\n'));
  const scopes = r.checks.scopes;
  if (scopes.needed.length > 0 && scopes.status !== 'skipped') blocks.push(`${c.bold('Scopes the selected rules need')}\n${scopeTable(r, c)}`);
  if (scopes.risky.length > 0) {
    const width = Math.max(...scopes.risky.map((s) => safe(s.scope).length));
    const lines = scopes.risky.map((s) => `  ${c.yellow(safe(s.scope).padEnd(width))}  ${s.reason}`);
    blocks.push(`${c.yellow.bold('Granted scopes that are a risk for a read-only scanner')}\n${lines.join('\n')}`);
  }
  if (scopes.otherExtra.length > 0) blocks.push(c.gray(wrapText(`Also granted, not needed: ${scopes.otherExtra.map(safe).join(', ')}`, 98)));
  if (r.checks.endpoints.probes.length > 0) blocks.push(`${c.bold('Plan-gated endpoints')}\n${probeTable(r.checks.endpoints.probes, c)}`);
  blocks.push(verdict(r, c));
  return `${blocks.join('\n\n')}\n`;
}

function checkLine(name: CheckName, r: CheckResult, c: ChalkInstance): string {
  const check = r.checks[name];
  const status = STATUS_STYLE[check.status](c)(STATUS_TEXT[check.status].padEnd(4));
  const lines = wrapText(terminalSafe(check.summary), SUMMARY_WIDTH).split('\n');
  if (check.detail !== undefined) lines.push(...wrapText(`server said: ${terminalSafe(check.detail)}`, SUMMARY_WIDTH).split('\n').map((l) => c.gray(l)));
  const indent = ' '.repeat(21);
  return lines.map((line, i) => (i === 0 ? `  ${status}  ${LABEL[name].padEnd(12)} ${line}` : `${indent}${line}`)).join('\n');
}

function table(head: string[], colWidths: number[], c: ChalkInstance): Table.Table {
  // cli-table3 colours through its own library, which detects the terminal by itself: switch that off.
  return new Table({
    head: head.map((h) => c.bold(h)),
    colWidths,
    wordWrap: false,
    style: { head: [], border: [] },
    // One line per row: the scope list runs to twenty rows and rules between them would double it.
    chars: { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' },
  });
}

function scopeTable(r: CheckResult, c: ChalkInstance): string {
  const t = table(['Scope', 'Needed by', 'Granted'], [40, 14, 12], c);
  for (const row of r.checks.scopes.needed) {
    const no = row.optional ? c.yellow('no (optional)') : c.red.bold('no');
    const granted = row.granted === null ? c.gray('unknown') : row.granted ? c.green('yes') : no;
    t.push([terminalSafe(row.scope), `${row.neededBy} rule${row.neededBy === 1 ? '' : 's'}`, granted]);
  }
  return t.toString();
}

function probeTable(probes: readonly EndpointProbe[], c: ChalkInstance): string {
  const t = table(['Kind', 'Endpoint', 'Result'], [17, 34, 45], c);
  for (const p of probes) {
    const style = p.result === 'available' ? c.green : p.result === 'not_on_plan' ? c.yellow : c.red.bold;
    const extra = p.result === 'missing_scope' ? ` ${(p.missingScopes ?? []).join(', ')}` : p.result === 'available' ? '' : p.httpStatus === undefined ? '' : ` (${p.httpStatus}${p.errorCode === undefined ? '' : ` ${p.errorCode}`})`;
    // Every probe is a GET: the method would only cost the path its column.
    const endpoint = p.request.replace(/^GET /, '');
    t.push([p.kind, wrapText(terminalSafe(endpoint), 32), wrapText(terminalSafe(`${PROBE_TEXT[p.result]}${extra}`), 43).split('\n').map((l) => style(l)).join('\n')]);
  }
  return t.toString();
}

function verdict(r: CheckResult, c: ChalkInstance): string {
  const lines: string[] = [];
  if (r.ready) lines.push(c.green.bold(`Ready: a full scan can run (exit 0). ${r.requests} request(s) sent.`));
  else {
    lines.push(c.red.bold(`Not ready: a scan cannot run yet (exit 3). ${r.requests} request(s) sent. Fix:`));
    r.fixes.forEach((f, i) => lines.push(wrapText(terminalSafe(`${i + 1}. ${f}`), 96).split('\n').map((l, j) => `  ${j === 0 ? '' : '   '}${l}`).join('\n')));
  }
  if (r.advice.length > 0) {
    lines.push(c.yellow.bold('Advice:'));
    for (const a of r.advice) lines.push(wrapText(terminalSafe(`- ${a}`), 96).split('\n').map((l, j) => `  ${j === 0 ? '' : '  '}${l}`).join('\n'));
  }
  return lines.join('\n');
}
