import type { CacheStatus } from '../runtime/contract';
import { registered } from '../runtime/process-state.mjs';

/** What the cache handler (next-cache-handler.mjs) tells the rest of the server (lib/runtime/contract.d.ts). */
export function cacheStatus(): CacheStatus | undefined {
  return registered('cacheStatus');
}
