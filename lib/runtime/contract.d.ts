import type { Logger } from 'pino';

/**
 * What the app and the plain-JavaScript server and cache handler (loaded by Next outside its
 * bundler, or before it) share within one process, declared once (ProcessState, at the end):
 * registered and read through lib/runtime/process-state.mjs. One object of each per process,
 * whichever bundle touches it first.
 */

/** A value Next stores in its cache: a rendered page, a route's answer, a cached read. */
export type CachedValue = {
  kind: string;
  html?: string;
  rscData?: { byteLength: number };
  segmentData?: Map<string, { byteLength: number }>;
  body?: { byteLength: number };
  data?: { body?: unknown; [key: string]: unknown };
  headers?: Record<string, unknown>;
  [key: string]: unknown;
};

/** One entry of the page cache, as kept here and in Redis. */
/** `revalidate`: the page's revalidation period in seconds, as Next gave it when storing the render. */
export type CacheEntry = { value: CachedValue; lastModified: number; seq: number; tags: string[]; size: number; revalidate?: number | false };

/** A cache shared by every instance through Redis (shared-cache.mjs). */
export type SharedCache = {
  readonly ready: boolean;
  get<T = CacheEntry>(key: string): Promise<T | null>;
  set(key: string, entry: unknown): Promise<void>;
  delete(key: string): Promise<void>;
  ping(): Promise<string>;
  close(): Promise<void>;
};

/** The page cache's state (next-cache-handler.mjs). */
export type PageCacheState = {
  entries: Map<string, CacheEntry>;
  bytes: number;
  seq: number;
  storeVersion: number | undefined;
  tagSeq: Map<string, number>;
  localExpiry: Map<string, number>;
  pendingSeq: Map<string, number>;
  refreshing: Promise<void> | null;
  eventsUnread: boolean;
  warned: boolean;
  baseSeq: number | null;
  pages: Map<string, string>;
  held: WeakSet<CacheEntry>;
  shared: SharedCache | null;
};

/** What the proxy and the readiness check may ask of the page cache (lib/cache/cache-status.ts). */
export type CacheStatus = {
  hasPage(pathname: string): boolean;
  adoptSharedPage(pathname: string): Promise<boolean>;
  sharedCache(): SharedCache | null;
  freshPageEtag(pathname: string): Promise<string | null>;
  freshPageNow(pathname: string): CacheEntry | null;
  /** Counts `bytes` kept beside a held entry (the front's bodies) against the cache's bound. */
  charge(entry: CacheEntry, bytes: number): void;
  /** Whether anything was committed to the store since this process last read its invalidations. */
  behindTheStore(): boolean;
  /** Reads them now (what the first lookup of a request would do). */
  catchUp(): Promise<void>;
};

/**
 * What a cached page's answer carries beyond the stored render, registered by proxy.ts for the
 * HTTP front's cache hits (lib/server/cached-pages.mjs): its Cache-Control and its Vary.
 */
export type PageAnswer = { cacheControl(pathname: string): string; vary: string };

/** The proxy's remembered decisions (lib/data/page-request.ts, decidePageRequestOnce), by `pathname?query`. */
export type RememberedDecisions = {
  version: number;
  decisions: Map<string, { kind: string; cacheable?: boolean; path?: string }>;
};

/** The store's invalidation log, as the server registers it at start (lib/data/process-start.ts). */
export type CacheEvents = {
  startSeq: number;
  /** `createdTs`: when the event was committed (the metrics' change-feed lag). */
  since(seq: number): Promise<{ seq: number; tag: string; createdTs?: number }[]>;
  /** The store's change counter (lib/store/database.ts, Store.version), where it has one: unchanged means no new event. */
  version?: () => number;
};

/**
 * Scheduled stories, as this process's scheduler last read them (lib/data/scheduler.ts): the
 * time of each edition's next one, so that no shared cache is told to keep an answer past it;
 * `wake` makes the scheduler look again now (after this process wrote a scheduled story).
 */
export type ScheduleState = { next: Map<string, number>; wake(): void };

/** One purge sent to one edge (lib/edge/purger.ts). */
export type PurgeOutcome = { edge: string; ok: boolean; tags: number; seq: number; ms: number; fromCommitMs: number | null; all?: boolean };

/** What a worker counts for Prometheus (lib/server/metrics.mjs). */
export type Metrics = {
  request(target: string, status: number, fromFront: boolean, ms: number, rendered: boolean, rsc: boolean): void;
  shed(): void;
  storeError(store: 'store' | 'redis'): void;
  feedLag(ms: number): void;
  purge(outcome: PurgeOutcome): void;
};

/** What the read beacon hands a view to (lib/server/view-beacon.mjs → lib/data/view-counter.ts). */
export type ViewCounter = {
  record(storyId: string, address: string, userAgent: string): void;
  /** Views received, counted after deduplication, and batches written, since the process started. */
  stats(): { received: number; collected: number; counted: number; batches: number };
  /** Writes what is collected now, and notes each edition's most read stories. */
  flush(): Promise<void>;
};

/** Every slot of lib/runtime/process-state.mjs, by name. */
export type ProcessState = {
  /** lib/data/scheduler.ts */
  schedule: ScheduleState;
  /** lib/data/renditions.ts: `wake` makes the queue look for an upload now (after this process stored one). */
  renditions: { wake(): void };
  /** lib/cache/next-cache-handler.mjs */
  pageCache: PageCacheState;
  /** lib/cache/next-cache-handler.mjs; read by the proxy, the readiness check and the front. */
  cacheStatus: CacheStatus;
  /** lib/data/process-start.ts, once the store is open. */
  cacheEvents: CacheEvents;
  /** lib/edge/purger.ts, when EDGE_PURGE_URLS is set: the edges it purges. */
  edgePurges: { edges: string[] };
  /** lib/server/metrics.mjs, in a worker: what the rest of the process counts. */
  metrics: Metrics;
  /** proxy.ts, for the front's cache hits. */
  pageAnswer: PageAnswer;
  /** lib/data/page-request.ts */
  decisions: RememberedDecisions;
  /** Request ids whose 5xx was already logged: the HTTP front does not log them twice. */
  loggedErrors: Set<string>;
  /** lib/runtime/log.mjs */
  logger: Logger;
  /** lib/http/next-formats.mjs: each assumption about Next's private formats checked so far, and what was found. */
  nextAssumptions: Map<string, { ok: boolean; detail?: string }>;
  /** lib/data/view-counter.ts, once the store is open: the read beacon's views (issue 32). */
  views: ViewCounter;
  /** lib/store/database.ts: the process's one store (its type is the store's: `Promise<Store>`). */
  store: Promise<unknown>;
};
