import { expect } from 'vitest';

/**
 * A minimal XML well-formedness check (no parser is installed): one declaration, tags balance, attribute values
 * are quoted, text holds no raw markup characters or unknown entities, and no character XML 1.0 forbids.
 * Returns the element names in document order.
 */
export function checkXml(xml: string): string[] {
  expect(xml).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/);
  const body = xml.replace(/^<\?xml version="1\.0" encoding="UTF-8"\?>\n/, '');
  expect(body).not.toContain('<?xml');
  const stack: string[] = [];
  const names: string[] = [];
  const tag = /<(\/?)([A-Za-z][\w.-]*)((?:\s+[\w:-]+="[^"<]*")*)\s*(\/?)>/g;
  let last = 0;
  for (const m of body.matchAll(tag)) {
    const text = body.slice(last, m.index);
    expect(text, `text before ${m[0]}`).not.toMatch(/[<>]|&(?!(amp|lt|gt|quot|apos|#\d+);)/);
    last = (m.index ?? 0) + m[0].length;
    const [, close, name = '', , selfClose] = m;
    if (close) {
      expect(stack.pop(), `closing </${name}>`).toBe(name);
    } else {
      names.push(name);
      if (!selfClose) stack.push(name);
    }
  }
  expect(body.slice(last).trim()).toBe('');
  expect(stack, 'unclosed elements').toEqual([]);
  return names;
}
