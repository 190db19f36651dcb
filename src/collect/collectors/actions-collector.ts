import type { Collector, Resource } from '../collector.js';
import { asObject, readAll } from './simple-collectors.js';

/**
 * Actions with the triggers each is bound to (from the trigger side: one request per trigger, not per action).
 * The Actions API refuses include_totals, so it pages on its own envelope.
 */
export const actionsCollector: Collector = {
  kind: 'actions',
  async collect({ api, emit }) {
    const actions: Resource[] = [];
    for await (const page of api.pagesWithoutTotals('/actions/actions', { key: 'actions' })) {
      for (const a of page) actions.push(asObject(a, '/actions/actions'));
    }
    const { body } = await api.get('/actions/triggers');
    const triggers = asObject(body, '/actions/triggers')['triggers'];
    const bound = new Map<string, Set<string>>();
    for (const t of Array.isArray(triggers) ? triggers : []) {
      const triggerId = (t as Resource)['id'];
      if (typeof triggerId !== 'string') continue;
      const bindings = await readAll(api.pagesWithoutTotals(`/actions/triggers/${encodeURIComponent(triggerId)}/bindings`, { key: 'bindings' }));
      for (const b of bindings) {
        const action = (b as Resource)['action'];
        const actionId = action !== null && typeof action === 'object' ? (action as Resource)['id'] : undefined;
        if (typeof actionId !== 'string') continue;
        if (!bound.has(actionId)) bound.set(actionId, new Set());
        bound.get(actionId)?.add(triggerId);
      }
    }
    for (const a of actions) await emit({ ...a, bound_triggers: [...(bound.get(String(a['id'])) ?? [])].sort() });
  },
};
