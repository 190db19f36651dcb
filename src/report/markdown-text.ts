import { terminalSafe } from './terminal-text.js';

// Every ASCII punctuation character may be backslash-escaped in CommonMark, and an escaped one is always literal:
// no HTML (<), links ([), emphasis (* _), entities (&), table cells (|) or autolinks (:) can start from it.
const MARKDOWN_PUNCTUATION = /[!-/:-@[-`{-~]/g;

// GitHub turns "@name" into a mention (a notification to a person or team) after Markdown is rendered, so an
// escape does not help; a zero-width space after the "@" does. "@" inside a word (an email address) never mentions.
const MENTION = /(^|[^A-Za-z0-9_])@(?=[A-Za-z0-9_])/g;

function oneLine(text: string): string {
  return terminalSafe(text.replace(/\r\n|[\r\n\u2028\u2029]/g, ' '));
}

/** Tenant text as literal inline Markdown on one line: safe in paragraphs, headings and table cells. */
export function markdownText(text: string): string {
  return oneLine(text).replace(MENTION, '$1@\u200b').replace(MARKDOWN_PUNCTUATION, '\\$&');
}

/**
 * Tenant text as a code span inside a table row. The fence is longer than any backtick run in the text, and
 * "|" keeps its backslash because GFM splits table cells before it parses code spans.
 */
export function markdownCodeInTable(text: string): string {
  const body = oneLine(text).replace(/\|/g, '\\|');
  if (body.trim() === '') return '';
  const longest = Math.max(0, ...Array.from(body.matchAll(/`+/g), (m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  const pad = body.startsWith('`') || body.endsWith('`') || body.startsWith(' ') || body.endsWith(' ') ? ' ' : '';
  return `${fence}${pad}${body}${pad}${fence}`;
}
