// @ts-check
/**
 * Every assumption we make about Next.js's and React's private formats, in one place (issue 28,
 * decision 023), and the checks that hold each one against the real build as it runs.
 *
 * The speed of a cache hit depends on knowing things Next does not document: how its cache
 * handler is handed a rendered page, the headers it answers a cached page with, the router's
 * request headers, React's bootstrap script tags, and what its standalone output holds. A
 * release may change any of them. Each is named below; the code that relies on one imports it
 * from here, and it is checked where the build shows it — the standalone output when a server
 * process starts (next-standalone.mjs, from lib/server/main.mjs), every page the cache handler stores
 * (lib/cache/next-cache-handler.mjs). When a check fails, the process logs an error naming the
 * assumption, turns off what depends on it (the front's cache-hit answer, the document rewrite),
 * and `/api/ready` lists it under `next` — the site keeps serving through Next, correctly,
 * only slower; never silently wrong.
 */
import { shared } from '../runtime/process-state.mjs';

/** The kind of cache entry Next gives its cache handler for a rendered App Router page. */
export const pageEntryKind = 'APP_PAGE';

/** The response header in which a stored page names its cache tags (Next's `NEXT_CACHE_TAGS_HEADER`). */
export const cacheTagsHeader = 'x-next-cache-tags';

/**
 * The request headers of Next's client router (an RSC payload, a prefetch, a server action):
 * such a request is never answered with the HTML document, so the front passes it to Next.
 */
export const routerHeaders = ['rsc', 'next-router-state-tree', 'next-router-prefetch', 'next-router-segment-prefetch', 'next-action', 'next-url'];

/**
 * What a page's answer varies on: the router's headers, as Next sends it, the encoding we
 * compress in, and Save-Data (a reader who asks for less data gets the lite page at the same
 * address, issue 31).
 */
export const pageVary = 'rsc, next-router-state-tree, next-router-prefetch, next-router-segment-prefetch, Accept-Encoding, Save-Data';

/** The headers Next answers a cached page with, which the front's own answer repeats. */
export const cachedPageHeaders = { 'x-nextjs-cache': 'HIT', 'x-nextjs-prerender': '1', 'x-nextjs-stale-time': '300' };

/** The header by which Next's middleware adapter tells the browser a request was rewritten. */
export const rewriteHeader = 'x-middleware-rewrite';

/**
 * The pathname a page's cache key stands for: Next's keys end with `/$/` and the route's
 * pathname (`/route-cache/APP_PAGE/<build>/$/en/story`). Null for any other key.
 * @param {string} key
 * @returns {string | null}
 */
export function pathnameOfKey(key) {
  const at = key.indexOf('/$/');
  return at === -1 ? null : key.slice(at + 2);
}

/** The assumptions, by name, as logs and /api/ready name them. */
const assumptions = {
  pageEntry: `a rendered page reaches the cache handler as { kind: "${pageEntryKind}", html, headers, status } under a key that ends with "/$/" and its pathname`,
  cacheTags: `a stored page names its cache tags in headers["${cacheTagsHeader}"]`,
  bootstrapTags: 'React writes the framework\'s scripts as <script src="…" async=""> tags before </body>',
  standalone: 'the standalone output holds .next/required-server-files.json (with config), .next/static, public and node_modules/next',
};

/** @typedef {keyof typeof assumptions} Assumption */

/** @returns {Map<string, { ok: boolean, detail?: string }>} */
const checked = () => shared('nextAssumptions', () => new Map());

/**
 * Records what a check found; logs an error the first time an assumption fails in this process.
 * @param {Assumption} name
 * @param {boolean} ok
 * @param {string} [detail] what was found instead
 * @param {{ error(fields: object, message: string): void }} [log]
 */
export function recordAssumption(name, ok, detail, log) {
  const before = checked().get(name);
  if (before && !before.ok) return; // once failed, off for the life of the process
  checked().set(name, ok ? { ok } : { ok, detail });
  if (!ok) {
    log?.error(
      { component: 'next-formats', assumption: name, expected: assumptions[name], found: detail },
      `an assumption about Next.js's private formats no longer holds (${name}): the optimisation that depends on it is off`,
    );
  }
}

/** Whether every assumption checked so far holds: what the front's cache-hit answer asks first. */
export function assumptionsHold() {
  for (const { ok } of checked().values()) if (!ok) return false;
  return true;
}

/** What /api/ready reports: every assumption checked so far, and those that failed. */
export function assumptionReport() {
  const failed = [...checked()].filter(([, result]) => !result.ok).map(([name, result]) => ({ assumption: name, detail: result.detail }));
  return { ok: failed.length === 0, checked: [...checked().keys()], failed };
}

/**
 * Checks a page Next hands the cache handler: its entry shape, its tags, and (for a page
 * answered 200) React's bootstrap tags, found by the document rewrite (`rewritten`).
 * @param {string} key
 * @param {import('../runtime/contract').CachedValue} value
 * @param {boolean} rewritten whether the document rewrite found the framework's script tags
 * @param {{ error(fields: object, message: string): void }} log
 */
export function checkStoredPage(key, value, rewritten, log) {
  const shapeOk = pathnameOfKey(key) !== null && typeof value.html === 'string' && typeof value.headers === 'object' && value.headers !== null;
  recordAssumption(
    'pageEntry',
    shapeOk,
    shapeOk ? undefined : `key ${key.slice(0, 120)}; fields ${Object.keys(value).join(', ')}; html ${typeof value.html}; headers ${typeof value.headers}`,
    log,
  );
  if (!shapeOk) return;
  const tags = value.headers?.[cacheTagsHeader];
  recordAssumption('cacheTags', typeof tags === 'string', `headers: ${Object.keys(value.headers ?? {}).join(', ')}`, log);
  if ((value.status ?? 200) === 200 && typeof value.html === 'string' && value.html.includes('</body>')) {
    recordAssumption('bootstrapTags', rewritten, 'no <script src="…" async=""> tag before </body>', log);
  }
}
