import { typeName } from '../model/type-name.js';

/**
 * Thrown while a rule reads a value of a type its operator cannot judge (a number where a date is expected, an
 * object where a list is). The resource is then "not judged" by that rule: never a finding, never a pass.
 * Not an Error: it is control flow inside the engine, caught by check-resource, and needs no stack.
 */
export class NotJudged {
  constructor(
    readonly path: string,
    readonly problem: string,
  ) {}

  get reason(): string {
    return `${this.path} ${this.problem}`;
  }
}

export function wrongType(path: string, value: unknown, want: string): NotJudged {
  return new NotJudged(path, `is ${typeName(value)} (expected ${want})`);
}
