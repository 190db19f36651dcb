import { ApiError } from '../../http/api-error.js';
import type { CollectApi } from '../collect-api.js';
import { readAll } from './simple-collectors.js';

export const MEMBER_ROLES_SCOPE = 'read:organization_member_roles';

export interface MemberRoles {
  user_id: string;
  roles: { id: string; name: string }[];
}

/**
 * Reads the members of one organization, with their roles there when the token may read them: the members call
 * itself returns `roles` with fields=roles (one request per page, never one per member). `roles` is undefined
 * when the token lacks read:organization_member_roles (the 403 says so, or the granted scopes already did): the
 * caller must report the roles as withheld, never as "nobody holds a role".
 */
export async function readOrgMembers(
  api: CollectApi,
  orgPath: string,
  withRoles: boolean,
): Promise<{ members: unknown[]; roles: MemberRoles[] | undefined }> {
  const read = (fields: string) => readAll(api.checkpointPages(`${orgPath}/members`, { key: 'members', query: { fields, include_fields: true } }));
  if (!withRoles) return { members: await read('user_id'), roles: undefined };
  try {
    const members = await read('user_id,roles');
    return { members, roles: memberRolesOf(members) };
  } catch (err) {
    if (!(err instanceof ApiError && err.status === 403 && err.errorCode === 'insufficient_scope')) throw err;
    return { members: await read('user_id'), roles: undefined };
  }
}

/** The members holding at least one role, each role as `{id, name}`; malformed entries are left out. */
export function memberRolesOf(members: readonly unknown[]): MemberRoles[] {
  const out: MemberRoles[] = [];
  for (const member of members) {
    if (!isRecord(member) || typeof member['user_id'] !== 'string' || !Array.isArray(member['roles'])) continue;
    const roles = member['roles'].flatMap((r: unknown) => (isRecord(r) && typeof r['id'] === 'string' ? [{ id: r['id'], name: typeof r['name'] === 'string' ? r['name'] : '' }] : []));
    if (roles.length > 0) out.push({ user_id: member['user_id'], roles });
  }
  return out;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
