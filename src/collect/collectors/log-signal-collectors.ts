import type { Collector } from '../collector.js';
import { dateOf, luceneQuote, oneLogEvent } from './log-search.js';
import { asObject } from './simple-collectors.js';

/**
 * For each application holding a Management API grant: its newest client-credentials exchange (`seccft`) and how
 * far back the tenant's logs go (`logs_from`), so a rule can tell "dormant" from "older than the log retention".
 */
export const clientLogActivityCollector: Collector = {
  kind: 'client_log_activity',
  async collect({ api, emit, expect }) {
    const holders = new Set<string>();
    for await (const page of api.checkpointPages('/client-grants', { key: 'client_grants' })) {
      for (const g of page) {
        const grant = asObject(g, '/client-grants');
        if (typeof grant['audience'] === 'string' && grant['audience'].endsWith('/api/v2/') && typeof grant['client_id'] === 'string') {
          holders.add(grant['client_id']);
        }
      }
    }
    expect?.(holders.size + 1);
    const logsFrom = dateOf(await oneLogEvent(api, undefined, 'oldest'));
    for (const clientId of [...holders].sort()) {
      const newest = await oneLogEvent(api, `type:seccft AND client_id:${luceneQuote(clientId)}`, 'newest');
      await emit({ client_id: clientId, last_token_exchange: dateOf(newest), logs_from: logsFrom });
    }
  },
};

/**
 * Interactive logins on the canonical domain (`<tenant>.auth0.com`): the newest such event, if any, and how far
 * back the logs go. Client-credentials exchanges (`seccft`, which the catalog row also lists) are left out: the
 * Management API is called on the canonical domain by design, so this scanner's own token would always match.
 * Whether a custom domain is ready is the rule's question (custom_domains).
 */
export const canonicalDomainLoginsCollector: Collector = {
  kind: 'canonical_domain_logins',
  async collect({ api, emit, domain }) {
    const logsFrom = dateOf(await oneLogEvent(api, undefined, 'oldest'));
    const q = domain === undefined ? undefined : `type:(s OR ss) AND hostname:${luceneQuote(domain)}`;
    const newest = q === undefined ? undefined : await oneLogEvent(api, q, 'newest');
    await emit({ hostname: domain ?? null, last_event: dateOf(newest), last_event_type: newest?.['type'] ?? null, logs_from: logsFrom });
  },
};
