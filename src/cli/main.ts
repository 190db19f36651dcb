import { Command, CommanderError, Option } from 'commander';
import { choiceArgument, choiceOption } from './choice-option.js';
import { SCAN_HELP, CHECK_HELP, ACCESS_HELP, COLLECT_HELP, REPORT_HELP, MOCK_SERVER_HELP, COMPLETION_HELP } from './command-help.js';
import { frameworkOption } from './framework-option.js';
import { ACCESS_FORMATS } from '../access/access-formats.js';
import { COMPLETION_SHELLS, type CompletionShell } from './completion-scripts.js';
import { EXIT } from '../errors.js';
import { REPORT_FORMATS } from '../report/report-formats.js';
import { PROFILE_IDS } from '../profiles/profile-ids.js';
import { toolVersion } from '../version.js';
import { handleError } from './handle-error.js';
import { installSignalCleanup } from './install-signal-cleanup.js';
import { processTerminal, type Terminal } from './terminal.js';

type Action = (...args: unknown[]) => Promise<number> | number;

/**
 * The CLI adapter: commander parses, each command module validates with zod and calls the core, and this file
 * turns the result or the error into an exit code. Command modules are imported lazily so `--version` and
 * `rules list` start fast.
 */
export async function main(argv: readonly string[], given?: Terminal): Promise<number> {
  // Only a run that owns the process (bin/auth0-scan.js) takes over its signals; tests pass their own terminal.
  if (given === undefined) installSignalCleanup();
  const term = given ?? processTerminal();
  const verbose = argv.includes('--verbose');
  let code: number = EXIT.ok;
  const run = (fn: Action) => async (...args: unknown[]) => {
    code = await fn(...args);
  };
  const program = buildProgram(term, run);
  try {
    await program.parseAsync([...argv]);
    return code;
  } catch (err) {
    if (err instanceof CommanderError) {
      if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.code === 'commander.help') return EXIT.ok;
      return EXIT.input;
    }
    return handleError(err, term, verbose);
  }
}

function buildProgram(term: Terminal, run: (fn: Action) => (...args: unknown[]) => Promise<void>): Command {
  const program = new Command('auth0-scan')
    .description('Security posture scanner for Auth0 tenants: reads a tenant (read-only) and reports misconfigurations.')
    .version(toolVersion(), '-V, --version')
    .exitOverride()
    .configureOutput({ writeOut: (s) => term.stdout(s), writeErr: (s) => term.stderr(s) })
    .showHelpAfterError('(run with --help for usage)');

  const scan = program
    .command('scan')
    .description('Scan a tenant (live, a saved snapshot, or the bundled demo) and report findings.');
  addConnectionOptions(scan);
  addRuleOptions(scan);
  addIncrementalOptions(scan);
  scan
    .option('--snapshot <file>', 'scan a snapshot saved by `collect` instead of a live tenant')
    .option('--deploy-cli <path>', 'scan an auth0-deploy-cli export offline (tenant.yaml, or the directory format folder) before it is deployed')
    .option('--terraform <file>', 'scan the JSON of `terraform show -json` offline: a plan (the values after the change) or a state')
    .option('--keyword <KEY=VALUE>', 'deploy-cli keyword replacement for ##KEY## / @@KEY@@ (repeatable; also AUTH0_KEYWORD_REPLACE_MAPPINGS)', collectList)
    .option('--demo', 'scan the bundled demo tenant (served by the built-in mock API; no credentials needed)')
    .addOption(choiceOption('--format <format>', 'report format (default: what the -o name ends in, else table)', [...REPORT_FORMATS]))
    .option('-o, --output <file>', 'write the report to a file instead of stdout (atomically; - is stdout)')
    .option('--json-output <file>', 'also write the JSON report to a file')
    .option('--sarif-output <file>', 'also write the SARIF report to a file')
    .option('--markdown-output <file>', 'also write the Markdown report to a file (e.g. $GITHUB_STEP_SUMMARY)')
    .option('--junit-output <file>', 'also write the JUnit XML report to a file')
    .option('--csv-output <file>', 'also write the CSV report (one row per finding) to a file')
    .option('--html-output <file>', 'also write the HTML report (one self-contained page) to a file')
    .option('--fix-plan-output <file>', 'also write the fix plan (Markdown: per finding the request that would fix it; nothing is sent) to a file')
    .addOption(choiceOption('--fail-on <severity>', 'exit 1 when a finding is at or above this severity (default: high)', ['critical', 'high', 'medium', 'low', 'info', 'never']))
    .option('--no-color', 'no colours in the table (also NO_COLOR)')
    .option('--details', 'the table lists every finding (rule, resource, message) instead of one row per failing rule')
    .addOption(choiceOption('--group-by <what>', 'group findings under each compliance control they evidence (table, markdown, json; with --framework, only its controls)', ['control']))
    .option('--ignore-file <file>', 'suppressions file (default: .auth0-scan-ignore.yaml in the working directory if present)')
    .option('--no-ignores', 'apply no suppression at all (audits): every finding counts')
    .option('--strict-suppressions', 'exit 2 when a suppression entry has expired or matched nothing')
    .option('--baseline <report.json>', 'a previous JSON report: the gate counts only findings not in it')
    .option('--tenant <name>', "scan only this tenant of the config file's tenants list (repeatable; default: all of them)", collectList)
    .option('--save-snapshot <file>', 'also save what was read as a snapshot (with a log checkpoint: the next --since base)')
    .addHelpText('after', SCAN_HELP)
    .action(run(async (o) => (await import('./scan-command.js')).scanCommand(o as Record<string, unknown>, term)));

  const check = program
    .command('check')
    .description('Test the connection before a scan: domain and TLS, credentials, granted scopes, plan features, rate limit, clock.');
  addConnectionOptions(check);
  addRuleOptions(check);
  check
    .option('--demo', 'check against the bundled demo tenant (served by the built-in mock API; no credentials needed)')
    .addOption(choiceOption('--format <format>', 'output format on stdout', ['text', 'json']).default('text', 'text'))
    .option('--no-color', 'no colours in the text report (also NO_COLOR)')
    .addHelpText('after', CHECK_HELP)
    .action(run(async (o) => (await import('./check-command.js')).checkCommand(o as Record<string, unknown>, term)));

  const access = program
    .command('access')
    .description('Who can change this tenant: every principal holding a Management API capability, and through what.');
  addConnectionOptions(access, 'exit 0 even when some kinds could not be read (the output lists what the model could not see)');
  access
    .option('--snapshot <file>', 'read a snapshot saved by `collect` instead of a live tenant')
    .option('--demo', 'read the bundled demo tenant (served by the built-in mock API; no credentials needed)')
    .option('--config <file>', 'config file (default: auth0-scan.config.yaml|json in the working directory)')
    .addOption(choiceOption('--format <format>', 'output format (default: what the -o name ends in, else table)', [...ACCESS_FORMATS]))
    .option('-o, --output <file>', 'write to a file instead of stdout (atomically; - is stdout)')
    .option('--capability <ids>', 'only principals holding one of these capabilities, comma-separated (repeatable)', collectList)
    .option('--principal <ids>', 'only these principals, by id (application:abc) or native id (abc), comma-separated (repeatable)', collectList)
    .option('--details', 'the table lists every principal of a capability (default: the first 20)')
    .option('--no-color', 'no colours in the table (also NO_COLOR)')
    .addHelpText('after', ACCESS_HELP)
    .action(run(async (o) => (await import('./access-command.js')).accessCommand(o as Record<string, unknown>, term)));

  const collect = program
    .command('collect')
    .description('Read the tenant and save a snapshot (NDJSON; gzip when the name ends in .gz) to scan later.')
    .requiredOption('-o, --output <file>', 'snapshot file to write (atomically)')
    .option('--all-kinds', 'collect every resource kind, not only those the selected rules need')
    .option('--keep-pii', "also keep users' name, email, nickname and phone_number (left out by default; listed in the snapshot's redaction record)")
    .option('--demo', 'collect the bundled demo tenant (from the built-in mock API)');
  addIncrementalOptions(collect);
  addConnectionOptions(collect, 'write the snapshot and exit 0 even when some data could not be collected (its coverage lists what is missing)');
  addRuleOptions(collect);
  collect
    .addHelpText('after', COLLECT_HELP)
    .action(run(async (o) => (await import('./collect-command.js')).collectCommand(o as Record<string, unknown>, term)));

  const baseline = program.command('baseline').description('Write a JSON report to pass to `scan --baseline` (accepted findings).');
  for (const [name, about] of [
    ['create', 'Scan and write the baseline report; refuses to overwrite an existing file.'],
    ['update', 'Scan and overwrite the baseline report (same options as create).'],
  ] as const) {
    const sub = baseline
      .command(name)
      .description(about)
      .requiredOption('-o, --output <file>', 'baseline file to write (a JSON report, atomically)')
      .option('--snapshot <file>', 'scan a snapshot saved by `collect` instead of a live tenant')
      .option('--demo', 'scan the bundled demo tenant')
      .option('--tenant <name>', "only this tenant of the config file's tenants list (repeatable)", collectList);
    addConnectionOptions(sub);
    addRuleOptions(sub);
    sub.action(run(async (o) => (await import('./baseline-command.js')).baselineCommand(name, o as Record<string, unknown>, term)));
  }

  program
    .command('diff <old> <new>')
    .description(
      'Compare two JSON reports, single- or multi-tenant (new, fixed, changed findings; "not re-checked" when NEW skipped the rule or the tenant) or two snapshots (configuration changes).',
    )
    .addOption(choiceOption('--format <format>', 'output format', ['table', 'json', 'markdown']).default('table', 'table'))
    .addOption(choiceOption('--fail-on-new <severity>', 'report diffs: exit 1 when a new finding is at or above this severity', ['critical', 'high', 'medium', 'low', 'info']))
    .addHelpText('after', '\nExit codes: 0 no new finding at or above --fail-on-new · 1 there is one · 2 unreadable or invalid input')
    .action(run(async (a, b, o) => (await import('./diff-command.js')).diffCommand(String(a), String(b), o as Record<string, unknown>, term)));

  program
    .command('report <reports...>')
    .description('Render saved JSON reports as one self-contained HTML page: several tenants, and the trend of each tenant over its reports.')
    .option('-o, --output <file>', 'write the HTML to this file (atomically) instead of stdout')
    .option('--rules <path>', 'rule files or directories of custom rules, for their explanations (repeatable)', collectList)
    .option('--config <file>', 'config file (its rules directories and severity overrides)')
    .addHelpText('after', REPORT_HELP)
    .action(run(async (paths, o) => (await import('./report-command.js')).reportCommand(paths as string[], o as Record<string, unknown>, term)));

  const rules = program.command('rules').description('List, explain, validate and test rules.');
  rules
    .command('list')
    .description('List every rule (built-in and --rules) with severity, kind and title.')
    .addOption(choiceOption('--format <format>', 'output format', ['table', 'json']).default('table', 'table'))
    .option('--rules <path>', 'more rule files or directories', collectList)
    .addOption(frameworkOption('only rules mapped to these frameworks, comma-separated (repeatable)'))
    .option('--config <file>', 'config file')
    .action(run(async (o) => (await import('./rules-list-command.js')).rulesList(o as { format?: string }, term)));
  rules
    .command('explain <id>')
    .description('Show what a rule checks, why it matters, how to fix it and which scopes it needs.')
    .option('--rules <path>', 'more rule files or directories', collectList)
    .option('--config <file>', 'config file')
    .action(run(async (id, o) => (await import('./rules-list-command.js')).rulesExplain(String(id), o as { rules?: string[] }, term)));
  rules
    .command('validate <paths...>')
    .description('Check rule files against the schema and compile them; exit 2 if any is invalid. Warns on unknown fields, template variables and reused ids.')
    .option('--strict', 'exit 2 on warnings too')
    .action(run(async (paths, o) => (await import('./rules-command.js')).rulesValidate(paths as string[], term, o as { strict?: boolean })));
  rules
    .command('test [paths...]')
    .description("Run rules' inline test cases (built-in rules when no path is given); exit 1 on a failing case.")
    .action(run(async (paths) => (await import('./rules-command.js')).rulesTest((paths as string[] | undefined) ?? [], term)));

  const scopes = program
    .command('scopes')
    .description('Print the least-privilege read scopes the selected rules need (for the M2M client grant).')
    .addOption(choiceOption('--format <format>', 'output format', ['text', 'json']).default('text', 'text'));
  addRuleOptions(scopes);
  scopes.action(run(async (o) => (await import('./scopes-command.js')).scopesCommand(o as Record<string, unknown>, term)));

  program
    .command('mock-server')
    .description('Serve a recorded tenant file as a mock Management API on loopback (to test CI wiring and custom rules).')
    .option('--tenant <file>', 'mock tenant file (default: the bundled demo tenant)')
    .option('--port <n>', 'port on 127.0.0.1 (default: a free port)')
    .addOption(new Option('--rate <spec>', 'rate limit as BURST/PER_SECOND, e.g. 50/16; "off" to disable').default('10/2', '10/2'))
    .addHelpText('after', MOCK_SERVER_HELP)
    .action(run(async (o) => (await import('./mock-server-command.js')).mockServerCommand(o as Record<string, unknown>, term)));

  program
    .command('completion')
    .description('Print a shell completion script (commands, options and their values) for bash, zsh or fish.')
    .addArgument(choiceArgument('<shell>', 'bash, zsh or fish', COMPLETION_SHELLS))
    .addHelpText('after', COMPLETION_HELP)
    .action(run(async (shell) => (await import('./completion-command.js')).completionCommand(shell as CompletionShell, program, term)));

  return program;
}

/** `--since` and `--full-every`, the same for scan and collect (docs/incremental.md). */
function addIncrementalOptions(cmd: Command): void {
  cmd
    .option('--since <snapshot>', 'incremental: read only what the tenant log (read:logs) says changed since this snapshot, take the rest from it')
    .option('--full-every <duration>', "with --since: read in full when the base's last full read is older than this (default 24h)");
}

function addConnectionOptions(cmd: Command, allowPartial = 'exit 0/1 even when some data could not be collected (skipped rules stay in the report)'): void {
  cmd
    .option('--domain <domain>', 'tenant domain, e.g. acme.eu.auth0.com (env AUTH0_DOMAIN); http:// only for loopback')
    .option('--client-id <id>', 'M2M application client id (env AUTH0_CLIENT_ID)')
    .option('--client-secret <secret>', 'M2M client secret (env AUTH0_CLIENT_SECRET; prefer the env var: a command line is visible to other processes)')
    .option('--audience <url>', 'Management API audience (env AUTH0_AUDIENCE; default https://<domain>/api/v2/)')
    .option('--token <token>', 'a pre-issued Management API token instead of client credentials (env AUTH0_ACCESS_TOKEN; prefer the env var: a command line is visible to other processes)')
    .option('--allow-config-host <host>', "let the config file's domain/tenants send credentials to this non-Auth0 host (custom domain, local mock; repeatable; env AUTH0_SCAN_ALLOW_CONFIG_HOSTS)", collectList)
    .addOption(new Option('--concurrency <n>', 'requests in flight at most').default(4))
    .option('--max-rps <n>', 'cap on requests per second (the tenant limit is learnt from its headers)')
    .option('--timeout <duration>', 'give up reading the tenant after this long (e.g. 90s, 30m, 2h; default 1h): what was not read by then is reported as not collected')
    .option('--allow-partial', allowPartial)
    .option('-q, --quiet', 'print nothing on stderr but errors')
    .option('-v, --verbose', 'log every request (method, path, status, time; never secrets) and stack traces')
    .option('--no-progress', 'no progress on stderr (a redrawn line on a terminal, a line every 30 s in logs)');
}

function addRuleOptions(cmd: Command): void {
  cmd
    .option('--rules <path>', 'more rule files or directories (repeatable)', collectList)
    .option('--only <ids>', 'only these rule ids or globs, comma-separated (repeatable)', collectList)
    .option('--skip <ids>', 'skip these rule ids or globs, comma-separated (repeatable)', collectList)
    .addOption(choiceOption('--min-severity <severity>', 'only rules at or above this severity', ['critical', 'high', 'medium', 'low', 'info']))
    .addOption(frameworkOption('only rules mapped to these frameworks, comma-separated (repeatable; see docs/compliance.md)'))
    .addOption(choiceOption('--profile <profile>', "rule thresholds and tier-2 rules (profiles/profiles.yaml, docs/profiles.md; default: the config file's profile, else baseline); the config's rules.<id> settings win", [...PROFILE_IDS]))
    .option('--config <file>', 'config file (default: auth0-scan.config.yaml|json in the working directory)');
}

function collectList(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}
