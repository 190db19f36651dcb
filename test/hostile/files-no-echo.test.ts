import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { unknownKeys } from '../../src/rules/format-issue.js';
import { runCli } from '../e2e/run-cli.js';

const SECRET = 'SECRETHASH-7f3a9c';
const dir = mkdtempSync(join(tmpdir(), 'auth0-scan-echo-'));
const shadow = join(dir, 'shadow');
writeFileSync(shadow, `root:$6$${SECRET}:19000:0:99999:7:::\ndaemon:*:19000:0:99999:7:::\n`);

describe('a file given by mistake is never echoed into an error', () => {
  for (const flag of ['--config', '--ignore-file']) {
    it(`${flag} /etc/shadow-like file: one line, no content`, async () => {
      const r = await runCli(['scan', '--demo', flag, shadow], { cwd: dir });
      expect(r.code).toBe(2);
      expect(r.stderr).not.toContain(SECRET);
      expect(r.stderr).not.toContain('root:');
      expect(r.stderr).toContain('is this the right file?');
    });
  }

  it('still names keys that look like names, a few at most', () => {
    expect(unknownKeys(['colour'])).toBe('unknown key "colour"');
    expect(unknownKeys(['a', 'b', 'c', 'd', 'e'])).toBe('unknown keys "a", "b", "c", 2 more');
    expect(unknownKeys(['ok', `root:${SECRET}`])).toBe('unknown keys "ok", 1 that is not a key name (is this the right file?)');
  });
});
