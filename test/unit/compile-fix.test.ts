import { describe, expect, it } from 'vitest';
import { compileRule } from '../../src/engine/compile-rule.js';
import { createEvaluator } from '../../src/engine/create-evaluator.js';
import type { KindCoverage } from '../../src/model/coverage.js';
import { client, ruleFile, user } from '../builders.js';

const TENANT = { domain: 'acme.auth0.com', mgmtApiIdentifier: 'https://acme.auth0.com/api/v2/' };
const ok = (count: number): KindCoverage => ({ status: 'ok', count });

const implicitFix = ruleFile({
  id: 'fix-implicit',
  assert: { path: 'grant_types', not_contains: 'implicit' },
  params: { maxHours: 168, keep: ['authorization_code'] },
  fix: {
    request: {
      method: 'PATCH',
      path: '/api/v2/clients/{{$id}}',
      body: { grant_types: '{{$params.keep}}', session: '{{$params.maxHours}}', label: 'app {{name}}', callbacks: ['{{$input.callback}}'] },
    },
    terraform: { resource: 'auth0_client', attribute: 'grant_types' },
    inputs: { callback: 'the HTTPS callback the application uses' },
    note: 'Check the application first.',
  },
});

function findings(file = implicitFix, clients = [client({ client_id: 'a|b c', name: "O'Hare", grant_types: ['implicit'] })]) {
  const ev = createEvaluator({ tenant: { domain: TENANT.domain }, now: '2026-01-01T00:00:00Z', resources: { clients }, rules: [{ file }] });
  return ev.finish({ clients: ok(clients.length) }).findings;
}

describe('rule fix templates', () => {
  it('fills the request from the resource and the params, keeping value types, with inputs left as <name>', () => {
    const fix = findings()[0]?.fix;
    expect(fix?.request).toEqual({
      method: 'PATCH',
      path: '/api/v2/clients/a%7Cb%20c',
      body: { grant_types: ['authorization_code'], session: 168, label: "app O'Hare", callbacks: ['<callback>'] },
    });
    expect(fix?.inputs).toEqual({ callback: 'the HTTPS callback the application uses' });
    expect(fix?.terraform).toEqual({ resource: 'auth0_client', attribute: 'grant_types' });
    expect(fix?.note).toBe('Check the application first.');
  });

  it('derives the auth0 CLI command, quoted for a POSIX shell', () => {
    const cli = findings()[0]?.fix?.cli ?? '';
    expect(cli.startsWith("auth0 api patch clients/a%7Cb%20c --data '")).toBe(true);
    // The apostrophe in the name is closed, escaped and reopened: the command is one shell word.
    expect(cli).toContain(`O'\\''Hare`);
  });

  it('refuses an unknown placeholder or an undeclared input when the rule loads', () => {
    const bad = ruleFile({ fix: { request: { method: 'PATCH', path: '/api/v2/clients/{{$nope}}', body: { a: '{{$input.x}}' } } } });
    const result = compileRule(bad, TENANT);
    expect(result.rule).toBeUndefined();
    expect(result.issues.map((i) => i.path.join('.'))).toEqual(['fix.request.path', 'fix.request.body.a']);
  });

  it('requires a request or a note, and a Management API path', () => {
    expect(() => ruleFile({ fix: { terraform: { resource: 'auth0_client', attribute: 'x' } } })).toThrow(/request, or a note/);
    expect(() => ruleFile({ fix: { request: { method: 'PATCH', path: 'https://evil.example/x' } } })).toThrow(/\/api\/v2\//);
  });

  it('gives a summary finding (users) an {id} slot instead of the kind name', () => {
    const dormant = ruleFile({
      id: 'fix-users',
      resource: 'users',
      assert: { path: 'blocked', equals: true },
      fix: { request: { method: 'PATCH', path: '/api/v2/users/{{$id}}', body: { blocked: true } } },
    });
    const ev = createEvaluator({ tenant: { domain: 'd' }, now: '2026-01-01T00:00:00Z', resources: {}, rules: [{ file: dormant }] });
    ev.add('users', user({ user_id: 'auth0|1' }));
    const f = ev.finish({ users: ok(1) }).findings[0];
    expect(f?.fix?.request?.path).toBe('/api/v2/users/{id}');
    expect(f?.sample).toEqual(['auth0|1']);
  });

  it('leaves findings without a fix block without one', () => {
    const plain = ruleFile({ id: 'no-fix', assert: { path: 'grant_types', not_contains: 'implicit' } });
    expect(findings(plain)[0]?.fix).toBeUndefined();
  });
});
