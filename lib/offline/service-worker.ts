/// <reference lib="webworker" />
/**
 * The service worker (issue 31; docs/decisions/026-lite-pages.md, "Offline reading"), bundled
 * by scripts/build-service-worker.ts into public/sw.js and registered by every page after it
 * has loaded (components/layout/ServiceWorkerRegistration.tsx). Serwist's strategies and
 * expiration; the routing below is ours.
 *
 * - Documents come from the network first, always: online, a reader never gets a page the
 *   worker kept (decision 008's guarantee holds through it). A story's document is kept as it
 *   passes (the last `recentStories`); without a connection the kept copy answers, the saved
 *   one if there is one, and any other page answers the edition's offline page, filled here with
 *   the stories that can be read.
 * - The saved page is the worker's own: its document from the network (or the copy fetched at
 *   install), its list filled from the saved stories, with or without a connection.
 * - Pictures are kept at the size the page fetched them; the framework's hashed files and the
 *   fonts too, so a kept story opens as it looked.
 * - A kept story the site now answers 410 or 404 for (withdrawn, or gone) is dropped: when the
 *   reader opens it, and, while online, in a check of every kept story at most every few minutes.
 * - A new worker takes over at once (skipWaiting, clientsClaim): it keeps no file a page still
 *   open needs (the framework's files stay in their cache), so an open page goes on working.
 */
import { CacheableResponsePlugin, CacheExpiration, CacheFirst, ExpirationPlugin, NetworkFirst, Serwist, type SerwistPlugin } from 'serwist';
import { isArticlePathOf, offlinePath, savedPath } from '../domain/reader-paths';
import { offlineCachePrefix, offlineCaches, offlineEmptyAttribute, offlineLimits, offlineListAttribute } from './offline-config';

declare const self: ServiceWorkerGlobalScope;
/** The editions' ids, written in by scripts/build-service-worker.ts (their configs stay out of the worker). */
declare const EDITION_IDS: string[];
const editionIds = EDITION_IDS;
const isEditionId = (id: string) => editionIds.includes(id);
const isArticlePath = (pathname: string) => isArticlePathOf(pathname, isEditionId);

/** Our answers vary on headers a kept copy's request did not send (Accept for pictures, Save-Data for pages): matched by URL. */
const byUrl = { ignoreVary: true } as const;

/**
 * A document asked of the network as the browser itself would ask it for a navigation: checked
 * with the server every time (`no-cache`). A worker's fetch goes through the HTTP cache like a
 * script's, and our pages say `stale-while-revalidate`: without this the browser would hand the
 * worker the copy it holds, older than the last publish, and fetch the new one behind it.
 * Redirects come back as they are (the navigation follows them).
 */
const fromNetwork = (request: Request) =>
  new Request(request.url, { cache: 'no-cache', credentials: 'same-origin', redirect: 'manual', headers: request.headers });
const revalidated: SerwistPlugin = { requestWillFetch: async ({ request }) => fromNetwork(request) };

const stories = new NetworkFirst({
  cacheName: offlineCaches.recent,
  matchOptions: byUrl,
  plugins: [
    revalidated,
    new CacheableResponsePlugin({ statuses: [200] }),
    new ExpirationPlugin({ maxEntries: offlineLimits.recentStories, maxAgeSeconds: offlineLimits.maxAgeSeconds, purgeOnQuotaError: true }),
  ],
});

const pictures = new CacheFirst({
  cacheName: offlineCaches.pictures,
  matchOptions: byUrl,
  plugins: [new ExpirationPlugin({ maxEntries: offlineLimits.pictures, maxAgeSeconds: offlineLimits.maxAgeSeconds, purgeOnQuotaError: true })],
});

const serwist = new Serwist({
  skipWaiting: true,
  clientsClaim: true,
  navigationPreload: false,
  runtimeCaching: [
    {
      matcher: ({ request, sameOrigin, url }) => sameOrigin && request.mode === 'navigate' && isArticlePath(url.pathname),
      handler: async ({ request, event }) => story(request, event as FetchEvent),
    },
    {
      matcher: ({ request, sameOrigin, url }) => sameOrigin && request.mode === 'navigate' && savedPageEdition(url.pathname) !== null,
      handler: async ({ url }) => savedPage(savedPageEdition(url.pathname)!),
    },
    {
      matcher: ({ request, sameOrigin }) => sameOrigin && request.mode === 'navigate',
      handler: async ({ request, url }) => {
        try {
          const response = await fetch(fromNetwork(request));
          checkWithdrawalsSoon();
          return response;
        } catch {
          return offlinePage(editionOf(url.pathname));
        }
      },
    },
    {
      matcher: ({ request, sameOrigin, url }) =>
        sameOrigin &&
        request.destination === 'image' &&
        (url.pathname === '/_next/image' || url.pathname.startsWith('/media/') || url.pathname.startsWith('/images/')),
      // A saved story's pictures are in the saved cache: any cache's copy first.
      handler: async ({ request, event }) => (await caches.match(request, byUrl)) ?? pictures.handle({ request, event }),
    },
    {
      matcher: ({ sameOrigin, url }) => sameOrigin && url.pathname.startsWith('/_next/static/'),
      handler: new CacheFirst({
        cacheName: offlineCaches.assets,
        plugins: [new ExpirationPlugin({ maxEntries: offlineLimits.assets, maxAgeSeconds: offlineLimits.maxAgeSeconds, purgeOnQuotaError: true })],
      }),
    },
  ],
});

/** A story: the network's answer (kept), else the saved or kept copy, else the offline page. */
async function story(request: Request, event: FetchEvent): Promise<Response> {
  const url = new URL(request.url);
  try {
    const response = await stories.handle({ request, event });
    if (response.status === 404 || response.status === 410) await forget(url.pathname);
    else checkWithdrawalsSoon();
    return response;
  } catch {
    const kept = (await caches.open(offlineCaches.saved).then((cache) => cache.match(url.pathname, byUrl))) ?? (await caches.match(url.pathname, byUrl));
    return kept ?? offlinePage(editionOf(url.pathname));
  }
}

/** Drops a story's kept and saved copies. */
async function forget(pathname: string): Promise<void> {
  await Promise.all([offlineCaches.recent, offlineCaches.saved].map(async (name) => (await caches.open(name)).delete(pathname)));
}

/** Asks for every kept story (HEAD) and drops those the site no longer has (410, 404). */
async function dropWithdrawn(cacheNames: string[]): Promise<void> {
  for (const name of cacheNames) {
    const cache = await caches.open(name);
    for (const request of await cache.keys()) {
      const { pathname } = new URL(request.url);
      if (!isArticlePath(pathname)) continue;
      const answer = await fetch(pathname, { method: 'HEAD', cache: 'no-cache', redirect: 'manual' }).catch(() => null);
      if (answer && (answer.status === 404 || answer.status === 410)) await forget(pathname);
    }
  }
}

let lastCheck = 0;
/** While online, at most every few minutes: every kept story asked for again. */
function checkWithdrawalsSoon(): void {
  if (Date.now() - lastCheck < offlineLimits.withdrawalCheckMs) return;
  lastCheck = Date.now();
  void dropWithdrawn([offlineCaches.recent, offlineCaches.saved]).catch(() => undefined);
}

/** The edition a path belongs to (the default edition's when none). */
function editionOf(pathname: string): string {
  const first = pathname.split('/')[1] ?? '';
  return isEditionId(first) ? first : editionIds[0]!;
}

function savedPageEdition(pathname: string): string | null {
  return editionIds.find((edition) => pathname === savedPath(edition)) ?? null;
}

type Kept = { path: string; title: string };

/** The stories a cache holds, newest first, with the headlines their documents carry. */
async function keptStories(cacheName: string): Promise<Kept[]> {
  const cache = await caches.open(cacheName);
  const kept: Kept[] = [];
  for (const request of [...(await cache.keys())].reverse()) {
    const { pathname } = new URL(request.url);
    if (!isArticlePath(pathname)) continue;
    const html = await (await cache.match(request, byUrl))?.text();
    // The headline as the page's og:title holds it, already escaped for HTML.
    const title = html ? /<meta property="og:title" content="([^"]*)"/.exec(html)?.[1] : undefined;
    if (title) kept.push({ path: pathname, title });
  }
  return kept;
}

/** A shell page (offline, saved) with its list filled: from the network when it answers, else the copy fetched at install. */
async function filledShell(path: string, items: Kept[], status: number): Promise<Response> {
  const shell =
    (await fetch(path, { cache: 'no-cache' }).catch(() => null)) ?? (await caches.open(offlineCaches.shells).then((cache) => cache.match(path, byUrl)));
  // No copy (the worker was stopped while installing): the browser's own offline page, in the reader's language.
  if (!shell || !shell.ok) return Response.error();
  let html = await shell.text();
  const list = `<ul ${offlineListAttribute}="">`;
  const entries = items.map((item) => `<li><a href="${item.path}">${item.title}</a></li>`).join('');
  html = html.replace(`${list}</ul>`, `${list}${entries}</ul>`);
  if (items.length > 0) html = html.replace(new RegExp(`<p ${offlineEmptyAttribute}=""[^>]*>[^<]*</p>`), '');
  const headers = new Headers(shell.headers);
  headers.delete('content-length');
  headers.delete('content-encoding');
  headers.delete('etag');
  headers.set('Cache-Control', 'no-store');
  return new Response(html, { status, headers });
}

async function offlinePage(edition: string): Promise<Response> {
  const saved = await keptStories(offlineCaches.saved);
  const recent = (await keptStories(offlineCaches.recent)).filter((story) => !saved.some((s) => s.path === story.path));
  return filledShell(offlinePath(edition), [...saved, ...recent], 503);
}

/** The saved stories; online, each is asked for first, so that a withdrawn one is gone from the list the reader opens. */
async function savedPage(edition: string): Promise<Response> {
  if (self.navigator.onLine) await dropWithdrawn([offlineCaches.saved]).catch(() => undefined);
  return filledShell(savedPath(edition), await keptStories(offlineCaches.saved), 200);
}

/**
 * A page opened before this worker controlled it (the first visit: the worker installs after the
 * page has loaded) asks it to keep what the reader is looking at: a story's document, and the
 * pictures the page shows, at the size it fetched them (components/offline/ServiceWorkerRegistration.island.tsx).
 */
async function keep(path: string, pictures: string[]): Promise<void> {
  const keptAs = async (cacheName: string, url: string, init: RequestInit, maxEntries: number) => {
    const response = await fetch(url, init);
    if (!response.ok) return;
    await (await caches.open(cacheName)).put(url, response);
    const expiration = new CacheExpiration(cacheName, { maxEntries, maxAgeSeconds: offlineLimits.maxAgeSeconds });
    await expiration.updateTimestamp(new URL(url, self.location.origin).href);
    await expiration.expireEntries();
  };
  if (isArticlePath(path)) await keptAs(offlineCaches.recent, path, {}, offlineLimits.recentStories);
  for (const picture of pictures) {
    const url = new URL(picture, self.location.origin);
    if (url.origin !== self.location.origin || (await caches.match(url.href, byUrl))) continue;
    await keptAs(offlineCaches.pictures, url.href, { headers: { Accept: 'image/avif,image/webp,image/*;q=0.8' } }, offlineLimits.pictures).catch(
      () => undefined,
    );
  }
}

self.addEventListener('message', (event) => {
  const data = event.data as { type?: string; path?: unknown; pictures?: unknown } | null;
  if (data?.type !== 'keep' || typeof data.path !== 'string' || !data.path.startsWith('/')) return;
  const pictures = Array.isArray(data.pictures) ? data.pictures.filter((p): p is string => typeof p === 'string').slice(0, 40) : [];
  event.waitUntil(keep(data.path, pictures).catch(() => undefined));
});

// The shells, for every edition, when the worker installs; and only this version's caches kept.
self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(offlineCaches.shells).then((cache) => cache.addAll(editionIds.flatMap((edition) => [offlinePath(edition), savedPath(edition)]))));
});
self.addEventListener('activate', (event) => {
  const current = new Set<string>(Object.values(offlineCaches));
  event.waitUntil(
    caches
      .keys()
      .then((names) => Promise.all(names.filter((name) => name.startsWith(offlineCachePrefix) && !current.has(name)).map((name) => caches.delete(name)))),
  );
});

serwist.addEventListeners();
