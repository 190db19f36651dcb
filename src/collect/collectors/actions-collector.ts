import { CollectionError } from '../../errors.js';
import type { Collector, Resource } from '../collector.js';
import { asObject, readAll } from './simple-collectors.js';

/**
 * Actions with the triggers each is bound to (from the trigger side: one request per trigger, not per action).
 * The Actions API refuses include_totals, so it pages on its own envelope.
 */
export const actionsCollector: Collector = {
  kind: 'actions',
  async collect({ api, emit, expect }) {
    const actions: Resource[] = [];
    for await (const page of api.pagesWithoutTotals('/actions/actions', { key: 'actions' })) {
      for (const a of page) actions.push(asObject(a, '/actions/actions'));
    }
    // No action, nothing bound: the trigger side would only answer with empty lists.
    if (actions.length === 0) return;
    const wanted = supportedTriggers(actions);
    const { body } = await api.get('/actions/triggers');
    const bound = new Map<string, Set<string>>();
    const asked = triggerIds(body).filter((id) => wanted === undefined || wanted.has(id));
    expect?.(asked.length);
    for (const triggerId of asked) {
      const bindings = await readAll(api.pagesWithoutTotals(`/actions/triggers/${encodeURIComponent(triggerId)}/bindings`, { key: 'bindings' }));
      for (const b of bindings) {
        const action = (b as Resource)['action'];
        const actionId = action !== null && typeof action === 'object' ? (action as Resource)['id'] : undefined;
        if (typeof actionId !== 'string') continue;
        // A set: an action can hold two bindings on one trigger (recorded), and is bound to it once all the same.
        if (!bound.has(actionId)) bound.set(actionId, new Set());
        bound.get(actionId)?.add(triggerId);
      }
    }
    for (const a of actions) await emit({ ...a, bound_triggers: [...(bound.get(String(a['id'])) ?? [])].sort() });
  },
};

/**
 * The distinct trigger ids, in the order listed. The real `/actions/triggers` lists a trigger once per version
 * (`post-login` v1, v2 and v3), while bindings are per trigger id, so each id is asked about once.
 */
function triggerIds(body: unknown): string[] {
  const triggers = asObject(body, '/actions/triggers')['triggers'];
  if (!Array.isArray(triggers)) throw new CollectionError('API', '/actions/triggers: expected an array at "triggers".');
  const ids = new Set<string>();
  for (const t of triggers) {
    const id = t !== null && typeof t === 'object' ? (t as Resource)['id'] : undefined;
    if (typeof id !== 'string') throw new CollectionError('API', '/actions/triggers: expected every trigger to have a string id');
    ids.add(id);
  }
  return [...ids];
}

/**
 * An action can be bound only to a trigger it supports, so only those triggers' bindings are worth a request. An
 * action that does not list its triggers leaves that unknown: then every trigger is asked (undefined).
 */
function supportedTriggers(actions: readonly Resource[]): Set<string> | undefined {
  const ids = new Set<string>();
  for (const a of actions) {
    const supported = a['supported_triggers'];
    if (!Array.isArray(supported)) return undefined;
    for (const s of supported) {
      const id = s !== null && typeof s === 'object' ? (s as Resource)['id'] : undefined;
      if (typeof id === 'string') ids.add(id);
    }
  }
  return ids;
}
