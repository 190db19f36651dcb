import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { loadRuleFile } from '../../src/rules/load-rule-file.js';

const dir = mkdtempSync(join(tmpdir(), 'auth0-scan-rules-'));
const HEAD = `id: my-rule
version: 1
title: T
severity: high
category: c
description: d
rationale: r
remediation: x
resource: clients
message: m
`;

function loadError(name: string, text: string): InputError {
  const path = join(dir, name);
  writeFileSync(path, text);
  try {
    loadRuleFile(path);
  } catch (err) {
    if (err instanceof InputError) return err;
    throw err;
  }
  throw new Error('expected a load error');
}

describe('rule file loading errors name file, line and dot-path in one sentence', () => {
  it('YAML syntax error', () => {
    const e = loadError('syntax.yaml', `${HEAD}assert: { path: a, equals: [1 }\n`);
    expect(e.code).toBe('RULE_FILE');
    expect(e.where).toMatch(/syntax\.yaml:11$/);
    expect(e.message).toMatch(/^syntax error/);
  });
  it('unknown operator', () => {
    const e = loadError('op.yaml', `${HEAD}assert:\n  all:\n    - { path: a, equals: 1 }\n    - { path: b, is_bad: 2 }\n`);
    expect(e.where).toMatch(/op\.yaml:14$/);
    expect(e.message).toBe('assert.all[1]: unknown key "is_bad"');
  });
  it('two operators in one leaf', () => {
    const e = loadError('two.yaml', `${HEAD}assert: { path: a, equals: 1, exists: true }\n`);
    expect(e.message).toMatch(/^assert: a condition takes one operator, found equals and exists/);
  });
  it('missing required field', () => {
    const e = loadError('missing.yaml', HEAD.replace('severity: high\n', '') + 'assert: { path: a, exists: true }\n');
    expect(e.message).toMatch(/^severity: /);
  });
  it('wrong severity value', () => {
    const e = loadError('sev.yaml', HEAD.replace('severity: high', 'severity: urgent') + 'assert: { path: a, exists: true }\n');
    expect(e.where).toMatch(/sev\.yaml:4$/);
    expect(e.message).toMatch(/^severity: /);
  });
  it('__proto__ path', () => {
    const e = loadError('proto.yaml', `${HEAD}assert: { path: __proto__.polluted, exists: true }\n`);
    expect(e.message).toBe('assert.path: path "__proto__.polluted" may not use "__proto__"');
  });
  it('bad regex', () => {
    const e = loadError('re.yaml', `${HEAD}assert: { path: a, matches: "(a|" }\n`);
    expect(e.where).toMatch(/re\.yaml:11$/);
    expect(e.message).toMatch(/^assert\.matches: invalid regular expression/);
  });
  it('undeclared param', () => {
    const e = loadError('param.yaml', `${HEAD}assert: { path: a, gt: $params.max }\n`);
    expect(e.message).toMatch(/unknown reference \$params\.max/);
  });
  it('unknown placeholder in message', () => {
    const e = loadError('msg.yaml', HEAD.replace('message: m', 'message: "{{$params.x}}"') + 'assert: { path: a, exists: true }\n');
    expect(e.message).toMatch(/^message: unknown placeholder/);
  });
  it('count over users is refused (users are streamed)', () => {
    const e = loadError('count.yaml', `${HEAD}assert: { count: { from: users }, gt: 0 }\n`);
    expect(e.message).toMatch(/count cannot read users/);
  });
  it('per-user findings are refused', () => {
    const e = loadError('scope.yaml', HEAD.replace('resource: clients', 'resource: users') + 'scope: each\nassert: { path: a, exists: true }\n');
    expect(e.message).toMatch(/^scope: rules over users must use scope summary/);
  });
  it('a test case without a resource', () => {
    const e = loadError('tests.yaml', `${HEAD}assert: { path: a, exists: true }\ntests:\n  - { name: x, expect: fail }\n`);
    expect(e.where).toMatch(/tests\.yaml:13$/);
    expect(e.message).toMatch(/needs a resource/);
  });
  it('YAML tags and duplicate keys are refused', () => {
    expect(loadError('tag.yaml', `${HEAD}assert: !!js/function "x"\n`).message).toMatch(/syntax error|assert/);
    expect(loadError('dup.yaml', `${HEAD}message: again\nassert: { path: a, exists: true }\n`).message).toMatch(/syntax error/);
  });
  it('a file that is not a mapping', () => {
    expect(loadError('list.yaml', '- 1\n- 2\n').message).toMatch(/one mapping/);
  });
  it('JSON rule files load with the same checks', () => {
    const e = loadError('r.json', JSON.stringify({ id: 'Bad Id' }, null, 2));
    expect(e.where).toMatch(/r\.json:2$/);
    expect(e.message).toMatch(/^id: expected a kebab-case id/);
  });
});

describe('shared patterns', () => {
  it('expand $patterns.NAME and report unknown names with their line', () => {
    const e = loadError('pat.yaml', `${HEAD}assert: { path: code, not_matches: $patterns.nope }\n`);
    expect(e.where).toMatch(/pat\.yaml:11$/);
    expect(e.message).toBe('assert.not_matches: unknown shared pattern $patterns.nope (see rules/patterns.yaml)');
    const path = join(dir, 'pat-ok.yaml');
    writeFileSync(path, `${HEAD}assert: { path: code, not_matches: $patterns.hardcodedSecret }\n`);
    const rule = loadRuleFile(path);
    expect(rule.file.assert).toMatchObject({ not_matches: expect.stringContaining('AKIA') });
  });
});
