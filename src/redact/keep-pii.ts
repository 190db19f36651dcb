import { AllowList } from './allow-list.js';

/**
 * The user fields `collect --keep-pii` keeps as values on top of the run's allow-list: a person's name, email,
 * nickname and phone number. Without it a snapshot keeps of a user only ids and the facts rules judge.
 */
export const PII_USER_FIELDS = ['email', 'name', 'nickname', 'phone_number'] as const;

export function withPii(allow: AllowList): AllowList {
  return allow.union(new AllowList([['users', PII_USER_FIELDS.map((f) => ({ segments: [f], mode: 'value' as const }))]]));
}
