import type { MockTenant } from './tenant-schema.js';
import { syntheticUser, syntheticUserIndex } from './synthetic-user.js';

export type Item = Record<string, unknown>;

/** The tenant's users: the file's own first, then the generated ones, produced on demand by index. */
export interface UserStore {
  readonly count: number;
  at(index: number): Item | undefined;
  byId(userId: string): Item | undefined;
  iterate(): Generator<Item>;
}

export function createUserStore(tenant: MockTenant): UserStore {
  const explicit: Item[] = tenant.users ?? [];
  const byId = new Map<string, Item>();
  for (const u of tenant.users ?? []) byId.set(u.user_id, u);
  const generated = tenant.generate_users;
  const generatedCount = generated?.count ?? 0;
  const seed = generated?.seed ?? 0;
  const count = explicit.length + generatedCount;

  const at = (index: number): Item | undefined => {
    if (!Number.isInteger(index) || index < 0 || index >= count) return undefined;
    return index < explicit.length ? explicit[index] : syntheticUser(seed, index - explicit.length);
  };

  return {
    count,
    at,
    byId(userId) {
      const own = byId.get(userId);
      if (own) return own;
      const index = syntheticUserIndex(userId);
      if (index === undefined || index >= generatedCount) return undefined;
      const user = syntheticUser(seed, index);
      // The id format does not encode the provider choice, so check the regenerated user really has this id.
      return user.user_id === userId ? user : undefined;
    },
    *iterate() {
      for (let i = 0; i < count; i++) {
        const user = at(i);
        if (user) yield user;
      }
    },
  };
}
