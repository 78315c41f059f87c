/**
 * Next.js's server cache for this site: ISR pages, cached route data and `unstable_cache`
 * reads, kept in memory with a size bound, and invalidated by content tags.
 *
 * Plain JavaScript on purpose: Next.js loads this file with import() when the server starts,
 * outside its bundler (next.config.js, `cacheHandler`).
 *
 * Invalidation does not rely on revalidateTag() being called in this process. Every content
 * write records the tags it affects in the store, in its own transaction, numbered by a
 * sequence (lib/store/cache-events.ts). At the first lookup of each request, this handler
 * reads the events it has not seen yet — through a reader that the server registers at start (lib/runtime/process-state.mjs) — and
 * treats an entry as stale when one of its tags changed after the entry's data was read. That
 * is what makes a story imported from the command line, or published through another
 * instance, fresh on the very next request.
 *
 * An entry remembers the last event number seen when its render began (at the miss in get()),
 * not a clock time: a publish that lands while a page is rendering leaves that page stale, and
 * clocks of different machines never enter into it.
 *
 * With REDIS_URL, entries are also kept in Redis and shared by every instance (shared-cache.mjs):
 * a miss here asks Redis before rendering. Without it, or while Redis is away, each process
 * has its own cache.
 *
 * NEWSROOM_PAGE_CACHE=off turns caching off entirely (every request renders): what the
 * benchmark uses to measure a forced miss.
 */
import fs from 'node:fs';
import path from 'node:path';
import { weakEtag } from './etag.mjs';
import { surrogateKeyHeaders } from '../http/surrogate-keys.mjs';
import { bootAfterFirstPaint } from '../http/boot-after-paint.mjs';
import { pageContentSecurityPolicy } from '../http/security-headers.mjs';
import { createSharedCache } from './shared-cache.mjs';
import { logger } from '../runtime/log.mjs';
import { registered, shared } from '../runtime/process-state.mjs';
import { cacheTagsHeader, checkStoredPage, pageEntryKind, pathnameOfKey } from '../http/next-formats.mjs';

const disabled = process.env.NEWSROOM_PAGE_CACHE === 'off';
const maxBytes = (Number(process.env.PAGE_CACHE_MAX_MB) > 0 ? Number(process.env.PAGE_CACHE_MAX_MB) : 256) * 1024 * 1024;

/**
 * One state per process, whichever bundle or instance of this class touches it.
 * @typedef {import('../runtime/contract').CacheEntry} CacheEntry
 * @typedef {import('../runtime/contract').CachedValue} CachedValue
 * @type {import('../runtime/contract').PageCacheState}
 */
const state = shared('pageCache', () => ({
  /** key → { value, lastModified, seq, tags, size }, in least-recently-used order. */
  entries: new Map(),
  bytes: 0,
  /** The last invalidation event read from the store. */
  seq: 0,
  /** The store's change counter when the events were last read (undefined: read every time). */
  storeVersion: undefined,
  /** tag → number of the last event that invalidated it. */
  tagSeq: new Map(),
  /** tag → time it was invalidated by revalidateTag() in this process. */
  localExpiry: new Map(),
  /** key → event number when a miss was answered: the render that follows started after it. */
  pendingSeq: new Map(),
  refreshing: null,
  /** Set when a request starts (resetRequestCache): its first lookup reads new invalidations. */
  eventsUnread: true,
  warned: false,
  /** The first invalidation event this process knows: a shared entry older than it may have missed one. */
  baseSeq: null,
  /** Pathnames of the pages held here (keys end with the pathname): what the proxy may still serve when the store is down. */
  pages: new Map(),
  /** The entries held now (not dropped): what the front's bodies may be charged to (`charge`). */
  held: new WeakSet(),
  shared: null,
}));

/** What the proxy and the readiness check may ask of this cache. */
shared('cacheStatus', () => ({
  hasPage: (pathname) => state.pages.has(pathname),
  adoptSharedPage: (pathname) => adoptSharedPage(pathname),
  sharedCache: () => state.shared,
  freshPageEtag: (pathname) => freshPageEtag(pathname),
  freshPageNow: (pathname) => freshPageNow(pathname),
  charge: (entry, bytes) => charge(entry, bytes),
  behindTheStore: () => {
    const version = registered('cacheEvents')?.version;
    return version !== undefined && version() !== state.storeVersion;
  },
  catchUp: () => {
    state.eventsUnread = true;
    return readNewEvents();
  },
}));

/**
 * What the HTTP front keeps beside a page it answers from this cache — its bytes and their
 * compressed forms (lib/server/cached-pages.mjs) — counts against the same bound as the page
 * itself (PAGE_CACHE_MAX_MB), so that the two together stay within it; they go with the entry.
 * @param {CacheEntry} entry
 * @param {number} bytes
 */
function charge(entry, bytes) {
  if (!state.held.has(entry) || !(bytes > 0)) return;
  entry.size += bytes;
  state.bytes += bytes;
  evict();
}

/** Where a page's entry is in Redis, by pathname: what an instance that never rendered it looks up. */
const sharedPageKey = (/** @type {string} */ pathname) => `page-key:${pathname}`;

/**
 * A page another instance rendered, taken from Redis into this process's cache, if this
 * process can judge it fresh (it has read the store's invalidations at least once): what lets
 * an instance serve it while the store is down. True when the page is now held here.
 *
 * @param {string} pathname
 * @returns {Promise<boolean>}
 */
async function adoptSharedPage(pathname) {
  if (disabled || !state.shared) return false;
  const key = /** @type {unknown} */ (await state.shared.get(sharedPageKey(pathname)));
  if (typeof key !== 'string') return false;
  const entry = await state.shared.get(key);
  if (!entry || entry.value?.kind !== pageEntryKind || !isSharedUsable(entry, entry.tags)) return false;
  keep(key, entry);
  return true;
}

/**
 * ETags are computed once per render, here, not by Next for every response (next.config.js
 * sets generateEtags: false: hashing a 60 KB page on each hit cost about 9 % of a cached
 * article's CPU). The validator goes into the page's headers, which Next sends with every
 * answer from this entry, HTML and RSC alike: both come from the same render, so the tag is
 * weak. The headers object is the one Next is about to answer the render's own request with
 * (it stores the entry before it sends it), so the first answer carries the validator too, and
 * a cache in front (nginx) can revalidate it. The proxy answers a matching If-None-Match with
 * 304 before anything renders (freshPageEtag below, and proxy.ts).
 *
 * The page's Content-Security-Policy is made here too, the same way: a cached page is the
 * same for every reader and cannot carry a per-request nonce, so its policy allows its own
 * inline scripts (Next's bootstrap and RSC payload) by hash, and nothing else inline
 * (lib/http/security-headers.mjs, docs/decisions/011-content-security-policy.md).
 *
 * Before either, the page's framework scripts are made to load after its first paint
 * (lib/http/boot-after-paint.mjs): the validator and the policy are those of the document
 * as it is sent.
 *
 * And the page's content tags, in the headers an edge cache purges by (lib/http/surrogate-keys.mjs).
 *
 * @param {string} key
 * @param {CachedValue | null | undefined} value
 * @param {string[]} tags
 */
function addValidatorAndPolicy(key, value, tags) {
  if (value?.kind !== pageEntryKind) return;
  if (typeof value.html !== 'string') {
    checkStoredPage(key, value, false, logger);
    return;
  }
  const html = value.html;
  value.html = bootAfterFirstPaint(html);
  checkStoredPage(key, value, value.html !== html, logger);
  value.headers ??= {};
  value.headers.etag = weakEtag(value.html);
  value.headers['content-security-policy'] = pageContentSecurityPolicy(value.html);
  // What an edge in front is told to purge this page by (lib/http/surrogate-keys.mjs).
  Object.assign(value.headers, surrogateKeyHeaders(tags) ?? {});
}

/**
 * The ETag of the page this process holds for a pathname, if no write since its render
 * concerns it; else null (the request goes on to Next, which renders or fetches it). Reads the
 * store's invalidations first, with a read that starts now: a 304 must not hide a publish.
 *
 * @param {string} pathname
 * @returns {Promise<string | null>}
 */
async function freshPageEtag(pathname) {
  if (disabled) return null;
  const key = state.pages.get(pathname);
  if (!key || !state.entries.has(key)) return null;
  if (state.refreshing) await state.refreshing;
  state.eventsUnread = true;
  await readNewEvents();
  const entry = state.entries.get(key);
  if (!entry || isStale(entry, entry.tags)) return null;
  // revalidatePath() and friends expire tags Next derives from the path: not known here.
  for (const expiredAt of state.localExpiry.values()) if (expiredAt >= entry.lastModified) return null;
  const etag = entry.value?.headers?.etag;
  return typeof etag === 'string' ? etag : null;
}

/**
 * The page this process holds for a pathname, if it may be served as it is without asking
 * anything: nothing has been committed to the store, by any process, since the invalidations
 * were last read (the store's change counter is where it was then: SQLite's data_version, PostgreSQL's change feed), no write since
 * its render concerns it, and it is younger than its revalidation period. Else null, and the
 * request goes to Next, which reads the store and renders if it must. What the HTTP front
 * answers a cache hit from (lib/server/cached-pages.mjs) — decision 008's guarantee unchanged.
 *
 * @param {string} pathname
 * @returns {CacheEntry | null}
 */
function freshPageNow(pathname) {
  if (disabled || state.refreshing) return null;
  const version = registered('cacheEvents')?.version?.();
  if (version === undefined || version !== state.storeVersion) return null;
  const key = state.pages.get(pathname);
  const entry = key === undefined ? undefined : state.entries.get(key);
  if (!key || !entry || entry.value?.kind !== pageEntryKind || typeof entry.value.html !== 'string') return null;
  if (entry.value.status !== undefined && entry.value.status !== 200) return null;
  if (typeof entry.revalidate !== 'number' || Date.now() - entry.lastModified >= entry.revalidate * 1000) return null;
  if (isStale(entry, entry.tags)) return null;
  for (const expiredAt of state.localExpiry.values()) if (expiredAt >= entry.lastModified) return null;
  state.entries.delete(key);
  state.entries.set(key, entry);
  return entry;
}

const pathnameOf = pathnameOfKey;

/** @returns {Promise<void>} */
async function readNewEvents() {
  const source = registered('cacheEvents');
  if (!source) return;
  // An empty cache has nothing older to forget: start after the newest event at server start.
  if (state.seq === 0 && source.startSeq > 0) state.seq = source.startSeq;
  state.baseSeq ??= source.startSeq ?? 0;
  if (state.refreshing) return state.refreshing;
  if (!state.eventsUnread) return;
  state.eventsUnread = false;
  // Nothing committed to the store, by any process, since the last read: no new event to read
  // (the store's change counter, read before the query so that a write during it is read next time).
  const version = source.version?.();
  if (version !== undefined && version === state.storeVersion) return;
  state.refreshing = (async () => {
    try {
      const events = await source.since(state.seq);
      let newest = 0;
      for (const { seq, tag, createdTs } of events) {
        state.tagSeq.set(tag, seq);
        if (seq > state.seq) state.seq = seq;
        if (createdTs !== undefined && createdTs > newest) newest = createdTs;
      }
      // How long after its commit this process learnt of the newest change (the metrics' change-feed lag).
      if (newest > 0) registered('metrics')?.feedLag(Date.now() - newest);
      state.storeVersion = version;
      state.warned = false;
    } catch (error) {
      // The store is unreachable: serve what we have rather than fail, and say so once.
      registered('metrics')?.storeError('store');
      if (!state.warned)
        logger.warn(
          { component: 'page-cache', err: error instanceof Error ? error.message : String(error) },
          'cannot read invalidations from the store: serving cached pages as they are',
        );
      state.warned = true;
    } finally {
      state.refreshing = null;
    }
  })();
  return state.refreshing;
}

/**
 * @param {CachedValue | null | undefined} value
 * @param {string[] | undefined} extraTags
 * @returns {string[]}
 */
function tagsOf(value, extraTags) {
  const header = value?.headers?.[cacheTagsHeader];
  const tags = typeof header === 'string' && header ? header.split(',') : [];
  return [...tags, ...(extraTags ?? [])];
}

/**
 * @param {{ seq: number, lastModified: number }} entry
 * @param {string[]} tags
 */
function isStale(entry, tags) {
  for (const tag of tags) {
    if ((state.tagSeq.get(tag) ?? 0) > entry.seq) return true;
    const expiredAt = state.localExpiry.get(tag);
    if (expiredAt !== undefined && expiredAt >= entry.lastModified) return true;
  }
  return false;
}

/**
 * @param {CachedValue | null | undefined} value
 * @returns {number}
 */
function sizeOf(value) {
  switch (value?.kind) {
    case pageEntryKind: {
      let size = (value.html?.length ?? 0) + (value.rscData?.byteLength ?? 0);
      if (value.segmentData) for (const segment of value.segmentData.values()) size += segment.byteLength ?? 0;
      return size;
    }
    case 'APP_ROUTE':
      return value.body?.byteLength ?? 0;
    case 'FETCH':
      return typeof value.data?.body === 'string' ? value.data.body.length : 1024;
    default:
      return 1024;
  }
}

/** @param {string} key */
function drop(key) {
  const entry = state.entries.get(key);
  if (!entry) return;
  state.entries.delete(key);
  state.held.delete(entry);
  state.bytes -= entry.size;
  const pathname = pathnameOf(key);
  if (pathname && state.pages.get(pathname) === key) state.pages.delete(pathname);
}

/**
 * @param {string} key
 * @param {CacheEntry} entry
 */
function keep(key, entry) {
  state.entries.set(key, entry);
  state.held.add(entry);
  state.bytes += entry.size;
  const pathname = entry.value?.kind === pageEntryKind ? pathnameOf(key) : null;
  if (pathname) state.pages.set(pathname, key);
  evict();
}

/** An entry from Redis, rendered by any instance: usable if no invalidation since its read concerns it. */
/**
 * @param {CacheEntry} entry
 * @param {string[]} tags
 */
function isSharedUsable(entry, tags) {
  if (state.baseSeq === null || entry.seq < state.baseSeq) return false;
  return !isStale(entry, tags);
}

function evict() {
  for (const key of state.entries.keys()) {
    if (state.bytes <= maxBytes) break;
    drop(key);
  }
}

export default class NewsroomCacheHandler {
  /** @param {{ serverDistDir?: string } | undefined} options */
  constructor(options) {
    this.options = options;
    if (!disabled && process.env.REDIS_URL && !state.shared) {
      state.shared = createSharedCache(process.env.REDIS_URL, buildIdOf(options));
      logger.info({ component: 'shared-cache' }, 'sharing the page cache through Redis');
    }
  }

  /**
   * @param {string} key
   * @param {{ kind?: string, tags?: string[], softTags?: string[] } | undefined} ctx
   */
  async get(key, ctx) {
    // Without the store's invalidations nothing cached could be trusted to be fresh: a process
    // that could not open the store (lib/data/process-start.ts) renders every request.
    if (disabled || !registered('cacheEvents')) return null;
    await readNewEvents();
    const extraTags = [...(ctx?.tags ?? []), ...(ctx?.softTags ?? [])];
    const entry = state.entries.get(key);
    if (entry && !isStale(entry, [...entry.tags, ...extraTags])) {
      // Most recently used goes to the end of the map.
      state.entries.delete(key);
      state.entries.set(key, entry);
      return { lastModified: entry.lastModified, value: entry.value };
    }
    if (entry) drop(key);
    if (state.shared) {
      const shared = await state.shared.get(key);
      if (shared && isSharedUsable(shared, [...shared.tags, ...extraTags])) {
        keep(key, shared);
        return { lastModified: shared.lastModified, value: shared.value };
      }
    }
    state.pendingSeq.set(key, state.seq);
    return null;
  }

  /**
   * @param {string} key
   * @param {CachedValue | null} data
   * @param {{ kind?: string, tags?: string[], cacheControl?: { revalidate?: number | false } } | undefined} ctx
   */
  async set(key, data, ctx) {
    if (disabled || !registered('cacheEvents')) return;
    const seq = state.pendingSeq.get(key) ?? state.seq;
    state.pendingSeq.delete(key);
    drop(key);
    if (data == null) return;
    const size = sizeOf(data);
    if (size > maxBytes / 4) return; // one giant entry must not empty the cache
    const tags = tagsOf(data, ctx?.tags);
    addValidatorAndPolicy(key, data, tags);
    const entry = { value: data, lastModified: Date.now(), seq, tags, size, revalidate: ctx?.cacheControl?.revalidate };
    keep(key, entry);
    if (state.shared) {
      const pathname = data.kind === pageEntryKind ? pathnameOf(key) : null;
      await Promise.all([state.shared.set(key, entry), pathname ? state.shared.set(sharedPageKey(pathname), key) : null]);
    }
  }

  /** revalidateTag()/revalidatePath() in this process: forget now what carries these tags. */
  /** @param {string | string[]} tags */
  async revalidateTag(tags) {
    const now = Date.now();
    for (const tag of typeof tags === 'string' ? [tags] : tags) state.localExpiry.set(tag, now);
  }

  /** Next calls this as each request starts: read invalidations once, at its first lookup. */
  resetRequestCache() {
    state.eventsUnread = true;
  }
}

/** The build's id: instances share entries only with instances of the same build. */
/** @param {{ serverDistDir?: string } | undefined} options */
function buildIdOf(options) {
  try {
    const distDir = options?.serverDistDir ? path.dirname(options.serverDistDir) : path.join(process.cwd(), '.next');
    return fs.readFileSync(path.join(distDir, 'BUILD_ID'), 'utf8').trim();
  } catch {
    return 'unknown-build';
  }
}
