import { describe, expect, it } from 'vitest';
import type { ExportItem, ExportSections } from '../../src/iac/export-types.js';
import { keywordMappings, markUnresolved, replaceKeywords } from '../../src/iac/keyword-replace.js';
import { mapExport, NOT_IN_EXPORT } from '../../src/iac/map-export.js';
import { InputError } from '../../src/errors.js';

const item = (data: Record<string, unknown>, line = 1): ExportItem => ({ data, at: { file: 'tenant.yaml', line } });
const exportOf = (sections: Record<string, Record<string, unknown>[]>): ExportSections => ({
  root: 'tenant.yaml',
  sections: new Map(Object.entries(sections).map(([k, v]) => [k, v.map((d, i) => item(d, i + 1))])),
});

describe('deploy-cli keyword replacement', () => {
  it('replaces ##KEY## as text and @@KEY@@ (quoted or not) as JSON, and leaves unknown keys parseable', () => {
    const m = new Map<string, unknown>([['HOST', 'acme.example'], ['LIST', ['a', 'b']]]);
    expect(replaceKeywords('url: "https://##HOST##/cb"', m)).toBe('url: "https://acme.example/cb"');
    expect(replaceKeywords('cbs: @@LIST@@', m)).toBe('cbs: ["a","b"]');
    expect(replaceKeywords('"cbs": "@@LIST@@"', m)).toBe('"cbs": ["a","b"]');
    expect(replaceKeywords('cbs: @@NOPE@@', m)).toBe('cbs: "@@NOPE@@"');
    expect(replaceKeywords('"cbs": "@@NOPE@@"', m)).toBe('"cbs": "@@NOPE@@"');
  });

  it('marks what stays unresolved so no rule judges it, without listing deploy-cli secret markers', () => {
    const found: string[] = [];
    const out = markUnresolved({ a: '##CALLBACK##', b: ['x', '@@L@@'], s: '##CONNECTIONS_OAUTH2_SECRET##', ok: 'plain' }, '', found);
    expect(out).toEqual({ a: { unresolved: '##CALLBACK##' }, b: ['x', { unresolved: '@@L@@' }], s: { unresolved: '##CONNECTIONS_OAUTH2_SECRET##' }, ok: 'plain' });
    expect(found).toEqual(['a', 'b.1']);
  });

  it('takes --keyword over AUTH0_KEYWORD_REPLACE_MAPPINGS, JSON values as JSON, and refuses malformed input', () => {
    expect(keywordMappings(['A=1', 'B=x'], '{"A": 0, "C": [1]}')).toEqual(new Map<string, unknown>([['A', 1], ['C', [1]], ['B', 'x']]));
    expect(() => keywordMappings(['nokey'], undefined)).toThrow(InputError);
    expect(() => keywordMappings([], '[1]')).toThrow(/JSON object/);
  });
});

describe('mapping a deploy-cli export to the rule kinds', () => {
  it('resolves names to ids, treats an absent enabled_clients as none, and names grants by client and audience', () => {
    const m = mapExport(
      exportOf({
        clients: [{ name: 'web', app_type: 'spa' }],
        clientGrants: [{ client_id: 'web', audience: 'https://t.eu.auth0.com/api/v2/', scope: ['read:users'] }],
        databases: [{ name: 'db' }],
        organizations: [{ name: 'org', connections: [{ name: 'db', assign_membership_on_login: true }] }],
      }),
    );
    expect(m.domain).toBe('t.eu.auth0.com');
    expect(m.resources.client_grants?.[0]).toMatchObject({ id: 'web → https://t.eu.auth0.com/api/v2/', client_id: 'web' });
    expect(m.resources.connections?.[0]).toMatchObject({ id: 'db', strategy: 'auth0', enabled_clients: [] });
    expect(m.resources.organizations?.[0]?.['enabled_connections']).toEqual([{ name: 'db', assign_membership_on_login: true, connection_id: 'db', connection: { name: 'db', strategy: 'auth0' } }]);
  });

  it('names a resource by a placeholder no keyword resolved as written, while its field stays not judged', () => {
    const m = mapExport(
      exportOf({
        clients: [{ name: 'm2m' }],
        resourceServers: [{ name: 'My API', identifier: 'https://##ENV##.myapp.com/api/v1' }],
        clientGrants: [{ client_id: 'm2m', audience: 'https://##ENV##.myapp.com/api/v1', scope: ['read:x'] }],
      }),
    );
    expect(m.resources.resource_servers?.[0]).toMatchObject({ id: 'https://##ENV##.myapp.com/api/v1', identifier: { unresolved: 'https://##ENV##.myapp.com/api/v1' } });
    expect(m.resources.client_grants?.[0]?.['id']).toBe('m2m → https://##ENV##.myapp.com/api/v1');
    expect(JSON.stringify(m.resources)).not.toContain('[object Object]');
  });

  it('does not take another URL ending in /api/v2/ for the Management API', () => {
    expect(mapExport(exportOf({ clientGrants: [{ audience: 'https://api.acme.example/api/v2/' }] })).domain).toBeUndefined();
  });

  it('evaluates an empty section, and says an absent one or one no export holds is not in it', () => {
    const m = mapExport(exportOf({ rules: [], tenant: [{ session_lifetime_in_minutes: 600 }] }));
    expect(m.coverage.rules).toEqual({ status: 'ok', count: 0 });
    expect(m.coverage.hooks).toEqual({ status: 'unavailable', count: 0, detail: NOT_IN_EXPORT });
    expect(m.coverage.users).toEqual({ status: 'unavailable', count: 0, detail: NOT_IN_EXPORT });
    expect(m.resources.tenant?.[0]?.['session_lifetime']).toBe(10);
  });

  it('refuses a binding or an enabled client that names nothing, naming the file and line', () => {
    const bad = exportOf({ clients: [{ name: 'web' }], connections: [{ name: 'c', strategy: 'github', enabled_clients: ['web', 'ghost'] }] });
    expect(() => mapExport(bad)).toThrow(expect.objectContaining({ message: 'enabled_clients.1: "ghost" names no client in the export' }));
  });
});
