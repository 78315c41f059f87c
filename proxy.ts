import { NextResponse, type NextRequest } from 'next/server';
import { requestPathHeader, unavailableStatusHeader } from './lib/routing/request-headers';
import { decidePageRequest } from './lib/routing/page-request';
import { unavailablePath } from './lib/routing/reserved-paths';
import { getStore } from './lib/store/database';
import { pageCacheControl, privateNoStore, redirectCacheControl, unavailableCacheControl } from './lib/cache/cache-control';

/**
 * The front door for page URLs. It asks the store what the URL answers before anything
 * renders, so the reader and the crawler get the real status: 301 for a story that moved,
 * 410 for a withdrawn one, 404 — with the full not-found page, not an empty body — for
 * anything that does not exist. See lib/routing/page-request.ts.
 */
export async function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl;
  const headers = new Headers(request.headers);
  headers.set(requestPathHeader, pathname);
  headers.delete(unavailableStatusHeader);

  const { db } = await getStore();
  const decision = await decidePageRequest(db, {
    pathname,
    searchParams: request.nextUrl.searchParams,
    acceptLanguage: request.headers.get('accept-language'),
  });
  switch (decision.kind) {
    case 'render':
      return withCacheControl(NextResponse.next({ request: { headers } }), decision.cacheable === false ? privateNoStore : pageCacheControl);
    case 'rewrite':
      return withCacheControl(NextResponse.rewrite(new URL(decision.path, request.url), { request: { headers } }), pageCacheControl);
    case 'redirect': {
      const response = NextResponse.redirect(new URL(decision.location, request.url), decision.status);
      if (decision.vary) response.headers.set('Vary', decision.vary);
      return withCacheControl(response, decision.status === 301 ? redirectCacheControl : 'public, max-age=300, s-maxage=300');
    }
    case 'unavailable':
      headers.set(unavailableStatusHeader, String(decision.status));
      return withCacheControl(
        NextResponse.rewrite(new URL(unavailablePath(decision.edition), request.url), { status: decision.status, request: { headers } }),
        unavailableCacheControl,
      );
  }
}

function withCacheControl(response: NextResponse, value: string): NextResponse {
  response.headers.set('Cache-Control', value);
  return response;
}

export const config = {
  // Pages only: not the framework's files, pictures, API routes or files at the root.
  matcher: ['/((?!_next/|images/|api/|favicon.ico|robots.txt|sitemaps?/|.*\\.(?:xml|txt|ico|png|jpg|svg|webmanifest)$).*)'],
};
