import { Agent } from 'undici';
import { afterEach, describe, expect, it } from 'vitest';
import { RawSender } from '../../src/check/raw-sender.js';
import { requestToken } from '../../src/check/request-token.js';
import { ManagementClient } from '../../src/http/management-client.js';
import { RetryPolicy } from '../../src/http/retry-policy.js';
import { scrubSecrets, SCRUBBED } from '../../src/http/scrub-secrets.js';
import { TokenProvider } from '../../src/http/token-provider.js';
import { collectionFailure, json, jumpingClock, startServer, type TestServer } from '../http/http-test-server.js';

// Characters that every encoding treats differently: space, +, /, =, &, %, quote, backslash, non-ASCII.
const SECRET = 'sEcr3t +/=&%"\\ é~x-42';
const TOKEN = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJzY2FubmVyIn0.c2lnbmF0dXJl-_x';

/** Every form in which a server may echo a value back: the ones scrubSecrets must catch. */
function echoes(secret: string): Record<string, string> {
  const uri = encodeURIComponent(secret);
  return {
    raw: secret,
    'URL-encoded': uri,
    'URL-encoded, lower-case hex': uri.replace(/%[0-9A-F]{2}/g, (p) => p.toLowerCase()),
    'form-encoded (+ for space)': new URLSearchParams({ s: secret }).toString().slice(2),
    'encodeURIComponent with + for space': uri.replace(/%20/g, '+'),
    'JSON-escaped': JSON.stringify(secret).slice(1, -1),
    'JSON-escaped with \\/': JSON.stringify(secret).slice(1, -1).replace(/\//g, '\\/'),
    'JSON-escaped as ASCII': JSON.stringify(secret)
      .slice(1, -1)
      .replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`),
    base64: Buffer.from(secret).toString('base64'),
    base64url: Buffer.from(secret).toString('base64url'),
    'base64 inside a Basic header': Buffer.from(`client-id:${secret}`).toString('base64'),
    'base64 of a whole form body, offset 1': Buffer.from(`a=${secret}&b=1`).toString('base64'),
    'base64url of a whole form body, offset 2': Buffer.from(`ab=${secret}&b=1`).toString('base64url'),
  };
}

/** What must not survive: the value itself, and the stable part of its base64 at any offset. */
function leaks(text: string, secret: string): string[] {
  return Object.entries(echoes(secret))
    .filter(([name]) => !name.includes('inside') && !name.includes('whole'))
    .filter(([, form]) => text.includes(form))
    .map(([name]) => name);
}

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('scrubSecrets: every echoed form of a secret', () => {
  for (const [name, form] of Object.entries(echoes(SECRET))) {
    it(`removes the ${name} form`, () => {
      const out = scrubSecrets(`server said: <${form}> end`, [SECRET]);
      expect(out).toContain(SCRUBBED);
      expect(out).not.toContain(form);
      expect(out.startsWith('server said: <')).toBe(true);
      expect(out.endsWith('> end')).toBe(true);
    });
  }

  it('removes a bearer token echoed as base64 and base64url', () => {
    for (const form of [Buffer.from(TOKEN).toString('base64'), Buffer.from(`Bearer ${TOKEN}`).toString('base64url')]) {
      const out = scrubSecrets(`echo ${form}`, [TOKEN]);
      expect(out).not.toContain(Buffer.from(TOKEN).toString('base64').slice(4, 40));
      expect(out).toContain(SCRUBBED);
    }
  });

  it('leaves text without a secret alone, and ignores absent and too-short values', () => {
    expect(scrubSecrets('Invalid token for client abcd', [undefined, 'abcd'])).toBe('Invalid token for client [REDACTED]');
    expect(scrubSecrets('a b c', ['a', undefined, ''])).toBe('a b c');
    expect(scrubSecrets('nothing to see', [SECRET, TOKEN])).toBe('nothing to see');
  });
});

describe('the places that keep server text scrub encoded forms too', () => {
  it('TokenProvider: a token endpoint echoing the form-encoded and base64 secret', async () => {
    server = await startServer((_req, res, body) => {
      const sent = body.split('&').find((p) => p.startsWith('client_secret='))?.slice('client_secret='.length) ?? '';
      json(res, 401, { error: `bad_${sent}`, error_description: `got ${sent} aka ${Buffer.from(SECRET).toString('base64')} aka ${Buffer.from(SECRET).toString('base64url')}` });
    });
    const provider = new TokenProvider({ origin: server.origin, clientId: 'cid', clientSecret: SECRET, audience: `${server.origin}/api/v2/`, clock: jumpingClock(), retry: new RetryPolicy({ random: () => 0.5 }) });
    const err = await collectionFailure(provider.getToken());
    expect(err.message).toContain('got [REDACTED] aka [REDACTED] aka [REDACTED]');
    expect(leaks(err.message, SECRET)).toEqual([]);
  });

  it('ManagementClient: an API error echoing the Authorization header, base64-encoded', async () => {
    server = await startServer((req, res) => {
      const auth = req.headers.authorization ?? '';
      json(res, 400, { statusCode: 400, error: 'Bad Request', message: `header ${Buffer.from(auth).toString('base64')} / ${Buffer.from(auth).toString('base64url')} / ${encodeURIComponent(auth)}` });
    });
    const tokens = new TokenProvider({ token: TOKEN });
    const http = new ManagementClient({ origin: server.origin, tokens, clock: jumpingClock() });
    const err = await collectionFailure(http.get('/clients'));
    expect(err.message).toMatch(/header .*\[REDACTED\].* \/ .*\[REDACTED\].* \/ Bearer%20\[REDACTED\]/);
    expect(leaks(err.message, TOKEN)).toEqual([]);
  });

  it('ManagementClient: an API error echoing the client secret from the token request before it', async () => {
    let seen = '';
    server = await startServer((req, res, body) => {
      if (req.url === '/oauth/token') {
        seen = new URLSearchParams(body).get('client_secret') ?? '';
        json(res, 200, { access_token: TOKEN, expires_in: 86_400, token_type: 'Bearer' });
        return;
      }
      json(res, 400, { statusCode: 400, error: 'Bad Request', message: `you sent ${seen} earlier (${encodeURIComponent(seen)})` });
    });
    const tokens = new TokenProvider({ origin: server.origin, clientId: 'cid', clientSecret: SECRET, audience: `${server.origin}/api/v2/`, clock: jumpingClock() });
    const http = new ManagementClient({ origin: server.origin, tokens, clock: jumpingClock() });
    const err = await collectionFailure(http.get('/clients'));
    expect(seen).toBe(SECRET);
    expect(err.message).toContain('you sent [REDACTED] earlier ([REDACTED])');
    expect(leaks(err.message, SECRET)).toEqual([]);
  });

  it('check: the token request keeps the description, without the secret in any encoding', async () => {
    server = await startServer((_req, res, body) => {
      const sent = body.split('&').find((p) => p.startsWith('client_secret='))?.slice('client_secret='.length) ?? '';
      json(res, 401, { error: 'invalid_client', error_description: `bad secret ${sent} (${decodeURIComponent(sent.replace(/\+/g, ' '))}) ${Buffer.from(SECRET).toString('base64')}` });
    });
    const dispatcher = new Agent();
    try {
      const sender = new RawSender({ origin: server.origin, dispatcher, retry: new RetryPolicy({ random: () => 0.5 }), timeoutMs: 5_000, now: Date.now });
      const outcome = await requestToken(sender, { clientId: 'cid', clientSecret: SECRET, audience: `${server.origin}/api/v2/` });
      expect(outcome.kind).toBe('refused');
      const description = outcome.kind === 'refused' ? (outcome.description ?? '') : '';
      expect(description).toBe('bad secret [REDACTED] ([REDACTED]) [REDACTED]');
    } finally {
      await dispatcher.close();
    }
  });
});
