import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { diffSnapshots } from '../../src/diff/diff-snapshots.js';
import { diffValues, formatPath } from '../../src/diff/diff-values.js';
import { renderSnapshotDiffMarkdown } from '../../src/diff/render-snapshot-diff-markdown.js';
import { renderSnapshotDiffText } from '../../src/diff/render-snapshot-diff-text.js';
import { STREAMED_SAMPLE_SIZE } from '../../src/diff/snapshot-compare-sink.js';

type Rec = { kind: string; data: Record<string, unknown> };

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'auth0-scan-diff-'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

let files = 0;
function snapshot(records: Rec[], coverage: Record<string, string> = {}, options: { gzip?: boolean; domain?: string } = {}): string {
  const header = { format: 'auth0-scan-snapshot', version: 1, tool: { name: 'auth0-scan', version: '0.1.0' }, tenant: { domain: options.domain ?? 'acme.eu.auth0.com' }, collectedAt: '2026-01-01T00:00:00Z' };
  // The end record counts what the file holds (the reader checks it): every kind with records is in it.
  const counts = new Map<string, number>();
  for (const r of records) counts.set(r.kind, (counts.get(r.kind) ?? 0) + 1);
  const kinds = new Set([...Object.keys(coverage), ...counts.keys()]);
  const cov = Object.fromEntries([...kinds].map((k) => [k, { status: coverage[k] ?? 'ok', count: counts.get(k) ?? 0 }]));
  const text = [header, ...records, { end: true, coverage: cov }].map((l) => JSON.stringify(l)).join('\n') + '\n';
  const path = join(dir, `s${++files}.ndjson${options.gzip ? '.gz' : ''}`);
  writeFileSync(path, options.gzip ? gzipSync(text) : text);
  return path;
}

const client = (over: Record<string, unknown> = {}): Rec => ({
  kind: 'clients',
  data: { client_id: 'c1', name: 'Portal', grant_types: ['authorization_code'], jwt_configuration: { alg: 'RS256', lifetime_in_seconds: 36000 }, client_secret: '[REDACTED]', ...over },
});
const users = (ids: string[]): Rec[] => ids.map((id) => ({ kind: 'users', data: { user_id: id, email: `${id}@example.com` } }));
const SECRET_IN_CODE = 'sk_live_DIFF_SHOULD_NEVER_PRINT';

describe('diffValues', () => {
  it('walks objects by key, compares arrays and scalars whole, and sorts by path', () => {
    const changes = diffValues(
      { a: 1, nested: { x: 'old', keep: true }, list: ['p', 'q'], gone: 1 },
      { a: 1, nested: { x: 'new', keep: true, extra: null }, list: ['q', 'r'], fresh: [1] },
    );
    expect(changes).toEqual([
      { path: 'fresh', change: 'added', after: [1] },
      { path: 'gone', change: 'removed', before: 1 },
      { path: 'list', change: 'changed', before: ['p', 'q'], after: ['q', 'r'], addedItems: ['r'], removedItems: ['p'] },
      { path: 'nested.extra', change: 'added', after: null },
      { path: 'nested.x', change: 'changed', before: 'old', after: 'new' },
    ]);
  });

  it('hides values under secret-like keys and code, but walks settings objects with such names', () => {
    const changes = diffValues(
      { client_secret: 'a', options: { password: 'p', configuration: { DB: 'x' } }, code: 'old', refresh_token: { rotation_type: 'rotating' } },
      { client_secret: 'b', options: { password: 'q', configuration: { DB: 'y' } }, code: SECRET_IN_CODE, refresh_token: { rotation_type: 'non-rotating' } },
    );
    expect(changes).toEqual([
      { path: 'client_secret', change: 'changed', hidden: true },
      { path: 'code', change: 'changed', hidden: true },
      { path: 'options.configuration.DB', change: 'changed', hidden: true },
      { path: 'options.password', change: 'changed', hidden: true },
      { path: 'refresh_token.rotation_type', change: 'changed', before: 'rotating', after: 'non-rotating' },
    ]);
  });

  it('quotes keys that are not plain identifiers', () => {
    expect(formatPath(['options', 'a.b', 'c d'])).toBe('options["a.b"]["c d"]');
    expect(formatPath([])).toBe('(whole resource)');
  });
});

describe('diffSnapshots', () => {
  it('lists changed fields per resource, added and removed resources, by kind then id', async () => {
    const a = snapshot([
      { kind: 'tenant', data: { session_lifetime: 168, flags: { enable_sso: true } } },
      client(),
      { kind: 'roles', data: { id: 'rol_old', name: 'Old role' } },
      { kind: 'actions', data: { id: 'act1', name: 'Hook', code: 'exports.x = 1', runtime: 'node18' } },
    ]);
    const b = snapshot([
      { kind: 'tenant', data: { session_lifetime: 720, flags: { enable_sso: true } } },
      client({ grant_types: ['authorization_code', 'implicit'], jwt_configuration: { alg: 'HS256', lifetime_in_seconds: 36000 } }),
      { kind: 'clients', data: { client_id: 'c2', name: 'New app' } },
      { kind: 'actions', data: { id: 'act1', name: 'Hook', code: `const k = "${SECRET_IN_CODE}"`, runtime: 'node18' } },
    ]);
    const diff = await diffSnapshots(a, b);
    expect(diff.changed.map((r) => [r.kind, r.id, r.fields.map((f) => f.path)])).toEqual([
      ['tenant', 'tenant', ['session_lifetime']],
      ['clients', 'c1', ['grant_types', 'jwt_configuration.alg']],
      ['actions', 'act1', ['code']],
    ]);
    expect(diff.added).toEqual([{ kind: 'clients', id: 'c2', name: 'New app' }]);
    expect(diff.removed).toEqual([{ kind: 'roles', id: 'rol_old', name: 'Old role' }]);
    expect(diff.streamed).toEqual([]);

    const text = renderSnapshotDiffText(diff);
    expect(text).toContain('~ clients/Portal (c1)\n    grant_types: +"implicit"\n    jwt_configuration.alg: "RS256" → "HS256"');
    expect(text).toContain('~ tenant\n    session_lifetime: 168 → 720');
    expect(text).toContain('    code: changed (value hidden)');
    expect(text).toContain('Added (1)\n+ clients/New app (c2)');
    expect(text).toContain('Removed (1)\n- roles/Old role (rol_old)');
    const md = renderSnapshotDiffMarkdown(diff);
    expect(md).toContain('| clients/Portal (c1) | `jwt_configuration.alg` | "RS256" → "HS256" |');
    for (const out of [text, md, JSON.stringify(diff)]) expect(out).not.toContain(SECRET_IN_CODE);
  });

  it('compares users by id only: exact counts, bounded sorted samples', async () => {
    const oldIds = Array.from({ length: 3000 }, (_, i) => `auth0|${String(i).padStart(5, '0')}`);
    // NEW drops the first 100 and adds 250, in reverse order (samples must not depend on arrival order).
    const newIds = [...oldIds.slice(100), ...Array.from({ length: 250 }, (_, i) => `auth0|n${String(i).padStart(4, '0')}`)].reverse();
    const diff = await diffSnapshots(snapshot([client(), ...users(oldIds)]), snapshot([client(), ...users(newIds)]));
    expect(diff.changed).toEqual([]);
    expect(diff.streamed).toHaveLength(1);
    const u = diff.streamed[0];
    expect(u).toMatchObject({ kind: 'users', before: 3000, after: 3150, added: 250, removed: 100 });
    expect(u?.removedSample).toEqual(oldIds.slice(0, STREAMED_SAMPLE_SIZE));
    expect(u?.addedSample).toHaveLength(STREAMED_SAMPLE_SIZE);
    expect(u?.addedSample[0]).toBe('auth0|n0000');
    expect(renderSnapshotDiffText(diff)).toContain('users: 3000 → 3150 (+250, −100; compared by id only)\n  added: auth0|n0000, ');
  });

  it('reports coverage changes and reads gzip snapshots', async () => {
    const a = snapshot([client()], { clients: 'ok', log_streams: 'ok' });
    const b = snapshot([client()], { clients: 'ok', log_streams: 'forbidden', roles: 'ok' }, { gzip: true });
    const diff = await diffSnapshots(a, b);
    expect(diff.coverage).toEqual([
      { kind: 'roles', after: 'ok' },
      { kind: 'log_streams', before: 'ok', after: 'forbidden' },
    ]);
    expect(renderSnapshotDiffText(diff)).toContain('Coverage\n  roles: not collected → ok\n  log_streams: ok → forbidden');
  });

  it('says so when the snapshots hold the same configuration', async () => {
    const diff = await diffSnapshots(snapshot([client(), ...users(['u1'])]), snapshot([client(), ...users(['u1'])]));
    expect(diff).toMatchObject({ added: [], removed: [], changed: [], coverage: [] });
    expect(renderSnapshotDiffText(diff)).toContain('No configuration changes.');
    expect(renderSnapshotDiffMarkdown(diff)).toContain('No configuration changes.');
  });

  it('keeps hostile names from breaking the Markdown table or the terminal', async () => {
    const diff = await diffSnapshots(snapshot([client()]), snapshot([client({ name: '<script>x</script> | @team\u001b[2J' })]));
    const md = renderSnapshotDiffMarkdown(diff);
    expect(md).not.toMatch(/(^|[^\\])<script/);
    expect(md).toContain('\\| @\u200bteam');
    expect(renderSnapshotDiffText(diff)).not.toContain('\u001b');
  });
});
