import type { Command } from 'commander';

export interface OptionNode {
  /** `--domain`, `--no-color`. */
  long?: string;
  /** `-o`. */
  short?: string;
  description: string;
  /** The option takes a value (`--output <file>`). */
  takesValue: boolean;
  choices?: readonly string[];
}

export interface CommandNode {
  name: string;
  description: string;
  options: OptionNode[];
  /** The values its arguments take from a fixed list (`completion bash|zsh|fish`). */
  argumentChoices: readonly string[];
  /** It takes arguments that are not from a fixed list (file names: `diff <old> <new>`). */
  freeArguments: boolean;
  commands: CommandNode[];
}

/** The commands and options commander knows, as plain data for the completion scripts (help and version included). */
export function commandTree(cmd: Command): CommandNode {
  const options: OptionNode[] = cmd.options
    .filter((o) => !o.hidden)
    .map((o) => ({
      ...(o.long === undefined ? {} : { long: o.long }),
      ...(o.short === undefined ? {} : { short: o.short }),
      description: o.description,
      takesValue: o.required || o.optional,
      ...(o.argChoices === undefined ? {} : { choices: o.argChoices }),
    }));
  options.push({ long: '--help', short: '-h', description: 'display help for command', takesValue: false });
  const argumentChoices = cmd.registeredArguments.flatMap((a) => a.argChoices ?? []);
  const freeArguments = cmd.registeredArguments.some((a) => a.argChoices === undefined);
  return { name: cmd.name(), description: cmd.description(), options, argumentChoices, freeArguments, commands: cmd.commands.map(commandTree) };
}

/** Every command with the words that lead to it (`[]` for the program, `['rules', 'list']`), parents first. */
export function commandPaths(root: CommandNode): { path: string[]; node: CommandNode }[] {
  const out: { path: string[]; node: CommandNode }[] = [];
  const walk = (node: CommandNode, path: string[]): void => {
    out.push({ path, node });
    for (const c of node.commands) walk(c, [...path, c.name]);
  };
  walk(root, []);
  return out;
}

/** The words offered after a command: its subcommands, its arguments' fixed values, then its flags. */
export function completionWords(node: CommandNode): string[] {
  return [...node.commands.map((c) => c.name), ...node.argumentChoices, ...node.options.flatMap((o) => [o.long, o.short].filter((f): f is string => f !== undefined))];
}
