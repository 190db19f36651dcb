import { ApiError } from '../../http/api-error.js';
import type { CollectorContext } from '../collector.js';

/**
 * Reads the sub-lists of one listed resource (a connection's clients, a role's users). A 404 there usually means
 * the resource was deleted since it was listed; one GET of the resource itself tells: gone, it is dropped and
 * counted; still there, its joins cannot be read and it is kept out of evaluation as not understood. Either way
 * the rest of the kind is judged. Undefined means "leave this resource out".
 */
export async function readChildList<T>(
  ctx: Pick<CollectorContext, 'api' | 'gone' | 'reject'>,
  parent: { path: string; id: string; idField: string; joins: string },
  read: () => Promise<T>,
): Promise<T | undefined> {
  try {
    return await read();
  } catch (err) {
    if (!(err instanceof ApiError && err.status === 404)) throw err;
    if (await isGone(ctx, parent.path, parent.idField)) ctx.gone(parent.id);
    else ctx.reject({ id: parent.id, field: parent.joins, problem: `answered 404 although the resource exists (${err.request})` });
    return undefined;
  }
}

async function isGone(ctx: Pick<CollectorContext, 'api'>, path: string, idField: string): Promise<boolean> {
  try {
    await ctx.api.get(path, { fields: idField, include_fields: true });
    return false;
  } catch (err) {
    if (err instanceof ApiError && err.status === 404) return true;
    throw err;
  }
}
