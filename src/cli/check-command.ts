import { z } from 'zod';
import { renderCheckJson } from '../check/render-check-json.js';
import { renderCheckText } from '../check/render-check-text.js';
import { runCheck, type CheckCredentials } from '../check/run-check.js';
import type { CheckResult } from '../check/check-result.js';
import type { RequestEvent } from '../http/request-event.js';
import { EXIT, InputError } from '../errors.js';
import { formatRequest } from './format-request.js';
import { connectionSettings, type ConnectionSettings } from './connection-settings.js';
import { loadRulesForRun } from './load-rules-for-run.js';
import { connectionOptionsSchema, parseOptions, ruleOptionsSchema } from './scan-options.js';
import { useColor, type Terminal } from './terminal.js';
import { withDemoTenant } from './with-demo-tenant.js';

const checkOptionsSchema = connectionOptionsSchema.extend(ruleOptionsSchema.shape).extend({
  demo: z.boolean().default(false),
  format: z.enum(['text', 'json']).default('text'),
  color: z.boolean().optional(),
});

/** `auth0-scan check`: test the connection and the grant with a handful of requests; exit 0 when a scan can run, else 3. */
export async function checkCommand(raw: Record<string, unknown>, term: Terminal): Promise<number> {
  const opts = parseOptions(checkOptionsSchema, raw);
  if (opts.demo && opts.domain !== undefined) throw new InputError('USAGE', '--demo and --domain each choose what to check: give only one');
  const { config, rules } = loadRulesForRun(opts, term.cwd);
  const files = rules.map((r) => r.file);
  const onRequest = opts.verbose ? (e: RequestEvent) => term.stderr(`${formatRequest(e)}\n`) : undefined;
  const check = (settings: ConnectionSettings): Promise<CheckResult> =>
    runCheck({ domain: settings.domain, audience: settings.audience, credentials: credentials(settings), rules: files, onRequest });
  const result = opts.demo ? await withDemoTenant(opts, (demo) => check(demo.settings)) : await check(connectionSettings(opts, config.config.domain, term));
  term.stdout(opts.format === 'json' ? renderCheckJson(result) : renderCheckText(result, { color: useColor(term, opts.color, false) }));
  if (!opts.quiet && opts.format === 'json') term.stderr(`auth0-scan: ${result.ready ? 'ready: a full scan can run' : `not ready: ${result.fixes.length} fix(es) needed`}\n`);
  return result.ready ? EXIT.ok : EXIT.collection;
}

function credentials(settings: ConnectionSettings): CheckCredentials {
  const c = settings.credentials;
  return c.kind === 'token' ? { kind: 'token', token: c.token } : { kind: 'client', clientId: c.clientId, clientSecret: c.clientSecret };
}
