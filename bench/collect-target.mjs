// The collection bench against any Management API: another mock (to compare mocks side by side, or with
// auth0-deploy-cli's export of the same tenant) or a real tenant. Everything is counted on the client's side, and
// the minimum is worked out from what the API served, so no tenant file is needed.
//
//   AUTH0_CLIENT_ID=… AUTH0_CLIENT_SECRET=… node bench/collect-target.mjs --domain URL --rate R [options]
//     --domain URL        the tenant (https://…) or a mock on loopback (http://127.0.0.1:PORT)
//     --rate R            the tenant's sustained rate in requests per second (the bound is requests ÷ R)
//     --burst B           the tenant's bucket size, for the burst-adjusted bound (default: R)
//     --audience A        the Management API audience when it differs from URL/api/v2/
//     --concurrency N     requests in flight (default 4, as the CLI)
//     --max-rps N         a fixed cap, as `--max-rps`
//     --fixed             with --max-rps: that cap only, no adaptation (auth0-deploy-cli's pacing: --concurrency 3 --max-rps 8 --fixed)
//
// The secret is read from the environment only, so it never shows in a process list.
import { collectOnce } from './collect-once.mjs';
import { eventFigures, offMinimum, pct, sec, TIME_TARGET, verdict } from './collection-figures.mjs';
import { machineLine } from './machine.mjs';

function flag(args, name) {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : undefined;
}

function numberFlag(args, name, fallback) {
  const text = flag(args, name);
  if (text === undefined) return fallback;
  const n = Number(text);
  if (!(Number.isFinite(n) && n > 0)) {
    console.error(`collect-target: ${name} ${text}: expected a positive number`);
    process.exit(2);
  }
  return n;
}

const args = process.argv.slice(2);
const domain = flag(args, '--domain');
const clientId = flag(args, '--client-id') ?? process.env.AUTH0_CLIENT_ID;
const clientSecret = process.env.AUTH0_CLIENT_SECRET;
const rate = numberFlag(args, '--rate', undefined);
if (!domain || !clientId || !clientSecret || rate === undefined) {
  console.error('collect-target: give --domain and --rate, and AUTH0_CLIENT_ID (or --client-id) and AUTH0_CLIENT_SECRET in the environment');
  process.exit(2);
}
const burst = numberFlag(args, '--burst', rate);
const options = {
  label: `${domain} at ${rate} req/s`,
  concurrency: numberFlag(args, '--concurrency', undefined),
  maxRps: numberFlag(args, '--max-rps', undefined),
  adaptive: !args.includes('--fixed'),
};
if (!options.adaptive && options.maxRps === undefined) {
  console.error('collect-target: --fixed needs --max-rps (the fixed pace)');
  process.exit(2);
}

console.log(machineLine());
const { wallMs, events, coverage, sink, client } = await collectOnce({ domain, audience: flag(args, '--audience'), clientId, clientSecret }, options);
const figures = eventFigures(events);
const minimum = sink.minimum();
const sustained = Math.min(rate, options.maxRps ?? Infinity);
const idealMs = (figures.api / sustained) * 1000;
const tightMs = (Math.max(0, figures.api - Math.min(burst, Math.ceil(options.maxRps ?? Infinity))) / sustained) * 1000;
const ratio = wallMs / idealMs;
const share = figures.api === 0 ? 0 : figures.throttled / figures.api;
const notOk = Object.entries(coverage).filter(([, c]) => c.status !== 'ok');

console.log(
  `collection ${options.label}${options.adaptive ? '' : ` (fixed ${options.maxRps} req/s, no adaptation)`}: ${figures.api} requests ` +
    `(+${figures.downloads} download; client retries ${client.retries}), ${figures.throttled} 429s (${pct(share)}), ${sec(wallMs)} s, ` +
    `ideal ${sec(idealMs)} s, ratio ${ratio.toFixed(3)} (target ≤ ${TIME_TARGET})`,
);
console.log(
  `  economy: minimum ${minimum.total} (+${minimum.downloads} download) from the collected data${notOk.length > 0 ? ` (understated: ${notOk.length} kinds not collected)` : ''}; ${offMinimum(figures.byPath, minimum)} (429s included); ` +
    `${figures.jobPolls} export status polls; ${figures.duplicates} page(s) fetched twice`,
);
console.log(
  `  rate-limited phase ends at ${sec(figures.lastApiMs)} s, tail ${sec(wallMs - figures.lastApiMs)} s; burst-adjusted ideal ${sec(tightMs)} s ` +
    `(ratio ${tightMs > 0 ? (wallMs / tightMs).toFixed(3) : 'n/a'}); ${Object.values(sink.counts).reduce((a, b) => a + b, 0)} resources, ${sink.counts.users ?? 0} users`,
);
console.log(`  ${options.adaptive ? '' : 'contrast run, the targets are for the adaptive client: '}${verdict({ ratio, share, failures: figures.failures, notOk, duplicates: figures.duplicates })}`);
