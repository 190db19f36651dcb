import type { KindRequests } from '../progress/request-plan.js';
import type { CollectApi } from './collect-api.js';

/**
 * One kind's view of the API that counts its requests for the progress display: each call and each page ends one
 * request, and an offset list's first page, with its total, announces the pages still to come. Nothing it does
 * changes what is read.
 */
export function trackedCollectApi(api: CollectApi, requests: KindRequests): CollectApi {
  const counted = async <T>(call: Promise<T>): Promise<T> => {
    try {
      return await call;
    } finally {
      requests.requestDone();
    }
  };
  async function* pages(source: AsyncGenerator<unknown[]>, total?: () => number | undefined): AsyncGenerator<unknown[]> {
    let first = true;
    try {
      for await (const page of source) {
        requests.requestDone();
        const announced = first ? total?.() : undefined;
        first = false;
        // Pages are as long as the first one (the size asked for, or the server's cap), so the total says how many follow.
        if (announced !== undefined && page.length > 0) requests.add(Math.ceil(announced / page.length) - 1);
        yield page;
      }
    } finally {
      // An empty list yields no page, and a list can fail before its first: either way one request was made.
      if (first) requests.requestDone();
    }
  }
  return {
    get: (path, query) => counted(api.get(path, query)),
    post: (path, body) => counted(api.post(path, body)),
    download: (url) => counted(api.download(url)),
    offsetPages(path, opts) {
      let total: number | undefined;
      const onTotal = (t: number): void => {
        total = t;
        opts.onTotal?.(t);
      };
      return pages(api.offsetPages(path, { ...opts, onTotal }), () => total);
    },
    checkpointPages: (path, opts) => pages(api.checkpointPages(path, opts)),
    pagesWithoutTotals: (path, opts) => pages(api.pagesWithoutTotals(path, opts)),
    grantedScopes: () => api.grantedScopes(),
  };
}
