// @ts-check
/**
 * How the site reads a request's URL, once for every reader of it: the HTTP front
 * (lib/server), the proxy (proxy.ts, lib/data/page-request.ts) and the addresses built in
 * lib/domain/urls.ts, which re-exports what is here. Plain JavaScript with types: the front
 * loads it outside Next's bundler (issue 28: one URL grammar, not a copy per layer).
 *
 * A target is what the request line names: `/{edition}/{section}/{yyyymmdd}-{slug}?page=2`.
 * Its path is everything before the first `?`; its query is what follows, read as
 * `application/x-www-form-urlencoded` and written back in one form, so that `?page=2&` and
 * `?page=2` are the same page to every layer.
 */

/**
 * A request target's path and query.
 * @param {string} target
 * @returns {{ pathname: string, query: URLSearchParams }}
 */
export function splitTarget(target) {
  const at = target.indexOf('?');
  return { pathname: at === -1 ? target : target.slice(0, at), query: new URLSearchParams(at === -1 ? '' : target.slice(at + 1)) };
}

/**
 * A target's path alone (the part before `?`).
 * @param {string} target
 */
export function pathOfTarget(target) {
  const at = target.indexOf('?');
  return at === -1 ? target : target.slice(0, at);
}

/**
 * The segments of a path after its leading slash: `/en/europe` → `['en', 'europe']`; an empty
 * segment stands for a doubled or trailing slash.
 * @param {string} pathname
 * @returns {string[]}
 */
export function pathSegments(pathname) {
  return pathname.split('/').slice(1);
}

/**
 * The first segment of a path: the edition's id on every reader page (`/en/...`), whatever it
 * is otherwise ('' for `/`).
 * @param {string} pathname
 */
export function firstSegment(pathname) {
  return pathname.split('/', 2)[1] ?? '';
}

/**
 * One name for a page request, whichever layer holds it: the proxy remembers its decision under
 * it, and the front looks that decision up by it (lib/server/cached-pages.mjs).
 * @param {string} pathname
 * @param {URLSearchParams} [query]
 */
export function pageRequestKey(pathname, query) {
  return `${pathname}?${query?.toString() ?? ''}`;
}

/**
 * A raw target's path and the name of its page request, as pageRequestKey gives it for the
 * parsed URL: what the front asks on every cache hit, so a target without a query (most of
 * them) costs no URLSearchParams.
 * @param {string} target
 * @returns {{ pathname: string, key: string }}
 */
export function pageRequestOfTarget(target) {
  const at = target.indexOf('?');
  if (at === -1) return { pathname: target, key: `${target}?` };
  const pathname = target.slice(0, at);
  return { pathname, key: pageRequestKey(pathname, new URLSearchParams(target.slice(at + 1))) };
}

/** Everything under it is the JSON API: passed through the proxy, kept out of robots' crawl. */
export const apiPrefix = '/api/';

/**
 * Where an article page tells the site it was read (issue 32): `POST /api/v1/views/{story id}`,
 * answered by the HTTP front itself (lib/server/view-beacon.mjs).
 */
export const viewBeaconPrefix = '/api/v1/views/';

/**
 * What kind of route a target asks for, for the metrics (lib/server/metrics.mjs): a few kinds,
 * never the path itself, so that a metric's labels stay few whatever readers and crawlers ask.
 * @param {string} target
 * @returns {'page' | 'api' | 'feed' | 'sitemap' | 'media' | 'asset' | 'health'}
 */
export function routeKindOf(target) {
  const path = pathOfTarget(target);
  if (path === '/api/health' || path === '/api/ready') return 'health';
  if (path.startsWith(apiPrefix)) return 'api';
  if (path.startsWith('/_next/') || path.startsWith('/images/') || path === '/favicon.ico' || path === '/robots.txt') return 'asset';
  if (path.startsWith('/media/')) return 'media';
  if (path.startsWith('/sitemaps/') || path === '/sitemap.xml') return 'sitemap';
  if (/^\/[^/]+\/feeds\//.test(path)) return 'feed';
  return 'page';
}

/**
 * Every reader page has a lite version at its address with `.lite` appended to its path
 * (issue 31; docs/decisions/026-lite-pages.md): `/en.lite`, `/ar/europe.lite`,
 * `/en/europe/20180427-europol-hits-is-propaganda-servers.lite?page=2`.
 */
export const liteSuffix = '.lite';

/** Where the proxy sends a lite request inside the app (app/lite/[[...path]]/route.ts): never a reader's address. */
export const liteRoutePrefix = '/lite';

/**
 * The full page's path of a lite path, or null when the path names no lite page.
 * @param {string} pathname
 * @returns {string | null}
 */
export function fullPathOfLite(pathname) {
  if (!pathname.endsWith(liteSuffix)) return null;
  const full = pathname.slice(0, -liteSuffix.length);
  return full.length > 1 && !full.endsWith('/') && !full.endsWith(liteSuffix) ? full : null;
}

/**
 * Whether a request's Save-Data header asks for less data (`on`, in any case; Chrome sends it
 * with its data saver, and a reader's browser setting on slow networks).
 * @param {string | null | undefined} value
 */
export function savesData(value) {
  return typeof value === 'string' && value.trim().toLowerCase() === 'on';
}
