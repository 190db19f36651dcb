// Reports for the browser tests: many findings over built-in rules, hostile tenant text, and a series of one
// tenant's reports (for the trend), all with fixed timestamps so what the page shows is the same on every run.
import type { Finding } from '../../src/model/finding.js';
import type { ScanReport } from '../../src/model/report.js';
import { SEVERITIES } from '../../src/model/severity.js';
import { aFinding, aReport, fp } from '../report-builders.js';

/** Built-in rules of several areas, with the category and severity the catalog gives them. */
const RULES: readonly Pick<Finding, 'ruleId' | 'category' | 'severity' | 'title'>[] = [
  { ruleId: 'client-implicit-grant', category: 'applications', severity: 'high', title: 'Applications do not use the implicit grant' },
  { ruleId: 'client-callback-insecure', category: 'applications', severity: 'high', title: 'Application callback URLs use HTTPS' },
  { ruleId: 'grant-allow-all-scopes', category: 'grants', severity: 'high', title: 'Client grants list their scopes explicitly' },
  { ruleId: 'connection-password-policy-weak', category: 'connections', severity: 'high', title: 'Database connections enforce a strong password policy' },
  { ruleId: 'role-mgmt-api-permissions', category: 'access', severity: 'high', title: 'Roles carry no Management API permissions' },
  { ruleId: 'tenant-legacy-ro-grant', category: 'tenant', severity: 'high', title: 'Legacy resource owner (/oauth/ro) grants are disabled' },
];

/** `n` findings spread over RULES, each on its own resource. */
export function manyRuleFindings(n: number): Finding[] {
  return Array.from({ length: n }, (_, i) => {
    const rule = RULES[i % RULES.length] ?? RULES[0];
    const id = `res${String(i).padStart(5, '0')}`;
    return aFinding({
      ...rule,
      severity: SEVERITIES[i % SEVERITIES.length] ?? 'info',
      resource: { type: 'clients', id, name: `Application ${i}` },
      message: `Application ${i} fails ${rule?.ruleId ?? ''}.`,
      evidence: { index: i, callbacks: [`https://app${i}.example.com/callback`] },
      fingerprint: fp(rule?.ruleId ?? '', id),
    });
  });
}

export function fixedTimes<T extends { startedAt: string; finishedAt: string }>(report: T, day: string): T {
  return { ...report, startedAt: `${day}T06:00:00.000Z`, finishedAt: `${day}T06:00:04.000Z` };
}

/** Runs `window.pwned = …` if any of it is ever executed or loaded; `pwned` must stay undefined. */
export const HOSTILE = {
  script: '<script>window.pwned = "script"</script>',
  img: '<img src=x onerror="window.pwned = \'img\'">',
  js: 'javascript:window.pwned="link"',
  bidi: 'admin\u202Egnp.exe\u2066',
  control: 'bell\u0007esc\u001b[31mred\u0000nul\u2028line',
  attr: '" onmouseover="window.pwned=\'attr\'" x="',
};

export function hostileReport(): ScanReport {
  const names = Object.values(HOSTILE);
  const findings = names.map((name, i) =>
    aFinding({
      resource: { type: 'clients', id: `${HOSTILE.attr}${i}`, name },
      message: `Application ${name} allows the implicit grant ${HOSTILE.js}`,
      evidence: { callbacks: [HOSTILE.js, name], [`${HOSTILE.script}`]: HOSTILE.img },
      remediation: `Fix it: ${HOSTILE.img}`,
      fingerprint: fp('hostile', String(i)),
    }),
  );
  const report = aReport({ findings, skipped: [{ ruleId: 'log-stream-configured', reason: HOSTILE.script, kinds: ['log_streams'], missingScopes: [HOSTILE.img] }] });
  return { ...report, tenant: { domain: 'evil.eu.auth0.com', name: HOSTILE.script } };
}

/**
 * Three reports of one tenant, the last being `latest` as it is: the older ones hold some more findings (copies on
 * other resources) and, when `latest` has a score, a lower one.
 */
export function reportSeries(latest: ScanReport): ScanReport[] {
  const extra = latest.findings.slice(0, 24).map((f, i) => ({ ...f, resource: { ...f.resource, id: `${f.resource.id}-old${i}` }, fingerprint: fp(f.fingerprint, 'old', String(i)) }));
  const withExtra = (count: number, day: string, scoreDrop: number): ScanReport => {
    const findings = [...latest.findings, ...extra.slice(0, count)];
    const bySeverity = Object.fromEntries(SEVERITIES.map((s) => [s, findings.filter((f) => f.severity === s && f.suppression === undefined).length])) as ScanReport['summary']['bySeverity'];
    const score = latest.summary.score ? { ...latest.summary.score, value: Math.max(0, (latest.summary.score.value ?? 0) - scoreDrop) } : undefined;
    const summary = { ...latest.summary, bySeverity, total: findings.filter((f) => f.suppression === undefined).length, ...(score ? { score } : {}) };
    return fixedTimes({ ...latest, findings, summary }, day);
  };
  return [withExtra(24, '2026-01-05', 9), withExtra(10, '2026-02-02', 4), fixedTimes(latest, '2026-03-02')];
}
