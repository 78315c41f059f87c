import { weakEtag } from './etag.mjs';

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

/**
 * A feed or sitemap answer with its validator. Feed readers and crawlers poll these and ask
 * with If-None-Match: while nothing changed they get an empty 304. The body comes from the
 * data cache; hashing it (natively, a few hundred microseconds for the largest sitemap) is
 * cheaper than sending it.
 */
export function responseWithValidator(request: Request, body: string, headers: Record<string, string>): Response {
  const etag = weakEtag(body);
  if (ifNoneMatchAccepts(request.headers.get('if-none-match'), etag)) {
    const kept = Object.fromEntries(Object.entries(headers).filter(([name]) => name.toLowerCase() === 'cache-control'));
    return new Response(null, { status: 304, headers: { ...kept, ETag: etag } });
  }
  return new Response(body, { headers: { ...headers, ETag: etag } });
}
