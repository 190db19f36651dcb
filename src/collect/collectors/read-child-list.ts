import { ApiError } from '../../http/api-error.js';
import type { CollectApi } from '../collect-api.js';

/** Returned in place of a child list when its parent was deleted while the tenant was being read. */
export const GONE = Symbol('gone');

/**
 * Reads a listed resource's sub-list (a connection's clients, a role's users). A 404 there usually means the
 * resource was deleted since it was listed; that is confirmed with one GET of the resource itself, so a 404 for
 * any other reason (an endpoint this tenant does not serve) still fails the kind instead of emptying it.
 */
export async function readChildList<T>(api: CollectApi, parentPath: string, idField: string, read: () => Promise<T>): Promise<T | typeof GONE> {
  try {
    return await read();
  } catch (err) {
    if (!(err instanceof ApiError && err.status === 404)) throw err;
    if (await isGone(api, parentPath, idField)) return GONE;
    throw err;
  }
}

async function isGone(api: CollectApi, parentPath: string, idField: string): Promise<boolean> {
  try {
    await api.get(parentPath, { fields: idField, include_fields: true });
    return false;
  } catch (err) {
    if (err instanceof ApiError && err.status === 404) return true;
    throw err;
  }
}
