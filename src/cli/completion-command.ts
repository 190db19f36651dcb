import type { Command } from 'commander';
import { EXIT } from '../errors.js';
import { commandTree } from './command-tree.js';
import { completionScript, type CompletionShell } from './completion-scripts.js';
import type { Terminal } from './terminal.js';

/** `completion bash|zsh|fish`: a completion script for the program as commander defines it (commands, options, choices). */
export function completionCommand(shell: CompletionShell, program: Command, term: Terminal): number {
  term.stdout(completionScript(shell, commandTree(program)));
  return EXIT.ok;
}
