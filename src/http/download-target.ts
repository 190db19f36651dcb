import { CollectionError } from '../errors.js';
import { isLoopbackHost } from './domain.js';

/** A pre-signed export URL from the API: absolute, https (or http to a loopback mock), no credentials. */
export function downloadTarget(url: string): URL {
  let target: URL;
  try {
    target = new URL(url);
  } catch {
    throw new CollectionError('API', 'The export download location is not an absolute URL.');
  }
  const allowed = target.protocol === 'https:' || (target.protocol === 'http:' && isLoopbackHost(target.hostname));
  if (!allowed || target.username !== '' || target.password !== '') {
    throw new CollectionError('API', `The export download location ${target.protocol}//${target.host} is neither https nor loopback http.`);
  }
  return target;
}
