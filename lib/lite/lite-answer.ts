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
 * The lite pages this process made last, by the full page's target, with the full page's ETag:
 * asked again, the full page is asked for with If-None-Match, and a 304 (the HTTP front answers it
 * from memory) means the lite page held is still the one to send, without parsing anything.
 */
const held = new Map<string, { fullEtag: string; html: string; headers: [string, string][] }>();
const heldMax = 200;

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
  const language = request.headers.get('accept-language');
  const before = held.get(fullTarget);
  const full = await fetch(`${ownOrigin()}${fullTarget}`, {
    redirect: 'manual',
    headers: {
      accept: 'text/html',
      'accept-encoding': 'identity',
      ...(language ? { 'accept-language': language } : {}),
      ...(requestId ? { 'x-request-id': requestId } : {}),
      ...(before ? { 'if-none-match': before.fullEtag } : {}),
    },
  });
  if (full.status === 304 && before) {
    const headers = new Headers(before.headers);
    // How long to keep it is the full page's answer of now (a scheduled story cuts it short).
    for (const name of keptHeaders) if (full.headers.get(name)) headers.set(name, full.headers.get(name)!);
    return answer(request, 200, before.html, headers, viaSaveData);
  }

  const headers = new Headers();
  for (const name of keptHeaders) {
    const value = full.headers.get(name);
    if (value) headers.set(name, value);
  }
  for (const [name, value] of Object.entries(storedTagHeaders(Object.fromEntries(full.headers)))) headers.set(name, value);

  const location = full.headers.get('location');
  if (full.status >= 300 && full.status < 400 && location) {
    const moved = new URL(location, ownOrigin());
    const sameSite = moved.origin === ownOrigin() || !/^[a-z]+:/i.test(location);
    const target = `${moved.pathname}${moved.search}`;
    headers.set('Location', sameSite && hasLiteVersion(target) && !viaSaveData ? litePath(target) : location);
    headers.set('Vary', viaSaveData ? 'Save-Data' : 'Accept-Encoding');
    return new Response(null, { status: full.status, headers });
  }
  const type = full.headers.get('content-type') ?? '';
  if (!type.startsWith('text/html')) {
    logger.warn({ reqId: requestId, target: fullTarget, status: full.status, type }, 'lite: the full page is not HTML');
    return new Response(null, { status: full.status >= 400 ? full.status : 404, headers });
  }
  const html = litePage(await full.text(), fullTarget);
  const fullEtag = full.headers.get('etag');
  if (full.status === 200 && fullEtag) {
    held.delete(fullTarget);
    held.set(fullTarget, { fullEtag, html, headers: [...headers] });
    // The oldest out: a Map keeps its keys in the order they were set.
    if (held.size > heldMax) held.delete(held.keys().next().value!);
  }
  return answer(request, full.status, html, headers, viaSaveData);
}

function answer(request: Request, status: number, html: string, headers: Headers, viaSaveData: boolean): Response {
  const etag = weakEtag(html);
  headers.set('ETag', etag);
  headers.set('Content-Security-Policy', litePagePolicy([liteStylesheet]));
  headers.set('Vary', viaSaveData ? 'Save-Data, Accept-Encoding' : 'Accept-Encoding');
  const ifNoneMatch = request.headers.get('if-none-match');
  if (status === 200 && ifNoneMatch && ifNoneMatchAccepts(ifNoneMatch, etag)) return new Response(null, { status: 304, headers });
  headers.set('Content-Type', 'text/html; charset=utf-8');
  return new Response(request.method === 'HEAD' ? null : html, { status, headers });
}
