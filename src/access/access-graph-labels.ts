import { safeText } from '../report/safe-text.js';
import { boundText } from '../report/terminal-text.js';
import type { AccessPath, Principal, PrincipalType } from './access-types.js';

/** Code points kept of one tenant name in a graph label (the rest is cut, with the whole length said). */
export const GRAPH_NAME_MAX = 60;

/** Characters every export writes as they are; any other is escaped, at worst as a numeric reference (`#128520;`). */
export const PLAIN_CHAR = /^[A-Za-z0-9 .,_\-/@()+=!?']$/;

/** A label's length once every character but PLAIN_CHAR is a numeric reference: what the graph's budget counts. */
export function escapedLength(text: string): number {
  let n = 0;
  for (const ch of text) n += PLAIN_CHAR.test(ch) ? 1 : `#${ch.codePointAt(0) ?? 0};`.length;
  return n;
}

/** Singular and plural words for each principal type. */
export const TYPE_WORDS: Record<PrincipalType, [string, string]> = {
  application: ['application', 'applications'],
  third_party_default: ['third-party default', 'third-party defaults'],
  user: ['user', 'users'],
  action: ['action', 'actions'],
  rule: ['rule', 'rules'],
  hook: ['hook', 'hooks'],
};

/** One piece of tenant text for a label: cut, then controls and bidi marks shown as escapes. */
export function bounded(text: string): string {
  return safeText(boundText(text, GRAPH_NAME_MAX));
}

/** `⚠ takeover · application: Name` (the native id when there is no name). */
export function principalLabel(p: Principal): string {
  const name = p.name !== undefined && p.name !== '' ? p.name : p.nativeId;
  return `${p.takeover ? '⚠ takeover · ' : ''}${TYPE_WORDS[p.type][0]}: ${bounded(name)}`;
}

/** The grant, role, organization role or code credentials, and the API when it is not the Management API. */
export function pathLabel(path: AccessPath): string {
  const role = bounded(path.roleName ?? path.roleId ?? '?');
  const base =
    path.via === 'client_grant'
      ? `client grant ${bounded(path.grantId ?? '?')}${path.subjectType === 'user' ? ' (user-delegated)' : ''}`
      : path.via === 'default_grant'
        ? `default grant ${bounded(path.grantId ?? '?')} (third-party applications)`
        : path.via === 'role'
          ? `role ${role}`
          : path.via === 'organization_role'
            ? `organization ${bounded(path.organizationName ?? path.organizationId ?? '?')} / role ${role}`
            : `code credentials${path.evidence && path.evidence.length > 0 ? `: ${bounded(path.evidence.join(', '))}` : ''}`;
  return path.managementApi ? base : `${base} on API ${bounded(path.audience)}`;
}

export function count(n: number): string {
  return n.toLocaleString('en-US');
}
