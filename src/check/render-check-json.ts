import { checkResultSchema, type CheckResult } from './check-result.js';

/** The machine report of `check`: the result validated against its own schema, so the documented shape is the real one. */
export function renderCheckJson(result: CheckResult): string {
  return `${JSON.stringify(checkResultSchema.parse(result), null, 2)}\n`;
}
