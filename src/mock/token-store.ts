import { randomBytes } from 'node:crypto';

interface TokenRecord {
  scopes: ReadonlySet<string>;
  expiresMs: number;
}

export type TokenCheck = { ok: true; scopes: ReadonlySet<string> } | { ok: false; reason: 'invalid' | 'expired' };

const MAX_REMEMBERED = 10_000;

/**
 * Opaque bearer tokens remembered server-side with their scopes and expiry. Expired tokens stay known (up to a
 * bound) so they get the "expired" 401 a real JWT would get, not "invalid".
 */
export class TokenStore {
  private readonly tokens = new Map<string, TokenRecord>();
  issued = 0;

  constructor(private readonly now: () => number = Date.now) {}

  issue(scopes: readonly string[], lifetimeMs: number): string {
    if (this.tokens.size >= MAX_REMEMBERED) {
      const oldest = this.tokens.keys().next();
      if (!oldest.done) this.tokens.delete(oldest.value);
    }
    const token = randomBytes(32).toString('base64url');
    this.tokens.set(token, { scopes: new Set(scopes), expiresMs: this.now() + lifetimeMs });
    this.issued++;
    return token;
  }

  check(token: string): TokenCheck {
    const record = this.tokens.get(token);
    if (!record) return { ok: false, reason: 'invalid' };
    if (this.now() >= record.expiresMs) return { ok: false, reason: 'expired' };
    return { ok: true, scopes: record.scopes };
  }

  /** Every token issued so far stops working now (the "token expired mid-scan" fault). */
  expireAll(): void {
    const now = this.now();
    for (const record of this.tokens.values()) record.expiresMs = Math.min(record.expiresMs, now);
  }
}
