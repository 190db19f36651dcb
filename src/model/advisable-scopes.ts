import { scopesFor, type KindName } from './kinds.js';

/**
 * The scopes among `scopes` that auth0-scan may ever tell someone to grant for `kind`: read scopes its collector
 * needs (for a derived kind, those of the kinds it is built from). Scope names reach advice from text others write (a 403 message, a snapshot's coverage), and a scanner
 * that relays "grant delete:clients" or "read:client_keys" turns its own grant into a prize.
 */
export function advisableScopes(kind: KindName, scopes: readonly string[]): string[] {
  const own = scopesFor([kind]);
  return [...new Set(scopes)].filter((s) => s.startsWith('read:') && own.includes(s));
}
