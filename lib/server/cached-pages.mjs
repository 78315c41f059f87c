// @ts-check
/**
 * Cache hits answered by the HTTP front, before Next.js (issue 17; docs/performance.md).
 *
 * A cached page costs Next about a millisecond of its own request path — routing, running
 * proxy.ts through its middleware adapter (a Request, a Response, their headers), the cache
 * lookup, compressing the same HTML again — and our proxy's store lookup on top. When everything
 * that answer depends on is already known in this process, none of it changes the answer:
 *
 * - the proxy has decided this URL before, and nothing has been committed to the store since
 *   (its change counter: lib/data/page-request.ts, decidePageRequestOnce);
 * - the page cache holds the page that decision names, read against every invalidation up to
 *   that same counter, younger than its revalidation period (next-cache-handler.mjs, freshPageNow).
 *
 * Then the front writes the stored render with the headers Next and the proxy would have sent
 * (Cache-Control, Vary, ETag, the page's CSP, x-nextjs-cache: HIT), compressed once per render
 * rather than once per answer, or 304 for a matching If-None-Match; the front writes its access line.
 * Anything else — a router (RSC) request, a first visit, a write since, a PostgreSQL store whose
 * change feed is down (lib/store/change-feed.ts) — goes on to Next as before. Decision 008's guarantee stands: no answer here
 * can be older than the last write, since any write moves the counter and sends the request on.
 */
import zlib from 'node:zlib';
import negotiate from '@fastify/accept-negotiator';
import { registered } from '../runtime/process-state.mjs';
import { noteAccess } from './answers.mjs';
import { ifNoneMatchAccepts } from '../http/conditional.mjs';
import { pageRequestOfTarget, savesData } from '../domain/url-grammar.mjs';
import { assumptionsHold, cachedPageHeaders, rewriteHeader, routerHeaders } from '../http/next-formats.mjs';
import { edgeSurrogateControl, storedTagHeaders } from '../http/surrogate-keys.mjs';

/** Headers of the router's requests (RSC payloads, prefetches) and of server actions: Next's to answer. */

/** @typedef {'br' | 'gzip'} Coding */
/** @type {WeakMap<object, { plain: Buffer } & { [coding in Coding]?: Buffer }>} the bodies of a render, kept with it */
const bodies = new WeakMap();

/** The codings the front offers, best first: what a browser asks for decides (its q-values first). */
const codings = /** @type {Coding[]} */ (['br', 'gzip']);

/**
 * Brotli with a window of 4 MB (its default, 22 bits): a page's document holds its text twice and
 * its CSS two or three times — once as HTML and inlined `<style>`, again in the RSC payload the
 * router hydrates from — tens of kilobytes apart, beyond gzip's 32 KB window, well within this
 * one. At quality 5 the article's document is 30 % smaller than gzipped (18.0 KB against 25.7)
 * and takes less time to compress (1.8 ms against 2.3, once per render); quality 11 would save
 * two kilobytes more for 130 ms (docs/performance.md).
 * @type {Record<Coding, (plain: Buffer) => Buffer>}
 */
const compress = {
  br: (plain) =>
    zlib.brotliCompressSync(plain, {
      params: {
        [zlib.constants.BROTLI_PARAM_MODE]: zlib.constants.BROTLI_MODE_TEXT,
        [zlib.constants.BROTLI_PARAM_QUALITY]: 5,
        [zlib.constants.BROTLI_PARAM_LGWIN]: 22,
        [zlib.constants.BROTLI_PARAM_SIZE_HINT]: plain.length,
      },
    }),
  gzip: (plain) => zlib.gzipSync(plain),
};

/**
 * Answers the request from the page cache when it may (see above); false when Next must.
 * @param {import('node:http').IncomingMessage} req
 * @param {import('node:http').ServerResponse} res
 * @returns {boolean}
 */
export function answerFromCache(req, res) {
  if (req.method !== 'GET' && req.method !== 'HEAD') return false;
  for (const name of routerHeaders) if (req.headers[name] !== undefined) return false;
  // A reader who asks for less data gets the lite page at this address (proxy.ts, issue 31).
  if (savesData(/** @type {string | undefined} */ (req.headers['save-data']))) return false;
  // Answering for Next rests on its private formats (lib/http/next-formats.mjs): off if one has changed.
  if (!assumptionsHold()) return false;
  const cache = registered('cacheStatus');
  const remembered = registered('decisions');
  const answer = registered('pageAnswer');
  const version = registered('cacheEvents')?.version;
  if (!cache?.freshPageNow || !remembered || !answer || !version || remembered.version !== version()) return false;

  const { pathname, key } = pageRequestOfTarget(req.url ?? '/');
  const decision = remembered.decisions.get(key);
  const cachedAt =
    decision?.kind === 'render' && decision.cacheable !== false
      ? pathname
      : decision?.kind === 'rewrite' && typeof decision.path === 'string'
        ? decision.path
        : null;
  if (!decision || !cachedAt) return false;
  const entry = cache.freshPageNow(cachedAt);
  const value = /** @type {{ html?: string, headers?: Record<string, unknown> } | undefined} */ (entry?.value);
  if (!entry || !value || typeof value.html !== 'string') return false;
  const etag = typeof value.headers?.etag === 'string' ? value.headers.etag : undefined;
  const policy = value.headers?.['content-security-policy'];
  if (!etag || typeof policy !== 'string') return false;

  const cacheControl = answer.cacheControl(pathname);
  const ifNoneMatch = req.headers['if-none-match'];
  if (typeof ifNoneMatch === 'string' && ifNoneMatchAccepts(ifNoneMatch, etag)) {
    res.writeHead(304, { ETag: etag, 'Cache-Control': cacheControl, 'Surrogate-Control': edgeSurrogateControl, Vary: answer.vary });
    res.end();
    noteAccess(res, { decision: 'not-modified', from: 'front' });
    return true;
  }
  let body = bodies.get(value);
  if (!body) {
    body = { plain: Buffer.from(value.html) };
    bodies.set(value, body);
    cache.charge(entry, body.plain.length);
  }
  const acceptEncoding = req.headers['accept-encoding'];
  const coding = typeof acceptEncoding === 'string' ? negotiate(acceptEncoding, codings) : null;
  let payload = body.plain;
  if (coding) {
    const compressed = body[coding];
    if (compressed) payload = compressed;
    else {
      payload = body[coding] = compress[coding](body.plain);
      // Held as long as the page is, and counted with it (PAGE_CACHE_MAX_MB).
      cache.charge(entry, payload.length);
    }
  }
  /** @type {Record<string, string | number>} */
  const headers = {
    'Cache-Control': cacheControl,
    'Surrogate-Control': edgeSurrogateControl,
    ...storedTagHeaders(value.headers),
    Vary: answer.vary,
    ...cachedPageHeaders,
    ETag: etag,
    'Content-Security-Policy': policy,
    'Content-Type': 'text/html; charset=utf-8',
    'Content-Length': payload.length,
  };
  if (decision.kind === 'rewrite') headers[rewriteHeader] = cachedAt;
  if (coding) headers['Content-Encoding'] = coding;
  res.writeHead(200, headers);
  res.end(req.method === 'HEAD' ? undefined : payload);
  noteAccess(res, { decision: decision.kind, from: 'front' });
  return true;
}
