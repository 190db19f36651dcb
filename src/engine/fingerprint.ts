import { createHash } from 'node:crypto';

/** Stable across runs and tools: the identity of "this rule on this resource of this tenant". */
export function fingerprint(ruleId: string, tenant: string, resourceType: string, resourceId: string): string {
  return createHash('sha256').update([ruleId, tenant, resourceType, resourceId].join('\n')).digest('hex').slice(0, 32);
}
