/** The server's structured JSON log (lib/runtime/log.mjs, shared with the cache handler). */
export { logger } from './runtime/log.mjs';

import { requestIdHeader, requestIdOf } from './domain/front-headers.mjs';
import { shared } from './runtime/process-state.mjs';

export { requestIdHeader };

export function requestIdFrom(headers: Headers): string {
  return requestIdOf(headers.get(requestIdHeader));
}

/**
 * Says that a request's server error has been logged with its details, so that the HTTP front
 * (lib/server/http-front.mjs), which logs every 5xx nothing else did, does not log it twice.
 */
export function markErrorLogged(requestId: string | null | undefined): void {
  if (!requestId) return;
  shared('loggedErrors', () => new Set<string>()).add(requestId);
}
