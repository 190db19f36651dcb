import { createRandom, mixSeed } from './seeded-random.js';

/** Synthetic users are dated relative to this fixed instant, so generated tenants never drift with the clock. */
export const SYNTHETIC_EPOCH_MS = Date.UTC(2026, 0, 1);
const THREE_YEARS_MS = 3 * 365 * 24 * 3600 * 1000;
const DAY_MS = 24 * 3600 * 1000;

const FIRST = ['Ada', 'Grace', 'Alan', 'Edsger', 'Barbara', 'Donald', 'Frances', 'Ken', 'Radia', 'Linus'];
const LAST = ['Lovelace', 'Hopper', 'Turing', 'Dijkstra', 'Liskov', 'Knuth', 'Allen', 'Thompson', 'Perlman', 'Torvalds'];

export const SYNTHETIC_DB_CONNECTION = 'Username-Password-Authentication';
export const SYNTHETIC_SOCIAL_CONNECTION = 'google-oauth2';

const AUTH0_ID = /^auth0\|65a1([0-9a-f]{20})$/;
const GOOGLE_ID = /^google-oauth2\|1(\d{20})$/;

function pick<T>(items: readonly T[], r: number): T {
  return items[Math.floor(r * items.length) % items.length] as T;
}

function iso(ms: number): string {
  return new Date(Math.floor(ms)).toISOString();
}

/**
 * User `index` of a generated tenant, as `GET /users` returns it. Depends only on (seed, index): a million users
 * can be served page by page or streamed without ever being held in memory. About 20% never logged in (no
 * last_login/logins_count/last_ip, as the API omits them), 15% of database users are unverified, 30% are enrolled
 * in Guardian MFA, 2% are blocked, a quarter sign in with Google.
 */
export function syntheticUser(seed: number, index: number): Record<string, unknown> {
  const r = createRandom(mixSeed(seed, index));
  const social = r() < 0.25;
  const raw = social ? `1${String(index).padStart(20, '0')}` : `65a1${index.toString(16).padStart(20, '0')}`;
  const provider = social ? 'google-oauth2' : 'auth0';
  const first = pick(FIRST, r());
  const last = pick(LAST, r());
  const createdMs = SYNTHETIC_EPOCH_MS - r() * THREE_YEARS_MS;
  const user: Record<string, unknown> = {
    user_id: `${provider}|${raw}`,
    email: `${first.toLowerCase()}.${last.toLowerCase()}.${index}@example.com`,
    email_verified: social || r() >= 0.15,
    name: `${first} ${last}`,
    nickname: `${first.toLowerCase()}${index}`,
    picture: `https://s.gravatar.com/avatar/${raw.slice(-12)}?s=480&r=pg&d=identicon`,
    created_at: iso(createdMs),
    updated_at: iso(createdMs + r() * (SYNTHETIC_EPOCH_MS - createdMs)),
    identities: [
      {
        connection: social ? SYNTHETIC_SOCIAL_CONNECTION : SYNTHETIC_DB_CONNECTION,
        provider,
        user_id: raw,
        isSocial: social,
      },
    ],
  };
  if (r() >= 0.2) {
    user.last_login = iso(createdMs + r() * (SYNTHETIC_EPOCH_MS - createdMs));
    user.logins_count = 1 + Math.floor(r() * 500);
    user.last_ip = `203.0.113.${Math.floor(r() * 254) + 1}`;
  }
  if (r() < 0.3) {
    user.multifactor = ['guardian'];
    user.multifactor_last_modified = iso(createdMs + r() * DAY_MS);
  }
  if (r() < 0.02) user.blocked = true;
  if (!social && r() < 0.3) user.last_password_reset = iso(createdMs + r() * (SYNTHETIC_EPOCH_MS - createdMs));
  if (r() < 0.1) user.app_metadata = { plan: pick(['free', 'pro', 'enterprise'], r()) };
  return user;
}

/** The index a synthetic user id was generated for, or undefined when the id is not one of ours. */
export function syntheticUserIndex(userId: string): number | undefined {
  const auth0 = AUTH0_ID.exec(userId);
  if (auth0?.[1] !== undefined) return parseInt(auth0[1], 16);
  const google = GOOGLE_ID.exec(userId);
  if (google?.[1] !== undefined) return parseInt(google[1], 10);
  return undefined;
}
