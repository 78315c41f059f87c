import 'server-only';
import { AsyncLocalStorage } from 'node:async_hooks';
import { edgeSurrogateControl, surrogateKeyHeaders } from '../http/surrogate-keys.mjs';

/**
 * The content tags of a route's answer (feeds, sitemaps, the API's reads), for an edge cache to
 * purge it by (decision 024). A page's tags are those of its render (the page cache stores them
 * with it); a route handler's answer is built on each request from cached reads, so the tags
 * are gathered from the reads it makes (lib/cache/cached-read.ts notes each read's tags here),
 * plus any a handler names itself.
 */
const gathering = new AsyncLocalStorage<Set<string>>();

/** Adds tags to the answer being built, if one is (no-op outside `taggedRoute`). */
export function noteContentTags(tags: Iterable<string>): void {
  const gathered = gathering.getStore();
  if (gathered) for (const tag of tags) gathered.add(tag);
}

/**
 * Wraps a GET handler: its answer, when public and 200 or 304, carries the tags of everything it
 * read and may be kept at the edge for a day (it is purged when one of them changes). Anything
 * else (an error, a private answer) goes out as the handler made it.
 */
export function taggedRoute<A extends unknown[]>(handler: (...args: A) => Promise<Response>): (...args: A) => Promise<Response> {
  return async (...args: A) => {
    const tags = new Set<string>();
    const response = await gathering.run(tags, () => handler(...args));
    if ((response.status !== 200 && response.status !== 304) || !/(?:^|,)\s*public\b/.test(response.headers.get('cache-control') ?? '')) return response;
    const keys = surrogateKeyHeaders(tags);
    if (!keys) return response;
    for (const [name, value] of Object.entries(keys)) response.headers.set(name, value);
    response.headers.set('Surrogate-Control', edgeSurrogateControl);
    return response;
  };
}
