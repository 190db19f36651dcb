import type { IncomingMessage, ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import type { ExportJobs } from './export-jobs.js';
import { exportLines } from './export-lines.js';
import { sendS3Error } from './send-reply.js';
import type { UserStore } from './user-store.js';

export const DOWNLOAD_PREFIX = '/__downloads/';
const CHUNK_BYTES = 64 * 1024;

/** Groups lines into ~64 KiB chunks: a chunk per line would make gzip and the socket crawl on a million users. */
function* chunked(lines: Iterable<string>): Generator<string> {
  let buffer = '';
  for (const line of lines) {
    buffer += line;
    if (buffer.length >= CHUNK_BYTES) {
      yield buffer;
      buffer = '';
    }
  }
  if (buffer !== '') yield buffer;
}

/**
 * The pre-signed export download: no bearer token (the link is the credential), gzip bytes streamed as they are
 * generated, S3-style 403 once the link has expired.
 */
export async function handleDownload(req: IncomingMessage, res: ServerResponse, path: string, jobs: ExportJobs, users: UserStore): Promise<void> {
  if (req.method !== 'GET') return sendS3Error(res, 405, 'MethodNotAllowed', 'The specified method is not allowed against this resource.');
  const token = path.slice(DOWNLOAD_PREFIX.length).replace(/\.(json|csv)\.gz$/, '');
  const request = jobs.open(token);
  if (request === 'expired') return sendS3Error(res, 403, 'AccessDenied', 'Request has expired');
  if (request === 'missing') return sendS3Error(res, 404, 'NoSuchKey', 'The specified key does not exist.');
  res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-disposition': `attachment; filename="mock-tenant.${request.format}.gz"` });
  try {
    await pipeline(Readable.from(chunked(exportLines(users.iterate(), request))), createGzip({ level: 1 }), res);
  } catch {
    // The client went away or the server is closing: nothing more to send.
  }
}
