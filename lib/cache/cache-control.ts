/**
 * What CDNs and reverse proxies may do with our answers. Our own cache is invalidated the moment
 * content changes; a shared cache in front cannot be told, so it holds pages briefly, may serve
 * them stale while it refreshes, and keeps serving them if we fail.
 */
import { registered } from '../runtime/process-state.mjs';

/** Pages: a minute at the edge, ten minutes stale while refreshing, a day stale if we are down. */
export const pageCacheControl = 'public, max-age=0, s-maxage=60, stale-while-revalidate=600, stale-if-error=86400';

/** Not found and gone: remembered for a minute, so a mistyped link cannot hammer the store. */
export const unavailableCacheControl = 'public, max-age=60, s-maxage=60';

/** Permanent redirects of moved stories. */
export const redirectCacheControl = 'public, max-age=3600, s-maxage=3600';

/** Feeds and sitemaps: readers and crawlers poll them. */
export const feedCacheControl = 'public, max-age=60, s-maxage=300, stale-while-revalidate=3600, stale-if-error=86400';

/** Nothing to cache: search results, the publishing API. */
export const privateNoStore = 'private, no-store';

/**
 * A public Cache-Control made to expire when the next scheduled story of the edition (any
 * edition, when the answer is not one edition's) is published: a CDN or nginx must not keep a
 * front, feed, sitemap or list that the story will be in past that time (decision 015). Within
 * reach of its shared lifetime and stale allowance, the shared lifetime is cut to the time left
 * and nothing may be served stale while refreshing.
 */
export function untilNextScheduled(value: string, edition?: string, now = Date.now()): string {
  const next = registered('schedule')?.next;
  if (!next || next.size === 0) return value;
  const due = edition ? next.get(edition) : Math.min(...next.values());
  if (due === undefined) return value;
  const seconds = (name: string) => Number(new RegExp(`(?:^|,\\s*)${name}=(\\d+)`).exec(value)?.[1] ?? 0);
  const left = Math.max(0, Math.floor((due - now) / 1000));
  const shared = seconds('s-maxage') || seconds('max-age');
  if (left >= shared + seconds('stale-while-revalidate')) return value;
  const parts = value
    .split(',')
    .map((part) => part.trim())
    .filter((part) => !part.startsWith('stale-while-revalidate='))
    .map((part) =>
      part.startsWith('s-maxage=')
        ? `s-maxage=${Math.min(left, shared)}`
        : part.startsWith('max-age=')
          ? `max-age=${Math.min(left, seconds('max-age'))}`
          : part,
    );
  if (!parts.some((part) => part.startsWith('s-maxage='))) parts.push(`s-maxage=${Math.min(left, shared)}`);
  return parts.join(', ');
}
