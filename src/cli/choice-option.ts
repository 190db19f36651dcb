import { Argument, InvalidArgumentError, Option } from 'commander';

/**
 * An option whose value is one of `choices`, in any case (`--fail-on High`, `--format JSON`): commander's own
 * `.choices()` compares exactly, so the value is lower-cased first. `--help` still lists the choices.
 */
export function choiceOption(flags: string, description: string, choices: readonly string[]): Option {
  return new Option(flags, description).choices([...choices]).argParser(anyCase(choices));
}

/** The same for a command argument (`completion BASH`). */
export function choiceArgument(name: string, description: string, choices: readonly string[]): Argument {
  return new Argument(name, description).choices([...choices]).argParser(anyCase(choices));
}

function anyCase(choices: readonly string[]): (value: string) => string {
  return (value) => {
    const lower = value.toLowerCase();
    if (!choices.includes(lower)) throw new InvalidArgumentError(`Allowed choices are ${choices.join(', ')}.`);
    return lower;
  };
}
