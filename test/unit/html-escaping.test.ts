import { describe, expect, it } from 'vitest';
import { embedJson } from '../../src/report/html/embed-json.js';
import { escapeHtml } from '../../src/report/html/escape-html.js';
import { htmlText, htmlValue } from '../../src/report/html/html-text.js';
import { httpUrl } from '../../src/report/html/http-url.js';

describe('HTML report escaping', () => {
  it('embeds JSON that cannot close its script block or open markup, and reads back unchanged', () => {
    const value = { name: '</script><script>alert(1)</script><!-- & -->', sep: 'a\u2028b\u2029c', nested: ['<b>', '&amp;'] };
    const text = embedJson(value);
    expect(text).not.toMatch(/[<>&\u2028\u2029]/);
    expect(text).toContain('\\u003c/script\\u003e');
    expect(JSON.parse(text)).toEqual(value);
  });

  it('escapes the five markup characters for element text and attribute values', () => {
    expect(escapeHtml(`<img src=x onerror="alert('1')">&`)).toBe('&lt;img src=x onerror=&quot;alert(&#39;1&#39;)&quot;&gt;&amp;');
  });

  it('shows control, bidi and line-separator characters as escapes and bounds long text', () => {
    expect(htmlText('evil\u202Etxt.exe\u0007\u2028x\n')).toBe('evil\\u{202e}txt.exe\\x07\\u{2028}x\\n');
    const long = htmlText('N'.repeat(5000), 'name');
    expect(long.length).toBeLessThan(260);
    expect(long).toContain('(5,000 characters)');
  });

  it('renders evidence values as one line of JSON, absent ones as "(absent)"', () => {
    expect(htmlValue(['https://a.example', 'javascript:alert(1)'])).toBe('["https://a.example","javascript:alert(1)"]');
    expect(htmlValue(undefined)).toBe('(absent)');
    expect(htmlValue('a\u202Eb')).toBe('"a\\u{202e}b"');
  });

  it('makes links of absolute http(s) URLs only', () => {
    expect(httpUrl('https://auth0.com/docs/x')).toBe('https://auth0.com/docs/x');
    expect(httpUrl('http://example.com')).toBe('http://example.com/');
    for (const bad of ['javascript:alert(1)', 'JaVaScRiPt:alert(1)', ' javascript:alert(1)', 'data:text/html,<b>', 'file:///etc/passwd', '/docs/rules.md', 'vbscript:x', 'https://user:pw@example.com/']) {
      expect(httpUrl(bad), bad).toBeUndefined();
    }
  });
});
