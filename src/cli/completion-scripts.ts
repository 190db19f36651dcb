import { commandPaths, completionWords, type CommandNode, type OptionNode } from './command-tree.js';

export const COMPLETION_SHELLS = ['bash', 'zsh', 'fish'] as const;
export type CompletionShell = (typeof COMPLETION_SHELLS)[number];

/** A shell-safe function name for the program (`auth0-scan` → `_auth0_scan`). */
function functionName(program: string): string {
  return `_${program.replace(/[^A-Za-z0-9]/g, '_')}`;
}

/** Single-quoted for bash and zsh: the text cannot end the quote. */
function shQuote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

/** Single-quoted for fish, where a backslash escapes inside single quotes too. */
function fishQuote(text: string): string {
  return `'${text.replace(/[\\']/g, '\\$&')}'`;
}

/**
 * `case` branches on the previous word: a flag with a fixed list of values offers those (`choices`); the other flags
 * that take a value share one branch offering file names (`files`), never the command's flags.
 */
function valueBranches(node: CommandNode, indent: string, choices: (words: string[]) => string, files: string): string[] {
  const pattern = (o: OptionNode) => [o.long, o.short].filter((f): f is string => f !== undefined).map(shQuote).join('|');
  const withChoices = node.options.flatMap((o) => (o.choices ? [`${indent}${pattern(o)}) ${choices([...o.choices])} ;;`] : []));
  const free = node.options.filter((o) => o.takesValue && !o.choices).map(pattern);
  return free.length === 0 ? withChoices : [...withChoices, `${indent}${free.join('|')}) ${files} ;;`];
}

/** The steps shared by bash and zsh: find the command path from the words typed so far. */
function pathFinder(paths: readonly string[], words: string, from: number, to: string): string[] {
  const known = paths.filter((p) => p !== '').map((p) => shQuote(` ${p}`)).join('|');
  return [
    '  local cmdpath="" word i',
    `  for ((i = ${from}; i < ${to}; i++)); do`,
    `    word="${words}[i]}"`,
    '    case "$word" in -*) continue ;; esac',
    '    case "$cmdpath $word" in',
    `      ${known}) cmdpath="$cmdpath $word" ;;`,
    '    esac',
    '  done',
  ];
}

export function bashCompletion(root: CommandNode): string {
  const fn = functionName(root.name);
  const all = commandPaths(root);
  const lines = [
    `# bash completion for ${root.name}: source it, e.g. \`source <(${root.name} completion bash)\` in ~/.bashrc`,
    `${fn}() {`,
    '  local cur="${COMP_WORDS[COMP_CWORD]}" prev="${COMP_WORDS[COMP_CWORD-1]}"',
    ...pathFinder(all.map((p) => p.path.join(' ')), '${COMP_WORDS', 1, 'COMP_CWORD'),
    '  local words=""',
    '  case "$cmdpath" in',
  ];
  for (const { path, node } of all) {
    lines.push(`    ${shQuote(path.length === 0 ? '' : ` ${path.join(' ')}`)})`);
    // No reply for a file-taking flag: `-o default` then completes file names.
    const branches = valueBranches(node, '        ', (w) => `COMPREPLY=($(compgen -W ${shQuote(w.join(' '))} -- "$cur")); return`, 'COMPREPLY=(); return');
    if (branches.length > 0) lines.push('      case "$prev" in', ...branches, '      esac');
    // A word that is not a flag is one of its file arguments: no reply, so `-o default` completes file names.
    if (node.freeArguments) lines.push('      [[ "$cur" == -* ]] || { COMPREPLY=(); return; }');
    lines.push(`      words=${shQuote(completionWords(node).join(' '))} ;;`);
  }
  lines.push(
    '  esac',
    '  COMPREPLY=($(compgen -W "$words" -- "$cur"))',
    '}',
    // -o default: file names when nothing matches (paths for -o, --snapshot, diff's reports, ...).
    `complete -o default -F ${fn} ${root.name}`,
    '',
  );
  return lines.join('\n');
}

export function zshCompletion(root: CommandNode): string {
  const fn = functionName(root.name);
  const all = commandPaths(root);
  const lines = [
    `#compdef ${root.name}`,
    `# zsh completion for ${root.name}: put it in a directory of $fpath as ${fn}, or \`source <(${root.name} completion zsh)\``,
    `${fn}() {`,
    '  local prev="${words[CURRENT-1]}"',
    ...pathFinder(all.map((p) => p.path.join(' ')), '${words', 2, 'CURRENT'),
    '  local -a offered',
    '  case "$cmdpath" in',
  ];
  for (const { path, node } of all) {
    lines.push(`    (${shQuote(path.length === 0 ? '' : ` ${path.join(' ')}`)})`);
    const branches = valueBranches(node, '        ', (w) => `compadd -- ${w.map(shQuote).join(' ')}; return`, '_files; return').map((b) => b.replace(/^(\s+)/, '$1('));
    if (branches.length > 0) lines.push('      case "$prev" in', ...branches, '      esac');
    if (node.freeArguments) lines.push('      [[ "${words[CURRENT]}" == -* ]] || { _files; return; }');
    lines.push(`      offered=(${completionWords(node).map(shQuote).join(' ')}) ;;`);
  }
  lines.push(
    '  esac',
    '  compadd -- "${offered[@]}"',
    '}',
    `if [[ "$funcstack[1]" == "${fn}" ]]; then ${fn} "$@"; else compdef ${fn} ${root.name}; fi`,
    '',
  );
  return lines.join('\n');
}

export function fishCompletion(root: CommandNode): string {
  const lines = [`# fish completion for ${root.name}: \`${root.name} completion fish > ~/.config/fish/completions/${root.name}.fish\``];
  const all = commandPaths(root);
  for (const { path, node } of all) {
    const children = node.commands.map((c) => c.name);
    // Reached this command, and not yet one of its subcommands.
    const here = [
      path.length === 0 ? '__fish_use_subcommand' : path.map((w) => `__fish_seen_subcommand_from ${w}`).join('; and '),
      ...(path.length > 0 && children.length > 0 ? [`not __fish_seen_subcommand_from ${children.join(' ')}`] : []),
    ].join('; and ');
    const cond = fishQuote(here);
    for (const c of node.commands) lines.push(`complete -c ${root.name} -f -n ${cond} -a ${c.name} -d ${fishQuote(c.description)}`);
    if (node.argumentChoices.length > 0) lines.push(`complete -c ${root.name} -f -n ${cond} -a ${fishQuote(node.argumentChoices.join(' '))}`);
    // File names only where the command takes them as arguments (a flag's own value still completes them: -r).
    if (!node.freeArguments) lines.push(`complete -c ${root.name} -f -n ${cond}`);
    for (const o of node.options) {
      const flags = [o.long ? `-l ${o.long.slice(2)}` : '', o.short ? `-s ${o.short.slice(1)}` : ''].filter((f) => f !== '').join(' ');
      const value = o.choices ? ` -x -a ${fishQuote(o.choices.join(' '))}` : o.takesValue ? ' -r' : '';
      lines.push(`complete -c ${root.name} -n ${cond} ${flags}${value} -d ${fishQuote(o.description)}`);
    }
  }
  lines.push('');
  return lines.join('\n');
}

export function completionScript(shell: CompletionShell, root: CommandNode): string {
  if (shell === 'bash') return bashCompletion(root);
  return shell === 'zsh' ? zshCompletion(root) : fishCompletion(root);
}
