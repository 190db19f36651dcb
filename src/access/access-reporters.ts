import type { AccessModel } from './access-types.js';
import { renderAccessDot } from './render-access-dot.js';
import { renderAccessHtml } from './render-access-html.js';
import { renderAccessJson } from './render-access-json.js';
import { renderAccessMarkdown } from './render-access-markdown.js';
import { renderAccessMermaid } from './render-access-mermaid.js';
import { renderAccessTable, type AccessTableOptions } from './render-access-table.js';

import type { AccessFormat } from './access-formats.js';

/** Format -> renderer: the one table `auth0-scan access --format` reads. */
const REPORTERS: Record<AccessFormat, (model: AccessModel, options: AccessTableOptions) => string> = {
  table: renderAccessTable,
  json: renderAccessJson,
  markdown: renderAccessMarkdown,
  html: renderAccessHtml,
  mermaid: renderAccessMermaid,
  dot: renderAccessDot,
};

export function renderAccess(format: AccessFormat, model: AccessModel, options: AccessTableOptions = {}): string {
  return REPORTERS[format](model, options);
}
