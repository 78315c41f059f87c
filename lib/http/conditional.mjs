/**
 * Conditional GETs (RFC 9110, section 13.1.2), the one rule for every answer that has a
 * validator: the HTTP front's cache hits (lib/server/cached-pages.mjs), the proxy's 304 for a
 * page it holds (proxy.ts), feeds and sitemaps (lib/cache/conditional.ts). A browser or a reverse
 * proxy that holds an answer asks with If-None-Match whether it changed; if a listed validator
 * matches ours (or the list is `*`), the answer is an empty 304. Comparison is weak, as
 * If-None-Match always compares: our tags are weak (W/"…", lib/cache/next-cache-handler.mjs).
 *
 * @param {string | null | undefined} header If-None-Match
 * @param {string} etag
 * @returns {boolean}
 */
export function ifNoneMatchAccepts(header, etag) {
  if (!header) return false;
  const opaque = (/** @type {string} */ tag) => tag.trim().replace(/^W\//, '');
  const wanted = opaque(etag);
  return header.split(',').some((tag) => tag.trim() === '*' || opaque(tag) === wanted);
}
