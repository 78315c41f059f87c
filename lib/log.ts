/** The server's structured JSON log (lib/cache/log.mjs, shared with the cache handler). */
export { logger } from './cache/log.mjs';

/** Incoming ids from a proxy in front (nginx's $request_id) are kept when they look like one. */
const requestIdPattern = /^[A-Za-z0-9._-]{8,128}$/;

import { requestIdHeader } from './domain/front-headers.mjs';

export { requestIdHeader };

export function requestIdFrom(headers: Headers): string {
  const incoming = headers.get(requestIdHeader);
  return incoming && requestIdPattern.test(incoming) ? incoming : crypto.randomUUID();
}

/**
 * Says that a request's server error has been logged with its details, so that the HTTP front
 * (lib/server/http-front.mjs), which logs every 5xx nothing else did, does not log it twice.
 */
export function markErrorLogged(requestId: string | null | undefined): void {
  if (!requestId) return;
  (globalThis.__newsroomLoggedErrors ??= new Set()).add(requestId);
}
