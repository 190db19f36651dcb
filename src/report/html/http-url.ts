/**
 * The link target for a reference, or undefined: only absolute http(s) URLs become links. `javascript:`, `data:`,
 * `file:`, relative paths and anything the URL parser refuses stay text, whatever a rule file or a report says.
 */
export function httpUrl(text: string): string | undefined {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
  if (url.username !== '' || url.password !== '') return undefined;
  return url.href;
}
