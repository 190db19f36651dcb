import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { allowedConfigHosts } from '../../src/config/allowed-config-hosts.js';
import { isAuth0Host } from '../../src/config/auth0-host.js';
import { configHostRefusal } from '../../src/config/config-host-refusal.js';
import { loadConfig } from '../../src/config/load-config.js';
import { tenantTargets } from '../../src/cli/tenant-targets.js';
import { inputErrorOf } from '../input-error-of.js';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

function configDir(text: string): { dir: string; path: string } {
  const dir = mkdtempSync(join(tmpdir(), 'auth0-scan-trust-'));
  dirs.push(dir);
  const path = join(dir, 'auth0-scan.config.yaml');
  writeFileSync(path, text);
  return { dir, path };
}

const tenantYaml = (fields: Record<string, string>) =>
  `tenants:\n  - ${Object.entries(fields)
    .map(([k, v]) => `${k}: ${v}`)
    .join('\n    ')}\n`;

describe('the Auth0 host patterns a config file may send credentials to', () => {
  it.each(['acme.auth0.com', 'acme.us.auth0.com', 'acme.eu.auth0.com', 'acme.au.auth0.com', 'acme.ca.auth0.com', 'acme.jp.auth0.com', 'acme.uk.auth0.com', 'dev-x7k2.eu.auth0.com'])(
    'accepts the tenant host %s',
    (host) => expect(isAuth0Host(host)).toBe(true),
  );

  it.each([
    ['a look-alike suffix', 'acme.eu.auth0.com.attacker.example'],
    ['a look-alike domain', 'acme.eu-auth0.com'],
    ['an unknown region', 'acme.xx.auth0.com'],
    ['two labels below a region', 'acme.guardian.eu.auth0.com'],
    ['auth0.com itself', 'auth0.com'],
    ['a port', 'acme.eu.auth0.com:8443'],
    ['a custom domain', 'login.acme.com'],
    ['loopback', '127.0.0.1'],
    ['a one-letter tenant', 'a.eu.auth0.com'],
  ])('refuses %s (%s)', (_why, host) => expect(isAuth0Host(host)).toBe(false));
});

describe('configHostRefusal', () => {
  it('lets an Auth0 domain and the Management API audience of one through', () => {
    expect(configHostRefusal('domain', 'acme.eu.auth0.com', [])).toBeUndefined();
    expect(configHostRefusal('domain', 'https://acme.us.auth0.com', [])).toBeUndefined();
    expect(configHostRefusal('audience', 'https://acme.eu.auth0.com/api/v2/', [])).toBeUndefined();
  });

  it('refuses a custom domain, loopback and an attacker audience, naming the flag that would allow each', () => {
    expect(configHostRefusal('domain', 'https://login.acme.example', [])).toMatch(/^"https:\/\/login\.acme\.example" is not an Auth0 domain .* pass --allow-config-host login\.acme\.example or list it in AUTH0_SCAN_ALLOW_CONFIG_HOSTS$/);
    expect(configHostRefusal('domain', 'http://127.0.0.1:4010', [])).toContain('--allow-config-host 127.0.0.1:4010');
    expect(configHostRefusal('audience', 'https://attacker.example/api/v2/', [])).toContain('is not the Management API of an Auth0 domain');
    // Plain http to an Auth0 name is not Auth0's API.
    expect(configHostRefusal('audience', 'http://acme.eu.auth0.com/api/v2/', [])).toBeDefined();
  });

  it('lets through what the user allowed: a host on any port, or a host:port exactly', () => {
    expect(configHostRefusal('domain', 'http://127.0.0.1:4010', allowedConfigHosts(['127.0.0.1'], {}))).toBeUndefined();
    expect(configHostRefusal('domain', 'http://127.0.0.1:4010', allowedConfigHosts(['127.0.0.1:4010'], {}))).toBeUndefined();
    expect(configHostRefusal('domain', 'http://127.0.0.1:4011', allowedConfigHosts(['127.0.0.1:4010'], {}))).toBeDefined();
    expect(configHostRefusal('domain', 'login.acme.example', allowedConfigHosts([], { AUTH0_SCAN_ALLOW_CONFIG_HOSTS: ' other.example , LOGIN.acme.example' }))).toBeUndefined();
    expect(configHostRefusal('domain', 'login.acme.example', allowedConfigHosts(['login.acme.example:443'], {}))).toBeUndefined();
    expect(configHostRefusal('domain', 'evil.login.acme.example', allowedConfigHosts(['login.acme.example'], {}))).toBeDefined();
  });

  it.each(['https://login.acme.example', 'login.acme.example/path', 'user@login.acme.example', '*.acme.example', 'a b', 'localhost:99999'])(
    'refuses the allow-list entry %s as a usage error naming where it came from',
    (value) => {
      const flag = inputErrorOf(() => allowedConfigHosts([value], {}));
      expect(flag.code).toBe('USAGE');
      expect(flag.message.startsWith(`--allow-config-host "${value}" is not a host`)).toBe(true);
      const env = inputErrorOf(() => allowedConfigHosts(undefined, { AUTH0_SCAN_ALLOW_CONFIG_HOSTS: value }));
      expect(env.message.startsWith('AUTH0_SCAN_ALLOW_CONFIG_HOSTS ')).toBe(true);
    },
  );
});

describe('the variables a config file may read secrets from', () => {
  it.each([
    ['GITHUB_TOKEN', 'must name a variable that starts with AUTH0_'],
    ['AWS_SECRET_ACCESS_KEY', 'must name a variable that starts with AUTH0_'],
    ['auth0_prod_secret', 'must name a variable that starts with AUTH0_'],
    ['AUTH0_ACCESS_TOKEN', 'must not be AUTH0_ACCESS_TOKEN'],
  ])('refuses client_secret_env: %s at load, naming file, line and dot-path', (name, message) => {
    const { dir, path } = configDir(tenantYaml({ domain: 'acme.eu.auth0.com', client_id: 'x', client_secret_env: name }));
    const err = inputErrorOf(() => loadConfig(undefined, dir));
    expect(err.code).toBe('CONFIG');
    expect(err.where).toBe(`${path}:4`);
    expect(err.message.startsWith(`tenants[0].client_secret_env: ${message}`), err.message).toBe(true);
  });

  it('accepts AUTH0_ names, the scanner\'s own AUTH0_CLIENT_SECRET included', () => {
    for (const name of ['AUTH0_PROD_CLIENT_SECRET', 'AUTH0_CLIENT_SECRET', 'AUTH0_2']) {
      const { dir } = configDir(tenantYaml({ domain: 'acme.eu.auth0.com', client_id: 'x', client_secret_env: name }));
      expect(loadConfig(undefined, dir).config.tenants?.[0]?.client_secret_env).toBe(name);
    }
  });
});

describe('tenantTargets refuses a host the user did not allow, before reading any secret', () => {
  const env = { AUTH0_PROD: 'prod-secret-value-9', GITHUB_TOKEN: 'ghp_not-for-auth0' };

  it.each([
    ['a custom domain', { domain: 'https://login.attacker.example' }, 'domain', 2],
    ['a loopback listener', { domain: 'http://127.0.0.1:4010' }, 'domain', 2],
    ['an audience on another host', { domain: 'acme.eu.auth0.com', audience: 'https://attacker.example/api/v2/' }, 'audience', 3],
  ])('%s: a CONFIG error at the entry\'s line, naming --allow-config-host and no secret', (_why, fields, field, line) => {
    const { dir, path } = configDir(tenantYaml({ ...fields, client_id: 'x', client_secret_env: 'AUTH0_PROD' }));
    const err = inputErrorOf(() => tenantTargets(loadConfig(undefined, dir), undefined, env));
    expect(err.code).toBe('CONFIG');
    expect(err.where).toBe(`${path}:${line}`);
    expect(err.message.startsWith(`tenants[0].${field}: `), err.message).toBe(true);
    expect(err.message).toContain('--allow-config-host');
    expect(err.message).not.toContain(env.AUTH0_PROD);
  });

  it('is checked before the secret variables, so an unset one does not hide it', () => {
    const { dir } = configDir(tenantYaml({ domain: 'https://login.attacker.example', client_id: 'x', client_secret_env: 'AUTH0_UNSET' }));
    expect(inputErrorOf(() => tenantTargets(loadConfig(undefined, dir), undefined, {})).code).toBe('CONFIG');
  });

  it('only judges the tenants --tenant selects', () => {
    const text = `tenants:\n  - name: prod\n    domain: acme.eu.auth0.com\n    client_id: x\n    client_secret_env: AUTH0_PROD\n  - name: mock\n    domain: http://127.0.0.1:4010\n    client_id: y\n    client_secret_env: AUTH0_PROD\n`;
    const loaded = loadConfig(undefined, configDir(text).dir);
    expect(tenantTargets(loaded, ['prod'], env).map((t) => t.label)).toEqual(['prod']);
    expect(inputErrorOf(() => tenantTargets(loaded, undefined, env)).message.startsWith('tenants[1].domain: ')).toBe(true);
    expect(tenantTargets(loaded, undefined, env, ['127.0.0.1']).map((t) => t.label)).toEqual(['prod', 'mock']);
  });
});

describe('the config file\'s single domain', () => {
  it('is validated like --domain at load, naming its line', () => {
    const { dir, path } = configDir('failOn: high\ndomain: https://acme.eu.auth0.com/api/v2\n');
    const err = inputErrorOf(() => loadConfig(undefined, dir));
    expect(err.where).toBe(`${path}:2`);
    expect(err.message.startsWith('domain: "https://acme.eu.auth0.com/api/v2" is not usable')).toBe(true);
  });
});
