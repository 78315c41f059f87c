/**
 * What CDNs and reverse proxies may do with our answers. Our own cache is invalidated the moment
 * content changes; a shared cache in front cannot be told, so it holds pages briefly, may serve
 * them stale while it refreshes, and keeps serving them if we fail.
 */

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
