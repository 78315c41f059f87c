import { ifNoneMatchAccepts } from '../http/conditional.mjs';
import { weakEtag } from './etag.mjs';

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
