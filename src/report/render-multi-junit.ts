import type { MultiTenantReport, RenderOptions } from '../model/report.js';
import { junitSuites } from './render-junit.js';
import { xmlEscape } from './xml-text.js';

/**
 * One JUnit document for all tenants: each tenant's testsuites named `<tenant>/<rule id>`, and for a tenant that
 * could not be read one testsuite holding an errored testcase, so the CI test view shows it as broken, not green.
 */
export function renderMultiTenantJunit(report: MultiTenantReport, options: Pick<RenderOptions, 'rules'>): string {
  const bodies = report.tenants.map((r) => junitSuites(r, options.rules, true));
  const sum = (pick: (b: (typeof bodies)[number]) => number) => bodies.reduce((n, b) => n + pick(b), 0);
  const errors = report.failed.length;
  const ms = Date.parse(report.finishedAt) - Date.parse(report.startedAt);
  const time = Number.isFinite(ms) && ms >= 0 ? ` time="${(ms / 1000).toFixed(3)}"` : '';
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="auth0-scan" tests="${sum((b) => b.tests) + errors}" failures="${sum((b) => b.failures)}" errors="${errors}"${time}>`,
    ...bodies.flatMap((b) => b.lines),
  ];
  for (const f of report.failed) {
    const tenant = xmlEscape(f.tenant.domain);
    lines.push(
      `  <testsuite name="${tenant}" tests="1" failures="0" errors="1" skipped="0">`,
      `    <testcase classname="auth0-scan.${tenant}" name="${tenant}: collection">`,
      `      <error type="${xmlEscape(f.code)}" message="${xmlEscape(f.message, 'mark')}"/>`,
      '    </testcase>',
      '  </testsuite>',
    );
  }
  lines.push('</testsuites>');
  return `${lines.join('\n')}\n`;
}
