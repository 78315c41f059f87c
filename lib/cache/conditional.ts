/**
 * Conditional GETs (RFC 9110, section 13.1.2). A browser or a reverse proxy that holds a page
 * asks with If-None-Match whether it changed; if the validator still matches the page we hold,
 * the answer is an empty 304. Comparison is weak: our tags are weak (W/"…", see
 * lib/cache/next-cache-handler.mjs), and If-None-Match always compares weakly.
 */
export function ifNoneMatchAccepts(header: string | null, etag: string): boolean {
  if (!header) return false;
  const opaque = (tag: string) => tag.trim().replace(/^W\//, '');
  const wanted = opaque(etag);
  return header.split(',').some((tag) => tag.trim() === '*' || opaque(tag) === wanted);
}
