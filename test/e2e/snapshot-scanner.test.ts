import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jwtClientId } from '../../src/http/jwt-client-id.js';
import { snapshotHeaderSchema } from '../../src/snapshot/snapshot-format.js';
import { describeRun, REPO_ROOT, runCli } from './run-cli.js';
import { makeTempDir, removeTempDir } from './temp-dir.js';

const demo = JSON.parse(readFileSync(join(REPO_ROOT, 'examples', 'demo-tenant.json'), 'utf8')) as { m2m: { client_id: string; client_secret: string }[] };

let dir: string;
beforeAll(() => {
  dir = makeTempDir('scanner');
});
afterAll(() => {
  removeTempDir(dir);
});

const jwt = (payload: object): string => `e30.${Buffer.from(JSON.stringify(payload)).toString('base64url')}.sig`;

describe('the snapshot header names the scanner application', () => {
  it('collect --demo: the header carries the demo m2m client id and no secret', async () => {
    const r = await runCli(['collect', '--demo', '-o', 'demo.ndjson', '--quiet'], { cwd: dir });
    expect(r.code, describeRun(r)).toBe(0);
    const text = readFileSync(join(dir, 'demo.ndjson'), 'utf8');
    const header = snapshotHeaderSchema.parse(JSON.parse(text.slice(0, text.indexOf('\n'))));
    const m2m = demo.m2m[0];
    expect(header.scanner).toEqual({ clientId: m2m?.client_id });
    expect(m2m?.client_secret.length).toBeGreaterThan(20);
    expect(text).not.toContain(m2m?.client_secret);
  });

  it('older snapshots without it still read; a scanner without a client id does not', () => {
    const old = JSON.parse(readFileSync(join(REPO_ROOT, 'test', 'fixtures', 'snapshot-v1-no-scanner.json'), 'utf8')) as object;
    expect(snapshotHeaderSchema.parse(old).scanner).toBeUndefined();
    expect(snapshotHeaderSchema.safeParse({ ...old, scanner: { clientId: '' } }).success).toBe(false);
    expect(snapshotHeaderSchema.safeParse({ ...old, scanner: { clientId: 'x', clientSecret: 'y' } }).success).toBe(false);
  });

  it('a pre-issued token names its application by azp, else by the client-credentials subject; an opaque one by nothing', () => {
    expect(jwtClientId(jwt({ azp: 'abc123', sub: 'other@clients' }))).toBe('abc123');
    expect(jwtClientId(jwt({ sub: 'abc123@clients' }))).toBe('abc123');
    expect(jwtClientId(jwt({ sub: 'auth0|user-1' }))).toBeUndefined();
    expect(jwtClientId('opaque-token')).toBeUndefined();
  });
});
