import { weakEtag } from '../cache/etag.mjs';
import { ifNoneMatchAccepts } from '../http/conditional.mjs';
import { litePagePolicy } from '../http/security-headers.mjs';
import { storedTagHeaders } from '../http/surrogate-keys.mjs';
import { hasLiteVersion, litePath } from '../domain/urls';
import { logger } from '../log';
import { litePage } from './lite-page';
import { liteStylesheet } from './lite-style';

/** Where this process's own server answers: the lite page asks it for the full page. */
const ownOrigin = () => `http://127.0.0.1:${Number.parseInt(process.env.PORT ?? '', 10) || 3000}`;

/** The headers of the full page's answer a lite answer repeats: how long it is kept, and what purges it. */
const keptHeaders = ['cache-control', 'surrogate-control', 'x-robots-tag'];

/**
 * The answer for a lite page (issue 31; docs/decisions/026-lite-pages.md): the full page is
 * asked of this server, as a reader would ask it, and its answer made lite. So the lite page
 * has the full page's status (404, 410), its redirects (to the lite address of where the story
 * went), its Cache-Control and its edge tags: a publish that purges the full page purges its
 * lite version with it. The full page is usually a cache hit the HTTP front answers at once.
 *
 * `viaSaveData`: the reader asked for the full page's address with `Save-Data: on`; the answer
 * says it varies on that header, as the full page's does.
 */
export async function liteAnswer(request: Request, fullTarget: string, viaSaveData: boolean): Promise<Response> {
  const requestId = request.headers.get('x-request-id');
  const full = await fetch(`${ownOrigin()}${fullTarget}`, {
    redirect: 'manual',
    headers: {
      accept: 'text/html',
      'accept-encoding': 'identity',
      ...(request.headers.get('accept-language') ? { 'accept-language': request.headers.get('accept-language')! } : {}),
      ...(requestId ? { 'x-request-id': requestId } : {}),
    },
  });
  const headers = new Headers();
  for (const name of keptHeaders) {
    const value = full.headers.get(name);
    if (value) headers.set(name, value);
  }
  for (const [name, value] of Object.entries(storedTagHeaders(Object.fromEntries(full.headers)))) headers.set(name, value);
  headers.set('Vary', viaSaveData ? 'Save-Data, Accept-Encoding' : 'Accept-Encoding');

  const location = full.headers.get('location');
  if (full.status >= 300 && full.status < 400 && location) {
    const moved = new URL(location, ownOrigin());
    const sameSite = moved.origin === ownOrigin() || !/^[a-z]+:/i.test(location);
    const target = `${moved.pathname}${moved.search}`;
    headers.set('Location', sameSite && hasLiteVersion(target) && !viaSaveData ? litePath(target) : location);
    return new Response(null, { status: full.status, headers });
  }
  const type = full.headers.get('content-type') ?? '';
  if (!type.startsWith('text/html')) {
    logger.warn({ reqId: requestId, target: fullTarget, status: full.status, type }, 'lite: the full page is not HTML');
    return new Response(null, { status: full.status >= 400 ? full.status : 404, headers });
  }
  const html = litePage(await full.text(), fullTarget);
  const etag = weakEtag(html);
  headers.set('ETag', etag);
  headers.set('Content-Security-Policy', litePagePolicy([liteStylesheet]));
  const ifNoneMatch = request.headers.get('if-none-match');
  if (full.status === 200 && ifNoneMatch && ifNoneMatchAccepts(ifNoneMatch, etag)) return new Response(null, { status: 304, headers });
  headers.set('Content-Type', 'text/html; charset=utf-8');
  return new Response(request.method === 'HEAD' ? null : html, { status: full.status, headers });
}
