import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load-config.js';
import { tenantTargets } from '../../src/cli/tenant-targets.js';
import { inputErrorOf } from '../input-error-of.js';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

function configFile(text: string, name = 'auth0-scan.config.yaml'): { dir: string; path: string } {
  const dir = mkdtempSync(join(tmpdir(), 'auth0-scan-mt-config-'));
  dirs.push(dir);
  const path = join(dir, name);
  writeFileSync(path, text);
  return { dir, path };
}

const TWO = `failOn: high
tenants:
  - name: prod
    domain: acme.eu.auth0.com
    client_id: prod-client
    client_secret_env: AUTH0_PROD_SECRET
  - domain: https://login.acme-staging.example
    audience: https://acme-staging.eu.auth0.com/api/v2/
    client_id: staging-client
    client_secret_env: AUTH0_STAGING_SECRET
`;

describe('the tenants section of the config file', () => {
  it('parses entries with an optional name and audience', () => {
    const { dir } = configFile(TWO);
    const loaded = loadConfig(undefined, dir);
    expect(loaded.config.tenants).toEqual([
      { name: 'prod', domain: 'acme.eu.auth0.com', client_id: 'prod-client', client_secret_env: 'AUTH0_PROD_SECRET' },
      { domain: 'https://login.acme-staging.example', audience: 'https://acme-staging.eu.auth0.com/api/v2/', client_id: 'staging-client', client_secret_env: 'AUTH0_STAGING_SECRET' },
    ]);
  });

  it('also reads a JSON config file', () => {
    const { dir } = configFile(JSON.stringify({ tenants: [{ domain: 'a.eu.auth0.com', client_id: 'x', client_secret_env: 'AUTH0_A_SECRET' }] }), 'auth0-scan.config.json');
    expect(loadConfig(undefined, dir).config.tenants?.[0]?.client_secret_env).toBe('AUTH0_A_SECRET');
  });

  const cases: [string, string, number, string][] = [
    ['a missing secret variable name', 'tenants:\n  - domain: a.eu.auth0.com\n    client_id: x\n', 2, 'tenants[0].client_secret_env: is required'],
    ['a secret written instead of a variable name', 'tenants:\n  - domain: a.eu.auth0.com\n    client_id: x\n    client_secret_env: "s3cr3t-v@lue!"\n', 4, 'tenants[0].client_secret_env: must be the name of an environment variable'],
    ['a missing client id', 'tenants:\n  - domain: a.eu.auth0.com\n    client_secret_env: AUTH0_A\n', 2, 'tenants[0].client_id: is required'],
    ['a plain http domain that is not loopback', 'tenants:\n  - domain: http://acme.eu.auth0.com\n    client_id: x\n    client_secret_env: AUTH0_A\n', 2, 'tenants[0].domain: "http://acme.eu.auth0.com" is not usable: plain http://'],
    ['a domain with a path', 'tenants:\n  - client_id: x\n    client_secret_env: AUTH0_A\n    domain: https://acme.eu.auth0.com/api/v2\n', 4, 'tenants[0].domain: "https://acme.eu.auth0.com/api/v2" is not usable'],
    ['an audience that is not a Management API', 'tenants:\n  - domain: a.eu.auth0.com\n    client_id: x\n    client_secret_env: AUTH0_A\n    audience: https://a.eu.auth0.com/\n', 5, 'tenants[0].audience: must be a Management API audience'],
    ['an unknown key', 'tenants:\n  - domain: a.eu.auth0.com\n    client_id: x\n    client_secret_env: AUTH0_A\n    client_secret: oops\n', 2, 'tenants[0]: unknown key "client_secret"'],
    ['two tenants with the same name', 'tenants:\n  - name: prod\n    domain: a.eu.auth0.com\n    client_id: x\n    client_secret_env: AUTH0_A\n  - name: PROD\n    domain: b.eu.auth0.com\n    client_id: y\n    client_secret_env: AUTH0_B\n', 6, 'tenants[1].name: repeats tenants[0]'],
    ['an empty list', 'tenants: []\n', 1, 'tenants: must list at least one tenant'],
    ['both domain and tenants', 'domain: a.eu.auth0.com\ntenants:\n  - domain: b.eu.auth0.com\n    client_id: y\n    client_secret_env: AUTH0_B\n', 1, 'domain: give either domain (one tenant) or tenants (several), not both'],
    ['a name with spaces', 'tenants:\n  - name: my prod\n    domain: a.eu.auth0.com\n    client_id: x\n    client_secret_env: AUTH0_A\n', 2, 'tenants[0].name: must start with a letter or digit'],
  ];
  for (const [name, text, line, message] of cases) {
    it(`rejects ${name}, naming file, line and path`, () => {
      const { dir, path } = configFile(text);
      const err = inputErrorOf(() => loadConfig(undefined, dir));
      expect(err.code).toBe('CONFIG');
      expect(err.where).toBe(`${path}:${line}`);
      expect(err.message.startsWith(message), err.message).toBe(true);
    });
  }
});

describe('tenantTargets', () => {
  const { dir, path } = configFile(TWO);
  const loaded = loadConfig(undefined, dir);
  // The staging entry is a custom domain: the user, not the file, allows credentials to go there.
  const env = { AUTH0_PROD_SECRET: 'prod-secret-value-1', AUTH0_STAGING_SECRET: 'staging-secret-value-2', AUTH0_SCAN_ALLOW_CONFIG_HOSTS: 'login.acme-staging.example' };

  it('reads each secret from its variable and names each tenant as its reports will', () => {
    expect(tenantTargets(loaded, undefined, env)).toEqual([
      {
        name: 'prod',
        label: 'prod',
        domain: 'acme.eu.auth0.com',
        settings: { domain: 'acme.eu.auth0.com', credentials: { kind: 'client', clientId: 'prod-client', clientSecret: 'prod-secret-value-1' } },
      },
      {
        label: 'https://login.acme-staging.example',
        // A custom domain: reports and fingerprints name the tenant by its audience, as a single scan does.
        domain: 'acme-staging.eu.auth0.com',
        settings: {
          domain: 'https://login.acme-staging.example',
          audience: 'https://acme-staging.eu.auth0.com/api/v2/',
          credentials: { kind: 'client', clientId: 'staging-client', clientSecret: 'staging-secret-value-2' },
        },
      },
    ]);
  });

  it('selects tenants by name or domain, case-insensitively, in file order', () => {
    const picked = tenantTargets(loaded, ['https://login.acme-staging.example', 'PROD'], env);
    expect(picked.map((t) => t.label)).toEqual(['prod', 'https://login.acme-staging.example']);
    expect(tenantTargets(loaded, ['prod', 'prod'], env)).toHaveLength(1);
  });

  it('names an unknown tenant and lists the known ones', () => {
    const err = inputErrorOf(() => tenantTargets(loaded, ['dev'], env));
    expect(err.code).toBe('USAGE');
    expect(err.message).toBe(`--tenant dev: no such tenant in ${path} (its tenants: prod, https://login.acme-staging.example)`);
  });

  it('refuses an unset or empty secret variable, naming it and never a value', () => {
    const err = inputErrorOf(() => tenantTargets(loaded, undefined, { ...env, AUTH0_STAGING_SECRET: '' }));
    expect(err.code).toBe('USAGE');
    expect(err.message).toBe('environment variable AUTH0_STAGING_SECRET is not set: it holds the client secret of tenant https://login.acme-staging.example');
    expect(err.where).toBe(`${path}:10`);
    expect(`${err.message} ${err.where ?? ''}`).not.toContain('prod-secret-value-1');
  });

  it('lists every missing variable at once, pointing at the first', () => {
    const err = inputErrorOf(() => tenantTargets(loaded, undefined, {}, ['login.acme-staging.example']));
    expect(err.message).toBe('environment variables AUTH0_PROD_SECRET, AUTH0_STAGING_SECRET are not set: they hold the client secrets of tenants prod, https://login.acme-staging.example');
    expect(err.where).toBe(`${path}:6`);
  });

  it('only needs the secrets of the selected tenants', () => {
    expect(tenantTargets(loaded, ['prod'], { AUTH0_PROD_SECRET: 'p' }).map((t) => t.domain)).toEqual(['acme.eu.auth0.com']);
  });
});
