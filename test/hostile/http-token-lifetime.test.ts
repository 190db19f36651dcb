import { afterEach, describe, expect, it } from 'vitest';
import { TokenProvider } from '../../src/http/token-provider.js';
import { json, jumpingClock, startServer, type TestServer } from '../http/http-test-server.js';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('a token endpoint announcing absurd lifetimes', () => {
  for (const expires of ['0', 0, 0.001, -5, 'soon', null]) {
    it(`expires_in ${JSON.stringify(expires)}: the token is reused, not fetched for every call`, async () => {
      let issued = 0;
      server = await startServer((_req, res) => json(res, 200, { access_token: `tok-${++issued}`, expires_in: expires }));
      const clock = jumpingClock(0);
      const tokens = new TokenProvider({ origin: server.origin, clientId: 'cid', clientSecret: 'secret-0123456789', audience: `${server.origin}/api/v2/`, clock });
      for (let i = 0; i < 22; i++) {
        expect(await tokens.getToken()).toBe('tok-1');
        await clock.sleep(1_000);
      }
      expect(server.requests).toHaveLength(1);
    });
  }
});
