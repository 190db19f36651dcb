import type { FindingResource } from '../../model/finding.js';
import { resourceParts } from '../resource-label.js';
import { boundText, terminalSafe } from '../terminal-text.js';
import { TEXT_BOUNDS } from '../text-bounds.js';
import { cutToWidth } from '../text-table.js';
import { textWidth } from './text-width.js';
import { tokensWidth, words, type Token } from './wrap-tokens.js';

/** The fewest columns of a cut name worth putting beside its id rather than above it. */
const NAME_START = 12;

/**
 * A resource as table words: `Storefront (abc123)` (`clients/Storefront (abc123)` with its type), the name free to
 * wrap and the id kept whole; the id alone when there is no name; the kind for singletons and summaries. With
 * `nameRoom`, a longer name is cut to that many columns (an ellipsis ends it): the grouped table names resources
 * in a line or two, and `--details` shows every name whole.
 */
export function resourceTokens(resource: FindingResource, withType: boolean, nameRoom?: number): Token[] {
  const { name, id } = resourceParts(resource);
  const type = terminalSafe(resource.type);
  if (id === undefined) return [{ text: type }];
  const prefix = withType ? `${type}/` : '';
  const safeId = terminalSafe(id);
  if (name === undefined) return words(`${prefix}${safeId}`, { keep: true });
  const label = `${prefix}${terminalSafe(name)}`;
  const idWords = words(`(${safeId})`, { keep: true });
  if (nameRoom === undefined || textWidth(label) <= nameRoom) return [...words(label), ...idWords];
  // Cut so that the id still fits after the name on one line when that leaves the name a readable start.
  const beside = nameRoom - 1 - tokensWidth(idWords);
  return [...words(cutToWidth(label, beside >= NAME_START ? beside : nameRoom)), ...idWords];
}

/** An id of a summary finding's sample (a user id): kept whole. */
export function idTokens(id: string): Token[] {
  return words(terminalSafe(boundText(String(id), TEXT_BOUNDS.id)), { keep: true });
}
