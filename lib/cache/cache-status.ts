import type { CacheStatus } from './contract';

/** What the cache handler (next-cache-handler.mjs) tells the rest of the server, through globalThis (contract.d.ts). */
export function cacheStatus(): CacheStatus | undefined {
  return globalThis.__newsroomCacheStatus;
}
