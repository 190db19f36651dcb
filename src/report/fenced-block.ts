import { safeText } from './safe-text.js';

/**
 * Text as a fenced Markdown code block that nothing inside can close: the fence is one backtick longer than the
 * longest run of backticks in the text, and every control or bidi character is shown as an escape (line breaks
 * of the text itself are kept, so pass one-line tenant values already marked with safeText).
 */
export function fencedBlock(text: string, info: string): string {
  const body = safeText(text, { breaks: 'keep' });
  const longest = Math.max(0, ...[...body.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(Math.max(3, longest + 1));
  return `${fence}${info}\n${body}\n${fence}`;
}
