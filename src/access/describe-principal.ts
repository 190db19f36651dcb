import type { AccessPath, CapabilityId, Principal } from './access-types.js';

/**
 * The words every human format uses for a principal, a path and what makes a principal easier to abuse: one
 * vocabulary for table, Markdown, HTML and graphs. Plain text: each format neutralises it its own way.
 */
export function principalTitle(p: Principal): string {
  return p.name === undefined ? p.nativeId : `${p.name} (${p.nativeId})`;
}

const TYPE_WORDS: Record<Principal['type'], string> = {
  application: 'application',
  third_party_default: 'third-party default',
  user: 'user',
  action: 'Action',
  rule: 'rule',
  hook: 'hook',
};

export function principalTypeWord(p: Principal): string {
  return TYPE_WORDS[p.type];
}

export function pathLabel(path: AccessPath): string {
  switch (path.via) {
    case 'client_grant':
      return `client grant ${path.grantId ?? '(no id)'}${path.subjectType === 'user' ? ' (user-delegated)' : ''}`;
    case 'default_grant':
      return `default grant for third-party apps ${path.grantId ?? ''}`.trimEnd();
    case 'role':
      return `role ${path.roleName ?? path.roleId ?? '(unknown)'}`;
    case 'organization_role':
      return `role ${path.roleName ?? path.roleId ?? '(unknown)'} in organization ${path.organizationName ?? path.organizationId ?? '(unknown)'}`;
    case 'code_credentials':
      return `credentials in code (${(path.evidence ?? []).join(', ') || 'found in code'})`;
  }
}

/** The paths of `p` that give `capability`, in the principal's order. */
export function pathsTo(p: Principal, capability: CapabilityId): AccessPath[] {
  return p.paths.filter((x) => x.capabilities.includes(capability));
}

const AUTH_WORDS: Record<string, string> = {
  shared_secret: 'shared secret',
  private_key_jwt: 'private key JWT',
  mtls: 'mTLS',
  key_or_mtls: 'private key JWT or mTLS (no shared secret set)',
  none: 'no client authentication',
  unknown: 'authentication unknown',
};

/** What makes this principal easier (or harder) to abuse, most telling first. */
export function riskNotes(p: Principal): string[] {
  const t = p.traits;
  const notes: string[] = [];
  if (t.isScanner) notes.push('the scanner itself');
  if (t.authentication !== undefined) notes.push(AUTH_WORDS[t.authentication] ?? t.authentication);
  if (t.firstParty === false) notes.push('third party');
  if (t.global) notes.push('global client');
  if (t.openRegistration) notes.push('dynamic registration open: anyone can register one');
  if (p.type === 'user') {
    notes.push(t.mfaEnrolled === true ? 'MFA enrolled' : t.mfaEnrolled === false ? 'no MFA' : 'MFA unknown (user not in snapshot)');
    if (t.emailVerified === false) notes.push('email not verified');
    if (t.blocked === true) notes.push('blocked');
    notes.push(t.lastLogin ? `last login ${t.lastLogin.slice(0, 10)}` : 'never logged in');
  }
  if (t.active === false) notes.push('not running (disabled or unbound)');
  return notes;
}

/** "3 applications, 2 users": how many principals of each type, in first-seen order. */
export function typeBreakdown(ps: readonly Principal[]): string {
  const by = new Map<string, number>();
  for (const p of ps) by.set(principalTypeWord(p), (by.get(principalTypeWord(p)) ?? 0) + 1);
  return [...by].map(([w, n]) => `${n.toLocaleString('en-US')} ${w}${n === 1 ? '' : 's'}`).join(', ');
}
