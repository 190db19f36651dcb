import { RE2JS } from 're2js';
import { describe, expect, it } from 'vitest';
import { scrubString } from '../../src/redact/scrub-string.js';
import { sharedPatterns } from '../../src/rules/shared-patterns.js';
import { CODE_SECRET_MARKER, maskCodeSecrets } from '../../src/snapshot/mask-code-secrets.js';
import { redactResource } from '../../src/snapshot/redact.js';

const pattern = RE2JS.compile(sharedPatterns()['hardcodedSecret'] ?? '');
const KEY_BODY = 'MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7VJTUt9Us8cKj';

describe('the code mask', () => {
  it('masks a whole private key block, not just its header: in one string, with \\n escapes, across concatenations', () => {
    const forms = [
      `const key = \`-----BEGIN PRIVATE KEY-----\n${KEY_BODY}\nMoreKeyMaterial0123456789==\n-----END PRIVATE KEY-----\`;`,
      `const key = "-----BEGIN RSA PRIVATE KEY-----\\n${KEY_BODY}\\n-----END RSA PRIVATE KEY-----";`,
      `const key = "-----BEGIN EC PRIVATE KEY-----\\n" +\n  "${KEY_BODY}\\n" +\n  "-----END EC PRIVATE KEY-----";`,
      `const key = '-----BEGIN OPENSSH PRIVATE KEY-----\\n${KEY_BODY}'; // cut: no footer`,
      `-----BEGIN PGP PRIVATE KEY BLOCK-----\n\n${KEY_BODY}\n-----END PGP PRIVATE KEY BLOCK-----`,
    ];
    for (const code of forms) {
      const masked = maskCodeSecrets(code);
      expect(masked, code).not.toContain(KEY_BODY.slice(20));
      expect(masked, code).not.toContain('MoreKeyMaterial');
      expect(masked).toContain(CODE_SECRET_MARKER);
      // The secret-in-code rules still fire on the masked code, as on the original.
      expect(pattern.test(masked)).toBe(pattern.test(code));
    }
  });

  it('masks the secrets the shared pattern flags, and the short or spaced ones it does not, leaving the rule outcome alone', () => {
    const cases: [string, string][] = [
      ['const apiKey = "sk_test_4eC39HqLyjWDarjtT1zdp7dc";', 'sk_test_4eC39HqLyjWDarjtT1zdp7dc'],
      ['request({ url: "https://admin:hunter2hunter2@db.example/x" })', 'hunter2hunter2'],
      ['const password = "hunt3r";', 'hunt3r'],
      ['const secret = "correct horse battery staple";', 'correct horse'],
      ['headers: { authorization: "Basic dXNlcjpw" }', 'dXNlcjpw'],
      ['fetch("https://deploytoken@git.example/repo")', 'deploytoken'],
      ['const url = "postgres://app:pw@db.internal/app";', 'app:pw'],
    ];
    for (const [code, secret] of cases) {
      const masked = maskCodeSecrets(code);
      expect(masked, code).not.toContain(secret);
      expect(pattern.test(masked), code).toBe(pattern.test(code));
      // Masking again changes nothing: snapshots are redacted when written and again when read.
      expect(maskCodeSecrets(masked)).toBe(masked);
    }
    expect(maskCodeSecrets('const password = event.secrets.DB_PASSWORD;\nreturn api.access.deny(`no ${reason}`);')).toBe('const password = event.secrets.DB_PASSWORD;\nreturn api.access.deny(`no ${reason}`);');
  });

  it('covers legacy rule and hook scripts, HTML templates and every Action copy of the code', () => {
    const script = 'function (user, context, callback) { const token = "ghp_0123456789abcdefghijABCDEFGHIJ012345"; }';
    const read = (kind: 'rules' | 'hooks', extra: Record<string, unknown>): string =>
      JSON.stringify(redactResource(kind, { id: 'r', script, ...extra }, undefined));
    // The access model reads `script` (Management API credentials kept in code): it is kept, through the code mask.
    for (const kind of ['rules', 'hooks'] as const) {
      const kept = read(kind, {});
      expect(kept).toContain('"script":"function (user, context, callback)');
      expect(kept).not.toContain('ghp_0123456789abcdefghijABCDEFGHIJ012345');
    }
    const tenant = redactResource('tenant', { error_page: { html: '<script>var secret = "s3cr3t-value-here";</script>', url: 'u' } });
    expect(JSON.stringify(tenant)).not.toContain('s3cr3t-value-here');
    expect(JSON.stringify(tenant)).toContain(CODE_SECRET_MARKER.replace(/"/g, '\\"'));
  });
});

describe('plain strings kept for rules', () => {
  it('lose the credentials inside them and keep scheme, host and path', () => {
    expect(scrubString('https://user:p4ss@siem.example/in?token=abc123&x=1#access_token=zzz')).toBe('https://[REDACTED]@siem.example/in?token=[REDACTED]&x=1#access_token=[REDACTED]');
    expect(scrubString('https://app.example/callback')).toBe('https://app.example/callback');
    expect(scrubString('Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.sig')).toBe('Bearer [REDACTED]');
    expect(scrubString('key AKIAIOSFODNN7EXAMPLE here')).toBe('key [REDACTED] here');
    expect(scrubString('x -----BEGIN PRIVATE KEY----- y')).toBe('[REDACTED]');
    const once = scrubString('https://a:b@h/p?secret=1');
    expect(scrubString(once)).toBe(once);
  });
});
