import pLimit from 'p-limit';
import type { Collector, Resource } from '../collector.js';
import { readChildList } from './read-child-list.js';
import { asObject, idsOf, readAll } from './simple-collectors.js';

const JOIN_CONCURRENCY = 8;

/** Roles with their permissions and user ids, read from the role side (never one request per user). */
export const rolesCollector: Collector = {
  kind: 'roles',
  async collect(ctx) {
    const { api, emit } = ctx;
    const roles: Resource[] = [];
    for await (const page of api.offsetPages('/roles', { key: 'roles' })) for (const r of page) roles.push(asObject(r, '/roles'));
    ctx.expect?.(roles.length * 2);
    const limit = pLimit(JOIN_CONCURRENCY);
    const joined = await Promise.all(
      roles.map((role) =>
        limit(async () => {
          const previous = ctx.prior?.unchanged(String(role['id']));
          if (previous) return { ...role, permissions: previous['permissions'], users: previous['users'] };
          const id = encodeURIComponent(String(role['id']));
          const joins = await readChildList(ctx, { path: `/roles/${id}`, id: String(role['id']), idField: 'id', joins: 'permissions, users' }, () =>
            Promise.all([
              readAll(api.offsetPages(`/roles/${id}/permissions`, { key: 'permissions' })),
              // Offset paging of role users stops at 1,000; checkpoint has no cap.
              readAll(api.checkpointPages(`/roles/${id}/users`, { key: 'users' })),
            ]),
          );
          if (joins === undefined) return undefined;
          const [permissions, users] = joins;
          return { ...role, permissions, users: idsOf(users, 'user_id') };
        }),
      ),
    );
    for (const role of joined) if (role) await emit(role);
  },
};
