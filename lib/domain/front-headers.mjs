// @ts-check
/**
 * Headers the HTTP front (lib/server/http-front.mjs) sets on every request before Next sees it,
 * and the app reads. Plain JavaScript: the front loads it outside Next's bundler.
 */

/** The request's id: kept from a trusted proxy, otherwise made by the front; echoed on the answer and in every log line. */
export const requestIdHeader = 'x-request-id';

/** The reader's address, as the front found it through trusted proxies (X-Forwarded-For). */
export const clientAddressHeader = 'x-newsroom-client-address';
