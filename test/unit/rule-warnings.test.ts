import { describe, expect, it } from 'vitest';
import { loadBuiltinRules } from '../../src/rules/load-rule-set.js';
import { duplicateIds, knownFields, ruleWarnings } from '../../src/rules/rule-warnings.js';
import { ruleFile } from '../builders.js';

describe('rule warnings', () => {
  it('a top-level field no resource of the kind has is a warning with the closest known field', () => {
    const w = ruleWarnings(ruleFile({ assert: { path: 'app_typ', equals: 'spa' } }));
    expect(w).toEqual([{ path: ['assert', 'path'], message: 'no clients resource has a field "app_typ" (did you mean "app_type"?)' }]);
  });

  it('known fields, nested paths of known fields and paths inside quantifiers are not warned about', () => {
    const file = ruleFile({
      where: { all: [{ path: 'app_type', equals: 'spa' }, { path: 'jwt_configuration.alg', equals: 'HS256' }] },
      assert: { path: 'callbacks', every: { path: 'anything_inside', exists: true } },
      requires: ['grant_types'],
    });
    expect(ruleWarnings(file)).toEqual([]);
  });

  it('checks count and lookup against their own kind, requires and message paths against the rule kind', () => {
    const file = ruleFile({
      where: { all: [{ path: 'x', exists: true }, { count: { from: 'users', where: { path: 'emai', exists: true } }, gt: 0 }] },
      assert: { path: 'client_id', lookup: { kind: 'client_grants', key: 'clientid', where: { path: 'scope', exists: true } } },
      requires: ['grant_type'],
      message: 'App {{nam}} fails.',
    });
    expect(ruleWarnings(file).map((w) => w.message)).toEqual([
      'no clients resource has a field "x"',
      'no users resource has a field "emai" (did you mean "email"?)',
      'no client_grants resource has a field "clientid" (did you mean "client_id"?)',
      'no clients resource has a field "grant_type" (did you mean "grant_types"?)',
      'no clients resource has a field "nam" (did you mean "name"?)',
    ]);
  });

  it('in scope collection the kind fields are those inside a quantifier over items', () => {
    const file = ruleFile({ scope: 'collection', assert: { path: 'items', some: { path: 'app_tpye', equals: 'spa' } } });
    expect(ruleWarnings(file)).toEqual([
      { path: ['assert', 'some', 'path'], message: 'no clients resource has a field "app_tpye" (did you mean "app_type"?)' },
    ]);
  });

  it('an unknown {{$var}} in the message is a warning; the engine variables are not', () => {
    const assert = { path: 'app_type', equals: 'spa' };
    expect(ruleWarnings(ruleFile({ assert, message: '{{$id}} {{$name}} {{$count}} {{$sample}} {{$params.max}}' }))).toEqual([]);
    expect(ruleWarnings(ruleFile({ assert, message: 'App {{$nam}} fails.' }))).toEqual([
      { path: ['message'], message: 'unknown template variable {{$nam}} (did you mean "$name"?); known: $id, $name, $count, $sample, $params.X, $tenant.X' },
    ]);
  });

  it('the known fields come from the recorded data plus the joins the collectors add', () => {
    expect(knownFields('users').has('email_verified')).toBe(true);
    expect(knownFields('roles').has('permissions')).toBe(true);
    expect(knownFields('clients').has('email_verified')).toBe(false);
  });

  it('duplicate ids name the later file and the first', () => {
    expect(duplicateIds([{ path: 'a.yaml', id: 'x' }, { path: 'b.yaml', id: 'y' }, { path: 'c.yaml', id: 'x' }])).toEqual([
      { path: 'c.yaml', id: 'x', first: 'a.yaml' },
    ]);
  });

  it('no built-in rule has a warning', () => {
    const rules = loadBuiltinRules();
    expect(rules.length).toBeGreaterThan(80);
    expect(rules.flatMap((r) => ruleWarnings(r.file).map((w) => `${r.file.id}: ${w.message}`))).toEqual([]);
    expect(duplicateIds(rules.map((r) => ({ path: r.path, id: r.file.id })))).toEqual([]);
  });
});
