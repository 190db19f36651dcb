import { createHash } from 'node:crypto';

/**
 * The page's policy: nothing may load (no fetch, image, font, frame, or form target), and only the exact inline
 * style and script blocks of this file may apply or run, named by their SHA-256 hashes. No 'unsafe-inline', no
 * nonce to leak: text that got into the page some other way could not run even if it were markup.
 */
export function contentSecurityPolicy(blocks: { styles: readonly string[]; scripts: readonly string[] }): string {
  // No block at all is 'none' (a page without script), never an empty source list.
  const hashes = (texts: readonly string[]) => (texts.length === 0 ? "'none'" : texts.map((t) => `'sha256-${createHash('sha256').update(t, 'utf8').digest('base64')}'`).join(' '));
  return [
    "default-src 'none'",
    `script-src ${hashes(blocks.scripts)}`,
    `style-src ${hashes(blocks.styles)}`,
    "img-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}
