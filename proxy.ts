import { NextResponse, type NextRequest } from 'next/server';
import { liteTargetHeader, liteViaHeader, requestPathHeader, unavailableStatusHeader } from './lib/routing/request-headers';
import { decidePageRequestOnce, type PageRequestDecision, firstListPagePath } from './lib/data/page-request';
import {
  api,
  firstSegment,
  fullPathOfLite,
  hasLiteVersion,
  historySegment,
  liteRoutePath,
  parseArticlePath,
  savesData,
  unavailablePath,
} from './lib/domain/urls';
import { getStore } from './lib/store/database';
import { pageCacheControl, privateNoStore, redirectCacheControl, unavailableCacheControl, untilNextScheduled } from './lib/cache/cache-control';
import { cacheStatus } from './lib/cache/cache-status';
import { ifNoneMatchAccepts } from './lib/http/conditional.mjs';
import { pageVary } from './lib/http/next-formats.mjs';
import { defaultEditionId, isEditionId } from './lib/domain/editions';
import { logger, markErrorLogged, requestIdFrom, requestIdHeader } from './lib/log';
import { storeUnavailableResponse } from './lib/routing/store-unavailable';
import { newNonce, nonceContentSecurityPolicy } from './lib/http/security-headers.mjs';
import { register, registered } from './lib/runtime/process-state.mjs';
import { decisionHeader } from './lib/domain/front-headers.mjs';
import { edgeSurrogateControl, surrogateKeyHeaders } from './lib/http/surrogate-keys.mjs';
import { contentTags } from './lib/domain/content-tags';

/**
 * The front door for page URLs. It asks the store what the URL answers before anything
 * renders, so the reader and the crawler get the real status: 301 for a story that moved,
 * 410 for a withdrawn one, 404 — with the full not-found page, not an empty body — for
 * anything that does not exist. See lib/data/page-request.ts.
 *
 * Every request gets an id (kept from the proxy in front when it sends one), passed on to the
 * page and the API in x-request-id, answered in X-Request-Id, and written in the log lines.
 *
 * When the store cannot be reached, a page this instance holds in its cache, or another
 * instance rendered into the shared cache, is still served (the cached render needs no store),
 * the first page of a section, tag or author list included; anything else gets a
 * self-contained 503 page.
 */
export async function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl;
  const requestId = requestIdFrom(request.headers);
  const headers = new Headers(request.headers);
  headers.set(requestIdHeader, requestId);
  if (pathname.startsWith(api.prefix)) return withRequestId(NextResponse.next({ request: { headers } }), requestId);
  headers.set(requestPathHeader, pathname);
  headers.delete(unavailableStatusHeader);
  const lite = liteRequest(request);
  if (lite) {
    const target = `${lite.path}${request.nextUrl.search}`;
    headers.set(liteViaHeader, lite.via);
    headers.set(liteTargetHeader, target);
    const response = NextResponse.rewrite(new URL(liteRoutePath(target), request.url), { request: { headers } });
    response.headers.set(decisionHeader, 'lite');
    return withRequestId(response, requestId);
  }
  headers.delete(liteViaHeader);
  headers.delete(liteTargetHeader);

  let decision;
  try {
    const { db, version } = await getStore();
    decision = await decidePageRequestOnce(db, version, {
      pathname,
      searchParams: request.nextUrl.searchParams,
      acceptLanguage: request.headers.get('accept-language'),
    });
  } catch (error) {
    // A list's URL is cached under the internal path of its first page; any other page under its own.
    const listPage = firstListPagePath(pathname, request.nextUrl.searchParams);
    const cachedAt = listPage ?? pathname;
    const status = cacheStatus();
    const cached = status !== undefined && (status.hasPage(cachedAt) || (await status.adoptSharedPage(cachedAt)));
    registered('metrics')?.storeError('store');
    logger.error({ reqId: requestId, path: pathname, err: (error as Error).message, servedFromCache: cached }, 'content store unreachable');
    markErrorLogged(requestId);
    if (cached) {
      const served = listPage ? NextResponse.rewrite(new URL(listPage, request.url), { request: { headers } }) : NextResponse.next({ request: { headers } });
      return withRequestId(withEdgeControl(withCacheControl(served, pageCacheControl)), requestId);
    }
    const first = firstSegment(pathname);
    return storeUnavailableResponse(isEditionId(first) ? first : defaultEditionId, requestId);
  }
  const notModified = await notModifiedResponse(request, decision);
  const response = withRequestId(notModified ?? respond(request, headers, decision), requestId);
  // For the one access line the HTTP front writes for every request (lib/server/http-front.mjs).
  response.headers.set(decisionHeader, notModified ? 'not-modified' : decision.kind);
  return response;
}

/**
 * A lite page (issue 31; docs/decisions/026-lite-pages.md): a reader page's address with `.lite`
 * appended, or a reader page asked for with `Save-Data: on` by a browser (not the router's own
 * requests). lib/lite/lite-answer.ts asks this server for the full page, so its status, its
 * redirect and its cache tags are the ones decided here for the full page.
 */
function liteRequest(request: NextRequest): { path: string; via: 'suffix' | 'save-data' } | null {
  const { pathname } = request.nextUrl;
  const full = fullPathOfLite(pathname);
  if (full !== null) return hasLiteVersion(full) ? { path: full, via: 'suffix' } : null;
  if (!savesData(request.headers.get('save-data')) || request.headers.has('rsc') || request.headers.has('next-action')) return null;
  return hasLiteVersion(pathname) ? { path: pathname, via: 'save-data' } : null;
}

/** What Next varies its page answers on; a 304 must say the same (RFC 9110, 15.4.5). */

// What the HTTP front needs to answer a cache hit the way this proxy and Next would (lib/server/cached-pages.mjs).
register('pageAnswer', { cacheControl: (pathname) => pagesCacheControl(pathname), vary: pageVary });

/**
 * A conditional GET for a page we hold, unchanged since the asker got it: 304 with no body,
 * answered here before anything renders (see lib/cache/next-cache-handler.mjs, freshPageEtag).
 * Only for HTML: the router's RSC requests go on to Next.
 */
async function notModifiedResponse(request: NextRequest, decision: PageRequestDecision): Promise<NextResponse | null> {
  const ifNoneMatch = request.headers.get('if-none-match');
  if (!ifNoneMatch || (request.method !== 'GET' && request.method !== 'HEAD') || request.headers.has('rsc')) return null;
  const path = decision.kind === 'rewrite' ? decision.path : decision.kind === 'render' && decision.cacheable !== false ? request.nextUrl.pathname : null;
  if (!path) return null;
  const etag = await cacheStatus()?.freshPageEtag(path);
  if (!etag || !ifNoneMatchAccepts(ifNoneMatch, etag)) return null;
  return new NextResponse(null, {
    status: 304,
    headers: { ETag: etag, 'Cache-Control': pagesCacheControl(request.nextUrl.pathname), 'Surrogate-Control': edgeSurrogateControl, Vary: pageVary },
  });
}

function respond(request: NextRequest, headers: Headers, decision: PageRequestDecision): NextResponse {
  switch (decision.kind) {
    case 'render':
      if (decision.cacheable !== false)
        return withEdgeControl(withCacheControl(NextResponse.next({ request: { headers } }), pagesCacheControl(request.nextUrl.pathname)));
      return withNoindex(
        withCacheControl(
          withNonce(headers, (h) => NextResponse.next({ request: { headers: h } })),
          privateNoStore,
        ),
        decision.preview === true,
      );
    case 'rewrite':
      return withEdgeControl(
        withCacheControl(NextResponse.rewrite(new URL(decision.path, request.url), { request: { headers } }), pagesCacheControl(request.nextUrl.pathname)),
      );
    case 'redirect': {
      const response = NextResponse.redirect(new URL(decision.location, request.url), decision.status);
      if (decision.vary) response.headers.set('Vary', decision.vary);
      return withStoryTag(
        withCacheControl(response, decision.status === 301 ? redirectCacheControl : 'public, max-age=300, s-maxage=300'),
        request.nextUrl.pathname,
      );
    }
    case 'unavailable':
      headers.set(unavailableStatusHeader, String(decision.status));
      return withStoryTag(
        withCacheControl(
          withNonce(headers, (h) =>
            NextResponse.rewrite(new URL(unavailablePath(decision.edition), request.url), { status: decision.status, request: { headers: h } }),
          ),
          unavailableCacheControl,
        ),
        request.nextUrl.pathname,
      );
  }
}

/**
 * A page rendered for this request only (search, not found, gone) gets a nonce: Next puts the
 * nonce it finds in the request's policy on its own scripts, and the answer carries the same
 * policy. Pages from the cache carry their scripts' hashes instead (decision 011).
 */
function withNonce(headers: Headers, respond: (headers: Headers) => NextResponse): NextResponse {
  const policy = nonceContentSecurityPolicy(newNonce());
  headers.set('content-security-policy', policy);
  const response = respond(headers);
  response.headers.set('Content-Security-Policy', policy);
  return response;
}

/** A page's Cache-Control, cut short before the next scheduled story of its edition (decision 015). */
function pagesCacheControl(pathname: string): string {
  return untilNextScheduled(pageCacheControl, firstSegment(pathname));
}

/** A preview is for the newsroom: no search engine may index it, whatever finds the link. */
function withNoindex(response: NextResponse, noindex: boolean): NextResponse {
  if (noindex) response.headers.set('X-Robots-Tag', 'noindex, nofollow');
  return response;
}

function withRequestId(response: NextResponse, requestId: string): NextResponse {
  response.headers.set('X-Request-Id', requestId);
  return response;
}

/**
 * A page the same for every reader is kept by an edge cache for a day (Surrogate-Control), and
 * purged by the content tags its render carries (lib/http/surrogate-keys.mjs; decision 024).
 */
function withEdgeControl(response: NextResponse): NextResponse {
  response.headers.set('Surrogate-Control', edgeSurrogateControl);
  return response;
}

/**
 * A story's address that moved or answers 404 or 410 is tagged with the story's slug: the write
 * that publishes, moves or withdraws a story there purges it from an edge at once, and it is
 * kept there no longer than its Cache-Control says.
 */
const historySuffix = new RegExp(`/${historySegment}$`);

function withStoryTag(response: NextResponse, pathname: string): NextResponse {
  // The story's own address, or its history's (issue 32): both are purged with the story.
  const story = parseArticlePath(pathname) ?? parseArticlePath(pathname.replace(historySuffix, ''));
  const keys = story && isEditionId(story.edition) ? surrogateKeyHeaders([contentTags.storySlug(story.edition, story.slug)]) : null;
  for (const [name, value] of Object.entries(keys ?? {})) response.headers.set(name, value);
  return response;
}

function withCacheControl(response: NextResponse, value: string): NextResponse {
  response.headers.set('Cache-Control', value);
  return response;
}

export const config = {
  // Pages and the API: not the framework's files, pictures (ours and uploads), the install icons,
  // the service worker, the liveness check, files at the root, or picture uploads (whose bodies Next would otherwise copy in memory for the proxy).
  matcher: [
    '/((?!_next/|images/|icons/|media/|api/health|api/v1/media|favicon.ico|robots.txt|sw\\.js|sitemaps?/|.*\\.(?:xml|txt|ico|png|jpg|svg|webmanifest)$).*)',
  ],
};
