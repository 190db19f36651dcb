import { InvalidArgumentError, type Option } from 'commander';
import { FRAMEWORK_IDS } from '../compliance/frameworks.js';
import { choiceOption } from './choice-option.js';

/**
 * `--framework asvs,cis --framework attack`: repeatable and comma-separated, any case; `--help` and completion
 * list the choices (choiceOption's), the parser accepts a list of them.
 */
export function frameworkOption(description: string): Option {
  return choiceOption('--framework <ids>', description, FRAMEWORK_IDS).argParser((value: string, previous: string[] | undefined) => {
    const ids = value.split(',').map((s) => s.trim().toLowerCase()).filter((s) => s !== '');
    const unknown = ids.find((id) => !(FRAMEWORK_IDS as readonly string[]).includes(id));
    if (unknown !== undefined || ids.length === 0) throw new InvalidArgumentError(`Allowed choices are ${FRAMEWORK_IDS.join(', ')} (comma-separated).`);
    return [...new Set([...(previous ?? []), ...ids])];
  });
}
