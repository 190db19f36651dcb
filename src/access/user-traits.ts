import type { PrincipalTraits } from './access-types.js';

/** The facts about a user that make a privileged account easier to take over; a wrong type reads as unknown. */
export function userTraits(user: Record<string, unknown>): PrincipalTraits {
  const mfa = user['multifactor'];
  const verified = user['email_verified'];
  const lastLogin = user['last_login'];
  const blocked = user['blocked'];
  return {
    mfaEnrolled: Array.isArray(mfa) ? mfa.length > 0 : mfa === undefined || mfa === null ? false : null,
    emailVerified: typeof verified === 'boolean' ? verified : null,
    lastLogin: typeof lastLogin === 'string' ? lastLogin : null,
    blocked: typeof blocked === 'boolean' ? blocked : false,
  };
}
