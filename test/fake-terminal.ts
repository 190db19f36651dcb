import type { Terminal } from '../src/cli/terminal.js';

export interface FakeTerminal extends Terminal {
  out: string;
  err: string;
}

/** A Terminal that records what a command writes, for in-process CLI tests. */
export function fakeTerminal(cwd: string, env: Record<string, string> = {}): FakeTerminal {
  const t: FakeTerminal = {
    out: '',
    err: '',
    stdout: (s) => {
      t.out += s;
    },
    stderr: (s) => {
      t.err += s;
    },
    stdoutIsTTY: false,
    stderrIsTTY: false,
    env,
    cwd,
  };
  return t;
}
