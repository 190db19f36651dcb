import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeRun, REPO_ROOT, runCli } from './run-cli.js';
import { makeTempDir, removeTempDir } from './temp-dir.js';

type DemoUser = Record<string, unknown>;
const users = (JSON.parse(readFileSync(join(REPO_ROOT, 'examples', 'demo-tenant.json'), 'utf8')) as { users: DemoUser[] }).users;
const PERSONAL = ['email', 'name', 'nickname', 'phone_number', 'given_name', 'family_name', 'picture', 'last_ip'];
/** Every person-identifying value of the demo users, as it would appear in JSON. */
const valuesOf = (fields: readonly string[]): string[] =>
  users.flatMap((u) => fields.map((f) => u[f]).filter((v): v is string => typeof v === 'string' && v.length > 3)).map((v) => JSON.stringify(v));

let dir: string;
beforeAll(() => {
  dir = makeTempDir('keep-pii');
});
afterAll(() => removeTempDir(dir));

describe('what a demo snapshot keeps of users', () => {
  it('by default: no email, name, nickname, phone, picture or IP of any demo user', async () => {
    const r = await runCli(['collect', '--demo', '-o', 'plain.ndjson', '--quiet'], { cwd: dir });
    expect(r.code, describeRun(r)).toBe(0);
    const text = readFileSync(join(dir, 'plain.ndjson'), 'utf8');
    const values = valuesOf(PERSONAL);
    expect(values.length).toBeGreaterThan(users.length * 3);
    expect(values.filter((v) => text.includes(v))).toEqual([]);
    // The facts the rules judge stay: ids, verification, and whether there is an email.
    const first = text.split('\n').map((l) => JSON.parse(l || 'null') as { kind?: string; data?: DemoUser } | null).find((l) => l?.kind === 'users');
    expect(first?.data).toMatchObject({ user_id: users[0]?.['user_id'], email: '[REDACTED]', email_verified: true });
  });

  it('with --keep-pii: name, email, nickname (and phone) kept and listed in the redaction record; pictures and IPs still not', async () => {
    const r = await runCli(['collect', '--demo', '--keep-pii', '-o', 'pii.ndjson', '--quiet'], { cwd: dir });
    expect(r.code, describeRun(r)).toBe(0);
    const text = readFileSync(join(dir, 'pii.ndjson'), 'utf8');
    const kept = valuesOf(['email', 'name', 'nickname', 'phone_number']);
    expect(kept.filter((v) => !text.includes(v))).toEqual([]);
    expect(valuesOf(['picture', 'last_ip']).filter((v) => text.includes(v))).toEqual([]);
    const header = JSON.parse(text.slice(0, text.indexOf('\n'))) as { redaction: { paths: { users: string[] } } };
    expect(header.redaction.paths.users).toEqual(expect.arrayContaining(['email', 'name', 'nickname', 'phone_number']));
  });

  it('the example snapshot shipped in examples/ holds none of them either', () => {
    const text = readFileSync(join(REPO_ROOT, 'examples', 'demo-snapshot.ndjson'), 'utf8');
    expect(valuesOf(PERSONAL).filter((v) => text.includes(v))).toEqual([]);
  });
});
