import type { Terminal } from './terminal.js';

/**
 * The same terminal with every stderr line prefixed by `[label] `, so the --verbose logs of tenants collected at the
 * same time can be told apart. stdout is left alone: only the report goes there.
 */
export function prefixedTerminal(term: Terminal, label: string): Terminal {
  const prefix = `[${label}] `;
  return {
    ...term,
    stderr: (text) => term.stderr(text.replace(/^(?=[^\n])/gm, prefix)),
  };
}
