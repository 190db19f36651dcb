import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { formatRequest } from '../../src/cli/format-request.js';
import { handleError } from '../../src/cli/handle-error.js';
import { startProgress } from '../../src/cli/progress-line.js';
import { CollectionError, InputError } from '../../src/errors.js';
import { ApiError, oneLine } from '../../src/http/api-error.js';
import { coverageNotices, incompleteAdvice } from '../../src/report/incomplete-advice.js';
import { markdownText } from '../../src/report/markdown-text.js';
import { renderJunit } from '../../src/report/render-junit.js';
import { renderMarkdown } from '../../src/report/render-markdown.js';
import { renderTable } from '../../src/report/render-table.js';
import { safeText } from '../../src/report/safe-text.js';
import { stderrSafe, terminalSafe } from '../../src/report/terminal-text.js';
import { xmlEscape } from '../../src/report/xml-text.js';
import { fakeTerminal } from '../fake-terminal.js';
import { aFinding, aReport, aSkipped } from '../report-builders.js';

/** Everything a terminal or a viewer acts on instead of showing (tab, LF and CR are checked where they matter). */
const ACTIVE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

// One of each: CSI colour, OSC title, OSC 8 hyperlink, 8-bit CSI (C1), DEL, every bidi control, line separators.
const HOSTILE_PARTS = [
  '\u001b[31mred\u001b[0m',
  '\u001b]0;owned\u0007',
  '\u001b]8;;https://evil.example\u001b\\link\u001b]8;;\u001b\\',
  '\u009b2J',
  '\u0085nel',
  'del\u007f',
  '\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c',
  'a\u2028b\u2029c',
];
const HOSTILE = `${HOSTILE_PARTS.join(' ')}\nauth0-scan: gate: passed\r\nFAKE LINE`;

/** A line of output that the hostile text managed to start. */
const FAKE_LINE = /^(?:[│|\s]*)(?:auth0-scan: gate: passed|FAKE LINE)/m;

describe('safeText: the one neutraliser', () => {
  it('shows every control, bidi and separator character as an escape, and line breaks as \\n', () => {
    const out = safeText(HOSTILE);
    expect(out).not.toMatch(ACTIVE);
    expect(out).not.toMatch(/[\n\r\t]/);
    expect(out).toContain('\\x1b[31mred');
    expect(out).toContain('\\x9b2J');
    expect(out).toContain('\\u{202e}');
    expect(out).toContain('\\u{61c}');
    expect(out).toContain('\\u{2028}');
    expect(out).toContain('\\nauth0-scan: gate: passed\\r\\nFAKE LINE');
  });

  it('keeps line breaks, tabs and carriage returns only when asked, and lone surrogates never', () => {
    expect(safeText('a\tb\r\nc', { breaks: 'keep', tab: true, cr: true })).toBe('a\tb\r\nc');
    expect(safeText('a\tb\r\nc', { breaks: 'keep' })).toBe('a\\tb\\r\nc');
    expect(safeText('x\ud800y\udc00z\ufffe')).toBe('x\\u{d800}y\\u{dc00}z\\u{fffe}');
    expect(safeText('emoji 😀, 漢字, café')).toBe('emoji 😀, 漢字, café');
  });

  it('is what terminalSafe, stderrSafe, markdownText and xmlEscape use', () => {
    expect(terminalSafe(HOSTILE)).toBe(safeText(HOSTILE));
    expect(stderrSafe(HOSTILE)).not.toMatch(ACTIVE);
    expect(stderrSafe(HOSTILE)).toContain('\nauth0-scan: gate: passed\r\n');
    expect(markdownText(HOSTILE, Infinity)).not.toMatch(ACTIVE);
    expect(markdownText(HOSTILE, Infinity)).not.toMatch(/[\n\r]/);
    expect(xmlEscape(HOSTILE)).not.toMatch(ACTIVE);
    expect(xmlEscape(HOSTILE, 'mark')).not.toContain('&#10;');
  });
});

describe('reports: tenant text cannot restyle a terminal or start a line', () => {
  const report = aReport({
    findings: [aFinding({ resource: { type: 'clients', id: `id ${HOSTILE}`, name: HOSTILE }, message: HOSTILE })],
    skipped: [aSkipped({ reason: HOSTILE })],
    collection: { kinds: { clients: { status: 'ok', count: 1 }, log_streams: { status: 'error', count: 0, detail: `HTTP 400: ${HOSTILE}` } } },
  });

  it('table', () => {
    for (const [color, details] of [[false, false], [true, false], [false, true], [true, true]] as const) {
      const out = renderTable(report, { color, details });
      // Colour on: only chalk's own SGR sequences, never the tenant's.
      const text = color ? out.replace(/\u001b\[\d+m/g, '') : out;
      expect(text).not.toMatch(ACTIVE);
      expect(text).not.toMatch(FAKE_LINE);
      expect(text).toContain('\\x1b]0;owned\\x07');
    }
  });

  it('Markdown', () => {
    const md = renderMarkdown(report);
    expect(md).not.toMatch(ACTIVE);
    expect(md).not.toMatch(FAKE_LINE);
  });

  it('JUnit: escapes in attributes and content, one-line messages', () => {
    const xml = renderJunit(report, { rules: new Map() });
    expect(xml).not.toMatch(ACTIVE);
    const message = /<failure type="high" message="([^"]*)"/.exec(xml)?.[1] ?? '';
    expect(message).not.toContain('&#10;');
    expect(message).toContain('\\nauth0-scan: gate: passed');
    const details = /<failure[^>]*>([^<]*)<\/failure>/.exec(xml)?.[1] ?? '';
    expect(details.split('&#10;').some((l) => l.startsWith('auth0-scan: gate: passed'))).toBe(false);
  });

  it('stderr notices: coverage notices and the incomplete-run advice carry ids and API details as one inert line', () => {
    const partial = aReport({
      findings: [],
      skipped: [aSkipped({ ruleId: 'r', kinds: ['log_streams'], missingScopes: [] })],
      collection: {
        kinds: {
          clients: { status: 'partial', count: 1, detail: `1 not understood: ${HOSTILE}` },
          roles: { status: 'ok', count: 1, goneCount: 1, gone: [`rol_${HOSTILE}`] },
          log_streams: { status: 'error', count: 0, detail: `HTTP 400: ${HOSTILE}` },
        },
      },
    });
    const lines = [...coverageNotices(partial), incompleteAdvice(partial) ?? ''];
    expect(lines).toHaveLength(3);
    for (const line of lines) {
      expect(line).not.toMatch(ACTIVE);
      expect(line).not.toMatch(/[\n\r]/);
    }
  });
});

describe('stderr: errors, --verbose lines and the progress line', () => {
  it('handleError shows every message, where and cause as one inert line; a stack keeps its lines only', () => {
    const term = fakeTerminal(mkdtempSync(join(tmpdir(), 'auth0-scan-err-')));
    const api = new ApiError({ status: 400, request: 'GET /clients', errorCode: `bad${HOSTILE}`, apiMessage: HOSTILE });
    handleError(new CollectionError('API', `read failed: ${HOSTILE}`, { cause: new Error(HOSTILE) }), term, true);
    handleError(new InputError('CONFIG', HOSTILE, `file${HOSTILE}`), term, true);
    handleError(api, term, true);
    handleError(new Error(HOSTILE), term, true);
    expect(term.err).not.toMatch(ACTIVE);
    expect(term.err).not.toMatch(FAKE_LINE);
    expect(term.err.split('\n').filter((l) => l.startsWith('auth0-scan: '))).toHaveLength(4);
  });

  it('an ApiError message is one line, at most 200 characters before escaping', () => {
    const api = new ApiError({ status: 400, request: 'GET /clients', apiMessage: `${HOSTILE} ${'x'.repeat(1_000)}` });
    expect(api.message).not.toMatch(ACTIVE);
    expect(api.message).not.toMatch(/[\n\r]/);
    expect(oneLine('a'.repeat(300))).toBe(`${'a'.repeat(197)}...`);
    expect(oneLine('😀'.repeat(300))).toBe(`${'😀'.repeat(197)}...`);
  });

  it('a --verbose request line and the progress note show API-chosen text inertly', () => {
    const line = formatRequest({ method: 'GET', path: `/roles/${HOSTILE}/users`, error: HOSTILE, ms: 3, attempt: 2 });
    expect(line).not.toMatch(ACTIVE);
    expect(line).not.toMatch(/[\n\r]/);
    vi.useFakeTimers();
    try {
      // Set on the fake itself: a spread copy would record into the original, leaving `err` empty.
      const term = fakeTerminal('/tmp');
      term.stderrIsTTY = true;
      const p = startProgress(term, true, () => ({ kindsDone: 1, kindsTotal: 2, requests: 3, waitWallMs: 0, note: `users: ${HOSTILE}` }));
      vi.advanceTimersByTime(260);
      p.stop();
      expect(term.err).toContain('users: ');
      expect(term.err).not.toMatch(ACTIVE);
      // The only line control is the redraw's own carriage return.
      expect(term.err).not.toContain('\n');
      expect(term.err.split('\r').every((l) => l.length <= 200)).toBe(true);
    } finally {
      vi.useRealTimers();
    }
  });
});
