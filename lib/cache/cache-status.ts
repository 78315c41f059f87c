import type { SharedCache } from './shared-cache.mjs';

/** What the cache handler (next-cache-handler.mjs) tells the rest of the server, through globalThis. */
type CacheStatus = {
  /** A page for this pathname is held in this process's cache. */
  hasPage(pathname: string): boolean;
  /** Takes a page another instance rendered from Redis into this process's cache, if it can be judged fresh. */
  adoptSharedPage(pathname: string): Promise<boolean>;
  /** The ETag of the page held for this pathname if it is still fresh, else null. */
  freshPageEtag(pathname: string): Promise<string | null>;
  /** The Redis-backed cache, when REDIS_URL is set. */
  sharedCache(): SharedCache | null;
};

export function cacheStatus(): CacheStatus | undefined {
  return (globalThis as typeof globalThis & { __newsroomCacheStatus?: CacheStatus }).__newsroomCacheStatus;
}
