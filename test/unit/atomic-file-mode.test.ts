import { mkdtempSync, statSync, writeFileSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SnapshotWriter } from '../../src/snapshot/snapshot-writer.js';
import { writeFileAtomic } from '../../src/util/atomic-file.js';

const dir = mkdtempSync(join(tmpdir(), 'auth0-scan-mode-'));
const modeOf = (path: string) => statSync(path).mode & 0o777;

describe('file modes', () => {
  let saved: number;
  beforeEach(() => {
    saved = process.umask(0o022);
  });
  afterEach(() => {
    process.umask(saved);
  });

  it('a report follows the umask: 0644 under 022, 0640 under 027', () => {
    const path = join(dir, 'report.json');
    writeFileAtomic(path, '{}');
    expect(modeOf(path)).toBe(0o644);
    process.umask(0o027);
    const other = join(dir, 'report.sarif');
    writeFileAtomic(other, '{}');
    expect(modeOf(other)).toBe(0o640);
  });

  it('a report replacing an owner-only file gets the umask mode too', () => {
    const path = join(dir, 'old.json');
    writeFileSync(path, 'old');
    chmodSync(path, 0o600);
    writeFileAtomic(path, '{}');
    expect(modeOf(path)).toBe(0o644);
  });

  it('a snapshot stays 0600 whatever the umask', async () => {
    const path = join(dir, 'tenant.ndjson');
    const w = new SnapshotWriter(path);
    await w.begin({ format: 'auth0-scan-snapshot', version: 1, tool: { name: 'auth0-scan', version: '0.0.0' }, tenant: { domain: 'a.auth0.com' }, collectedAt: '2026-01-01T00:00:00Z', source: 'demo' });
    await w.end({});
    expect(modeOf(path)).toBe(0o600);
  });
});
