/** The text each command's --help shows after its options: what it does beyond the flags, exit codes, examples. */

/** `scan --help`. */
export const SCAN_HELP = `
The table (the default format): per severity, one row per failing rule (id and title, count, the first resources
by name and id, "+N more"), most resources first; then skipped rules, coverage and a summary line with the score.
--details lists every finding instead. It is as wide as the terminal (COLUMNS overrides it; 100 columns when piped
or written with -o); too narrow for columns, each rule becomes a block of lines. Ids are never cut.

Outputs are checked before anything is read: a missing or unwritable folder, two outputs naming one file, or a
--format that contradicts the -o name (.json .sarif .sarif.json .md .fix-plan.md .xml .csv .html .txt) fails at
once (exit 2); --format fix-plan may write to any .md name.

--format fix-plan (or --fix-plan-output FILE) writes Markdown for a person to review: per open finding the
Management API request that would fix it (ids and values filled in), the auth0 CLI command and the Terraform
attribute where one exists. Nothing is sent: the scanner stays read-only (docs/fix-plan.md).
--group-by control lists findings under each control of compliance/mappings.yaml (a finding under each of its
controls, then "unmapped") in the table and markdown, and adds "groups" (control -> fingerprints) to the JSON;
sarif, junit, csv, html and fix-plan ignore it (SARIF carries the controls as rule tags anyway).
Progress goes to stderr: a line redrawn in place on a terminal, one plain line every 30 s in a CI log.

--since PREV (with --save-snapshot NEXT) is an incremental scan: the Management API writes logged since PREV's
checkpoint decide what is read again; users, custom-domain status, log streams and log signals always are. Findings
equal a full scan's. Without read:logs, after a log gap, an unknown operation or --full-every it reads in full and
says why (collection.incremental.fallback in JSON); the summary says "incremental: N of M requests" (docs/incremental.md).

Exit codes: 0 gate passed · 1 findings at or above --fail-on · 2 usage, config, rule or snapshot error ·
            3 collection failed or data incomplete (missing scopes, plan features) unless --allow-partial

Examples:
  auth0-scan scan --demo
  auth0-scan scan --demo --details --no-color | less
  auth0-scan scan --demo --profile regulated --group-by control --framework nist-800-63b
  auth0-scan scan --demo --format fix-plan -o fixes.md
  AUTH0_CLIENT_SECRET=… auth0-scan scan --domain acme.eu.auth0.com --client-id abc123
  auth0-scan scan --domain acme.eu.auth0.com --format sarif -o auth0.sarif --fail-on critical
  auth0-scan scan --snapshot tenant.ndjson.gz --json-output report.json --quiet
  auth0-scan scan --domain acme.eu.auth0.com --since last.ndjson.gz --save-snapshot last.ndjson.gz   # hourly cron
  auth0-scan scan --config tenants.yaml --tenant prod --format sarif -o auth0.sarif   # config with tenants:`;

/** `check --help`. */
export const CHECK_HELP = `
What it checks, in a handful of requests (a token, one API read, one probe per plan-gated kind the rules need;
never a collection):
  reachable    the domain resolves, TLS verifies, the host answers (DNS, refused, TLS errors named)
  credentials  the token endpoint issues a token (wrong secret, missing client grant, … explained in one line)
  api          the Management API accepts the token (not one for another audience or tenant)
  scopes       granted scopes against those the selected rules need; risky extras (write, secret-reading)
  plan         organizations, log streams, custom domains, bot detection, … available on this plan
  rate limit   the x-ratelimit-* bucket the tenant announces
  clock        local clock against the server's Date (warns past 60 s)
--concurrency, --max-rps, --timeout and --allow-partial are accepted like scan's and do not change the check:
it is bounded on its own (15 s a request, at most 3 attempts, a handful of requests).

Exit codes: 0 a full scan can run (features missing from the plan are warnings: the scan reports them
            as unavailable) · 2 usage or config error · 3 it cannot: the report lists what to fix

Examples:
  auth0-scan check --demo
  AUTH0_CLIENT_SECRET=… auth0-scan check --domain acme.eu.auth0.com --client-id abc123
  auth0-scan check --domain acme.eu.auth0.com --only 'client-*' --format json | jq .fixes`;

/** `access --help`. */
export const ACCESS_HELP = `
Principals are applications (through client grants, including third-party default grants), users (through tenant
roles and organization roles), and Actions, rules and hooks that keep Management API credentials (named by secret
names, never values). Capabilities come from access/capabilities.yaml: tenant_takeover, credential_theft,
account_takeover, privilege_escalation, security_downgrade, destruction, data_read (docs/access-model.md).
The table answers "who can take over this tenant" first. Formats: table, json (schemas/access.schema.json),
markdown, html, mermaid and dot (graphs of principal -> path -> capability; -o *.mmd / *.dot pick them).

Exit codes: 0 done · 2 usage, config or snapshot error · 3 collection failed, or a kind the model needs was not
            read (the output is a lower bound) unless --allow-partial

Examples:
  auth0-scan access --demo
  auth0-scan access --demo --capability tenant_takeover --format json
  auth0-scan access --snapshot tenant.ndjson.gz -o access.dot && dot -Tsvg access.dot > access.svg`;

/** `collect --help`. */
export const COLLECT_HELP = `
It only reads and saves: no rule is evaluated, nothing is reported and there is no gate (scan --snapshot FILE does
that later, offline). The rule options choose which resource kinds are read (the kinds the selected rules need);
--all-kinds reads every kind. The snapshot keeps only the fields rules read (and what --keep-pii adds), never a secret.
With read:logs it records the tenant log's newest event (its checkpoint); --since PREV then reads only what changed
since PREV and writes the merged, complete snapshot (docs/incremental.md). -o may name PREV itself.

Exit codes: 0 written · 2 usage, config or rule error · 3 collection failed, or data incomplete unless --allow-partial
            (the file is written either way)

Examples:
  auth0-scan collect --demo -o demo.ndjson.gz
  AUTH0_CLIENT_SECRET=… auth0-scan collect --domain acme.eu.auth0.com --client-id abc123 -o tenant.ndjson.gz
  auth0-scan collect --domain acme.eu.auth0.com --since tenant.ndjson.gz -o tenant.ndjson.gz`;

/** `report --help`. */
export const REPORT_HELP = `
Give it the JSON reports a scheduled scan saved (scan --format json -o …, or --json-output); gzip is fine.
  one report              that tenant's report: score, findings by rule with filters, skipped rules, coverage
  a multi-tenant report   every tenant, a switcher and a comparison table (so do reports of several tenants)
  reports of one tenant   the latest one, plus a trend chart (score and findings per severity, by startedAt)
                          and what changed since the previous one: new, fixed and not re-checked, as \`diff\`
                          decides them (a finding whose rule was skipped in the latest scan is never "fixed")
Rule explanations come from the built-in rules (and --rules); a rule it does not know is shown from its findings.
The page loads nothing (inline style and script under a strict Content-Security-Policy, charts as inline SVG):
open it from disk, attach it to a ticket, or print it to PDF. See docs/html-report.md.

Exit codes: 0 written · 2 a report is unreadable or invalid (the message names the file and the field)

Examples:
  auth0-scan scan --json-output "reports/$(date +%F).json" --html-output latest.html
  auth0-scan report reports/*.json -o trend.html
  auth0-scan report prod.json staging.json -o tenants.html`;

/** `mock-server --help`. */
export const MOCK_SERVER_HELP = `
/api/v2 is read-only, as the scanner is. To change the tenant between two scans (and try --since), post writes to
the mock's own endpoint; each is applied with the API's cascades and logged as a sapi event:
  curl -s -X POST http://127.0.0.1:PORT/__mock/changes -H 'content-type: application/json' \\
    -d '{"changes": [{"method": "PATCH", "path": "/api/v2/tenants/settings", "body": {"session_lifetime": 720}}]}'
POST /__mock/expire-logs forgets every log event, as retention would (docs/incremental.md).`;

/** `completion --help`. */
export const COMPLETION_HELP = `
Install:
  bash  echo 'source <(auth0-scan completion bash)' >> ~/.bashrc
  zsh   auth0-scan completion zsh > "\${fpath[1]}/_auth0_scan"   (or: source <(auth0-scan completion zsh) in ~/.zshrc)
  fish  auth0-scan completion fish > ~/.config/fish/completions/auth0-scan.fish`;
