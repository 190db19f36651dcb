import { CollectionError } from '../../src/errors.js';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { systemClock, type Clock } from '../../src/http/clock.js';

export interface Recorded {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
}

export type Handler = (req: IncomingMessage, res: ServerResponse, body: string, index: number) => void | Promise<void>;

export interface TestServer {
  origin: string;
  requests: Recorded[];
  close(): Promise<void>;
}

/** A throwaway HTTP server on 127.0.0.1 (port 0) that records every request. */
export async function startServer(handler: Handler): Promise<TestServer> {
  const requests: Recorded[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const index = requests.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body }) - 1;
      Promise.resolve(handler(req, res, body, index)).catch(() => res.destroy());
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export function json(res: ServerResponse, status: number, body: unknown, headers: Record<string, string | number> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
  res.end(JSON.stringify(body));
}

/** Virtual time that jumps: every sleep returns on the next turn of the event loop, having advanced the clock. */
export function jumpingClock(start = 1_700_000_000_000): Clock & { sleeps: number[] } {
  let now = start;
  const sleeps: number[] = [];
  return {
    sleeps,
    now: () => now,
    async sleep(ms, signal) {
      await nextTurn();
      if (signal?.aborted) return;
      sleeps.push(ms);
      now += ms;
    },
  };
}

/** Real time sped up `factor` times: a 10 s rate-limit scenario runs in 1 s, with real sockets and timers. */
export function scaledClock(factor: number): Clock {
  const base = Date.now();
  const start = performance.now();
  return {
    now: () => base + (performance.now() - start) * factor,
    sleep: (ms, signal) => systemClock.sleep(ms / factor, signal),
  };
}

/** Fake time moved only by `advance`; sleepers wake when their time comes or their signal aborts. */
export function manualClock(start = 1_700_000_000_000): Clock & { advance(ms: number): Promise<void> } {
  let now = start;
  let timers: Array<{ at: number; resolve: () => void }> = [];
  return {
    now: () => now,
    sleep(ms, signal) {
      return new Promise<void>((resolve) => {
        const timer = { at: now + ms, resolve };
        timers.push(timer);
        signal?.addEventListener('abort', () => {
          timers = timers.filter((t) => t !== timer);
          resolve();
        });
      });
    },
    async advance(ms) {
      const target = now + ms;
      for (;;) {
        await nextTurn();
        const due = timers.filter((t) => t.at <= target).sort((a, b) => a.at - b.at)[0];
        if (due === undefined) break;
        now = Math.max(now, due.at);
        timers = timers.filter((t) => t !== due);
        due.resolve();
      }
      now = target;
      await nextTurn();
    },
  };
}

/** The CollectionError a promise rejects with; anything else (or no rejection) fails the test. */
export async function collectionFailure(promise: Promise<unknown>): Promise<CollectionError> {
  try {
    await promise;
  } catch (err) {
    if (err instanceof CollectionError) return err;
    throw err;
  }
  throw new Error('expected a failure');
}
