import { notFound } from './api-error.js';
import { actionsPage, arraySource, paginate } from './paginate.js';
import { anyOf, ok, type Route, type RouteContext } from './route-types.js';
import type { Item } from './user-store.js';

function supportsTrigger(action: Item, triggerId: string): boolean {
  const supported = Array.isArray(action.supported_triggers) ? (action.supported_triggers as unknown[]) : [];
  return supported.some((s) => s !== null && typeof s === 'object' && (s as Item).id === triggerId);
}

function listActions(c: RouteContext) {
  let items = c.data.actions;
  const triggerId = c.query.get('triggerId');
  if (triggerId !== null) items = items.filter((a) => supportsTrigger(a, triggerId));
  const deployed = c.query.get('deployed');
  if (deployed === 'true' || deployed === 'false') items = items.filter((a) => Boolean(a.deployed_version) === (deployed === 'true'));
  const installed = c.query.get('installed');
  if (installed === 'true' || installed === 'false') items = items.filter((a) => Boolean(a.installed_integration_id) === (installed === 'true'));
  return ok(actionsPage(c.query, items, 'actions', { totalDrift: c.totalDrift }));
}

function listBindings(c: RouteContext) {
  const triggerId = c.params.triggerId ?? '';
  if (!c.data.triggers.some((t) => t.id === triggerId)) throw notFound(`Trigger ${triggerId} not found`);
  return ok(actionsPage(c.query, c.data.bindings.get(triggerId) ?? [], 'bindings', { totalDrift: c.totalDrift }));
}

/**
 * The real list names a trigger once per version: `post-login` v3 (CURRENT), then v2 and v1 (DEPRECATED), each
 * with its own runtimes. Bindings are per trigger id, so a client must not read them once per entry.
 */
function triggerVersions(triggers: readonly Item[]): Item[] {
  return triggers.flatMap((t) => {
    const current = Number(/^v(\d+)$/.exec(String(t.version))?.[1] ?? 1);
    const older: Item[] = [];
    for (let v = current - 1; v >= 1; v--) older.push({ ...t, version: `v${v}`, status: 'DEPRECATED', runtimes: ['node22'], default_runtime: 'node12' });
    return [t, ...older];
  });
}

function filterEnabled(items: Item[], query: URLSearchParams): Item[] {
  const enabled = query.get('enabled');
  return enabled === 'true' || enabled === 'false' ? items.filter((i) => (i.enabled === true) === (enabled === 'true')) : items;
}

export const EXTENSIBILITY_ROUTES: Route[] = [
  { method: 'GET', path: '/actions/actions', kind: 'actions', scopes: anyOf('read:actions'), handle: listActions },
  { method: 'GET', path: '/actions/triggers', kind: 'actions', scopes: anyOf('read:actions'), handle: (c) => ok({ triggers: triggerVersions(c.data.triggers) }) },
  { method: 'GET', path: '/actions/triggers/:triggerId/bindings', kind: 'actions', scopes: anyOf('read:actions'), handle: listBindings },
  {
    method: 'GET',
    path: '/rules',
    kind: 'rules',
    scopes: anyOf('read:rules'),
    handle: (c) =>
      ok(paginate(c.query, arraySource(filterEnabled(c.data.rules, c.query)), { key: 'rules', offset: { defaultPerPage: 50 }, checkpoint: false }, { totalDrift: c.totalDrift })),
  },
  {
    method: 'GET',
    path: '/hooks',
    kind: 'hooks',
    scopes: anyOf('read:hooks'),
    handle: (c) => {
      const triggerId = c.query.get('triggerId');
      let items = filterEnabled(c.data.hooks, c.query);
      if (triggerId !== null) items = items.filter((h) => h.triggerId === triggerId);
      return ok(paginate(c.query, arraySource(items), { key: 'hooks', offset: { defaultPerPage: 50 }, checkpoint: false }, { totalDrift: c.totalDrift }));
    },
  },
  // Sink credentials come back in clear text, as the real API returns them.
  { method: 'GET', path: '/log-streams', kind: 'log_streams', scopes: anyOf('read:log_streams'), handle: (c) => ok(c.data.logStreams) },
];
