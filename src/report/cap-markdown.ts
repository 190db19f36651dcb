/**
 * The most bytes a Markdown report may take: GitHub refuses a job summary ($GITHUB_STEP_SUMMARY) above 1 MiB
 * (1,048,576 bytes), and some room is left for what a workflow appends to the same summary.
 */
export const MARKDOWN_MAX_BYTES = 1_000_000;

/** Room kept for the closing line (a few headings, bounded, in UTF-8). */
const CLOSING_RESERVE = 2_000;
const HEADINGS_NAMED = 3;
const HEADING_CHARS = 60;

/**
 * The document whole when it fits in `maxBytes`, else its first whole lines and a closing line saying how much was
 * left out and from which sections. One pass over the lines.
 */
export function capMarkdown(doc: string, maxBytes: number = MARKDOWN_MAX_BYTES): string {
  if (Buffer.byteLength(doc) <= maxBytes) return doc;
  const lines = doc.split('\n');
  const budget = Math.max(maxBytes - CLOSING_RESERVE, 0);
  let used = 0;
  let kept = 0;
  for (; kept < lines.length; kept++) {
    const size = Buffer.byteLength(lines[kept] ?? '') + 1;
    if (used + size > budget) break;
    used += size;
  }
  const closing =
    `_Cut to stay under ${maxBytes.toLocaleString('en-US')} bytes (GitHub refuses job summaries above 1 MiB): ` +
    `${whatWasCut(lines, kept)}; the JSON report has everything._`;
  const head = lines.slice(0, kept).join('\n').trimEnd();
  return `${head}\n\n${closing}\n`;
}

/**
 * How many lines went, the section the cut fell in (with the sections around it, the document title aside), and
 * the outermost sections that went whole: in a multi-tenant document, the tenants.
 */
function whatWasCut(lines: readonly string[], kept: number): string {
  const open: string[] = [];
  lines.slice(1, kept).forEach((line) => {
    const level = headingLevel(line);
    if (level === 0) return;
    open.length = level - 1;
    open[level - 1] = headingText(line);
  });
  const rest = lines.slice(kept);
  const left = rest.filter((l) => l.trim() !== '').length;
  const within = open.filter((h) => h !== undefined);
  const cutHeadings = rest.filter((l) => headingLevel(l) > 0);
  const top = cutHeadings.reduce((min, l) => Math.min(min, headingLevel(l)), 7);
  const whole = cutHeadings.filter((l) => headingLevel(l) === top).map(headingText);
  const named = whole.slice(0, HEADINGS_NAMED).join(', ') + (whole.length > HEADINGS_NAMED ? ` and ${whole.length - HEADINGS_NAMED} more` : '');
  return (
    `${left.toLocaleString('en-US')} more line${left === 1 ? '' : 's'} left out` +
    (within.length > 0 ? `, from within ${within.join(' › ')}` : '') +
    (whole.length > 0 ? `, and the section${whole.length === 1 ? '' : 's'} ${named}` : '')
  );
}

function headingLevel(line: string): number {
  return /^(#{1,6}) /.exec(line)?.[1]?.length ?? 0;
}

/** A heading's text, short: it was escaped when the document was written, so only its length needs care. */
function headingText(line: string): string {
  const text = line.replace(/^#{1,6} /, '');
  const chars = Array.from(text.slice(0, HEADING_CHARS * 2));
  // A cut must not leave a lone backslash that would escape the closing underscore.
  const short = chars.length > HEADING_CHARS ? `${chars.slice(0, HEADING_CHARS).join('').replace(/\\+$/, (b) => (b.length % 2 === 0 ? b : b.slice(1)))}…` : text;
  return `"${short}"`;
}
