import { safeText } from './safe-text.js';
import { boundText } from './terminal-text.js';
import { TEXT_BOUNDS } from './text-bounds.js';

/** Longest tenant text one Markdown cell or heading shows: job summaries are refused above 1 MiB. */
export const MARKDOWN_MAX_TEXT = 500;

// Tenant text is only ever placed inline (after a table pipe or a heading marker), so block syntax (#, -, 1.)
// cannot start; these are the characters that mean something inline: escapes, code, emphasis, links and images
// ([), raw HTML (<), entities (&), table cells (|), strikethrough (~), math ($) and autolinks (http: and www.).
// A backslash-escaped punctuation character is always literal in CommonMark.
const MARKDOWN_SPECIAL = /[\\`*_[\]<>&|~$:]|(?<=\bwww)\./gi;

// GitHub turns "@name" into a mention (a notification to a person or team) after Markdown is rendered, so an
// escape does not help; a zero-width space after the "@" does. "@" inside a word (an email address) never mentions.
const MENTION = /(^|[^A-Za-z0-9_])@(?=[A-Za-z0-9_])/g;

/**
 * Tenant text as literal inline Markdown on one line (a line break shows as `\n`): safe in paragraphs, headings and
 * table cells. At most `max` code points are shown (a label already bounded passes Infinity).
 */
export function markdownText(text: string, max: number = MARKDOWN_MAX_TEXT): string {
  return safeText(boundText(text, max)).replace(MENTION, '$1@\u200b').replace(MARKDOWN_SPECIAL, '\\$&');
}

// Plain identifiers read better as code; anything else stays escaped text: GFM splits table cells on "|" before
// it parses code spans, and inside a code span a backslash is literal, so "|" cannot be made safe there.
const PLAIN_IDENTIFIER = /^[A-Za-z0-9][A-Za-z0-9._:/-]*$/;

/** An identifier as a code span when it is plain (and not absurdly long), otherwise as escaped text. */
export function markdownCode(text: string): string {
  return text.length <= TEXT_BOUNDS.id && PLAIN_IDENTIFIER.test(text) ? `\`${text}\`` : markdownText(text, TEXT_BOUNDS.id);
}
