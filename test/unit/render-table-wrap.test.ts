import { describe, expect, it } from 'vitest';
import { outputWidth } from '../../src/cli/output-width.js';
import { displayWidth } from '../../src/report/display-width.js';
import { fitColumns } from '../../src/report/table/fit-columns.js';
import { words, wrapParts, wrapTokens } from '../../src/report/table/wrap-tokens.js';
import { fakeTerminal } from '../fake-terminal.js';

describe('wrapTokens', () => {
  it('wraps at spaces, never past the width', () => {
    const lines = wrapTokens(words('the quick brown fox jumps over the lazy dog'), 10);
    expect(lines).toEqual(['the quick', 'brown fox', 'jumps over', 'the lazy', 'dog']);
  });

  it('breaks a word longer than a line after a hyphen, slash or bar when one is near its end, else at the width', () => {
    expect(wrapTokens(words('attack-breached-password-detection-no-block'), 20)).toEqual(['attack-breached-', 'password-detection-', 'no-block']);
    expect(wrapTokens(words('https://auth0.com/docs/secure/attack-protection'), 20)).toEqual(['https://auth0.com/', 'docs/secure/attack-', 'protection']);
    expect(wrapTokens(words('x'.repeat(25)), 10)).toEqual(['x'.repeat(10), 'x'.repeat(10), 'x'.repeat(5)]);
    // A break point in the first half of the piece would leave a stub: cut at the width instead.
    expect(wrapTokens(words(`a-${'b'.repeat(20)}`), 10)).toEqual([`a-${'b'.repeat(8)}`, 'b'.repeat(10), 'bb']);
  });

  it('never breaks a kept token: it takes a line of its own, past the width when it must', () => {
    const id = 'samlp|corp|someone@example-corporation.com';
    expect(wrapTokens([...words('Someone Else'), { text: `(${id})`, keep: true }], 20)).toEqual(['Someone Else', `(${id})`]);
    expect(wrapTokens([{ text: 'a' }, { text: 'k'.repeat(30), keep: true }, { text: 'b' }], 10)).toEqual(['a', 'k'.repeat(30), 'b']);
  });

  it('measures display columns: wide characters take two', () => {
    const lines = wrapTokens(words('漢字漢字 漢字 ｗｉｄｅ'), 8);
    for (const line of lines) expect(displayWidth(line)).toBeLessThanOrEqual(8);
    expect(lines.join(' ')).toBe('漢字漢字 漢字 ｗｉｄｅ');
  });

  it('gives the first line its own width', () => {
    expect(wrapTokens(words('aaa bbb ccc ddd'), 7, 11)).toEqual(['aaa bbb ccc', 'ddd']);
  });

  it('prints styled text but measures the plain text', () => {
    expect(wrapTokens([{ text: 'gate:' }, { text: 'FAILED', styled: '<b>FAILED</b>' }], 12)).toEqual(['gate: <b>FAILED</b>']);
  });
});

describe('wrapParts', () => {
  const parts = [words('Score 62/100'), words('1,235 findings (3 critical, 40 high)'), words('87 rules evaluated, 2 skipped'), words('gate: FAILED (fail-on high)')];

  it('keeps each part on one line when it fits, the dot ending the line, and gives the one-line form back', () => {
    const lines = wrapParts(parts, 53);
    expect(lines).toEqual(['Score 62/100 · 1,235 findings (3 critical, 40 high) ·', '87 rules evaluated, 2 skipped ·', 'gate: FAILED (fail-on high)']);
    expect(lines.join(' ')).toBe(parts.map((p) => p.map((t) => t.text).join(' ')).join(' · '));
  });

  it('is one line when the width allows it, and wraps a part longer than the width at its words', () => {
    expect(wrapParts(parts, 200)).toHaveLength(1);
    const narrow = wrapParts(parts, 20);
    for (const line of narrow) expect(line.length).toBeLessThanOrEqual(20);
    expect(narrow.join(' ')).toBe(wrapParts(parts, 200)[0]);
  });
});

describe('fitColumns', () => {
  it('starts from the minimums and hands out the room in order, never past a target', () => {
    // 3 columns: 10 columns of borders and padding.
    expect(fitColumns(60, [10, 5, 10], [[0, 15], [2, 100]])).toEqual([15, 5, 30]);
    expect(fitColumns(100, [10, 5, 10], [[0, 15], [2, 20]])).toEqual([15, 5, 20]);
  });

  it('gives up when the minimums do not fit', () => {
    expect(fitColumns(30, [10, 5, 10], [])).toBeUndefined();
    expect(fitColumns(35, [10, 5, 10], [])).toEqual([10, 5, 10]);
  });
});

describe('the width the CLI draws the table at', () => {
  const term = (env: Record<string, string>, columns?: number) => ({ ...fakeTerminal('/', env), stdoutIsTTY: columns !== undefined, ...(columns === undefined ? {} : { stdoutColumns: columns }) });

  it("is the terminal's when stdout is one, unless COLUMNS says otherwise", () => {
    expect(outputWidth(term({}, 132), false)).toBe(132);
    expect(outputWidth(term({ COLUMNS: '60' }, 132), false)).toBe(60);
    expect(outputWidth(term({ COLUMNS: ' 200 ' }), false)).toBe(200);
  });

  it('is the default for a pipe or a file, and ignores a COLUMNS that is not a width', () => {
    expect(outputWidth(term({}), false)).toBeUndefined();
    expect(outputWidth(term({}, 132), true)).toBeUndefined();
    expect(outputWidth(term({ COLUMNS: '90' }, 132), true)).toBe(90);
    for (const bad of ['', '0', '-5', 'wide', '80px', '1e3', '9999999']) expect(outputWidth(term({ COLUMNS: bad }), false), bad).toBeUndefined();
  });
});
