import type { ServerResponse } from 'node:http';

export type Headers = Record<string, string | number>;

/** Sends JSON the way the API does; `malformed` cuts the body in half (the malformed-JSON fault). */
export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Headers = {}, malformed = false): void {
  if (res.headersSent || res.destroyed) return;
  let text = JSON.stringify(body) ?? 'null';
  if (malformed) text = text.slice(0, Math.max(1, Math.floor(text.length / 2)));
  res.writeHead(status, {
    ...headers,
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
  });
  res.end(text);
}

/** A gateway error page: not JSON, as a proxy in front of the API would send it. */
export function sendGatewayPage(res: ServerResponse, status: number, headers: Headers = {}): void {
  if (res.headersSent || res.destroyed) return;
  const text = `<html><head><title>${status} Bad Gateway</title></head><body><center><h1>${status} Bad Gateway</h1></center></body></html>\n`;
  res.writeHead(status, { ...headers, 'content-type': 'text/html', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

/** S3-style XML error for the pre-signed download URL. */
export function sendS3Error(res: ServerResponse, status: number, code: string, message: string): void {
  if (res.headersSent || res.destroyed) return;
  const text = `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${message}</Message></Error>`;
  res.writeHead(status, { 'content-type': 'application/xml', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}
